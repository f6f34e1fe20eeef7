"""What a program teaches, reusable across its runs (cohorts)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from sprints.phases import PhaseSpan, phase_of_week, phase_spans


def program_lasts(weeks):
    """ "This program lasts 12 weeks.", for a week past the program's end."""
    return ngettext("This program lasts %(weeks)s week.", "This program lasts %(weeks)s weeks.", weeks) % {
        "weeks": weeks
    }


class ProgramKind(models.TextChoices):
    SPRINT = "sprint", _("Sprint")
    TRACK = "track", _("Procurement excellence track")


class Weekday(models.IntegerChoices):
    # The same numbering as datetime.date.weekday().
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class TACadence(models.IntegerChoices):
    WEEKLY = 7, _("Weekly")
    BIWEEKLY = 14, _("Every two weeks")
    MONTHLY = 28, _("Every four weeks")


class Program(index.Indexed, ClusterableModel):
    """A program as announced: its format, audience, outcomes, roles and curriculum."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ProgramKind.choices)
    summary = models.TextField(_("summary"), blank=True)
    audience = models.TextField(_("audience"), blank=True, help_text=_("Who the program is for."))
    activities = models.TextField(_("what teams will do"), blank=True, help_text=_("One activity per line."))
    outcomes = models.TextField(
        _("outputs and learning outcomes"),
        blank=True,
        help_text=_("One outcome per line."),
    )
    best_results = models.TextField(
        _("how to get the best results"), blank=True, help_text=_("One tip per line.")
    )
    fit_criteria = models.TextField(_("fit criteria"), blank=True, help_text=_("One criterion per line."))
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"), default=12, validators=[MinValueValidator(1)]
    )
    default_weekday = models.PositiveSmallIntegerField(
        _("usual session weekday"), choices=Weekday.choices, default=Weekday.TUESDAY
    )
    ta_cadence_days = models.PositiveSmallIntegerField(
        _("technical assistance cadence"),
        choices=TACadence.choices,
        default=TACadence.WEEKLY,
        help_text=_("How often each team meets its coach one-on-one."),
    )
    team_size_recommended = models.PositiveSmallIntegerField(
        _("recommended team size"),
        null=True,
        blank=True,
        help_text=_(
            "A recommendation (“ideally 3”): shown to applicants, and staff are warned when a team "
            "differs. Never refused."
        ),
    )
    team_size_min = models.PositiveSmallIntegerField(
        _("smallest team"),
        null=True,
        blank=True,
        help_text=_("A hard limit: smaller teams cannot apply. Leave empty for none."),
    )
    team_size_max = models.PositiveSmallIntegerField(
        _("largest team"),
        null=True,
        blank=True,
        help_text=_("A hard limit: larger teams cannot apply. Leave empty for none."),
    )
    mou_required = models.BooleanField(
        _("signed MOU required"),
        default=False,
        help_text=_("Teams must sign a memorandum of understanding to take part."),
    )
    criterion_set = models.ForeignKey(
        "sprints.CriterionSet",
        verbose_name=_("criteria version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        help_text=_(
            "The criterion set new cohorts of this program track. A cohort whose teams have begun keeps "
            "the version it started with. Empty: the latest version."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("summary"),
            ],
            heading=_("Program"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("activities"),
                FieldPanel("outcomes"),
                FieldPanel("best_results"),
                FieldPanel("fit_criteria"),
            ],
            heading=_("Announcement"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_weeks"), FieldPanel("default_weekday")]),
                FieldPanel("ta_cadence_days"),
                FieldRowPanel(
                    [
                        FieldPanel("team_size_recommended"),
                        FieldPanel("team_size_min"),
                        FieldPanel("team_size_max"),
                    ],
                    heading=_("Team size"),
                ),
                FieldPanel("mou_required"),
                FieldPanel("criterion_set"),
            ],
            heading=_("Format"),
        ),
        InlinePanel(
            "phases",
            heading=_("Phases"),
            label=_("Phase"),
            help_text=_(
                "Optional, in order: each phase follows the one before it for its length in weeks, and the "
                "last runs to the end of the program. Without phases the program is one phase. An "
                "assignment belongs to the phase its due week falls in."
            ),
        ),
        InlinePanel("roles", heading=_("Team roles"), label=_("Role")),
        InlinePanel("focus_areas", heading=_("Focus areas"), label=_("Focus area")),
        InlinePanel("questions", heading=_("Application questions"), label=_("Question")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(team_size_min__isnull=True) | Q(team_size_min__gte=1))
                & (Q(team_size_max__isnull=True) | Q(team_size_max__gte=1))
                & (
                    Q(team_size_min__isnull=True)
                    | Q(team_size_max__isnull=True)
                    | Q(team_size_min__lte=F("team_size_max"))
                ),
                name="program_team_size_range_valid",
                violation_error_message=_(
                    "The smallest team must have at least one member and be no larger than the largest team."
                ),
            ),
            models.CheckConstraint(
                condition=Q(team_size_recommended__isnull=True)
                | (
                    Q(team_size_recommended__gte=1)
                    & (Q(team_size_min__isnull=True) | Q(team_size_recommended__gte=F("team_size_min")))
                    & (Q(team_size_max__isnull=True) | Q(team_size_recommended__lte=F("team_size_max")))
                ),
                name="program_team_size_recommended_within_limits",
                violation_error_message=_(
                    "The recommended team size must be at least one and within the smallest and largest team."
                ),
            ),
            models.CheckConstraint(
                condition=Q(duration_weeks__gte=1),
                name="program_duration_positive",
                violation_error_message=_("A program lasts at least one week."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def expected_team_size(self):
        """How many member rows a new application starts with."""
        return self.team_size_recommended or self.team_size_min or 1

    @property
    def has_size_limits(self):
        return self.team_size_min is not None or self.team_size_max is not None

    @property
    def duration_months(self):
        return round(self.duration_weeks / 4.33)

    def phase_plan(self, phases=None) -> list[PhaseSpan]:
        """The program's phases with the weeks each covers (one implicit phase without any);
        `phases` are its ProgramPhase rows when the caller has them."""
        rows = list(self.phases.all()) if phases is None else list(phases)
        return phase_spans(rows, self.duration_weeks)


PHASES_TOO_LONG = _(
    "The phases last %(total)d weeks together, longer than the program's %(weeks)d weeks: shorten them "
    "or lengthen the program."
)


class ProgramPhase(Orderable):
    """A stage of a program (Diagnostic, Design, Implementation…), in order, with its indicative length.

    Phases follow each other from week 1; the last one runs to the end of the program, whatever
    its length says. A program without phases is one implicit phase (sprints.phases).
    """

    program = ParentalKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="phases",
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weeks = models.PositiveSmallIntegerField(
        _("length in weeks"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(260)],
        help_text=_("Indicative: the last phase runs to the end of the program."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("weeks")]), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__gte=1),
                name="program_phase_weeks_positive",
                violation_error_message=_("A phase lasts at least one week."),
            ),
        ]

    def __str__(self):
        return self.name


class RolePeriod(models.TextChoices):
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")


class Role(Orderable):
    """A seat on a city team, with the time it asks for."""

    program = ParentalKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    hours = models.PositiveSmallIntegerField(_("hours"), default=1)
    period = models.CharField(_("per"), max_length=8, choices=RolePeriod.choices, default=RolePeriod.WEEK)
    min_count = models.PositiveSmallIntegerField(_("at least"), default=1)
    max_count = models.PositiveSmallIntegerField(_("at most"), default=1)
    required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("min_count"), FieldPanel("max_count"), FieldPanel("required")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_count__lte=F("max_count")) & Q(max_count__gte=1),
                name="role_count_range_valid",
                violation_error_message=_(
                    "“At least” must not be more than “at most”, and “at most” must be one or more."
                ),
            ),
            models.CheckConstraint(
                condition=Q(required=False) | Q(min_count__gte=1),
                name="role_required_has_minimum",
                violation_error_message=_("A required role needs at least one person."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def count_label(self):
        if self.min_count == self.max_count:
            return str(self.min_count)
        return f"{self.min_count}–{self.max_count}"


class FocusArea(Orderable):
    """A challenge area a team can choose to work on."""

    program = ParentalKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="focus_areas",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self):
        return self.name


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    CHOICE = "choice", _("Choice of options")


class ApplicationQuestion(Orderable):
    """A question a program asks on its application form, in every language, answered per application."""

    program = ParentalKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.TextField(_("help text"), blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.LONG_TEXT
    )
    required = models.BooleanField(_("required"), default=True)
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For a choice: one option per line, in the same order in every language."),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("options"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")

    def __str__(self):
        return self.text

    @property
    def option_list(self):
        """The options in the active language (English where a translation is missing)."""
        return [line.strip() for line in (self.options or "").splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind != QuestionKind.CHOICE:
            return
        counts = {
            code: len(
                [line for line in (getattr(self, f"options_{code}", "") or "").splitlines() if line.strip()]
            )
            for code, _name in settings.LANGUAGES
        }
        english = counts.get(settings.LANGUAGE_CODE, 0)
        if english < 2:
            raise ValidationError({"options": _("A choice needs at least two options, one per line.")})
        for code, count in counts.items():
            if count and count != english:
                raise ValidationError(
                    {
                        f"options_{code}": _(
                            "Give the same number of options in every language (%(count)d in English)."
                        )
                        % {"count": english}
                    }
                )


class SessionKind(models.TextChoices):
    MASTERCLASS = "masterclass", _("Masterclass")
    WORKSHOP = "workshop", _("Workshop")
    COHORT_CALL = "cohort_call", _("Cohort call")
    SHOWTIME = "showtime", _("Showtime")
    OFFICE_HOURS = "office_hours", _("Office hours")


class SessionPlan(index.Indexed, models.Model):
    """One session of the curriculum, in a given week of the program."""

    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="session_plans",
    )
    week = models.PositiveSmallIntegerField(_("week"), validators=[MinValueValidator(1)])
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    minutes = models.PositiveSmallIntegerField(
        _("minutes"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )

    panels = [
        FieldPanel("program"),
        FieldRowPanel([FieldPanel("week"), FieldPanel("kind"), FieldPanel("minutes")]),
        FieldPanel("title"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("program")]

    class Meta:
        verbose_name = _("session plan")
        verbose_name_plural = _("session plans")
        ordering = ["program", "week", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(week__gte=1),
                name="session_plan_week_positive",
                violation_error_message=_("Weeks are numbered from 1."),
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1),
                name="session_plan_minutes_positive",
                violation_error_message=_("A session lasts at least one minute."),
            ),
        ]

    def __str__(self):
        return _("Week %(week)s: %(title)s") % {"week": self.week, "title": self.title}

    def clean(self):
        if self.program_id and self.week and self.week > self.program.duration_weeks:
            raise ValidationError({"week": program_lasts(self.program.duration_weeks)})


class CriterionSet(index.Indexed, models.Model):
    """One version of the criteria teams track (RDC7, RDC8…), edited by staff.

    A new version is a new set (copied from the last one, then edited); a cohort keeps the version
    its teams began with, so their progress keeps pointing at the items they worked on.
    """

    label = models.CharField(_("label"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), unique=True, validators=[MinValueValidator(1)])
    effective_on = models.DateField(_("effective from"))
    is_example = models.BooleanField(
        _("example set"),
        default=False,
        help_text=_(
            "These items are an example, not the official text: staff and teams see them labelled so "
            "until staff replace them."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("version"), FieldPanel("effective_on")]),
        FieldPanel("is_example"),
    ]
    search_fields = [index.SearchField("label")]

    class Meta:
        verbose_name = _("criterion set")
        verbose_name_plural = _("criterion sets")
        ordering = ["-version"]

    def __str__(self):
        return _("%(label)s (version %(version)s)") % {"label": self.label, "version": self.version}

    @classmethod
    def latest(cls):
        return cls.objects.order_by("-version").first()


class Criterion(index.Indexed, ClusterableModel):
    """A What Works Cities certification criterion, met when N of its M items are verified."""

    criterion_set = models.ForeignKey(
        CriterionSet,
        verbose_name=_("criterion set"),
        on_delete=models.PROTECT,
        related_name="criteria",
    )
    code = models.CharField(_("code"), max_length=16, help_text=_("For example RDC7."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    required_count = models.PositiveSmallIntegerField(
        _("items needed"),
        default=1,
        help_text=_("The criterion is met when this many of its items are verified."),
    )

    panels = [
        FieldPanel("criterion_set"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("required_count")]),
        FieldPanel("title"),
        FieldPanel("description"),
        InlinePanel("items", heading=_("Checklist items"), label=_("Item"), min_num=1),
    ]
    search_fields = [index.SearchField("code"), index.SearchField("title")]

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criterion_set", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion_set", "code"],
                name="criterion_code_unique_per_set",
                violation_error_message=_("This set already has a criterion with this code."),
            ),
            models.CheckConstraint(
                condition=Q(required_count__gte=1),
                name="criterion_required_count_positive",
                violation_error_message=_("At least one item must be needed to meet a criterion."),
            ),
        ]

    def __str__(self):
        return f"{self.code}: {self.title}"


class DataEvidence(models.TextChoices):
    """What a report of the city's own procurement data can show for a checklist item; Ruta
    suggests the report as evidence for the items it supports (cohorts.opendata.evidence)."""

    PUBLISHED = "published", _("The city publishes machine-readable procurement data")
    UP_TO_DATE = "up_to_date", _("The data is kept up to date")
    STAGES = "stages", _("The data covers more than one contracting stage")
    IDENTIFIERS = "identifiers", _("Processes and suppliers have consistent identifiers")
    PARTICIPATION = "participation", _("Participation and competition are measured from the data")


class ChecklistItem(Orderable):
    """One thing a city shows evidence for toward a criterion."""

    criterion = ParentalKey(
        Criterion,
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    text = models.TextField(_("text"))
    guidance = models.TextField(
        _("acceptable evidence"),
        blank=True,
        help_text=_("What evidence counts for this item."),
    )
    data_evidence = models.CharField(
        _("shown by the city's data"),
        max_length=16,
        choices=DataEvidence.choices,
        blank=True,
        help_text=_(
            "What a report of the city's own procurement data shows for this item. Ruta suggests the "
            "report as evidence when it does; the coach still verifies."
        ),
    )

    panels = [FieldPanel("text"), FieldPanel("guidance"), FieldPanel("data_evidence")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self):
        return f"{self.criterion.code}: {Truncator(self.text).chars(80)}"


class AssignmentKind(models.TextChoices):
    VENDOR_JOURNEY_MAP = "vendor_journey_map", _("Vendor journey map")
    DATA_SYSTEMS_MAP = "data_systems_map", _("Procurement data systems map")
    STAKEHOLDER_INTERVIEWS = "stakeholder_interviews", _("Stakeholder interviews")
    PILOT_PLAN = "pilot_plan", _("Pilot plan")
    # The Design and Implementation phases of the Open Contracting process (PROGRAMS.md §4).
    DATA_USER_GUIDE = "data_user_guide", _("Data-user interview guide")
    DESIGN_RESEARCH_FRAMEWORK = "design_research_framework", _("Design research framework")
    OPPORTUNITIES_REPORT = "opportunities_report", _("Actionable opportunities report")
    ACTION_PLAN = "action_plan", _("Action plan")
    OCDS_ASSESSMENT = "ocds_assessment", _("OCDS technical assessment")
    OCDS_WORK_PLAN = "ocds_work_plan", _("OCDS work plan")
    DOCUMENT = "document", _("Document")
    # The Diagnostic phase of the Open Contracting process (PROGRAMS.md §4).
    ENVIRONMENT_QUESTIONNAIRE = "environment_questionnaire", _("Environment questionnaire")
    KEY_INFORMANT_GUIDE = "key_informant_guide", _("Key-informant interview guide")
    OUTREACH_TRACKER = "outreach_tracker", _("Interview outreach tracker")
    INTERVIEW_NOTES = "interview_notes", _("Interview notes")
    BASELINE_OBSERVATIONS = "baseline_observations", _("Baseline observations")
    BASELINE_SUMMARY = "baseline_summary", _("Baseline summary report")


class AssignmentTemplate(index.Indexed, ClusterableModel):
    """A structured assignment a team fills in, due in a given week."""

    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="templates",
    )
    key = models.SlugField(_("key"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AssignmentKind.choices)
    due_week = models.PositiveSmallIntegerField(_("due in week"), validators=[MinValueValidator(1)])
    optional = models.BooleanField(_("optional"), default=False)
    checklist_items = ParentalManyToManyField(
        ChecklistItem,
        verbose_name=_("checklist items it can evidence"),
        related_name="templates",
        blank=True,
    )

    panels = [
        FieldPanel("program"),
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("instructions"),
        FieldRowPanel([FieldPanel("due_week"), FieldPanel("optional")]),
        FieldPanel("checklist_items"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("program")]

    class Meta:
        verbose_name = _("assignment template")
        verbose_name_plural = _("assignment templates")
        ordering = ["program", "due_week", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "key"],
                name="assignment_template_key_unique_per_program",
                violation_error_message=_("This program already has a template with this key."),
            ),
            models.CheckConstraint(
                condition=Q(due_week__gte=1),
                name="assignment_template_due_week_positive",
                violation_error_message=_("Weeks are numbered from 1."),
            ),
        ]

    def __str__(self):
        return self.title

    def phase_in(self, plan: list[PhaseSpan]) -> PhaseSpan:
        """The phase of `plan` (its program's, Program.phase_plan) that this template's due week falls in."""
        return phase_of_week(plan, self.due_week)

    def clean(self):
        if self.program_id and self.due_week and self.due_week > self.program.duration_weeks:
            raise ValidationError({"due_week": program_lasts(self.program.duration_weeks)})
