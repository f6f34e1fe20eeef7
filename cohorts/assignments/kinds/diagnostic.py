"""The Diagnostic phase's kinds (PROGRAMS.md §4, phase I): what a team learns before it designs.

environment questionnaire → key-informant guide → outreach tracker → interview notes →
baseline observations → baseline summary report. Each builds on the ones before it (``sources``)
and links to their rows by id, so nobody types a name or a challenge area twice; see
sprints/schemas/diagnostic.py for why the links only point backwards (no cycles).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from cohorts.assignments.kinds.base import (
    IdentifiedRowForm,
    Kind,
    KindForm,
    LinesField,
    ListSpec,
    Table,
    overview_table,
    text_area,
)
from cohorts.assignments.kinds.sprint import stage_coverage
from sprints.models import AssignmentKind
from sprints.schemas.diagnostic import MAX_FOCUS_GROUP_PEOPLE, MAX_INFORMANTS

K = AssignmentKind

RATING_LABELS = {
    1: _("1 — very weak"),
    2: _("2 — weak"),
    3: _("3 — fair"),
    4: _("4 — strong"),
    5: _("5 — very strong"),
}

ISSUE_FOCUS_LABELS = {
    "efficiency_fairness": _("Efficiency and fairness"),
    "results_driven": _("Results-driven procurement"),
    "equity": _("Equity"),
    "strategic_function": _("Procurement as a strategic function"),
}

STATUS_LABELS = {
    "to_contact": _("To contact"),
    "contacted": _("Contacted"),
    "scheduled": _("Scheduled"),
    "done": _("Interviewed"),
    "declined": _("Declined"),
}

REMOVED_ROW = _("(no longer in the source deliverable)")
TOO_MANY_INFORMANTS = _("Plan at most %(num)d key informants.")
TOO_MANY_PARTICIPANTS = _("A focus group has at most %(limit)d people: this one lists %(count)d.")
TOO_MANY_QUESTIONS = _("At most %(limit)d questions per interviewee type.")
INTERVIEWED = ngettext_lazy(
    "Key-informant interviews: %(done)d of the %(planned)d person on the outreach tracker.",
    "Key-informant interviews: %(done)d of the %(planned)d people on the outreach tracker.",
    "planned",
)
CODE_TOO_LONG = _("Keep each code under %(limit)d characters: %(codes)s")


def date_input(label):
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


def rating_field(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=[("", _("Not rated"))] + list(RATING_LABELS.items()),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "rating-choices"}),
    )


def _keep(choices, values):
    """Choices plus the values already chosen that the source no longer offers, so none is lost."""
    known = {value for value, _label in choices}
    return choices + [(value, f"{value} {REMOVED_ROW}") for value in values if value and value not in known]


def _current(form, name, many=False):
    """The field's current values (a list): what was posted, else the initial content."""
    if form.is_bound:
        key = form.add_prefix(name)
        value = form.data.getlist(key) if many and hasattr(form.data, "getlist") else form.data.get(key)
    else:
        value = form.initial.get(name)
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [value] if value else []


def contact_label(contact):
    return " — ".join(part for part in (contact["person"], contact["role"], contact["organisation"]) if part)


def contacts_by_id(sources):
    return {c["id"]: c for c in (sources.get(K.OUTREACH_TRACKER) or {}).get("contacts", []) if c["id"]}


class ContactChoiceForm(IdentifiedRowForm):
    """A row that names a person from the team's outreach tracker (stores the contact's id)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        contacts = contacts_by_id(self.sources)
        choices = [("", _("Choose a person from the outreach tracker"))] + [
            (key, contact_label(contact)) for key, contact in contacts.items()
        ]
        self.fields["contact"].choices = _keep(choices, _current(self, "contact"))


def note_codes(sources):
    """The codes used in the team's interview notes, with how many observations carry each."""
    counts = {}
    for observation in (sources.get(K.INTERVIEW_NOTES) or {}).get("observations", []):
        for code in observation["codes"]:
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))


def clean_codes(codes):
    codes = list(dict.fromkeys(code.lower() for code in codes))
    too_long = [code for code in codes if len(code) > 60]
    if too_long:
        raise ValidationError(CODE_TOO_LONG, params={"limit": 60, "codes": ", ".join(too_long)})
    return codes


# --- Environment questionnaire ------------------------------------------------------------


