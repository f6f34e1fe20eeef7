"""The Diagnostic phase's kinds: schemas (valid and hostile), linked editors, renderers, versions and exports.

The chain: key-informant guide → outreach tracker → interview notes → baseline observations →
baseline summary (which also reads the data systems map). Content comes from the demo's chain
team, in both languages.
"""

import csv
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from cms import demo_content as demo
from cms.demo import factories as f
from cms.management.commands.seed_demo import in_language
from cohorts.assignments.kinds import KINDS, Editor, initial_content
from cohorts.assignments.models import FeedbackDecision, SubmissionStatus
from cohorts.assignments.services import (
    feedback_give,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from sprints.models import AssignmentKind as K
from sprints.schemas import validate_content
from sprints.schemas.diagnostic import TOO_FEW_CHALLENGE_AREAS
from tests.export_helpers import sheet_table

pytestmark = pytest.mark.django_db

DIAGNOSTIC = [
    K.ENVIRONMENT_QUESTIONNAIRE,
    K.KEY_INFORMANT_GUIDE,
    K.OUTREACH_TRACKER,
    K.INTERVIEW_NOTES,
    K.BASELINE_OBSERVATIONS,
    K.BASELINE_SUMMARY,
]
TODAY = datetime.date(2027, 3, 15)


def demo_content(kind, language="en"):
    for data in demo.DIAGNOSTIC_DELIVERABLES:
        if demo.TEMPLATES[data["template"]]["kind"] == kind:
            return validate_content(kind, in_language(data["content"], language, TODAY))
    raise LookupError(kind)


def url(name, team, template, *args):
    return reverse(f"cohorts:{name}", args=[team.pk, template.pk, *args])


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, items):
    data = management(prefix, len(items))
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def template_for(member, kind, **kwargs):
    return f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind, **kwargs)


def save(member, template, content):
    submission = submission_for(team=member.team, template=template)
    return submission_save_draft(
        submission=submission, content=content, revision=submission.revision, user=member.user
    )


def chain(member, kinds=(*DIAGNOSTIC, K.DATA_SYSTEMS_MAP), language="en"):
    """Templates of the chain's kinds in the member's program, each filled with the demo content."""
    templates = {}
    for week, kind in enumerate(kinds, start=1):
        templates[kind] = template_for(member, kind, due_week=week, title=f"{kind} title")
        save(member, templates[kind], demo_content(kind, language))
    return templates


# --- Schemas --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", [*DIAGNOSTIC, K.DATA_SYSTEMS_MAP])
def test_the_demo_chain_content_is_valid_in_both_languages(kind, language):
    content = demo_content(kind, language)
    assert validate_content(kind, content) == content


def test_the_demo_challenge_areas_are_four_to_six_with_stable_ids_the_report_reuses():
    observations = demo_content(K.BASELINE_OBSERVATIONS)
    summary = demo_content(K.BASELINE_SUMMARY)
    ids = [area["id"] for area in observations["challenge_areas"]]
    assert 4 <= len(ids) <= 6 and all(ids)
    assert [area["id"] for area in summary["challenge_areas"]] == ids
    codes = {code for o in demo_content(K.INTERVIEW_NOTES)["observations"] for code in o["codes"]}
    assert {code for area in observations["challenge_areas"] for code in area["codes"]} == codes
    contacts = {c["id"] for c in demo_content(K.OUTREACH_TRACKER)["contacts"]}
    notes = demo_content(K.INTERVIEW_NOTES)
    assert {row["contact"] for row in notes["interviews"] + notes["observations"]} <= contacts


