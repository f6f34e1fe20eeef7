"""The Design and Implementation kinds: data-user guide, design research framework, opportunities
report (impact/feasibility grid, prefilled from the baseline observations), action plan (links to
opportunities, dependencies, timeline, public version), OCDS assessment and work plan; and the
data systems map's "published where" as a choice, read tolerantly from older content."""

import copy
import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from cms.demo import factories as f
from cohorts.assignments.kinds import KINDS, Editor, initial_content, public_text, stage_coverage
from cohorts.assignments.kinds.design import timeline
from cohorts.assignments.models import FeedbackDecision, RefusedDraft, SubmissionStatus
from cohorts.assignments.services import (
    feedback_give,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from sprints.models import AssignmentKind
from sprints.schemas import empty_content, validate_content
from sprints.schemas.design import BASELINE_OBSERVATIONS
from tests.export_helpers import csv_tables

DESIGN_KINDS = [
    AssignmentKind.DATA_USER_GUIDE,
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK,
    AssignmentKind.OPPORTUNITIES_REPORT,
    AssignmentKind.ACTION_PLAN,
    AssignmentKind.OCDS_ASSESSMENT,
    AssignmentKind.OCDS_WORK_PLAN,
]

VALID = {
    AssignmentKind.DATA_USER_GUIDE: {
        "purpose": "Learn what contracting data people outside City Hall use.",
        "users": [
            {
                "id": "u1",
                "user_type": "journalists",
                "who": "City hall reporter, Harbor Gazette",
                "questions": ["Which contracts do you write about?", "Where do you find award data?"],
                "data_needed": "Awards with supplier names and amounts",
                "formats": ["csv", "dashboard"],
                "notes": "",
            }
        ],
    },
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: {
        "objective": "Find why requisitions stall before solicitation.",
        "questions": [{"id": "q1", "question": "Where do requisitions wait longest?"}],
        "methods": [{"method": "interviews", "description": "One hour each", "participants": "Buyers"}],
        "participants": [{"group": "Department buyers", "number": 8, "recruitment": "Through directors"}],
        "hypotheses": [
            {
                "assumption": "Legal review is the bottleneck",
                "how_to_test": "Timestamps",
                "status": "untested",
            }
        ],
        "timeline": [{"activity": "Interviews", "start": "2027-02-01", "end": "2027-02-19"}],
    },
    AssignmentKind.OPPORTUNITIES_REPORT: {
        "summary": "Four challenge areas, nine opportunities.",
        "challenge_areas": [
            {"id": "approvals", "title": "Slow approvals", "description": "Sign-offs queue up."},
            {"id": "data", "title": "Scattered data", "description": ""},
        ],
        "opportunities": [
            {
                "id": "o1",
                "challenge_area": "approvals",
                "title": "Parallel legal review",
                "description": "",
                "horizon": "short",
                "impact": 5,
                "feasibility": 4,
                "ocds_fields": ["tender/tenderPeriod"],
            },
            {
                "id": "o2",
                "challenge_area": "data",
                "title": "Publish awards as OCDS",
                "description": "",
                "horizon": "long",
                "impact": 4,
                "feasibility": 2,
                "ocds_fields": ["awards/value", "awards/suppliers"],
            },
        ],
    },
    AssignmentKind.ACTION_PLAN: {
        "executive_summary": "Cut the cycle time by a third in a year.",
        "public_summary": "We will shorten how long city purchases take.",
        "tasks": [
            {
                "id": "t1",
                "title": "Map approval steps",
                "description": "",
                "owner_side": "city",
                "owner": "Eli Warren",
                "start": "2027-03-01",
                "end": "2027-03-19",
                "depends_on": [],
                "opportunity": "o1",
                "public": True,
            },
            {
                "id": "t2",
                "title": "Pilot parallel review",
                "description": "",
                "owner_side": "practitioners",
                "owner": "Morgan Reyes",
                "start": "2027-03-22",
                "end": "2027-05-28",
                "depends_on": ["t1"],
                "opportunity": "o1",
                "public": False,
            },
        ],
        "wishlist": [
            {
                "dataset": "Requisition timestamps",
                "why": "Cycle time",
                "ocds_fields": ["tender/tenderPeriod"],
                "owner": "IT",
            }
        ],
    },
    AssignmentKind.OCDS_ASSESSMENT: {
        "scope": "Tender and award data from the portal.",
        "findings": [
            {
                "id": "f1",
                "stage": "core_team",
                "question": "Which fields do we hold?",
                "finding": "Titles, values, suppliers",
                "status": "done",
                "date": "2027-06-01",
            },
            {
                "id": "f2",
                "stage": "help_desk",
                "question": "Who answers data users?",
                "finding": "",
                "status": "not_started",
                "date": None,
            },
        ],
    },
    AssignmentKind.OCDS_WORK_PLAN: {
        "goal": "Publish tenders and awards weekly as OCDS.",
        "steps": [
            {
                "id": "s1",
                "task": "Map portal fields to OCDS",
                "owner": "IT",
                "due_date": "2027-07-01",
                "status": "in_progress",
                "sections": ["tender", "award"],
                "ocds_fields": ["tender/title"],
                "findings": ["f1"],
            }
        ],
    },
}


def with_changes(kind, path, value):
    content = copy.deepcopy(VALID[kind])
    target = content
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return content


@pytest.mark.parametrize("kind", DESIGN_KINDS)
def test_valid_content_is_kept_as_is(kind):
    assert validate_content(kind, VALID[kind]) == VALID[kind]
    assert validate_content(kind, empty_content(kind)) == empty_content(kind)


CIRCLE = (
    "These tasks depend on each other in a circle: "
    "Map approval steps → Pilot parallel review → Map approval steps."
)
HOSTILE = [
    (AssignmentKind.DATA_USER_GUIDE, ("purpose",), "x" * 10_001, "purpose"),
    (AssignmentKind.DATA_USER_GUIDE, ("users", 0, "user_type"), "politicians", "users.0.user_type"),
    (AssignmentKind.DATA_USER_GUIDE, ("users", 0, "questions"), ["q"] * 31, "users.0.questions"),
    (AssignmentKind.DATA_USER_GUIDE, ("users", 0, "questions"), ["x" * 501], "users.0.questions.0"),
    (AssignmentKind.DATA_USER_GUIDE, ("users", 0, "mood"), "happy", "users.0.mood"),
    (AssignmentKind.DATA_USER_GUIDE, ("users", 0, "id"), "<b>", "users.0.id"),
    (
        AssignmentKind.DESIGN_RESEARCH_FRAMEWORK,
        ("participants", 0, "number"),
        "many",
        "participants.0.number",
    ),
    (AssignmentKind.DESIGN_RESEARCH_FRAMEWORK, ("participants", 0, "number"), -1, "participants.0.number"),
    (AssignmentKind.DESIGN_RESEARCH_FRAMEWORK, ("timeline", 0, "end"), "2027-01-01", "ends before it starts"),
    (AssignmentKind.DESIGN_RESEARCH_FRAMEWORK, ("methods",), [{"method": "seance"}], "methods.0.method"),
    (AssignmentKind.DESIGN_RESEARCH_FRAMEWORK, ("questions",), [{"question": "q"}] * 31, "questions"),
    (AssignmentKind.OPPORTUNITIES_REPORT, ("opportunities", 0, "impact"), 6, "opportunities.0.impact"),
    (
        AssignmentKind.OPPORTUNITIES_REPORT,
        ("opportunities", 0, "feasibility"),
        0,
        "opportunities.0.feasibility",
    ),
    (
        AssignmentKind.OPPORTUNITIES_REPORT,
        ("opportunities", 0, "horizon"),
        "someday",
        "opportunities.0.horizon",
    ),
    (
        AssignmentKind.OPPORTUNITIES_REPORT,
        ("opportunities", 0, "challenge_area"),
        "elsewhere",
        "“Parallel legal review” belongs to a challenge area that is not in this report",
    ),
    (
        AssignmentKind.OPPORTUNITIES_REPORT,
        ("challenge_areas",),
        [{"id": f"a{i}", "title": f"A{i}"} for i in range(7)],
        "challenge_areas",
    ),
    (AssignmentKind.OPPORTUNITIES_REPORT, ("summary",), ["a list"], "summary"),
    (
        AssignmentKind.ACTION_PLAN,
        ("tasks", 0, "depends_on"),
        ["t2"],
        CIRCLE,
    ),
    (
        AssignmentKind.ACTION_PLAN,
        ("tasks", 1, "depends_on"),
        ["nope"],
        "The task “Pilot parallel review” depends on a task that is not in this plan (nope).",
    ),
    (
        AssignmentKind.ACTION_PLAN,
        ("tasks", 0, "depends_on"),
        ["t1"],
        "“Map approval steps” cannot depend on itself",
    ),
    (AssignmentKind.ACTION_PLAN, ("tasks", 0, "owner_side"), "vendor", "tasks.0.owner_side"),
    (
        AssignmentKind.ACTION_PLAN,
        ("tasks", 0, "end"),
        "2027-02-01",
        "“Map approval steps” ends before it starts",
    ),
    (AssignmentKind.ACTION_PLAN, ("tasks", 0, "public"), "perhaps", "tasks.0.public"),
    (AssignmentKind.ACTION_PLAN, ("tasks",), [{"title": "T"}] * 101, "tasks"),
    (AssignmentKind.ACTION_PLAN, ("wishlist", 0, "ocds_fields"), ["x" * 201], "wishlist.0.ocds_fields.0"),
    (AssignmentKind.OCDS_ASSESSMENT, ("findings", 0, "stage"), "mayor", "findings.0.stage"),
    (AssignmentKind.OCDS_ASSESSMENT, ("findings", 0, "date"), "June", "findings.0.date"),
    (AssignmentKind.OCDS_WORK_PLAN, ("steps", 0, "sections"), ["bidding"], "steps.0.sections.0"),
    (AssignmentKind.OCDS_WORK_PLAN, ("steps", 0, "status"), "finished", "steps.0.status"),
    (AssignmentKind.OCDS_WORK_PLAN, ("extra",), "key", "extra"),
]


@pytest.mark.parametrize(("kind", "path", "value", "where"), HOSTILE)
def test_hostile_content_is_refused_with_a_clear_message(kind, path, value, where):
    with pytest.raises(ValidationError) as error:
        validate_content(kind, with_changes(kind, path, value))
    message = error.value.messages[0]
    assert message.startswith(f"The {AssignmentKind(kind).label} content is not valid:")
    assert where in message
    assert "Value error" not in message


SCRIPT = "<script>alert(1)</script>"


def render(kind, content, sources=None):
    spec = KINDS[kind]
    html = Template("{% load assignment_tags %}{% render_content kind content %}").render(
        Context({"kind": kind, "content": content})
    )
    return html if sources is None else (html, spec.render_context(content, sources))


@pytest.mark.parametrize("kind", DESIGN_KINDS)
def test_renderers_escape_what_the_team_typed(kind):
    content = copy.deepcopy(VALID[kind])

    def poison(value):
        if isinstance(value, dict):
            return {k: (poison(v) if k not in ("id",) else v) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v) for v in value]
        if isinstance(value, str) and value and not value[:4].isdigit() and value.islower() is False:
            return value + SCRIPT
        return value

    content = validate_content(kind, poison(content))
    assert SCRIPT in str(content)
    html = render(kind, content)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("kind", DESIGN_KINDS)
