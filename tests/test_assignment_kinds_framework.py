"""What every kind gets from the framework: stable row ids and the deliverables it builds on."""

import pytest
from django import forms
from django.urls import reverse

from cms.demo import factories as f
from cohorts.assignments import selectors
from cohorts.assignments.kinds import KINDS, Editor, initial_content
from cohorts.assignments.kinds.base import IdentifiedRowForm, Kind, ListSpec
from sprints.models import AssignmentKind
from sprints.schemas import SCHEMAS
from sprints.schemas.base import RowId, Schema

pytestmark = pytest.mark.django_db

# A made-up kind that builds on the team's pilot plan: its rows are the plan's indicators.
BUILDER = AssignmentKind.DOCUMENT


class Row(Schema):
    id: str = RowId
    name: str = ""


class Rows(Schema):
    rows: list[Row] = []


class RowForm(IdentifiedRowForm):
    name = forms.CharField(required=False)


@pytest.fixture
def builder_kind(monkeypatch):
    spec = Kind(
        kind=BUILDER,
        template_name="cohorts/assignments/render/document.html",
        lists=(ListSpec("rows", "Rows", RowForm, "Add", "Row"),),
        sources=(AssignmentKind.PILOT_PLAN,),
        prefill=lambda sources: {
            "rows": [{"name": i["name"]} for i in sources[AssignmentKind.PILOT_PLAN]["indicators"]]
        },
    )
    monkeypatch.setitem(KINDS, BUILDER, spec)
    monkeypatch.setitem(SCHEMAS, BUILDER, Rows)
    return spec


def _post(rows):
    data = {"rows-TOTAL_FORMS": str(len(rows)), "rows-INITIAL_FORMS": "0"}
    for index, (row_id, name) in enumerate(rows):
        data |= {f"rows-{index}-id": row_id, f"rows-{index}-name": name, f"rows-{index}-ORDER": str(index)}
    return data


def test_editor_gives_new_rows_an_id_and_keeps_existing_ones(builder_kind):
    editor = Editor(BUILDER, data=_post([("", "New"), ("abc123", "Kept")]))
    assert editor.is_valid(), editor.content_error
    first, second = editor.cleaned_content["rows"]
    assert len(first["id"]) == 8 and first["id"].isalnum()
    assert second["id"] == "abc123"


def test_a_row_id_that_is_not_letters_and_digits_is_refused(builder_kind):
    editor = Editor(BUILDER, data=_post([("<script>", "Bad")]))
    assert not editor.is_valid()
    assert "rows.0.id" in editor.content_error


def test_source_contents_reads_the_team_draft_of_the_latest_due_template():
    team = f.TeamFactory()
    program = team.cohort.program
    early = f.AssignmentTemplateFactory(program=program, kind=AssignmentKind.PILOT_PLAN, due_week=2)
    late = f.AssignmentTemplateFactory(program=program, kind=AssignmentKind.PILOT_PLAN, due_week=9)
    f.SubmissionFactory(team=team, template=late, content={"problem": "late"})
    f.SubmissionFactory(team=team, template=early, content={"problem": "early"})
    f.SubmissionFactory(template__kind=AssignmentKind.PILOT_PLAN, content={"problem": "another team's"})
    assert selectors.source_contents(team, [AssignmentKind.PILOT_PLAN]) == {
        AssignmentKind.PILOT_PLAN: {"problem": "late"}
    }
    assert selectors.source_contents(team, []) == {}


def test_a_new_draft_starts_from_its_sources(builder_kind):
    sources = {AssignmentKind.PILOT_PLAN: {"indicators": [{"name": "Bids per tender"}]}}
    assert initial_content(BUILDER, sources) == {"rows": [{"id": "", "name": "Bids per tender"}]}
    assert initial_content(BUILDER, {}) == {"rows": []}


def test_the_editor_page_of_a_new_draft_shows_what_it_builds_on(builder_kind, client):
    member = f.MembershipFactory()
    team = member.team
    plan = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.PILOT_PLAN)
    f.SubmissionFactory(team=team, template=plan, content={"indicators": [{"name": "Share of new vendors"}]})
    builder = f.AssignmentTemplateFactory(program=team.cohort.program, kind=BUILDER, due_week=8)
    client.force_login(member.user)
    response = client.get(reverse("cohorts:assignment", args=[team.pk, builder.pk]))
    assert response.status_code == 200
    assert 'value="Share of new vendors"' in response.content.decode()