HOSTILE = [
    (K.ENVIRONMENT_QUESTIONNAIRE, {"political_support_rating": 6}, "political_support_rating"),
    (K.ENVIRONMENT_QUESTIONNAIRE, {"performance_rating": "high"}, "performance_rating"),
    (K.ENVIRONMENT_QUESTIONNAIRE, {"issue_focus": "speed"}, "issue_focus"),
    (K.ENVIRONMENT_QUESTIONNAIRE, {"goals_short_term": "x" * 10_001}, "goals_short_term"),
    (K.ENVIRONMENT_QUESTIONNAIRE, {"mood": "sad"}, "mood"),
    (K.KEY_INFORMANT_GUIDE, {"informants": [{"name": f"P{i}"} for i in range(11)]}, "informants"),
    (
        K.KEY_INFORMANT_GUIDE,
        {"focus_groups": [{"topic": "Vendors", "participants": [f"P{i}" for i in range(9)]}]},
        "focus_groups.0.participants",
    ),
    (
        K.KEY_INFORMANT_GUIDE,
        {"question_groups": [{"interviewee_type": ""}]},
        "question_groups.0.interviewee_type",
    ),
    (K.KEY_INFORMANT_GUIDE, {"interviewer": ["Ana"]}, "interviewer"),
    (K.OUTREACH_TRACKER, {"contacts": [{"person": "Ana", "status": "maybe"}]}, "contacts.0.status"),
    (K.OUTREACH_TRACKER, {"contacts": [{"person": "Ana", "date": "soon"}]}, "contacts.0.date"),
    (K.OUTREACH_TRACKER, {"contacts": [{"person": "Ana", "id": "x; DROP TABLE"}]}, "contacts.0.id"),
    (K.OUTREACH_TRACKER, {"contacts": [{"person": "Ana", "phone": "555"}]}, "contacts.0.phone"),
    (K.OUTREACH_TRACKER, {"contacts": [{"person": "P"}] * 101}, "contacts"),
    (K.INTERVIEW_NOTES, {"observations": [{"text": "Slow", "codes": ["x" * 61]}]}, "observations.0.codes.0"),
    (K.INTERVIEW_NOTES, {"observations": [{"text": 12}]}, "observations.0.text"),
    (K.INTERVIEW_NOTES, {"interviews": [{"contact": "Ana Pérez"}]}, "interviews.0.contact"),
    (K.BASELINE_OBSERVATIONS, {"challenge_areas": [{"title": f"A{i}"} for i in range(7)]}, "challenge_areas"),
    (K.BASELINE_OBSERVATIONS, {"ratings": [{"issue": "Specs", "rating": 0}]}, "ratings.0.rating"),
    (
        K.BASELINE_OBSERVATIONS,
        {"challenge_areas": [{"title": "A", "codes": "late"}]},
        "challenge_areas.0.codes",
    ),
    (K.BASELINE_SUMMARY, {"indicators": [{"name": "Days", "as_of": "2027-02-30"}]}, "indicators.0.as_of"),
    (K.BASELINE_SUMMARY, {"challenge_areas": ["Intake"]}, "challenge_areas.0"),
    (K.BASELINE_SUMMARY, {"overview": None}, "overview"),
]


@pytest.mark.parametrize(("kind", "content", "where"), HOSTILE)
def test_hostile_content_is_refused_saying_where(kind, content, where):
    with pytest.raises(ValidationError) as error:
        validate_content(kind, content)
    message = error.value.messages[0]
    assert message.startswith(f"The {K(kind).label} content is not valid:")
    assert where in message


SCRIPT = "<script>alert('x')</script>"

SCRIPTED = {
    K.ENVIRONMENT_QUESTIONNAIRE: {"pain_points": SCRIPT},
    K.KEY_INFORMANT_GUIDE: {
        "question_groups": [{"id": "q1", "interviewee_type": SCRIPT, "questions": [SCRIPT]}]
    },
    K.OUTREACH_TRACKER: {"contacts": [{"id": "c1", "person": SCRIPT}]},
    K.INTERVIEW_NOTES: {"observations": [{"id": "o1", "text": SCRIPT, "codes": ["<b>code</b>"]}]},
    K.BASELINE_OBSERVATIONS: {"challenge_areas": [{"id": "a1", "title": SCRIPT}]},
    K.BASELINE_SUMMARY: {"challenge_areas": [{"id": "a1", "title": SCRIPT}], "next_steps": SCRIPT},
}