def test_renderers_speak_spanish(kind):
    with translation.override("es"):
        html = render(kind, validate_content(kind, VALID[kind]))
    spanish = {
        AssignmentKind.DATA_USER_GUIDE: "Periodistas",
        AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: "Preguntas de investigación",
        AssignmentKind.OPPORTUNITIES_REPORT: "Viabilidad",
        AssignmentKind.ACTION_PLAN: "Versión pública",
        AssignmentKind.OCDS_ASSESSMENT: "Mesa de ayuda",
        AssignmentKind.OCDS_WORK_PLAN: "Secciones OCDS",
    }
    assert spanish[kind] in html


# --- The opportunities report: grid and prefill --------------------------------------------------


def test_grid_places_each_opportunity_at_its_impact_and_feasibility():
    html = render(AssignmentKind.OPPORTUNITIES_REPORT, VALID[AssignmentKind.OPPORTUNITIES_REPORT])
    assert 'data-impact="5" data-feasibility="4"' in html
    cell = html.split('data-impact="5" data-feasibility="4"')[1].split("</td>")[0]
    assert "Parallel legal review" in cell and "Short term" in cell
    cell = html.split('data-impact="4" data-feasibility="2"')[1].split("</td>")[0]
    assert "Publish awards as OCDS" in cell
    assert "grid-cell--quick-win" in html and "Quick wins" in html
    # the table equivalent holds the same ratings
    assert "5/5" in html and "4/5" in html


