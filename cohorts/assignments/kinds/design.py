"""The Design and Implementation kinds of the Open Contracting process (PROGRAMS.md §4).

Data-user interview guide, design research framework, actionable opportunities report (with
the synthesis workshop's impact/feasibility grid), action plan (timeline, data wishlist and a
public-facing version), OCDS technical assessment and OCDS work plan.

Links between rows store the row's stable ``id`` and show its title. A link to a row of the same
deliverable (an opportunity's challenge area, a task's dependencies) offers the rows of the
team's saved draft of it: that is why these kinds list themselves among their ``sources``; a
row added in this edit can be linked once the draft is saved (its id is given on save).
"""

import datetime

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cohorts.assignments.kinds.base import (
    IdentifiedRowForm,
    Kind,
    KindForm,
    LinesField,
    ListSpec,
    RowForm,
    Table,
    overview_table,
    text_area,
)
from cohorts.assignments.kinds.sprint import STAGE_LABELS
from sprints.models import AssignmentKind
from sprints.schemas.design import BASELINE_OBSERVATIONS

DATA_USER_TYPE_LABELS = {
    "journalists": _("Journalists"),
    "businesses": _("Businesses and suppliers"),
    "academics": _("Academics and researchers"),
    "internal_analysts": _("Internal analysts"),
    "civil_society": _("Civil society organisations"),
    "other": _("Other"),
}
FORMAT_LABELS = {
    "csv": _("CSV download"),
    "spreadsheet": _("Spreadsheet"),
    "api": _("API"),
    "ocds_json": _("OCDS JSON"),
    "dashboard": _("Dashboard or visualisation"),
    "report": _("Written report"),
}
METHOD_LABELS = {
    "interviews": _("Interviews"),
    "survey": _("Survey"),
    "observation": _("Observation"),
    "workshop": _("Workshop"),
    "usability_test": _("Usability test"),
    "data_analysis": _("Data analysis"),
}
HYPOTHESIS_STATUS_LABELS = {
    "untested": _("Not tested yet"),
    "confirmed": _("Confirmed"),
    "refuted": _("Refuted"),
}
HORIZON_LABELS = {"short": _("Short term"), "medium": _("Medium term"), "long": _("Long term")}
OWNER_SIDE_LABELS = {"city": _("City"), "practitioners": _("Practitioners")}
ASSESSMENT_STAGE_LABELS = {
    "core_team": _("Core team"),
    "it_procurement": _("IT and procurement staff"),
    "help_desk": _("Help desk"),
}
WORK_STATUS_LABELS = {
    "not_started": _("Not started"),
    "in_progress": _("In progress"),
    "done": _("Done"),
    "blocked": _("Blocked"),
}
RATINGS = [(value, str(value)) for value in range(1, 6)]
#: The labels of each choice, by name, for the renderers (``value|choice_label:"horizon"``).
CHOICE_LABELS = {
    "user_type": DATA_USER_TYPE_LABELS,
    "format": FORMAT_LABELS,
    "method": METHOD_LABELS,
    "hypothesis": HYPOTHESIS_STATUS_LABELS,
    "horizon": HORIZON_LABELS,
    "owner_side": OWNER_SIDE_LABELS,
    "stage": ASSESSMENT_STAGE_LABELS,
    "status": WORK_STATUS_LABELS,
    "section": STAGE_LABELS,
}

MISSING_LINK = _("A removed item (%(id)s)")


def _date_input(label):
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


OCDS_FIELDS_LABEL = _("OCDS fields")


def _ocds_fields(label=OCDS_FIELDS_LABEL):
    return LinesField(
        label=label,
        commas=True,
        help_text=_("For example tender/title, awards/value; one per line or separated by commas."),
    )


def _rows(sources, kind, name):
    return (sources.get(kind) or {}).get(name) or []


def _link_choices(rows, title, keep=(), blank=None):
    """(id, title) choices for the rows with an id, plus any kept id no longer among them."""
    choices = [(row["id"], row[title]) for row in rows if row.get("id")]
    known = {value for value, _label in choices}
    choices += [(value, MISSING_LINK % {"id": value}) for value in keep if value and value not in known]
    return [("", blank), *choices] if blank is not None else choices