@pytest.mark.parametrize("kind", DIAGNOSTIC)
def test_script_tags_are_rendered_escaped(kind):
    content = validate_content(kind, SCRIPTED[kind])
    html = Template("{% load assignment_tags %}{% render_content kind content %}").render(
        Context({"kind": kind, "content": content})
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>code</b>" not in html


def test_a_draft_of_observations_saves_with_fewer_than_four_areas_but_is_not_submitted(member):
    template = template_for(member, K.BASELINE_OBSERVATIONS)
    areas = [{"id": f"a{i}", "title": f"Area {i}"} for i in range(3)]
    submission = save(member, template, {"challenge_areas": areas})
    assert len(submission.content["challenge_areas"]) == 3
    with pytest.raises(ValidationError) as error:
        submission_submit(submission=submission, user=member.user)
    assert error.value.messages == [str(TOO_FEW_CHALLENGE_AREAS % {"minimum": 4, "count": 3})]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT and submission.version_number == 0
    save(member, template, {"challenge_areas": [*areas, {"id": "a3", "title": "Area 3"}]})
    assert submission_submit(submission=submission, user=member.user).number == 1


# --- Editors ----------------------------------------------------------------------------------

POSTS = {
    K.ENVIRONMENT_QUESTIONNAIRE: (
        {
            "main-goals_short_term": "Publish cycle time monthly",
            "main-political_support_rating": "4",
            "main-issue_focus": "efficiency_fairness",
            "main-data_governance_rating": "",
            "main-performance_rating": "2",
        },
        lambda c: (
            c["political_support_rating"] == 4
            and c["data_governance_rating"] is None
            and c["issue_focus"] == "efficiency_fairness"
        ),
    ),
    K.KEY_INFORMANT_GUIDE: (
        {
            "main-interviewer": "Eli",
            "main-notetaker": "Hannah",
            **rows(
                "question_groups",
                [{"interviewee_type": "Vendors", "questions": "How do you find bids?\nWhy stop?"}],
            ),
            **rows("informants", [{"name": "Marta Ruiz", "organisation": "Public Works"}]),
            **rows("focus_groups", [{"topic": "Small vendors", "participants": "A\nB\nC"}]),
        },
        lambda c: (
            c["question_groups"][0]["questions"] == ["How do you find bids?", "Why stop?"]
            and c["informants"][0]["id"]
            and c["focus_groups"][0]["participants"] == ["A", "B", "C"]
        ),
    ),
    K.OUTREACH_TRACKER: (
        rows("contacts", [{"person": "Marta Ruiz", "status": "scheduled", "date": "2027-03-02"}]),
        lambda c: c["contacts"][0]["status"] == "scheduled" and len(c["contacts"][0]["id"]) == 8,
    ),
    K.INTERVIEW_NOTES: (
        {
            **rows("interviews", []),
            **rows("observations", [{"text": "Requests come late", "codes": "Late requests, budget"}]),
        },
        lambda c: c["observations"][0]["codes"] == ["late requests", "budget"],
    ),
    K.BASELINE_OBSERVATIONS: (
        {
            **rows("ratings", [{"issue": "Specs are current", "rating": "2", "respondents": "12 buyers"}]),
            **rows("challenge_areas", [{"title": "Late requests", "description": "After budget adoption"}]),
        },
        lambda c: c["ratings"][0]["rating"] == 2 and c["challenge_areas"][0]["title"] == "Late requests",
    ),
    K.BASELINE_SUMMARY: (
        {
            "main-overview": "Where we start",
            **rows("challenge_areas", []),
            **rows("indicators", [{"name": "Median cycle days", "baseline": "148", "as_of": "2027-02-01"}]),
        },
        lambda c: c["indicators"][0]["as_of"] == "2027-02-01" and c["overview"] == "Where we start",
    ),
}


@pytest.mark.parametrize("kind", DIAGNOSTIC)
def test_each_editor_saves_and_reloads(client, member, kind):
    template = template_for(member, kind)
    client.force_login(member.user)
    assert client.get(url("assignment", member.team, template)).status_code == 200
    data, check = POSTS[kind]
    response = client.post(url("assignment", member.team, template), {"revision": "0", **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    content = submission_for(team=member.team, template=template).content
    assert check(content), content
    reloaded = client.get(url("assignment", member.team, template)).text
    assert 'name="revision" value="1"' in reloaded


def test_the_questionnaire_editor_groups_the_four_topics(client, member):
    template = template_for(member, K.ENVIRONMENT_QUESTIONNAIRE)
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, template)).text
    for topic in ("1. Goals, political support and pain points", "2. Issue focus", "3. Data governance"):
        assert f"<legend>{topic}</legend>" in page
    assert "4. Performance management" in page
    assert 'type="radio" name="main-political_support_rating" value="5"' in page


def test_more_than_ten_informants_are_refused_keeping_what_was_typed(client, member):
    template = template_for(member, K.KEY_INFORMANT_GUIDE)
    client.force_login(member.user)
    informants = [{"name": f"Person {i}"} for i in range(11)]
    response = client.post(
        url("assignment", member.team, template), {"revision": "0", **rows("informants", informants)}
    )
    assert response.status_code == 400
    assert "Plan at most 10 key informants." in response.text
    assert 'value="Person 10"' in response.text
    assert submission_for(team=member.team, template=template).revision == 0


def test_a_focus_group_of_nine_is_refused_with_a_message(client, member):
    template = template_for(member, K.KEY_INFORMANT_GUIDE)
    client.force_login(member.user)
    people = "\n".join(f"P{i}" for i in range(9))
    response = client.post(
        url("assignment", member.team, template),
        {"revision": "0", **rows("focus_groups", [{"topic": "Vendors", "participants": people}])},
    )
    assert response.status_code == 400
    assert "A focus group has at most 8 people: this one lists 9." in response.text


def test_the_tracker_starts_from_the_guides_planned_informants(client, member):
    templates = chain(member, kinds=(K.KEY_INFORMANT_GUIDE,))
    tracker = template_for(member, K.OUTREACH_TRACKER, due_week=5)
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, tracker)).text
    assert 'value="Marta Ruiz"' in page and 'value="c01"' in page
    guide = submission_for(team=member.team, template=templates[K.KEY_INFORMANT_GUIDE]).content
    first = initial_content(K.OUTREACH_TRACKER, {K.KEY_INFORMANT_GUIDE: guide})
    assert [(c["id"], c["person"], c["status"]) for c in first["contacts"]][:2] == [
        ("c01", "Marta Ruiz", "to_contact"),
        ("c02", "Tom Becker", "to_contact"),
    ]


