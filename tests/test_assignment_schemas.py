"""Each kind's content schema rejects bad content with a message that says what is wrong."""

import pytest
from django.core.exceptions import ValidationError

from cohorts.assignments.kinds import KINDS, Editor, interviews_by_type, stage_coverage
from sprints.models import AssignmentKind
from sprints.schemas import empty_content, validate_content

BAD = [
    (AssignmentKind.VENDOR_JOURNEY_MAP, {"stages": [{"name": ""}]}, "stages.0.name"),
    (AssignmentKind.VENDOR_JOURNEY_MAP, {"stages": [{"name": "A", "mood": "sad"}]}, "stages.0.mood"),
    (
        AssignmentKind.DATA_SYSTEMS_MAP,
        {"systems": [{"name": "ERP", "stages": ["bidding"]}]},
        "systems.0.stages.0",
    ),
    (AssignmentKind.DATA_SYSTEMS_MAP, {"systems": [{"owner": "IT"}]}, "systems.0.name"),
    (
        AssignmentKind.STAKEHOLDER_INTERVIEWS,
        {"interviews": [{"interviewee_type": "Vendor", "date": "soon"}]},
        "interviews.0.date",
    ),
    (
        AssignmentKind.PILOT_PLAN,
        {"tasks": [{"description": "Call", "due_date": "2027-13-01"}]},
        "tasks.0.due_date",
    ),
    (AssignmentKind.PILOT_PLAN, {"indicators": [{"baseline": "1"}]}, "indicators.0.name"),
    (AssignmentKind.DOCUMENT, {"links": ["not a link"]}, "links.0"),
    (AssignmentKind.DOCUMENT, {"body": 12}, "body"),
]


@pytest.mark.parametrize(("kind", "content", "where"), BAD)
def test_bad_content_is_rejected_with_a_clear_message(kind, content, where):
    with pytest.raises(ValidationError) as error:
        validate_content(kind, content)
    message = error.value.messages[0]
    assert message.startswith(f"The {AssignmentKind(kind).label} content is not valid:")
    assert where in message


@pytest.mark.parametrize("kind", list(AssignmentKind))
def test_every_kind_has_an_editor_renderer_and_empty_content(kind):
    spec = KINDS[kind]
    assert spec.template_name.endswith(f"{kind}.html")
    assert validate_content(kind, empty_content(kind)) == empty_content(kind)
    assert Editor(kind).formsets is not None  # an unbound editor builds


def test_editor_rejects_rows_the_schema_refuses_and_keeps_the_input():
    data = {
        "systems-TOTAL_FORMS": "1",
        "systems-INITIAL_FORMS": "0",
        "systems-0-name": "ERP",
        "systems-0-stages": ["bidding"],
    }
    editor = Editor(AssignmentKind.DATA_SYSTEMS_MAP, data=data)
    assert not editor.is_valid()
    assert editor.formsets[0].forms[0]["name"].value() == "ERP"


def test_coverage_summary_shows_missing_and_unpublished_stages():
    content = validate_content(
        AssignmentKind.DATA_SYSTEMS_MAP,
        {
            "systems": [
                {"name": "Portal", "stages": ["tender", "award"], "published_where": "portal.gov"},
                {"name": "ERP", "stages": ["contract"]},
            ]
        },
    )
    coverage = {row["stage"]: row for row in stage_coverage(content)}
    assert coverage["tender"]["gap"] is None
    assert str(coverage["contract"]["gap"]) == "Held but not published."
    assert str(coverage["planning"]["gap"]) == "No system holds data for this stage."
    assert coverage["implementation"]["systems"] == []


def test_interviews_are_summarised_by_stakeholder_type():
    content = validate_content(
        AssignmentKind.STAKEHOLDER_INTERVIEWS,
        {
            "interviews": [
                {"interviewee_type": "Vendor", "pain_points": "Late payment"},
                {"interviewee_type": "vendor ", "pain_points": "Complex forms"},
                {"interviewee_type": "Buyer"},
            ]
        },
    )
    groups = interviews_by_type(content)
    assert [(g["type"], g["count"]) for g in groups] == [("Vendor", 2), ("Buyer", 1)]
    assert groups[0]["pain_points"] == ["Late payment", "Complex forms"]