def baseline_for(team, areas):
    template = f.AssignmentTemplateFactory(
        program=team.cohort.program, kind=BASELINE_OBSERVATIONS, due_week=3
    )
    return f.SubmissionFactory(team=team, template=template, content={"challenge_areas": areas})


def test_a_new_opportunities_report_starts_from_the_baseline_challenge_areas(client, member):
    baseline_for(
        member.team,
        [
            {"id": "approvals", "title": "Slow approvals", "description": "Sign-offs queue up.", "rating": 4},
            {"id": "specs", "title": "Unclear specifications"},
        ],
    )
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.OPPORTUNITIES_REPORT
    )
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, template)).text
    assert 'value="Slow approvals"' in page and 'value="Unclear specifications"' in page
    assert '<option value="approvals">Slow approvals</option>' in page
    data = {
        "revision": "0",
        "main-summary": "",
        **rows(
            "challenge_areas",
            [
                {"id": "approvals", "title": "Slow approvals", "description": "Sign-offs queue up."},
                {"id": "specs", "title": "Unclear specifications"},
            ],
            initial=2,
        ),
        **rows(
            "opportunities",
            [
                {
                    "challenge_area": "specs",
                    "title": "Specification templates",
                    "horizon": "medium",
                    "impact": "4",
                    "feasibility": "5",
                    "ocds_fields": "tender/items",
                },
            ],
        ),
    }
    response = client.post(url("assignment", member.team, template), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    content = submission_for(team=member.team, template=template).content
    assert [a["id"] for a in content["challenge_areas"]] == ["approvals", "specs"]
    assert content["opportunities"][0]["challenge_area"] == "specs"
    assert content["opportunities"][0]["id"]  # given on save, so the action plan can link to it


def test_an_untouched_empty_row_is_left_out_of_the_save():
    data = {
        **rows("challenge_areas", [{"title": "Slow approvals"}]),
        **rows(
            "opportunities",
            [{"challenge_area": "", "title": "", "ocds_fields": "", "description": "", "ORDER": "1"}],
        ),
    }
    editor = Editor(AssignmentKind.OPPORTUNITIES_REPORT, data=data)
    assert editor.is_valid(), editor.formsets[1].errors
    assert editor.cleaned_content["opportunities"] == []


def test_opportunities_report_without_baseline_starts_empty_and_carries_its_own_areas(client, member):
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.OPPORTUNITIES_REPORT
    )
    assert initial_content(template.kind, {}) == empty_content(template.kind)
    client.force_login(member.user)
    data = {
        "revision": "0",
        **rows("challenge_areas", [{"title": "Scattered data"}]),
        **management("opportunities", 0),
    }
    assert client.post(url("assignment", member.team, template), data).status_code == 302
    area = submission_for(team=member.team, template=template).content["challenge_areas"][0]
    page = client.get(url("assignment", member.team, template)).text
    assert f'<option value="{area["id"]}">Scattered data</option>' in page


