"""The registry of assignment kinds: editor forms, renderer template and export tables."""

import math
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from sprints.models import AssignmentKind
from sprints.schemas import PROCUREMENT_STAGES, empty_content, validate_content

STAGE_LABELS = {
    "planning": _("Planning"),
    "tender": _("Tender"),
    "award": _("Award"),
    "contract": _("Contract"),
    "implementation": _("Implementation"),
}


def text_area(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class LinesField(forms.CharField):
    """A list of short strings typed one per line (or separated by commas)."""

    def __init__(self, *args, commas=False, **kwargs):
        self.commas = commas
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", text_area(2))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        if self.commas:
            text = text.replace(",", "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]


class RowForm(forms.Form):
    """A row of a list: ORDER and DELETE come from the formset (reorder and remove in the page)."""


class JourneyStageForm(RowForm):
    name = forms.CharField(label=_("Stage"), max_length=200)
    vendor_actions = forms.CharField(label=_("Vendor actions"), required=False, widget=text_area())
    touchpoints = forms.CharField(label=_("Touchpoints"), required=False, widget=text_area())
    pain_points = forms.CharField(label=_("Pain points"), required=False, widget=text_area())
    opportunities = forms.CharField(label=_("Opportunities"), required=False, widget=text_area())


class JourneyMapForm(forms.Form):
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
    published_where = forms.CharField(label=_("Published where"), max_length=500, required=False)
    quality_issues = forms.CharField(label=_("Quality issues"), required=False, widget=text_area())
    linked_systems = LinesField(label=_("Links to other systems"), help_text=_("One system per line."))
    ocds_fields = LinesField(
        label=_("OCDS fields covered"),
        commas=True,
        help_text=_("For example tender/title, awards/value; one per line or separated by commas."),
    )


class InterviewForm(RowForm):
    interviewee_type = forms.CharField(
        label=_("Stakeholder type"), max_length=200, help_text=_("For example vendor, buyer, auditor.")
    )
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    findings = forms.CharField(label=_("Findings"), required=False, widget=text_area())
    pain_points = forms.CharField(label=_("Pain points"), required=False, widget=text_area())


class PilotPlanForm(forms.Form):
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


class DocumentForm(forms.Form):
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


@dataclass(frozen=True)
class ListSpec:
    """One list of rows in a kind's content, edited with a formset."""

    name: str
    label: str
    form_class: type
    add_label: str
    row_label: str


@dataclass(frozen=True)
class Table:
    """One table of an export: a title, column headers and rows of text."""

    title: str
    headers: list
    rows: list


@dataclass(frozen=True)
class Kind:
    kind: str
    template_name: str
    form_class: type | None = None
    lists: tuple = ()
    tables: object = None  # content -> list[Table]; None when the kind is not tabular
    accepts_uploads: bool = False
    extra: dict = field(default_factory=dict)
    #: content -> str | None: the public-facing text a kind offers when the team shares it as a
    #: result (cohorts.sharing); None for a kind with no public part.
    public: object = None

    @property
    def is_tabular(self):
        return self.tables is not None


def _lines(values):
    return "\n".join(values or [])


def journey_tables(content):
    stages = content.get("stages", [])
    return [
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
        )
    ]


def systems_tables(content):
    systems = content.get("systems", [])
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
                    s["published_where"],
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


def interview_tables(content):
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


def pilot_tables(content):
    return [
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
    """Per OCDS stage: the systems holding its data, those published, and the gap if any."""
    rows = []
    for stage in PROCUREMENT_STAGES:
        systems = [s for s in content.get("systems", []) if stage in s["stages"]]
        published = [s["name"] for s in systems if s["published_where"]]
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
    ),
    AssignmentKind.STAKEHOLDER_INTERVIEWS: Kind(
        kind=AssignmentKind.STAKEHOLDER_INTERVIEWS,
        template_name="cohorts/assignments/render/stakeholder_interviews.html",
        lists=(
            ListSpec("interviews", _("Interviews"), InterviewForm, _("Add an interview"), _("Interview")),
        ),
        tables=interview_tables,
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


def public_text(kind, content) -> str | None:
    """The public-facing text of a deliverable of `kind` with `content`, pre-filling the public
    version a team proposes for publication; None when the kind offers none."""
    spec = KINDS.get(kind)
    if spec is None or spec.public is None:
        return None
    return spec.public(content or {})


class Editor:
    """The editor of one kind: its single-field form plus one formset per list, bound or not."""

    def __init__(self, kind, content=None, data=None):
        self.spec = KINDS[kind]
        self.kind = kind
        content = content if content is not None else empty_content(kind)
        self.form = (
            self.spec.form_class(data, initial=content, prefix="main") if self.spec.form_class else None
        )
        self.formsets = []
        for spec in self.spec.lists:
            formset_class = formset_factory(spec.form_class, extra=0, can_delete=True, can_order=True)
            initial = content.get(spec.name, [])
            formset = formset_class(data, initial=initial, prefix=spec.name)
            if data is None and not initial:
                formset = formset_factory(spec.form_class, extra=1, can_delete=True, can_order=True)(
                    prefix=spec.name
                )
            formset.spec = spec
            self.formsets.append(formset)
        self.content_error = None

    def is_valid(self):
        valid = (self.form is None or self.form.is_valid()) & all(fs.is_valid() for fs in self.formsets)
        if not valid:
            return False
        try:
            self.cleaned_content = validate_content(self.kind, self._content())
        except ValidationError as error:
            self.content_error = " ".join(error.messages)
            return False
        return True

    def _content(self):
        content = dict(self.form.cleaned_data) if self.form else {}
        for formset in self.formsets:
            rows = []
            for index, form in enumerate(formset.forms):
                data = form.cleaned_data
                if (
                    not data
                    or data.get("DELETE")
                    or (not form.has_changed() and index >= formset.initial_form_count())
                ):
                    continue
                order = data.get("ORDER")
                row = {key: value for key, value in data.items() if key not in ("ORDER", "DELETE")}
                for key, value in row.items():
                    if hasattr(value, "isoformat"):
                        row[key] = value.isoformat()
                rows.append((order if order is not None else math.inf, index, row))
            content[formset.spec.name] = [row for _order, _index, row in sorted(rows, key=lambda r: r[:2])]
        return content

    @property
    def errors_present(self):
        return (
            bool(self.content_error)
            or (self.form is not None and self.form.errors)
            or any(fs.total_error_count() for fs in self.formsets)
        )