def test_interview_notes_pick_people_from_the_tracker_by_id(client, member):
    chain(member, kinds=(K.OUTREACH_TRACKER,))
    notes = template_for(member, K.INTERVIEW_NOTES, due_week=5)
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, notes)).text
    # A new draft starts with an interview per person interviewed or scheduled (7 of 8).
    assert 'name="interviews-TOTAL_FORMS" value="7"' in page
    assert (
        '<option value="c03" selected>Aisha Khan — Assistant city attorney — Law Department</option>' in page
    )
    response = client.post(
        url("assignment", member.team, notes),
        {
            "revision": "0",
            **rows("interviews", [{"contact": "c03", "date": "2027-03-01", "summary": "Full review always"}]),
            **rows(
                "observations", [{"contact": "c03", "text": "Legal starts late", "codes": "legal review"}]
            ),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    content = submission_for(team=member.team, template=notes).content
    assert content["interviews"][0]["contact"] == "c03" and content["observations"][0]["contact"] == "c03"
    rendered = client.get(url("assignment", member.team, notes)).text
    assert "Aisha Khan" in rendered and "legal review" in rendered
    sheet = load_workbook(
        io.BytesIO(client.get(url("assignment_export", member.team, notes, "xlsx")).content)
    )
    observations = sheet_table(sheet["Observations"])
    assert observations[1][0].value == "Aisha Khan — Assistant city attorney — Law Department"


def test_a_link_to_a_person_removed_from_the_tracker_is_kept_and_said(client, member):
    templates = chain(member, kinds=(K.OUTREACH_TRACKER, K.INTERVIEW_NOTES))
    tracker = templates[K.OUTREACH_TRACKER]
    content = submission_for(team=member.team, template=tracker).content
    save(member, tracker, {"contacts": [c for c in content["contacts"] if c["id"] != "c01"]})
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, templates[K.INTERVIEW_NOTES])).text
    assert '<option value="c01" selected>c01 (no longer in the source deliverable)</option>' in page
    assert "A person no longer on the outreach tracker" in page