class EnvironmentQuestionnaireForm(KindForm):
    goals_short_term = forms.CharField(
        label=_("Short-term goals"),
        required=False,
        widget=text_area(),
        help_text=_("What should be different within six months?"),
    )
    goals_long_term = forms.CharField(
        label=_("Long-term goals"),
        required=False,
        widget=text_area(),
        help_text=_("What should be different in two to three years, for residents and vendors?"),
    )
    political_support = forms.CharField(
        label=_("Political support"),
        required=False,
        widget=text_area(),
        help_text=_("Who champions this reform (the Mayor, council, sponsors), and who may resist it?"),
    )
    political_support_rating = rating_field(_("How strong is the political support?"))
    pain_points = forms.CharField(
        label=_("Pain points"),
        required=False,
        widget=text_area(),
        help_text=_("What goes wrong today, for staff, departments and vendors?"),
    )
    issue_focus = forms.ChoiceField(
        label=_("Issue focus"),
        choices=[("", _("Not chosen yet"))] + list(ISSUE_FOCUS_LABELS.items()),
        required=False,
        help_text=_("The challenge area the city wants to focus on."),
    )
    issue_description = forms.CharField(
        label=_("The issue, in your words"), required=False, widget=text_area()
    )
    issue_evidence = forms.CharField(
        label=_("What shows the issue"),
        required=False,
        widget=text_area(),
        help_text=_("Figures, complaints, audits or reports that show it."),
    )
    data_owners = forms.CharField(
        label=_("Who owns procurement data"),
        required=False,
        widget=text_area(),
        help_text=_("Departments and people responsible for each system and dataset."),
    )
    data_policies = forms.CharField(
        label=_("Policies and rules"),
        required=False,
        widget=text_area(),
        help_text=_("Open data policy, transparency law, privacy and records rules that apply."),
    )
    data_published = forms.CharField(label=_("What is published today"), required=False, widget=text_area())
    data_governance_rating = rating_field(_("How mature is data governance?"))
    performance_measures = forms.CharField(
        label=_("Measures tracked"),
        required=False,
        widget=text_area(),
        help_text=_(
            "Procurement measures the city tracks now, for example cycle time or bids per solicitation."
        ),
    )
    performance_routines = forms.CharField(
        label=_("Review routines"),
        required=False,
        widget=text_area(),
        help_text=_("Who looks at them, how often, and in which meeting."),
    )
    performance_use = forms.CharField(label=_("How results are used"), required=False, widget=text_area())
    performance_rating = rating_field(_("How mature is performance management?"))

    sections = (
        (
            _("1. Goals, political support and pain points"),
            (
                "goals_short_term",
                "goals_long_term",
                "political_support",
                "political_support_rating",
                "pain_points",
            ),
        ),
        (_("2. Issue focus"), ("issue_focus", "issue_description", "issue_evidence")),
        (
            _("3. Data governance"),
            ("data_owners", "data_policies", "data_published", "data_governance_rating"),
        ),
        (
            _("4. Performance management"),
            ("performance_measures", "performance_routines", "performance_use", "performance_rating"),
        ),
    )


def questionnaire_sections(content):
    """The questionnaire's four topics: (title, [(label, value, is_rating)]) for renderers and exports."""
    form = EnvironmentQuestionnaireForm()
    sections = []
    for legend, names in form.sections:
        answers = []
        for name in names:
            value = content.get(name)
            if name == "issue_focus":
                value = ISSUE_FOCUS_LABELS.get(value, "")
            elif name.endswith("_rating"):
                value = RATING_LABELS.get(value, "")
            answers.append({"label": form.fields[name].label, "value": value or "", "name": name})
        sections.append({"title": legend, "answers": answers})
    return sections


def questionnaire_tables(content, sources=None):
    return [
        Table(
            title=str(_("Environment questionnaire")),
            headers=[str(_("Topic")), str(_("Question")), str(_("Answer"))],
            rows=[
                [str(section["title"]), str(answer["label"]), str(answer["value"])]
                for section in questionnaire_sections(content)
                for answer in section["answers"]
            ],
        )
    ]


# --- Key-informant interview guide ----------------------------------------------------------


class KeyInformantGuideForm(KindForm):
    purpose = forms.CharField(
        label=_("Purpose and introduction"),
        required=False,
        widget=text_area(4),
        help_text=_("What you tell each interviewee at the start: why you ask and how you use the answers."),
    )
    interviewer = forms.CharField(label=_("Interviewer"), max_length=500, required=False)
    notetaker = forms.CharField(label=_("Notetaker"), max_length=500, required=False)