# --- The action plan --------------------------------------------------------------------------------


def url(name, team, template, *args):
    return reverse(f"cohorts:{name}", args=[team.pk, template.pk, *args])


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, items, initial=0):
    data = management(prefix, len(items), initial)
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def saved(member, kind, content, **template_fields):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind, **template_fields)
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(submission=submission, content=content, revision=0, user=member.user)
    return template, submission


def test_action_plan_tasks_link_to_the_teams_opportunities_and_to_each_other(client, member):
    saved(member, AssignmentKind.OPPORTUNITIES_REPORT, VALID[AssignmentKind.OPPORTUNITIES_REPORT], due_week=3)
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.ACTION_PLAN, due_week=5
    )
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, template)).text
    assert '<option value="o1">Parallel legal review</option>' in page
    first = {
        "revision": "0",
        "main-executive_summary": "Faster purchases.",
        **rows(
            "tasks",
            [
                {
                    "title": "Map approval steps",
                    "owner_side": "city",
                    "owner": "Eli",
                    "start": "2027-03-01",
                    "end": "2027-03-19",
                    "opportunity": "o1",
                    "public": "on",
                },
                {
                    "title": "Pilot parallel review",
                    "owner_side": "practitioners",
                    "start": "2027-03-22",
                    "end": "2027-04-30",
                },
            ],
        ),
        **management("wishlist", 0),
    }
    assert client.post(url("assignment", member.team, template), first).status_code == 302
    tasks = submission_for(team=member.team, template=template).content["tasks"]
    map_id, pilot_id = tasks[0]["id"], tasks[1]["id"]
    assert tasks[0]["opportunity"] == "o1" and tasks[0]["public"] is True

    page = client.get(url("assignment", member.team, template)).text
    assert f'value="{map_id}"' in page and "Map approval steps" in page
    second = {
        "revision": "1",
        **rows(
            "tasks",
            [
                {"id": map_id, "title": "Map approval steps", "owner_side": "city", "opportunity": "o1"},
                {
                    "id": pilot_id,
                    "title": "Pilot parallel review",
                    "owner_side": "practitioners",
                    "depends_on": [map_id],
                },
            ],
            initial=2,
        ),
        **management("wishlist", 0),
    }
    assert client.post(url("assignment", member.team, template), second).status_code == 302
    assert submission_for(team=member.team, template=template).content["tasks"][1]["depends_on"] == [map_id]

    # A circle is refused with a message naming the tasks; nothing is saved and the input is kept.
    circle = {**second, "revision": "2", "tasks-0-depends_on": [pilot_id]}
    response = client.post(url("assignment", member.team, template), circle)
    assert response.status_code == 400
    assert CIRCLE in response.text
    assert submission_for(team=member.team, template=template).revision == 2

    # An opportunity that is not the team's is not a choice.
    foreign = {**second, "revision": "2", "tasks-0-opportunity": "zzz"}
    response = client.post(url("assignment", member.team, template), foreign)
    assert response.status_code == 400
    assert "Select a valid choice" in response.text