def test_challenge_areas_pick_the_codes_of_the_notes_and_show_their_observations(client, member):
    templates = chain(member, kinds=(K.OUTREACH_TRACKER, K.INTERVIEW_NOTES, K.BASELINE_OBSERVATIONS))
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, templates[K.BASELINE_OBSERVATIONS])).text
    assert 'value="legal review"' in page and "legal review (2 observations)" in page
    assert len(re.findall(r'value="late requests" id="[^"]+" checked', page)) == 1  # area 1 only
    # The renderer shows each area with the observations its codes bring together, and who said them.
    assert "Every contract gets a full legal review, even small renewals." in page
    assert "Aisha Khan — Assistant city attorney — Law Department" in page
    observations = submission_for(team=member.team, template=templates[K.BASELINE_OBSERVATIONS]).content
    areas = observations["challenge_areas"]
    save(member, templates[K.BASELINE_OBSERVATIONS], {**observations, "challenge_areas": areas[:4]})
    page = client.get(url("assignment", member.team, templates[K.BASELINE_OBSERVATIONS])).text
    assert "Codes in the interview notes that no challenge area synthesises yet:" in page
    assert '<span class="code-tag">no cycle data</span>' in page


def test_the_summary_starts_from_the_observations_and_shows_the_data_gaps(client, member):
    chain(member, kinds=(K.OUTREACH_TRACKER, K.INTERVIEW_NOTES, K.BASELINE_OBSERVATIONS, K.DATA_SYSTEMS_MAP))
    summary = template_for(member, K.BASELINE_SUMMARY, due_week=9)
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, summary)).text
    assert 'value="Late and incomplete requests"' in page and 'value="intake"' in page
    assert 'name="challenge_areas-TOTAL_FORMS" value="5"' in page
    assert "Key-informant interviews: 6 of the 8 people on the outreach tracker." in page
    response = client.post(
        url("assignment", member.team, summary),
        {
            "revision": "0",
            "main-overview": "Where we start",
            **rows("challenge_areas", [{"id": "intake", "title": "Late and incomplete requests"}]),
            **rows("indicators", []),
        },
    )
    assert response.status_code == 302
    page = client.get(url("assignment", member.team, summary)).text
    # The coverage by stage comes from the data systems map: nothing published for planning.
    assert "Coverage by procurement stage, from the team" in page
    assert "Held but not published." in page
    # Areas of the observations the report leaves out are named.
    assert "In the baseline observations but not in this report yet:" in page
    assert "Outdated specifications" in page


# --- Versions, feedback, compare and exports ----------------------------------------------