class QuestionGroupForm(IdentifiedRowForm):
    interviewee_type = forms.CharField(
        label=_("Interviewee type"),
        max_length=200,
        help_text=_("For example buyers in departments, vendors, finance staff, IT staff."),
    )
    questions = LinesField(label=_("Questions"), help_text=_("One question per line."), widget=text_area(6))

    def clean_questions(self):
        questions = self.cleaned_data["questions"]
        if len(questions) > 30:
            raise ValidationError(TOO_MANY_QUESTIONS, params={"limit": 30})
        return questions


class InformantForm(IdentifiedRowForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=500, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=500, required=False)
    interviewee_type = forms.CharField(label=_("Interviewee type"), max_length=500, required=False)
    why = forms.CharField(label=_("Why this person"), max_length=500, required=False)


class FocusGroupForm(IdentifiedRowForm):
    topic = forms.CharField(label=_("Focus group"), max_length=200, help_text=_("Who it gathers, on what."))
    date = date_input(_("Date"))
    participants = LinesField(
        label=_("Participants"),
        help_text=_("One person per line; at most eight."),
        widget=text_area(4),
    )

    def clean_participants(self):
        participants = self.cleaned_data["participants"]
        if len(participants) > MAX_FOCUS_GROUP_PEOPLE:
            raise ValidationError(
                TOO_MANY_PARTICIPANTS, params={"limit": MAX_FOCUS_GROUP_PEOPLE, "count": len(participants)}
            )
        return participants


def guide_tables(content, sources=None):
    return [
        overview_table(KeyInformantGuideForm, content),
        Table(
            title=str(_("Questions")),
            headers=[str(_("Interviewee type")), str(_("#")), str(_("Question"))],
            rows=[
                [group["interviewee_type"], number, question]
                for group in content.get("question_groups", [])
                for number, question in enumerate(group["questions"], start=1)
            ],
        ),
        Table(
            title=str(_("Planned informants")),
            headers=[
                str(h)
                for h in (
                    _("Name"),
                    _("Role"),
                    _("Organisation"),
                    _("Interviewee type"),
                    _("Why this person"),
                )
            ],
            rows=[
                [i["name"], i["role"], i["organisation"], i["interviewee_type"], i["why"]]
                for i in content.get("informants", [])
            ],
        ),
        Table(
            title=str(_("Focus groups")),
            headers=[str(h) for h in (_("Focus group"), _("Date"), _("Participants"))],
            rows=[
                [g["topic"], g["date"] or "", "\n".join(g["participants"])]
                for g in content.get("focus_groups", [])
            ],
        ),
    ]


# --- Outreach tracker ---------------------------------------------------------------------