def test_a_link_to_a_removed_opportunity_is_kept_and_said(member):
    content = validate_content(AssignmentKind.ACTION_PLAN, VALID[AssignmentKind.ACTION_PLAN])
    editor = Editor(AssignmentKind.ACTION_PLAN, content=content, sources={})
    choices = dict(editor.formsets[0].forms[0].fields["opportunity"].choices)
    assert str(choices["o1"]) == "A removed item (o1)"
    html = render(AssignmentKind.ACTION_PLAN, content)
    assert "An opportunity no longer in the report" in html


def test_timeline_is_by_week_for_a_short_plan_and_by_month_for_a_long_one():
    content = validate_content(AssignmentKind.ACTION_PLAN, VALID[AssignmentKind.ACTION_PLAN])
    weekly = timeline(content)
    assert weekly["unit"] == "week"
    assert str(weekly["periods"][0]) == "2027-03-01" and len(weekly["periods"]) == 13
    assert weekly["rows"][0]["cells"][:4] == [True, True, True, False]
    assert weekly["rows"][1]["cells"][:4] == [False, False, False, True]
    long = with_changes(AssignmentKind.ACTION_PLAN, ("tasks", 1, "end"), "2027-12-15")
    monthly = timeline(validate_content(AssignmentKind.ACTION_PLAN, long))
    assert monthly["unit"] == "month" and len(monthly["periods"]) == 10
    html = render(AssignmentKind.ACTION_PLAN, content)
    assert 'data-timeline="week"' in html and "gantt-on--practitioners" in html


def test_public_text_holds_the_public_summary_and_public_tasks_only():
    content = validate_content(AssignmentKind.ACTION_PLAN, VALID[AssignmentKind.ACTION_PLAN])
    text = public_text(AssignmentKind.ACTION_PLAN, content)
    assert text.startswith("We will shorten how long city purchases take.")
    assert "- Map approval steps (City, 2027-03-01 – 2027-03-19)" in text
    assert "Pilot parallel review" not in text
    assert "Cut the cycle time" not in text  # the executive summary stays internal
    assert public_text(AssignmentKind.OCDS_WORK_PLAN, VALID[AssignmentKind.OCDS_WORK_PLAN]) is None
    with translation.override("es"):
        assert "- Map approval steps (Ciudad," in public_text(AssignmentKind.ACTION_PLAN, content)


def test_work_plan_steps_link_to_the_assessment_findings(client, member):
    saved(member, AssignmentKind.OCDS_ASSESSMENT, VALID[AssignmentKind.OCDS_ASSESSMENT], due_week=3)
    template, _submission = saved(
        member, AssignmentKind.OCDS_WORK_PLAN, VALID[AssignmentKind.OCDS_WORK_PLAN], due_week=5
    )
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, template)).text
    assert 'value="f1"' in page and "Who answers data users?" in page
    assert "Which fields do we hold?" in page.split("assignment-preview")[1]  # the renderer shows the title


def test_assessment_renders_its_three_stages_in_order():
    html = render(AssignmentKind.OCDS_ASSESSMENT, VALID[AssignmentKind.OCDS_ASSESSMENT])
    order = [
        html.index(f'data-assessment-stage="{stage}"')
        for stage in ("core_team", "it_procurement", "help_desk")
    ]
    assert order == sorted(order)
    assert "1 of 1 done" in html and "Nothing recorded for this stage yet." in html


# --- Generic machinery: every kind saves, versions, feedback, compare, exports ---------------------


POSTS = {
    AssignmentKind.DATA_USER_GUIDE: {
        "main-purpose": "Who uses our data",
        **rows(
            "users",
            [
                {
                    "user_type": "businesses",
                    "who": "Local suppliers",
                    "questions": "What do you look for?\nHow often?",
                    "formats": ["csv", "api"],
                }
            ],
        ),
    },
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: {
        "main-objective": "Why requisitions stall",
        **rows("questions", [{"question": "Where do they wait?"}]),
        **rows("methods", [{"method": "survey", "participants": "Buyers"}]),
        **rows("participants", [{"group": "Buyers", "number": "8"}]),
        **rows("hypotheses", [{"assumption": "Legal is slow", "status": "untested"}]),
        **rows("timeline", [{"activity": "Interviews", "start": "2027-02-01", "end": "2027-02-10"}]),
    },
    AssignmentKind.OPPORTUNITIES_REPORT: {
        "main-summary": "Our opportunities",
        **rows("challenge_areas", [{"title": "Slow approvals"}]),
        **management("opportunities", 0),
    },
    AssignmentKind.ACTION_PLAN: {
        "main-executive_summary": "Plan",
        **rows(
            "tasks",
            [
                {
                    "title": "Map approval steps",
                    "owner_side": "city",
                    "start": "2027-03-01",
                    "end": "2027-03-05",
                }
            ],
        ),
        **rows("wishlist", [{"dataset": "Requisitions", "ocds_fields": "tender/title, tender/value"}]),
    },
    AssignmentKind.OCDS_ASSESSMENT: {
        "main-scope": "Portal data",
        **rows(
            "findings",
            [
                {
                    "stage": "it_procurement",
                    "question": "Can the portal export?",
                    "status": "in_progress",
                    "date": "2027-06-02",
                }
            ],
        ),
    },
    AssignmentKind.OCDS_WORK_PLAN: {
        "main-goal": "Weekly OCDS",
        **rows(
            "steps",
            [
                {
                    "task": "Map fields",
                    "status": "not_started",
                    "sections": ["tender"],
                    "ocds_fields": "tender/title",
                }
            ],
        ),
    },
}