def changed(kind, content):
    """The content with one visible text changed, for a second version."""
    content = dict(content)
    field = {
        K.ENVIRONMENT_QUESTIONNAIRE: "pain_points",
        K.KEY_INFORMANT_GUIDE: "purpose",
        K.BASELINE_SUMMARY: "overview",
    }.get(kind)
    if field:
        content[field] = content[field] + " Revised."
        return content
    name = {
        K.OUTREACH_TRACKER: ("contacts", "notes"),
        K.INTERVIEW_NOTES: ("observations", "quote"),
        K.BASELINE_OBSERVATIONS: ("challenge_areas", "description"),
    }[kind]
    rows_ = [dict(row) for row in content[name[0]]]
    rows_[0][name[1]] = rows_[0][name[1]] + " Revised."
    content[name[0]] = rows_
    return content


@pytest.mark.parametrize("kind", DIAGNOSTIC)
def test_versions_feedback_and_compare_work_for_each_kind(client, member, kind):
    templates = chain(member)
    template = templates[kind]
    submission = submission_for(team=member.team, template=template)
    version = submission_submit(submission=submission, user=member.user)
    feedback_give(
        version=version,
        author=f.StaffUserFactory(),
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="Say more.",
    )
    submission.refresh_from_db()
    save(member, template, changed(kind, submission.content))
    submission_submit(submission=submission, user=member.user)
    client.force_login(member.user)
    history = client.get(url("assignment_history", member.team, template)).text
    assert "Changes requested" in history and "Version 2" in history
    assert "Say more." in client.get(url("assignment_history", member.team, template) + "?version=1").text
    page = client.get(url("assignment_compare", member.team, template) + "?a=1&b=2").text
    assert "<ins>Revised.</ins>" in page


EXPECTED_SHEETS = {
    K.ENVIRONMENT_QUESTIONNAIRE: (["Environment questionnaire"], "Efficiency and fairness"),
    K.KEY_INFORMANT_GUIDE: (["Overview", "Questions", "Planned informants", "Focus groups"], "Marta Ruiz"),
    K.OUTREACH_TRACKER: (["Interview outreach tracker"], "Interviewed"),
    K.INTERVIEW_NOTES: (
        ["Interviews", "Observations"],
        "Aisha Khan — Assistant city attorney — Law Department",
    ),
    K.BASELINE_OBSERVATIONS: (["Staff ratings", "Challenge areas"], "Late and incomplete requests"),
    K.BASELINE_SUMMARY: (
        ["Challenge areas", "Baseline indicators", "Report"],
        "Median days from request to award",
    ),
}

PDF_TEXT = {
    K.ENVIRONMENT_QUESTIONNAIRE: "Data governance",
    K.KEY_INFORMANT_GUIDE: "Marta Ruiz",
    K.OUTREACH_TRACKER: "Aisha Khan",
    K.INTERVIEW_NOTES: "Aisha Khan",
    K.BASELINE_OBSERVATIONS: "Late and incomplete requests",
    K.BASELINE_SUMMARY: "Coverage by procurement stage",
}


