"""The sprint kinds: vendor journey map, data systems map, stakeholder interviews, pilot plan, document."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError as PydanticValidationError

from cohorts.assignments.kinds.base import (
    Kind,
    KindForm,
    LinesField,
    ListSpec,
    RowForm,
    Table,
    overview_table,
    text_area,
)
from sprints.models import AssignmentKind
from sprints.schemas import PROCUREMENT_STAGES
from sprints.schemas.sprint import DataSystemsMap, legacy_publication

STAGE_LABELS = {
    "planning": _("Planning"),
    "tender": _("Tender"),
    "award": _("Award"),
    "contract": _("Contract"),
    "implementation": _("Implementation"),
}
PUBLICATION_LABELS = {
    "open": _("Published openly"),
    "internal": _("Shared internally"),
    "none": _("Not published"),
}
OPEN_NEEDS_A_LINK = _("Give the link where the data is published openly.")


class JourneyStageForm(RowForm):
    name = forms.CharField(label=_("Stage"), max_length=200)
    vendor_actions = forms.CharField(label=_("Vendor actions"), required=False, widget=text_area())
    touchpoints = forms.CharField(label=_("Touchpoints"), required=False, widget=text_area())
    pain_points = forms.CharField(label=_("Pain points"), required=False, widget=text_area())
    opportunities = forms.CharField(label=_("Opportunities"), required=False, widget=text_area())


class JourneyMapForm(KindForm):
    vendor_persona = forms.CharField(
        label=_("Vendor persona"),
        max_length=500,
        required=False,
        help_text=_(
            "Whose journey this is, for example “a small local supplier bidding for the first time”."
        ),
    )


class DataSystemForm(RowForm):
    name = forms.CharField(label=_("System"), max_length=200)
    owner = forms.CharField(label=_("Owner"), max_length=500, required=False)
    data_held = forms.CharField(label=_("Data held"), required=False, widget=text_area())
    stages = forms.MultipleChoiceField(
        label=_("Procurement stages"),
        choices=list(STAGE_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.CharField(label=_("Format"), max_length=500, required=False)
    published = forms.ChoiceField(
        label=_("Published where"),
        choices=list(PUBLICATION_LABELS.items()),
        initial="none",
        required=False,
        widget=forms.RadioSelect,
    )
    published_url = forms.URLField(
        label=_("Link"),
        assume_scheme="https",
        max_length=2000,
        required=False,
        help_text=_("Required when the data is published openly."),
    )
    published_note = forms.CharField(label=_("Note on where it is shared"), max_length=500, required=False)
    quality_issues = forms.CharField(label=_("Quality issues"), required=False, widget=text_area())
    linked_systems = LinesField(label=_("Links to other systems"), help_text=_("One system per line."))
    ocds_fields = LinesField(
        label=_("OCDS fields covered"),
        commas=True,
        help_text=_("For example tender/title, awards/value; one per line or separated by commas."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A draft saved before "published where" became a choice: show its text as the choice.
        if "published_where" in self.initial and "published" not in self.initial:
            self.initial = {**self.initial, **legacy_publication(self.initial["published_where"])}

    def clean(self):
        data = super().clean()
        if not data.get("published"):
            # A page opened before "published where" became a choice posts its free text.
            legacy = legacy_publication(self.data.get(self.add_prefix("published_where"), ""))
            data["published"] = legacy["published"]
            data["published_url"] = data.get("published_url") or legacy["published_url"]
            data["published_note"] = data.get("published_note") or legacy["published_note"]
        if data.get("published") == "open" and not data.get("published_url"):
            self.add_error("published_url", OPEN_NEEDS_A_LINK)
        return data


class InterviewForm(RowForm):
    interviewee_type = forms.CharField(
        label=_("Stakeholder type"), max_length=200, help_text=_("For example vendor, buyer, auditor.")
    )
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    findings = forms.CharField(label=_("Findings"), required=False, widget=text_area())
    pain_points = forms.CharField(label=_("Pain points"), required=False, widget=text_area())


class PilotPlanForm(KindForm):
    problem = forms.CharField(label=_("Problem"), required=False, widget=text_area(4))
    solution = forms.CharField(label=_("Solution"), required=False, widget=text_area(4))


class PilotTaskForm(RowForm):
    description = forms.CharField(label=_("Task"), max_length=500)
    owner = forms.CharField(label=_("Owner"), max_length=500, required=False)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PilotIndicatorForm(RowForm):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    baseline = forms.CharField(label=_("Baseline"), max_length=500, required=False)
    target = forms.CharField(label=_("Target"), max_length=500, required=False)


class DocumentForm(KindForm):
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=100_000,
        widget=text_area(14),
        help_text=_("Blank lines start a new paragraph; lines starting with “- ” become a list; links work."),
    )
    links = LinesField(label=_("Links"), help_text=_("One web address per line."), widget=text_area(3))

    def clean_links(self):
        validator = forms.URLField(assume_scheme="https")
        errors = []
        for link in self.cleaned_data["links"]:
            try:
                validator.clean(link)
            except ValidationError:
                errors.append(link)
        if errors:
            raise ValidationError(_("Not a web address: %(links)s"), params={"links": ", ".join(errors)})
        return self.cleaned_data["links"]


def _lines(values):
    return "\n".join(values or [])


def journey_tables(content, sources=None):
    stages = content.get("stages", [])
    return [
        overview_table(JourneyMapForm, content),
        Table(
            title=str(_("Vendor journey map")),
            headers=[
                str(h)
                for h in (
                    _("#"),
                    _("Stage"),
                    _("Vendor actions"),
                    _("Touchpoints"),
                    _("Pain points"),
                    _("Opportunities"),
                )
            ],
            rows=[
                [
                    index,
                    s["name"],
                    s["vendor_actions"],
                    s["touchpoints"],
                    s["pain_points"],
                    s["opportunities"],
                ]
                for index, s in enumerate(stages, start=1)
            ],
        ),
    ]


def read_systems(content):
    """The systems of a data systems map, read through its schema so content saved before
    "published where" became a choice (stored versions) reads as the choice and its link."""
    try:
        return DataSystemsMap.model_validate(content).model_dump(mode="json")["systems"]
    except PydanticValidationError:
        return content.get("systems", [])


def _published(system):
    label = str(PUBLICATION_LABELS.get(system.get("published"), ""))
    details = [part for part in (system.get("published_url"), system.get("published_note")) if part]
    return " — ".join([label, *details]) if details else label


def systems_tables(content, sources=None):
    systems = read_systems(content)
    return [
        Table(
            title=str(_("Data systems")),
            headers=[
                str(h)
                for h in (
                    _("System"),
                    _("Owner"),
                    _("Data held"),
                    _("Procurement stages"),
                    _("Format"),
                    _("Published where"),
                    _("Quality issues"),
                    _("Links to other systems"),
                    _("OCDS fields covered"),
                )
            ],
            rows=[
                [
                    s["name"],
                    s["owner"],
                    s["data_held"],
                    ", ".join(str(STAGE_LABELS[stage]) for stage in s["stages"]),
                    s["format"],
                    _published(s),
                    s["quality_issues"],
                    _lines(s["linked_systems"]),
                    _lines(s["ocds_fields"]),
                ]
                for s in systems
            ],
        ),
        Table(
            title=str(_("Coverage by stage")),
            headers=[str(h) for h in (_("Procurement stage"), _("Systems"), _("Published"), _("Gap"))],
            rows=[
                [
                    str(row["label"]),
                    ", ".join(row["systems"]),
                    ", ".join(row["published"]),
                    str(row["gap"] or ""),
                ]
                for row in stage_coverage(content)
            ],
        ),
    ]


def interview_tables(content, sources=None):
    return [
        Table(
            title=str(_("Stakeholder interviews")),
            headers=[str(h) for h in (_("Stakeholder type"), _("Date"), _("Findings"), _("Pain points"))],
            rows=[
                [i["interviewee_type"], i["date"] or "", i["findings"], i["pain_points"]]
                for i in content.get("interviews", [])
            ],
        )
    ]


def pilot_tables(content, sources=None):
    return [
        overview_table(PilotPlanForm, content),
        Table(
            title=str(_("Tasks")),
            headers=[str(h) for h in (_("Task"), _("Owner"), _("Due date"))],
            rows=[[t["description"], t["owner"], t["due_date"] or ""] for t in content.get("tasks", [])],
        ),
        Table(
            title=str(_("Indicators")),
            headers=[str(h) for h in (_("Indicator"), _("Baseline"), _("Target"))],
            rows=[[i["name"], i["baseline"], i["target"]] for i in content.get("indicators", [])],
        ),
    ]


NO_SYSTEM = _("No system holds data for this stage.")
NOT_PUBLISHED = _("Held but not published.")


def stage_coverage(content):
    """Per OCDS stage: the systems holding its data, those published openly, and the gap if any.

    Data shared internally or not published does not count as published."""
    rows = []
    every_system = read_systems(content)
    for stage in PROCUREMENT_STAGES:
        systems = [s for s in every_system if stage in s["stages"]]
        published = [s["name"] for s in systems if s.get("published") == "open"]
        gap = NO_SYSTEM if not systems else (NOT_PUBLISHED if not published else None)
        rows.append(
            {
                "stage": stage,
                "label": STAGE_LABELS[stage],
                "systems": [s["name"] for s in systems],
                "published": published,
                "gap": gap,
            }
        )
    return rows


def interviews_by_type(content):
    """Interviews grouped by stakeholder type (case-insensitive), largest group first."""
    groups = {}
    for interview in content.get("interviews", []):
        key = interview["interviewee_type"].strip().casefold()
        group = groups.setdefault(key, {"type": interview["interviewee_type"], "count": 0, "pain_points": []})
        group["count"] += 1
        if interview["pain_points"]:
            group["pain_points"].append(interview["pain_points"])
    return sorted(groups.values(), key=lambda group: (-group["count"], group["type"].casefold()))


KINDS = {
    AssignmentKind.VENDOR_JOURNEY_MAP: Kind(
        kind=AssignmentKind.VENDOR_JOURNEY_MAP,
        template_name="cohorts/assignments/render/vendor_journey_map.html",
        form_class=JourneyMapForm,
        lists=(ListSpec("stages", _("Stages"), JourneyStageForm, _("Add a stage"), _("Stage")),),
        tables=journey_tables,
    ),
    AssignmentKind.DATA_SYSTEMS_MAP: Kind(
        kind=AssignmentKind.DATA_SYSTEMS_MAP,
        template_name="cohorts/assignments/render/data_systems_map.html",
        lists=(ListSpec("systems", _("Systems"), DataSystemForm, _("Add a system"), _("System")),),
        tables=systems_tables,
        context=lambda content, sources: {
            "coverage": stage_coverage(content),
            "systems": read_systems(content),
        },
    ),
    AssignmentKind.STAKEHOLDER_INTERVIEWS: Kind(
        kind=AssignmentKind.STAKEHOLDER_INTERVIEWS,
        template_name="cohorts/assignments/render/stakeholder_interviews.html",
        lists=(
            ListSpec("interviews", _("Interviews"), InterviewForm, _("Add an interview"), _("Interview")),
        ),
        tables=interview_tables,
        context=lambda content, sources: {"by_type": interviews_by_type(content)},
    ),
    AssignmentKind.PILOT_PLAN: Kind(
        kind=AssignmentKind.PILOT_PLAN,
        template_name="cohorts/assignments/render/pilot_plan.html",
        form_class=PilotPlanForm,
        lists=(
            ListSpec("tasks", _("Tasks"), PilotTaskForm, _("Add a task"), _("Task")),
            ListSpec(
                "indicators", _("Indicators"), PilotIndicatorForm, _("Add an indicator"), _("Indicator")
            ),
        ),
        tables=pilot_tables,
    ),
    AssignmentKind.DOCUMENT: Kind(
        kind=AssignmentKind.DOCUMENT,
        template_name="cohorts/assignments/render/document.html",
        form_class=DocumentForm,
        accepts_uploads=True,
    ),
}