@pytest.mark.parametrize("kind", DESIGN_KINDS)
def test_each_editor_saves_submits_gets_feedback_and_compares(client, member, kind):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind, title="Deliverable")
    client.force_login(member.user)
    assert client.get(url("assignment", member.team, template)).status_code == 200
    response = client.post(url("assignment", member.team, template), {"revision": "0", **POSTS[kind]})
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = submission_for(team=member.team, template=template)
    first = submission.content
    assert first != empty_content(kind)
    version = submission_submit(submission=submission, user=member.user)
    feedback_give(
        version=version,
        author=f.StaffUserFactory(),
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="Add more rows.",
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED
    changed = copy.deepcopy(first)
    main_field = next(iter(KINDS[kind].form_class.base_fields))
    changed[main_field] = "A sharper statement"
    submission_save_draft(
        submission=submission, content=changed, revision=submission.revision, user=member.user
    )
    submission_submit(submission=submission, user=member.user)
    history = client.get(url("assignment_history", member.team, template) + "?version=1").text
    assert "Add more rows." in history
    compare = client.get(url("assignment_compare", member.team, template) + "?a=1&b=2")
    assert compare.status_code == 200
    assert "<ins>A sharper statement</ins>" in compare.text or "sharper" in compare.text


@pytest.mark.parametrize("kind", DESIGN_KINDS)
def test_each_kind_exports_pdf_excel_and_csv(client, member, kind):
    template, submission = saved(member, kind, VALID[kind], title="Deliverable")
    submission_submit(submission=submission, user=member.user)
    client.force_login(member.user)
    first_text = {
        AssignmentKind.DATA_USER_GUIDE: "City hall reporter",
        AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: "Where do requisitions wait longest?",
        AssignmentKind.OPPORTUNITIES_REPORT: "Parallel legal review",
        AssignmentKind.ACTION_PLAN: "Map approval steps",
        AssignmentKind.OCDS_ASSESSMENT: "Which fields do we hold?",
        AssignmentKind.OCDS_WORK_PLAN: "Map portal fields to OCDS",
    }[kind]
    for query in ("", "?version=1"):
        response = client.get(url("assignment_export", member.team, template, "pdf") + query)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        assert first_text in text.replace("\n", " ")
    workbook = load_workbook(
        io.BytesIO(client.get(url("assignment_export", member.team, template, "xlsx")).content)
    )
    cells = [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert any(first_text in cell for cell in cells)
    response = client.get(url("assignment_export", member.team, template, "csv"))
    tables = csv_tables(response.content.decode("utf-8-sig"))
    assert list(tables) == [str(table.title) for table in KINDS[kind].tables(VALID[kind])]
    first = KINDS[kind].tables(VALID[kind])[1]  # after the overview of the single fields
    assert tables[first.title][0] == first.headers and len(tables[first.title]) >= 2


def test_action_plan_editor_runs_a_bounded_number_of_queries(client, member):
    saved(member, AssignmentKind.OPPORTUNITIES_REPORT, VALID[AssignmentKind.OPPORTUNITIES_REPORT], due_week=3)

    def plan(count):
        tasks = [
            {
                "id": f"t{i}",
                "title": f"Task {i}",
                "start": "2027-03-01",
                "end": "2027-04-01",
                "opportunity": "o1",
                "depends_on": [f"t{i - 1}"] if i else [],
            }
            for i in range(count)
        ]
        template, submission = saved(member, AssignmentKind.ACTION_PLAN, {"tasks": tasks}, due_week=5)
        submission_submit(submission=submission, user=member.user)
        return template

    small, large = plan(1), plan(25)
    client.force_login(member.user)
    counts = []
    for template in (small, large):
        for name in ("assignment", "assignment_history"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url(name, member.team, template)).status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:], counts


# --- The data systems map: "published where" is a choice -----------------------------------------


def test_only_data_published_openly_counts_as_published():
    content = validate_content(
        AssignmentKind.DATA_SYSTEMS_MAP,
        {
            "systems": [
                {
                    "name": "Portal",
                    "stages": ["tender"],
                    "published": "open",
                    "published_url": "https://portal.example.gov",
                },
                {
                    "name": "ERP",
                    "stages": ["contract"],
                    "published": "internal",
                    "published_note": "Finance intranet",
                },
                {"name": "Awards sheet", "stages": ["award"], "published": "none"},
            ]
        },
    )
    coverage = {row["stage"]: row for row in stage_coverage(content)}
    assert coverage["tender"]["published"] == ["Portal"] and coverage["tender"]["gap"] is None
    assert (
        coverage["contract"]["published"] == []
        and str(coverage["contract"]["gap"]) == "Held but not published."
    )
    assert coverage["award"]["published"] == []


def test_published_openly_needs_a_link():
    with pytest.raises(ValidationError, match="“Portal” is published openly: give the link"):
        validate_content(
            AssignmentKind.DATA_SYSTEMS_MAP, {"systems": [{"name": "Portal", "published": "open"}]}
        )
    editor = Editor(
        AssignmentKind.DATA_SYSTEMS_MAP,
        data={**rows("systems", [{"name": "Portal", "published": "open"}])},
    )
    assert not editor.is_valid()
    assert editor.formsets[0].forms[0].errors["published_url"] == [
        "Give the link where the data is published openly."
    ]
    javascript = {"systems": [{"name": "P", "published": "open", "published_url": "javascript:alert(1)"}]}
    with pytest.raises(ValidationError):
        validate_content(AssignmentKind.DATA_SYSTEMS_MAP, javascript)


@pytest.mark.parametrize(
    ("text", "published", "link", "note"),
    [
        ("", "none", None, ""),
        ("Not published", "none", None, ""),
        ("no", "none", None, ""),
        ("No se publica", "none", None, ""),
        ("Sin publicar.", "none", None, ""),
        ("https://data.example.gov/contracts", "open", "https://data.example.gov/contracts", ""),
        ("portal.example.gov", "open", "https://portal.example.gov/", ""),
        ("Finance intranet, monthly PDF", "internal", None, "Finance intranet, monthly PDF"),
    ],
)
def test_legacy_published_where_text_is_read_as_the_choice(text, published, link, note):
    content = validate_content(
        AssignmentKind.DATA_SYSTEMS_MAP, {"systems": [{"name": "S", "published_where": text}]}
    )
    system = content["systems"][0]
    assert (system["published"], system["published_url"], system["published_note"]) == (published, link, note)
    assert "published_where" not in system


def test_a_stored_version_with_free_text_renders_and_counts_as_the_choice(client, member):
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.DATA_SYSTEMS_MAP
    )
    legacy = {
        "systems": [
            {
                "name": "ERP",
                "owner": "",
                "data_held": "",
                "stages": ["contract"],
                "format": "",
                "published_where": "Not published",
                "quality_issues": "",
                "linked_systems": [],
                "ocds_fields": [],
            },
            {
                "name": "Portal",
                "owner": "",
                "data_held": "",
                "stages": ["tender"],
                "format": "",
                "published_where": "https://portal.example.gov",
                "quality_issues": "",
                "linked_systems": [],
                "ocds_fields": [],
            },
        ]
    }
    submission = f.SubmissionFactory(
        team=member.team,
        template=template,
        content=legacy,
        status=SubmissionStatus.SUBMITTED,
        version_number=1,
    )
    f.SubmissionVersionFactory(submission=submission, number=1, content=legacy, submitted_by=member.user)
    client.force_login(member.user)
    page = client.get(url("assignment_history", member.team, template) + "?version=1").text
    assert 'data-published="none"' in page and 'data-published="open"' in page
    assert '<a href="https://portal.example.gov/"' in page
    contract = page.split('data-stage="contract"')[1].split("</tr>")[0]
    assert "Held but not published." in contract
    response = client.get(url("assignment_export", member.team, template, "csv") + "?version=1")
    assert "Not published" in response.content.decode("utf-8-sig")