@pytest.mark.parametrize("kind", DIAGNOSTIC)
def test_pdf_spreadsheet_and_csv_exports_of_each_kind(client, member, kind):
    template = chain(member)[kind]
    client.force_login(member.user)
    response = client.get(url("assignment_export", member.team, template, "pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert PDF_TEXT[kind] in " ".join(text.split())
    sheets, value = EXPECTED_SHEETS[kind]
    workbook = load_workbook(
        io.BytesIO(client.get(url("assignment_export", member.team, template, "xlsx")).content)
    )
    assert workbook.sheetnames == sheets
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert value in cells
    table = list(
        csv.reader(
            io.StringIO(
                client.get(url("assignment_export", member.team, template, "csv")).content.decode("utf-8-sig")
            )
        )
    )
    assert len(table) > 1


SPANISH = {
    K.ENVIRONMENT_QUESTIONNAIRE: ("3. Gobernanza de datos", "Compras administra el portal"),
    K.KEY_INFORMANT_GUIDE: ("Preguntas por tipo de persona entrevistada", "Cuéntenos su última solicitud"),
    K.OUTREACH_TRACKER: ("Entrevistada", "Abogada municipal adjunta"),
    K.INTERVIEW_NOTES: ("Códigos", "revisión jurídica"),
    K.BASELINE_OBSERVATIONS: ("Áreas de desafío", "Solicitudes tardías e incompletas"),
    K.BASELINE_SUMMARY: ("Cobertura por etapa de contratación", "Sin datos compartidos de tiempos de ciclo"),
}


@pytest.mark.parametrize("kind", DIAGNOSTIC)
def test_each_kind_renders_in_spanish_with_spanish_content(client, member, kind):
    template = chain(member, language="es")[kind]
    client.force_login(member.user)
    with translation.override("es"):
        path = url("assignment", member.team, template)
    page = client.get(path).text
    label, text = SPANISH[kind]
    assert label in page and text in page


@pytest.mark.parametrize("kind", [K.BASELINE_SUMMARY, K.INTERVIEW_NOTES, K.BASELINE_OBSERVATIONS])
def test_editors_that_read_other_deliverables_run_a_bounded_number_of_queries(client, member, kind):
    client.force_login(member.user)
    counts = []
    for size in (1, 5):
        team = f.MembershipFactory(user=member.user, team__cohort=member.team.cohort).team
        created = {}
        contacts = [{"id": f"c{i}", "person": f"P{i}", "status": "done"} for i in range(size * 10)]
        observations = [
            {"id": f"o{i}", "contact": f"c{i}", "text": "x", "codes": [f"k{i}"]} for i in range(size * 10)
        ]
        for due, (source_kind, content) in enumerate(
            [
                (K.OUTREACH_TRACKER, {"contacts": contacts}),
                (K.INTERVIEW_NOTES, {"observations": observations}),
                (K.BASELINE_OBSERVATIONS, {"challenge_areas": [{"id": "a", "title": "A", "codes": ["k0"]}]}),
                (
                    K.DATA_SYSTEMS_MAP,
                    {"systems": [{"name": f"S{i}", "stages": ["tender"]} for i in range(size)]},
                ),
            ]
        ):
            template = created[source_kind] = f.AssignmentTemplateFactory(
                program=team.cohort.program, kind=source_kind, due_week=due + 1
            )
            submission = submission_for(team=team, template=template)
            submission_save_draft(submission=submission, content=content, revision=0, user=member.user)
        template = created.get(kind) or f.AssignmentTemplateFactory(
            program=team.cohort.program, kind=kind, due_week=9
        )
        client.get(url("assignment", team, template))  # the session and site are cached after a first visit
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("assignment", team, template)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_every_diagnostic_kind_is_registered_with_its_sources():
    assert KINDS[K.OUTREACH_TRACKER].sources == (K.KEY_INFORMANT_GUIDE,)
    assert KINDS[K.INTERVIEW_NOTES].sources == (K.OUTREACH_TRACKER,)
    assert K.BASELINE_OBSERVATIONS not in KINDS[K.INTERVIEW_NOTES].sources  # no cycle
    assert KINDS[K.BASELINE_SUMMARY].sources[:2] == (K.BASELINE_OBSERVATIONS, K.DATA_SYSTEMS_MAP)
    for kind in DIAGNOSTIC:
        assert Editor(kind).formsets is not None


def test_an_untouched_empty_row_numbered_by_the_page_is_skipped_not_refused():
    """formset.js numbers every row (ORDER), the empty extra row of an untouched list included."""
    data = {
        **rows("question_groups", [{"interviewee_type": "Vendors", "questions": "Why?", "ORDER": "1"}]),
        **rows("informants", [{"name": "", "ORDER": "1"}]),
        **rows("focus_groups", [{"topic": "", "participants": "", "ORDER": "1"}]),
    }
    editor = Editor(K.KEY_INFORMANT_GUIDE, data=data)
    assert editor.is_valid(), [fs.errors for fs in editor.formsets]
    assert editor.cleaned_content["informants"] == [] and editor.cleaned_content["focus_groups"] == []