def _kept(form, name):
    value = form.initial.get(name)
    if isinstance(value, list):
        return value
    return [value] if value else []


# --- Data-user interview guide --------------------------------------------------------------


class DataUserGuideForm(KindForm):
    purpose = forms.CharField(
        label=_("Purpose of the interviews"),
        required=False,
        widget=text_area(3),
        help_text=_("What you want to learn from the people who use (or could use) your contracting data."),
    )


class DataUserForm(IdentifiedRowForm):
    user_type = forms.ChoiceField(label=_("Type of data user"), choices=list(DATA_USER_TYPE_LABELS.items()))
    who = forms.CharField(
        label=_("Who"),
        max_length=200,
        help_text=_("For example “the city hall reporter of the local newspaper”."),
    )
    questions = LinesField(
        label=_("Questions to ask"), help_text=_("One question per line."), widget=text_area(4)
    )
    data_needed = forms.CharField(label=_("Data they need"), required=False, widget=text_area())
    formats = forms.MultipleChoiceField(
        label=_("In what form"),
        choices=list(FORMAT_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=text_area(2))


# --- Design research framework --------------------------------------------------------------


class DesignResearchForm(KindForm):
    objective = forms.CharField(label=_("Objective"), required=False, widget=text_area(3))


class ResearchQuestionForm(IdentifiedRowForm):
    question = forms.CharField(label=_("Research question"), max_length=500, widget=text_area(2))


class MethodForm(RowForm):
    method = forms.ChoiceField(label=_("Method"), choices=list(METHOD_LABELS.items()))
    description = forms.CharField(label=_("How you will use it"), required=False, widget=text_area(2))
    participants = forms.CharField(label=_("With whom"), max_length=500, required=False)


class ParticipantGroupForm(RowForm):
    group = forms.CharField(label=_("Participant group"), max_length=200)
    number = forms.IntegerField(label=_("How many"), min_value=0, max_value=10_000, required=False)
    recruitment = forms.CharField(label=_("How you will recruit them"), required=False, widget=text_area(2))


class HypothesisForm(RowForm):
    assumption = forms.CharField(label=_("Hypothesis or assumption"), max_length=500, widget=text_area(2))
    how_to_test = forms.CharField(label=_("How you will test it"), required=False, widget=text_area(2))
    status = forms.ChoiceField(label=_("Status"), choices=list(HYPOTHESIS_STATUS_LABELS.items()))


class MilestoneForm(RowForm):
    activity = forms.CharField(label=_("Activity"), max_length=200)
    start = _date_input(_("Start"))
    end = _date_input(_("End"))


# --- Actionable opportunities report ----------------------------------------------------------


class OpportunitiesForm(KindForm):
    summary = forms.CharField(label=_("Summary"), required=False, widget=text_area(4))


class ChallengeAreaForm(IdentifiedRowForm):
    title = forms.CharField(label=_("Challenge area"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=text_area(2))


def challenge_area_rows(sources):
    """The challenge areas an opportunity can belong to: the report's saved ones, then the baseline's."""
    own = _rows(sources, AssignmentKind.OPPORTUNITIES_REPORT, "challenge_areas")
    ids = {row.get("id") for row in own}
    baseline = [
        row for row in _rows(sources, BASELINE_OBSERVATIONS, "challenge_areas") if row.get("id") not in ids
    ]
    return [*own, *baseline]


class OpportunityForm(IdentifiedRowForm):
    challenge_area = forms.ChoiceField(
        label=_("Challenge area"),
        help_text=_("A challenge area added in this edit can be chosen once the draft is saved."),
    )
    title = forms.CharField(label=_("Opportunity"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=text_area(2))
    horizon = forms.ChoiceField(
        label=_("Horizon"), choices=list(HORIZON_LABELS.items()), widget=forms.RadioSelect
    )
    impact = forms.TypedChoiceField(
        label=_("Impact (1 low – 5 high)"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    feasibility = forms.TypedChoiceField(
        label=_("Feasibility (1 low – 5 high)"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    ocds_fields = _ocds_fields(_("OCDS fields it needs"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge_area"].choices = _link_choices(
            challenge_area_rows(self.sources), "title", _kept(self, "challenge_area"), blank="—"
        )


def opportunities_prefill(sources):
    """A new report starts from the challenge areas of the team's baseline observations."""
    return {
        "challenge_areas": [
            {"id": row["id"], "title": row["title"], "description": row.get("description", "")}
            for row in _rows(sources, BASELINE_OBSERVATIONS, "challenge_areas")[:6]
            if row.get("id") and row.get("title")
        ]
    }


GRID_QUADRANTS = {
    "quick-win": _("Quick wins: high impact, feasible"),
    "strategic": _("Strategic bets: high impact, harder to do"),
    "easy": _("Easy improvements: lower impact, feasible"),
    "reconsider": _("Reconsider: lower impact, harder to do"),
}


def _quadrant(impact, feasibility):
    high_impact, easy = impact >= 3, feasibility >= 3
    if high_impact and easy:
        return "quick-win"
    return "strategic" if high_impact else ("easy" if easy else "reconsider")


def impact_feasibility_grid(content):
    """The synthesis workshop's grid: rows of impact 5 → 1, columns of feasibility 1 → 5."""
    areas = {area["id"]: area["title"] for area in content.get("challenge_areas", [])}
    rows = []
    for impact in range(5, 0, -1):
        cells = []
        for feasibility in range(1, 6):
            cells.append(
                {
                    "feasibility": feasibility,
                    "quadrant": _quadrant(impact, feasibility),
                    "opportunities": [
                        {**opportunity, "area_title": areas.get(opportunity["challenge_area"], "")}
                        for opportunity in content.get("opportunities", [])
                        if opportunity["impact"] == impact and opportunity["feasibility"] == feasibility
                    ],
                }
            )
        rows.append({"impact": impact, "cells": cells})
    return rows


def opportunities_by_area(content):
    by_area = {area["id"]: {**area, "opportunities": []} for area in content.get("challenge_areas", [])}
    for opportunity in content.get("opportunities", []):
        if opportunity["challenge_area"] in by_area:
            by_area[opportunity["challenge_area"]]["opportunities"].append(opportunity)
    for area in by_area.values():
        area["opportunities"].sort(key=lambda o: (-o["impact"] * o["feasibility"], o["title"].casefold()))
    return list(by_area.values())


def opportunities_context(content, sources):
    return {
        "grid": impact_feasibility_grid(content),
        "areas": opportunities_by_area(content),
        "quadrants": GRID_QUADRANTS,
    }


# --- Action plan -----------------------------------------------------------------------------


class ActionPlanForm(KindForm):
    executive_summary = forms.CharField(label=_("Executive summary"), required=False, widget=text_area(5))
    public_summary = forms.CharField(
        label=_("Public summary"),
        required=False,
        widget=text_area(4),
        help_text=_(
            "What residents and vendors may read: the public version shows this summary and the "
            "tasks marked public, nothing else."
        ),
    )


def opportunity_rows(sources):
    return _rows(sources, AssignmentKind.OPPORTUNITIES_REPORT, "opportunities")


class TaskForm(IdentifiedRowForm):
    title = forms.CharField(label=_("Task"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=text_area(2))
    owner_side = forms.ChoiceField(
        label=_("Owned by"), choices=list(OWNER_SIDE_LABELS.items()), widget=forms.RadioSelect, initial="city"
    )
    owner = forms.CharField(label=_("Owner"), max_length=500, required=False, help_text=_("A named person."))
    start = _date_input(_("Start"))
    end = _date_input(_("End"))
    opportunity = forms.ChoiceField(
        label=_("Opportunity"),
        required=False,
        help_text=_("The opportunity of your opportunities report this task acts on."),
    )
    depends_on = forms.MultipleChoiceField(
        label=_("Depends on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tasks that must finish first. A task added in this edit can be chosen once the draft is saved."
        ),
    )
    public = forms.BooleanField(label=_("Show in the public version"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].choices = _link_choices(
            opportunity_rows(self.sources), "title", _kept(self, "opportunity"), blank="—"
        )
        own = self.initial.get("id")
        tasks = [
            row for row in _rows(self.sources, AssignmentKind.ACTION_PLAN, "tasks") if row.get("id") != own
        ]
        self.fields["depends_on"].choices = _link_choices(tasks, "title", _kept(self, "depends_on"))


class WishlistForm(RowForm):
    dataset = forms.CharField(label=_("Dataset"), max_length=200)
    why = forms.CharField(label=_("Why you need it"), required=False, widget=text_area(2))
    ocds_fields = _ocds_fields()
    owner = forms.CharField(label=_("Who holds it"), max_length=500, required=False)


def _weeks(first, last):
    start = first - datetime.timedelta(days=first.weekday())
    periods = []
    while start <= last:
        periods.append((start, start + datetime.timedelta(days=6)))
        start += datetime.timedelta(days=7)
    return periods


def _months(first, last):
    periods = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        periods.append((datetime.date(year, month, 1), following - datetime.timedelta(days=1)))
        year, month = following.year, following.month
    return periods


#: At most this many weeks are shown week by week; a longer plan is shown month by month.
TIMELINE_WEEKS = 16
TIMELINE_MONTHS = 36


def timeline(content):
    """The Gantt-like view of the dated tasks: periods (weeks, or months for a long plan) and,
    per task, which periods it spans. Tasks without dates are listed apart."""
    dated, undated = [], []
    for task in content.get("tasks", []):
        start = task.get("start") or task.get("end")
        end = task.get("end") or task.get("start")
        if start:
            dated.append((task, datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)))
        else:
            undated.append(task)
    if not dated:
        return {"unit": None, "periods": [], "rows": [], "undated": undated}
    first, last = min(d[1] for d in dated), max(d[2] for d in dated)
    unit = "week" if (last - first).days < TIMELINE_WEEKS * 7 else "month"
    periods = (_weeks if unit == "week" else _months)(first, last)[:TIMELINE_MONTHS]
    rows = [
        {
            "task": task,
            "start": start,
            "end": end,
            "cells": [start <= period_end and end >= period_start for period_start, period_end in periods],
        }
        for task, start, end in dated
    ]
    return {"unit": unit, "periods": [start for start, _end in periods], "rows": rows, "undated": undated}


def action_plan_context(content, sources):
    titles = {task["id"]: task["title"] for task in content.get("tasks", []) if task.get("id")}
    opportunities = {row["id"]: row["title"] for row in opportunity_rows(sources) if row.get("id")}
    return {
        "timeline": timeline(content),
        "task_titles": titles,
        "opportunity_titles": opportunities,
        "public": public_part(content),
    }


def public_part(content):
    """The public-facing version of an action plan: its public summary and the tasks marked public."""
    return {
        "summary": content.get("public_summary", ""),
        "tasks": [task for task in content.get("tasks", []) if task.get("public")],
    }


def _period(task):
    start, end = task.get("start"), task.get("end")
    if start and end:
        return f"{start} – {end}"
    return start or end or ""


def action_plan_public_text(content):
    """The public version as plain text (paragraphs, then a "- " list of the public tasks) for a
    published page: the format the site's text renderer reads."""
    part = public_part(content)
    blocks = [part["summary"]] if part["summary"] else []
    if part["tasks"]:
        lines = []
        for task in part["tasks"]:
            when = _period(task)
            owner = OWNER_SIDE_LABELS[task["owner_side"]]
            lines.append(f"- {task['title']} ({owner}{', ' + when if when else ''})")
        blocks.append(gettext("What we will do:") + "\n" + "\n".join(lines))
    return "\n\n".join(blocks)


# --- OCDS technical assessment and work plan ---------------------------------------------------


class OcdsAssessmentForm(KindForm):
    scope = forms.CharField(label=_("Scope of the assessment"), required=False, widget=text_area(3))


class FindingForm(IdentifiedRowForm):
    stage = forms.ChoiceField(label=_("Stage"), choices=list(ASSESSMENT_STAGE_LABELS.items()))
    question = forms.CharField(label=_("Question"), max_length=500, widget=text_area(2))
    finding = forms.CharField(label=_("Finding"), required=False, widget=text_area(3))
    status = forms.ChoiceField(label=_("Status"), choices=list(WORK_STATUS_LABELS.items()))
    date = _date_input(_("Date"))


def assessment_stages(content):
    """The three stages in order (core team → IT and procurement staff → help desk), each with its
    questions and findings and how many are done."""
    stages = []
    for stage, label in ASSESSMENT_STAGE_LABELS.items():
        findings = [row for row in content.get("findings", []) if row["stage"] == stage]
        stages.append(
            {
                "stage": stage,
                "label": label,
                "findings": findings,
                "done": sum(1 for row in findings if row["status"] == "done"),
            }
        )
    return stages


class OcdsWorkPlanForm(KindForm):
    goal = forms.CharField(label=_("What you will publish"), required=False, widget=text_area(3))


def finding_rows(sources):
    return _rows(sources, AssignmentKind.OCDS_ASSESSMENT, "findings")


class WorkStepForm(IdentifiedRowForm):
    task = forms.CharField(label=_("Step"), max_length=200)
    owner = forms.CharField(label=_("Owner"), max_length=500, required=False)
    due_date = _date_input(_("Due date"))
    status = forms.ChoiceField(label=_("Status"), choices=list(WORK_STATUS_LABELS.items()))
    sections = forms.MultipleChoiceField(
        label=_("OCDS sections"),
        choices=list(STAGE_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ocds_fields = _ocds_fields()
    findings = forms.MultipleChoiceField(
        label=_("Assessment findings it answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("From your OCDS technical assessment."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].choices = _link_choices(
            finding_rows(self.sources), "question", _kept(self, "findings")
        )


def work_plan_context(content, sources):
    return {"finding_titles": {row["id"]: row["question"] for row in finding_rows(sources) if row.get("id")}}


# --- Export tables -----------------------------------------------------------------------------


def _lines(values):
    return "\n".join(values or [])


def _labels(values, labels):
    return ", ".join(str(labels.get(value, value)) for value in values or [])


def _headers(*labels):
    return [str(label) for label in labels]


def data_user_tables(content, sources=None):
    return [
        overview_table(DataUserGuideForm, content),
        Table(
            title=str(_("Data users")),
            headers=_headers(
                _("Type of data user"),
                _("Who"),
                _("Questions to ask"),
                _("Data they need"),
                _("In what form"),
                _("Notes"),
            ),
            rows=[
                [
                    str(DATA_USER_TYPE_LABELS[u["user_type"]]),
                    u["who"],
                    _lines(u["questions"]),
                    u["data_needed"],
                    _labels(u["formats"], FORMAT_LABELS),
                    u["notes"],
                ]
                for u in content.get("users", [])
            ],
        ),
    ]


def research_tables(content, sources=None):
    return [
        overview_table(DesignResearchForm, content),
        Table(
            title=str(_("Research questions")),
            headers=_headers(_("#"), _("Research question")),
            rows=[[i, q["question"]] for i, q in enumerate(content.get("questions", []), start=1)],
        ),
        Table(
            title=str(_("Methods")),
            headers=_headers(_("Method"), _("How you will use it"), _("With whom")),
            rows=[
                [str(METHOD_LABELS[m["method"]]), m["description"], m["participants"]]
                for m in content.get("methods", [])
            ],
        ),
        Table(
            title=str(_("Participants")),
            headers=_headers(_("Participant group"), _("How many"), _("How you will recruit them")),
            rows=[
                [p["group"], p["number"] if p["number"] is not None else "", p["recruitment"]]
                for p in content.get("participants", [])
            ],
        ),
        Table(
            title=str(_("Hypotheses")),
            headers=_headers(_("Hypothesis or assumption"), _("How you will test it"), _("Status")),
            rows=[
                [h["assumption"], h["how_to_test"], str(HYPOTHESIS_STATUS_LABELS[h["status"]])]
                for h in content.get("hypotheses", [])
            ],
        ),
        Table(
            title=str(_("Timeline")),
            headers=_headers(_("Activity"), _("Start"), _("End")),
            rows=[[m["activity"], m["start"] or "", m["end"] or ""] for m in content.get("timeline", [])],
        ),
    ]


def opportunities_tables(content, sources=None):
    areas = {area["id"]: area["title"] for area in content.get("challenge_areas", [])}
    return [
        overview_table(OpportunitiesForm, content),
        Table(
            title=str(_("Opportunities")),
            headers=_headers(
                _("Challenge area"),
                _("Opportunity"),
                _("Description"),
                _("Horizon"),
                _("Impact"),
                _("Feasibility"),
                _("OCDS fields it needs"),
            ),
            rows=[
                [
                    areas.get(o["challenge_area"], ""),
                    o["title"],
                    o["description"],
                    str(HORIZON_LABELS[o["horizon"]]),
                    o["impact"],
                    o["feasibility"],
                    _lines(o["ocds_fields"]),
                ]
                for o in content.get("opportunities", [])
            ],
        ),
        Table(
            title=str(_("Challenge areas")),
            headers=_headers(_("Challenge area"), _("Description")),
            rows=[[a["title"], a["description"]] for a in content.get("challenge_areas", [])],
        ),
    ]


def action_plan_tables(content, sources=None):
    titles = {task["id"]: task["title"] for task in content.get("tasks", []) if task.get("id")}
    opportunities = {row["id"]: row["title"] for row in opportunity_rows(sources or {}) if row.get("id")}
    return [
        overview_table(ActionPlanForm, content),
        Table(
            title=str(_("Tasks")),
            headers=_headers(
                _("Task"),
                _("Description"),
                _("Owned by"),
                _("Owner"),
                _("Start"),
                _("End"),
                _("Depends on"),
                _("Opportunity"),
                _("Public"),
            ),
            rows=[
                [
                    t["title"],
                    t["description"],
                    str(OWNER_SIDE_LABELS[t["owner_side"]]),
                    t["owner"],
                    t["start"] or "",
                    t["end"] or "",
                    _lines([titles.get(target, target) for target in t["depends_on"]]),
                    opportunities.get(t["opportunity"], t["opportunity"]),
                    str(_("Yes") if t["public"] else _("No")),
                ]
                for t in content.get("tasks", [])
            ],
        ),
        Table(
            title=str(_("Data wishlist")),
            headers=_headers(_("Dataset"), _("Why you need it"), _("OCDS fields"), _("Who holds it")),
            rows=[
                [w["dataset"], w["why"], _lines(w["ocds_fields"]), w["owner"]]
                for w in content.get("wishlist", [])
            ],
        ),
    ]


def assessment_tables(content, sources=None):
    return [
        overview_table(OcdsAssessmentForm, content),
        Table(
            title=str(_("OCDS technical assessment")),
            headers=_headers(_("Stage"), _("Question"), _("Finding"), _("Status"), _("Date")),
            rows=[
                [
                    str(stage["label"]),
                    row["question"],
                    row["finding"],
                    str(WORK_STATUS_LABELS[row["status"]]),
                    row["date"] or "",
                ]
                for stage in assessment_stages(content)
                for row in stage["findings"]
            ],
        ),
    ]


def work_plan_tables(content, sources=None):
    findings = {row["id"]: row["question"] for row in finding_rows(sources or {}) if row.get("id")}
    return [
        overview_table(OcdsWorkPlanForm, content),
        Table(
            title=str(_("OCDS work plan")),
            headers=_headers(
                _("Step"),
                _("Owner"),
                _("Due date"),
                _("Status"),
                _("OCDS sections"),
                _("OCDS fields"),
                _("Assessment findings it answers"),
            ),
            rows=[
                [
                    s["task"],
                    s["owner"],
                    s["due_date"] or "",
                    str(WORK_STATUS_LABELS[s["status"]]),
                    _labels(s["sections"], STAGE_LABELS),
                    _lines(s["ocds_fields"]),
                    _lines([findings.get(key, key) for key in s["findings"]]),
                ]
                for s in content.get("steps", [])
            ],
        ),
    ]


def _template(kind):
    return f"cohorts/assignments/render/{kind}.html"


KINDS = {
    AssignmentKind.DATA_USER_GUIDE: Kind(
        kind=AssignmentKind.DATA_USER_GUIDE,
        template_name=_template(AssignmentKind.DATA_USER_GUIDE),
        form_class=DataUserGuideForm,
        lists=(ListSpec("users", _("Data users"), DataUserForm, _("Add a data user"), _("Data user")),),
        tables=data_user_tables,
    ),
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: Kind(
        kind=AssignmentKind.DESIGN_RESEARCH_FRAMEWORK,
        template_name=_template(AssignmentKind.DESIGN_RESEARCH_FRAMEWORK),
        form_class=DesignResearchForm,
        lists=(
            ListSpec(
                "questions", _("Research questions"), ResearchQuestionForm, _("Add a question"), _("Question")
            ),
            ListSpec("methods", _("Methods"), MethodForm, _("Add a method"), _("Method")),
            ListSpec(
                "participants",
                _("Participants"),
                ParticipantGroupForm,
                _("Add a participant group"),
                _("Group"),
            ),
            ListSpec(
                "hypotheses", _("Hypotheses to test"), HypothesisForm, _("Add a hypothesis"), _("Hypothesis")
            ),
            ListSpec("timeline", _("Timeline"), MilestoneForm, _("Add an activity"), _("Activity")),
        ),
        tables=research_tables,
    ),
    AssignmentKind.OPPORTUNITIES_REPORT: Kind(
        kind=AssignmentKind.OPPORTUNITIES_REPORT,
        template_name=_template(AssignmentKind.OPPORTUNITIES_REPORT),
        form_class=OpportunitiesForm,
        lists=(
            ListSpec(
                "challenge_areas",
                _("Challenge areas"),
                ChallengeAreaForm,
                _("Add a challenge area"),
                _("Challenge area"),
            ),
            ListSpec(
                "opportunities",
                _("Opportunities"),
                OpportunityForm,
                _("Add an opportunity"),
                _("Opportunity"),
            ),
        ),
        tables=opportunities_tables,
        sources=(BASELINE_OBSERVATIONS, AssignmentKind.OPPORTUNITIES_REPORT),
        context=opportunities_context,
        prefill=opportunities_prefill,
    ),
    AssignmentKind.ACTION_PLAN: Kind(
        kind=AssignmentKind.ACTION_PLAN,
        template_name=_template(AssignmentKind.ACTION_PLAN),
        form_class=ActionPlanForm,
        lists=(
            ListSpec("tasks", _("Tasks"), TaskForm, _("Add a task"), _("Task")),
            ListSpec("wishlist", _("Data wishlist"), WishlistForm, _("Add a dataset"), _("Dataset")),
        ),
        tables=action_plan_tables,
        sources=(AssignmentKind.OPPORTUNITIES_REPORT, AssignmentKind.ACTION_PLAN),
        context=action_plan_context,
        public=action_plan_public_text,
    ),
    AssignmentKind.OCDS_ASSESSMENT: Kind(
        kind=AssignmentKind.OCDS_ASSESSMENT,
        template_name=_template(AssignmentKind.OCDS_ASSESSMENT),
        form_class=OcdsAssessmentForm,
        lists=(
            ListSpec(
                "findings", _("Questions and findings"), FindingForm, _("Add a question"), _("Question")
            ),
        ),
        tables=assessment_tables,
        context=lambda content, sources: {"stages": assessment_stages(content)},
    ),
    AssignmentKind.OCDS_WORK_PLAN: Kind(
        kind=AssignmentKind.OCDS_WORK_PLAN,
        template_name=_template(AssignmentKind.OCDS_WORK_PLAN),
        form_class=OcdsWorkPlanForm,
        lists=(ListSpec("steps", _("Steps"), WorkStepForm, _("Add a step"), _("Step")),),
        tables=work_plan_tables,
        sources=(AssignmentKind.OCDS_ASSESSMENT,),
        context=work_plan_context,
    ),
}