def test_migration_converts_saved_drafts_and_leaves_versions_as_stored(member):
    migration = importlib.import_module("cohorts.migrations.0006_data_systems_published_choice")
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.DATA_SYSTEMS_MAP
    )
    legacy = {
        "systems": [
            {"name": "ERP", "stages": ["contract"], "published_where": "Intranet"},
            {"name": "Sheet", "stages": [], "published_where": "No se publica"},
        ]
    }
    submission = f.SubmissionFactory(team=member.team, template=template, content=legacy)
    version = f.SubmissionVersionFactory(
        submission=submission, number=1, content=legacy, submitted_by=member.user
    )
    refused = RefusedDraft.objects.create(
        submission=submission, user=member.user, content=legacy, based_on_revision=0
    )
    other = f.SubmissionFactory(team=member.team, content={"stages": [{"name": "published_where"}]})

    migration.forwards(django_apps, None)

    submission.refresh_from_db()
    refused.refresh_from_db()
    version.refresh_from_db()
    other.refresh_from_db()
    erp, sheet = submission.content["systems"]
    assert (erp["published"], erp["published_note"]) == (
        "internal",
        "Intranet",
    ) and "published_where" not in erp
    assert sheet["published"] == "none"
    assert refused.content == submission.content
    assert version.content == legacy
    assert other.content == {"stages": [{"name": "published_where"}]}
    assert (
        validate_content(AssignmentKind.DATA_SYSTEMS_MAP, submission.content)["systems"][0]["published"]
        == "internal"
    )