class ContactForm(IdentifiedRowForm):
    person = forms.CharField(label=_("Person"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=500, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=500, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=list(STATUS_LABELS.items()), initial="to_contact")
    date = date_input(_("Date"))
    notes = forms.CharField(label=_("Notes"), max_length=500, required=False)


def tracker_prefill(sources):
    """The guide's planned informants, to contact (the same ids: the tracker row is the informant)."""
    guide = sources.get(K.KEY_INFORMANT_GUIDE) or {}
    return {
        "contacts": [
            {
                "id": informant["id"],
                "person": informant["name"],
                "role": informant["role"],
                "organisation": informant["organisation"],
                "status": "to_contact",
            }
            for informant in guide.get("informants", [])
        ]
    }


def tracker_context(content, sources):
    contacts = content.get("contacts", [])
    counts = [
        {"status": key, "label": label, "count": sum(1 for c in contacts if c["status"] == key)}
        for key, label in STATUS_LABELS.items()
    ]
    return {"status_counts": counts, "status_labels": STATUS_LABELS}


def tracker_tables(content, sources=None):
    return [
        Table(
            title=str(_("Interview outreach tracker")),
            headers=[
                str(h)
                for h in (_("Person"), _("Role"), _("Organisation"), _("Status"), _("Date"), _("Notes"))
            ],
            rows=[
                [
                    c["person"],
                    c["role"],
                    c["organisation"],
                    str(STATUS_LABELS[c["status"]]),
                    c["date"] or "",
                    c["notes"],
                ]
                for c in content.get("contacts", [])
            ],
        )
    ]


# --- Interview notes ----------------------------------------------------------------------


class InterviewNoteForm(ContactChoiceForm):
    contact = forms.ChoiceField(label=_("Interviewee"), required=False)
    date = date_input(_("Date"))
    interviewer = forms.CharField(label=_("Interviewer"), max_length=500, required=False)
    notetaker = forms.CharField(label=_("Notetaker"), max_length=500, required=False)
    summary = forms.CharField(label=_("Summary"), required=False, widget=text_area(4))


class ObservationForm(ContactChoiceForm):
    contact = forms.ChoiceField(label=_("Who said it"), required=False)
    text = forms.CharField(label=_("Observation"), max_length=2000, widget=text_area())
    quote = forms.CharField(label=_("In their words"), max_length=500, required=False)
    codes = LinesField(
        label=_("Codes"),
        commas=True,
        help_text=_("Short themes, separated by commas, for example “late payment, insurance”."),
    )

    def clean_codes(self):
        return clean_codes(self.cleaned_data["codes"])


def notes_prefill(sources):
    """An interview row for each tracker contact interviewed or scheduled, with its date."""
    return {
        "interviews": [
            {"contact": contact["id"], "date": contact["date"]}
            for contact in contacts_by_id(sources).values()
            if contact["status"] in ("scheduled", "done")
        ]
    }


def notes_context(content, sources):
    contacts = contacts_by_id(sources)
    observations = content.get("observations", [])
    interviews = []
    for interview in content.get("interviews", []):
        interviews.append(
            {
                **interview,
                "who": contacts.get(interview["contact"]),
                "observations": [
                    o for o in observations if o["contact"] and o["contact"] == interview["contact"]
                ],
            }
        )
    interviewed = {interview["contact"] for interview in content.get("interviews", [])}
    codes = {}
    for observation in observations:
        for code in observation["codes"]:
            codes[code] = codes.get(code, 0) + 1
    return {
        "interviews": interviews,
        "contacts": contacts,
        "other_observations": [
            {**o, "who": _who(contacts, o["contact"])}
            for o in observations
            if not o["contact"] or o["contact"] not in interviewed
        ],
        "code_counts": sorted(codes.items(), key=lambda item: (-item[1], item[0])),
        "uncoded": sum(1 for o in observations if not o["codes"]),
    }


def _who(contacts, key):
    contact = contacts.get(key)
    return contact_label(contact) if contact else ""


def notes_tables(content, sources=None):
    contacts = contacts_by_id(sources or {})
    return [
        Table(
            title=str(_("Interviews")),
            headers=[
                str(h) for h in (_("Interviewee"), _("Date"), _("Interviewer"), _("Notetaker"), _("Summary"))
            ],
            rows=[
                [
                    _who(contacts, i["contact"]) or i["contact"],
                    i["date"] or "",
                    i["interviewer"],
                    i["notetaker"],
                    i["summary"],
                ]
                for i in content.get("interviews", [])
            ],
        ),
        Table(
            title=str(_("Observations")),
            headers=[str(h) for h in (_("Who said it"), _("Observation"), _("In their words"), _("Codes"))],
            rows=[
                [_who(contacts, o["contact"]) or o["contact"], o["text"], o["quote"], ", ".join(o["codes"])]
                for o in content.get("observations", [])
            ],
        ),
    ]


# --- Baseline observations ----------------------------------------------------------------


class IssueRatingForm(IdentifiedRowForm):
    issue = forms.CharField(
        label=_("Issue"), max_length=300, help_text=_("For example “Specifications are clear and current”.")
    )
    rating = rating_field(_("Staff rating"))
    respondents = forms.CharField(
        label=_("Who rated it"),
        max_length=500,
        required=False,
        help_text=_("For example “12 buyers and 4 department heads”."),
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=text_area())


class ChallengeAreaForm(IdentifiedRowForm):
    title = forms.CharField(label=_("Challenge area"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=text_area())
    codes = forms.MultipleChoiceField(
        label=_("Codes it synthesises"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The codes of your interview notes' observations that this area brings together."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (
                code,
                ngettext("%(code)s (%(count)d observation)", "%(code)s (%(count)d observations)", count)
                % {"code": code, "count": count},
            )
            for code, count in note_codes(self.sources).items()
        ]
        self.fields["codes"].choices = _keep(choices, _current(self, "codes", many=True))


def observations_context(content, sources):
    """Each challenge area with the observations its codes bring together, and what is left over."""
    notes = sources.get(K.INTERVIEW_NOTES) or {}
    contacts = contacts_by_id(sources)
    observations = notes.get("observations", [])
    areas = []
    covered = set()
    for area in content.get("challenge_areas", []):
        codes = set(area["codes"])
        covered |= codes
        areas.append(
            {
                **area,
                "observations": [
                    {**o, "who": _who(contacts, o["contact"])}
                    for o in observations
                    if codes & set(o["codes"])
                ],
            }
        )
    unassigned = sorted(code for code in note_codes(sources) if code not in covered)
    return {
        "areas": areas,
        "unassigned_codes": unassigned,
        "rating_labels": RATING_LABELS,
        "notes_found": bool(observations),
    }


def observations_tables(content, sources=None):
    return [
        Table(
            title=str(_("Staff ratings")),
            headers=[str(h) for h in (_("Issue"), _("Staff rating"), _("Who rated it"), _("Comment"))],
            rows=[
                [r["issue"], r["rating"] or "", r["respondents"], r["comment"]]
                for r in content.get("ratings", [])
            ],
        ),
        Table(
            title=str(_("Challenge areas")),
            headers=[str(h) for h in (_("Challenge area"), _("Description"), _("Codes it synthesises"))],
            rows=[
                [a["title"], a["description"], ", ".join(a["codes"])]
                for a in content.get("challenge_areas", [])
            ],
        ),
    ]


# --- Baseline summary report --------------------------------------------------------------


class BaselineSummaryForm(KindForm):
    overview = forms.CharField(label=_("Overview"), required=False, widget=text_area(5))
    method = forms.CharField(
        label=_("How the baseline was gathered"),
        required=False,
        widget=text_area(4),
        help_text=_("The questionnaire, who you interviewed and the data you looked at."),
    )
    data_findings = forms.CharField(
        label=_("Data systems findings"),
        required=False,
        widget=text_area(5),
        help_text=_("What the data systems map shows: the gaps by stage appear beside the report."),
    )
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=text_area(4))

    sections = (
        (_("Overview"), ("overview", "method")),
        (_("Data systems"), ("data_findings",)),
        (_("Next steps"), ("next_steps",)),
    )


class SummaryAreaForm(IdentifiedRowForm):
    title = forms.CharField(label=_("Challenge area"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=text_area())
    findings = forms.CharField(
        label=_("What the baseline shows"),
        required=False,
        widget=text_area(),
        help_text=_("The evidence for this area: ratings, observations, figures."),
    )


class BaselineIndicatorForm(IdentifiedRowForm):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    baseline = forms.CharField(label=_("Baseline"), max_length=500, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=500, required=False)
    as_of = date_input(_("Measured on"))
    data_source = forms.CharField(label=_("Data source"), max_length=500, required=False)


def summary_prefill(sources):
    """The report's first draft: the observations' challenge areas, and who was interviewed."""
    observations = sources.get(K.BASELINE_OBSERVATIONS) or {}
    contacts = contacts_by_id(sources)
    done = sum(1 for c in contacts.values() if c["status"] == "done")
    method = ""
    if contacts:
        method = INTERVIEWED % {"done": done, "planned": len(contacts)}
    return {
        "method": method,
        "challenge_areas": [
            {"id": area["id"], "title": area["title"], "description": area["description"]}
            for area in observations.get("challenge_areas", [])
        ],
    }


def summary_context(content, sources):
    observations = sources.get(K.BASELINE_OBSERVATIONS)
    systems = sources.get(K.DATA_SYSTEMS_MAP)
    current = {a["id"]: a for a in (observations or {}).get("challenge_areas", []) if a["id"]}
    in_report = {a["id"] for a in content.get("challenge_areas", [])}
    return {
        "observations_found": observations is not None,
        "gone_areas": {
            a["id"] for a in content.get("challenge_areas", []) if current and a["id"] not in current
        },
        "missing_areas": [a for key, a in current.items() if key not in in_report],
        "ratings": (observations or {}).get("ratings", []),
        "coverage": stage_coverage(systems) if systems else None,
        "systems_count": len((systems or {}).get("systems", [])),
        "rating_labels": RATING_LABELS,
    }


def summary_tables(content, sources=None):
    return [
        Table(
            title=str(_("Challenge areas")),
            headers=[str(h) for h in (_("Challenge area"), _("Description"), _("What the baseline shows"))],
            rows=[[a["title"], a["description"], a["findings"]] for a in content.get("challenge_areas", [])],
        ),
        Table(
            title=str(_("Baseline indicators")),
            headers=[
                str(h) for h in (_("Indicator"), _("Baseline"), _("Unit"), _("Measured on"), _("Data source"))
            ],
            rows=[
                [i["name"], i["baseline"], i["unit"], i["as_of"] or "", i["data_source"]]
                for i in content.get("indicators", [])
            ],
        ),
        Table(
            title=str(_("Report")),
            headers=[str(_("Section")), str(_("Text"))],
            rows=[
                [str(_("Overview")), content.get("overview", "")],
                [str(_("How the baseline was gathered")), content.get("method", "")],
                [str(_("Data systems findings")), content.get("data_findings", "")],
                [str(_("Next steps")), content.get("next_steps", "")],
            ],
        ),
    ]


KINDS = {
    K.ENVIRONMENT_QUESTIONNAIRE: Kind(
        kind=K.ENVIRONMENT_QUESTIONNAIRE,
        template_name="cohorts/assignments/render/environment_questionnaire.html",
        form_class=EnvironmentQuestionnaireForm,
        tables=questionnaire_tables,
        context=lambda content, sources: {"sections": questionnaire_sections(content)},
    ),
    K.KEY_INFORMANT_GUIDE: Kind(
        kind=K.KEY_INFORMANT_GUIDE,
        template_name="cohorts/assignments/render/key_informant_guide.html",
        form_class=KeyInformantGuideForm,
        lists=(
            ListSpec(
                "question_groups",
                _("Questions by interviewee type"),
                QuestionGroupForm,
                _("Add an interviewee type"),
                _("Interviewee type"),
            ),
            ListSpec(
                "informants",
                _("Planned key informants"),
                InformantForm,
                _("Add an informant"),
                _("Informant"),
                max_rows=MAX_INFORMANTS,
                too_many=TOO_MANY_INFORMANTS,
            ),
            ListSpec(
                "focus_groups", _("Focus groups"), FocusGroupForm, _("Add a focus group"), _("Focus group")
            ),
        ),
        tables=guide_tables,
    ),
    K.OUTREACH_TRACKER: Kind(
        kind=K.OUTREACH_TRACKER,
        template_name="cohorts/assignments/render/outreach_tracker.html",
        lists=(ListSpec("contacts", _("People"), ContactForm, _("Add a person"), _("Person")),),
        tables=tracker_tables,
        sources=(K.KEY_INFORMANT_GUIDE,),
        prefill=tracker_prefill,
        context=tracker_context,
    ),
    K.INTERVIEW_NOTES: Kind(
        kind=K.INTERVIEW_NOTES,
        template_name="cohorts/assignments/render/interview_notes.html",
        lists=(
            ListSpec("interviews", _("Interviews"), InterviewNoteForm, _("Add an interview"), _("Interview")),
            ListSpec(
                "observations", _("Observations"), ObservationForm, _("Add an observation"), _("Observation")
            ),
        ),
        tables=notes_tables,
        sources=(K.OUTREACH_TRACKER,),
        prefill=notes_prefill,
        context=notes_context,
    ),
    K.BASELINE_OBSERVATIONS: Kind(
        kind=K.BASELINE_OBSERVATIONS,
        template_name="cohorts/assignments/render/baseline_observations.html",
        lists=(
            ListSpec(
                "ratings", _("Staff views on the main issues"), IssueRatingForm, _("Add an issue"), _("Issue")
            ),
            ListSpec(
                "challenge_areas",
                _("Challenge areas (four to six)"),
                ChallengeAreaForm,
                _("Add a challenge area"),
                _("Challenge area"),
                max_rows=6,
                too_many=_("Keep to at most %(num)d challenge areas."),
            ),
        ),
        tables=observations_tables,
        sources=(K.INTERVIEW_NOTES, K.OUTREACH_TRACKER),
        context=observations_context,
    ),
    K.BASELINE_SUMMARY: Kind(
        kind=K.BASELINE_SUMMARY,
        template_name="cohorts/assignments/render/baseline_summary.html",
        form_class=BaselineSummaryForm,
        lists=(
            ListSpec(
                "challenge_areas",
                _("Challenge areas"),
                SummaryAreaForm,
                _("Add a challenge area"),
                _("Challenge area"),
            ),
            ListSpec(
                "indicators",
                _("Baseline indicators"),
                BaselineIndicatorForm,
                _("Add an indicator"),
                _("Indicator"),
            ),
        ),
        tables=summary_tables,
        sources=(K.BASELINE_OBSERVATIONS, K.DATA_SYSTEMS_MAP, K.OUTREACH_TRACKER),
        prefill=summary_prefill,
        context=summary_context,
    ),
}