def test_a_page_opened_before_the_choice_still_saves_its_free_text():
    editor = Editor(
        AssignmentKind.DATA_SYSTEMS_MAP,
        data=rows("systems", [{"name": "ERP", "published_where": "Finance intranet"}]),
    )
    assert editor.is_valid(), editor.formsets[0].errors
    system = editor.cleaned_content["systems"][0]
    assert (system["published"], system["published_note"]) == ("internal", "Finance intranet")


def test_a_draft_opened_from_free_text_shows_the_choice(member):
    editor = Editor(
        AssignmentKind.DATA_SYSTEMS_MAP, content={"systems": [{"name": "ERP", "published_where": "Intranet"}]}
    )
    form = editor.formsets[0].forms[0]
    assert form["published"].value() == "internal" and form["published_note"].value() == "Intranet"


# --- The demo's chain team ----------------------------------------------------------------------


def test_the_chain_teams_deliverables_are_valid_in_both_languages_and_link_up():
    import datetime

    from cms.management.commands.seed_demo import design_deliverables

    start = datetime.date(2027, 1, 4)
    english, spanish = design_deliverables("en", start), design_deliverables("es", start)
    kinds = {
        "data-user-guide": AssignmentKind.DATA_USER_GUIDE,
        "design-research": AssignmentKind.DESIGN_RESEARCH_FRAMEWORK,
        "opportunities-report": AssignmentKind.OPPORTUNITIES_REPORT,
        "action-plan": AssignmentKind.ACTION_PLAN,
        "ocds-assessment": AssignmentKind.OCDS_ASSESSMENT,
        "ocds-work-plan": AssignmentKind.OCDS_WORK_PLAN,
    }
    for key, kind in kinds.items():
        en, es = validate_content(kind, english[key]), validate_content(kind, spanish[key])
        assert en != es, key  # really translated
        assert str(en).count("'id'") == str(es).count("'id'")
    opportunity_ids = {o["id"] for o in english["opportunities-report"]["opportunities"]}
    assert {t["opportunity"] for t in english["action-plan"]["tasks"]} <= opportunity_ids
    finding_ids = {row["id"] for row in english["ocds-assessment"]["findings"]}
    assert {i for step in english["ocds-work-plan"]["steps"] for i in step["findings"]} <= finding_ids
    assert len(english["opportunities-report"]["challenge_areas"]) == 4
    assert "Plan de acción" not in public_text(AssignmentKind.ACTION_PLAN, spanish["action-plan"])
    assert public_text(AssignmentKind.ACTION_PLAN, spanish["action-plan"]).startswith(
        "Las compras de la ciudad"
    )

    baseline = [{"id": "b1", "title": "Approvals"}, {"id": "b2", "title": "Data"}]
    report = design_deliverables("en", start, baseline)["opportunities-report"]
    assert report["challenge_areas"] == [
        {"id": "b1", "title": "Approvals", "description": ""},
        {"id": "b2", "title": "Data", "description": ""},
    ]
    validate_content(AssignmentKind.OPPORTUNITIES_REPORT, report)


def test_compare_shows_choices_by_their_labels():
    from cohorts.assignments.compare import diff

    before = validate_content(AssignmentKind.ACTION_PLAN, VALID[AssignmentKind.ACTION_PLAN])
    after = copy.deepcopy(before)
    after["tasks"][0]["owner_side"] = "practitioners"
    after["tasks"][0]["public"] = False
    fields = {
        str(field["label"]): field
        for field in diff(AssignmentKind.ACTION_PLAN, before, after)[1]["items"][0]["fields"]
    }
    assert (fields["Owned by"]["old"], fields["Owned by"]["new"]) == ("City", "Practitioners")
    assert (fields["Show in the public version"]["old"], fields["Show in the public version"]["new"]) == (
        "Yes",
        "No",
    )
