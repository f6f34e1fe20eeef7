"""RDC progress: a team's standing on each checklist item, its evidence, indicators and measurements."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cohorts.assignments.models import Submission
from cohorts.models import Cohort, Team, date_range_errors
from cohorts.opendata.indicators import METRICS


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")


class CriterionProgress(models.Model):
    """A team's standing on one checklist item; counts toward its criterion once verified."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="criterion_progress",
    )
    item = models.ForeignKey(
        "sprints.ChecklistItem",
        verbose_name=_("checklist item"),
        on_delete=models.PROTECT,
        related_name="progress",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    coach_comment = models.TextField(_("coach's comment"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("criterion progress")
        verbose_name_plural = _("criterion progress")
        ordering = ["team", "item__criterion__code", "item__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "item"],
                name="criterion_progress_once_per_team_and_item",
                violation_error_message=_("This team already tracks this checklist item."),
            ),
            models.CheckConstraint(
                condition=Q(verified_at__isnull=True) | Q(status="met"),
                name="criterion_progress_verified_only_when_met",
                violation_error_message=_("Only an item marked as met can be verified."),
            ),
        ]

    def __str__(self):
        return f"{self.team} — {self.item}: {self.get_status_display()}"

    @property
    def is_verified(self):
        return self.verified_at is not None


class EvidenceKind(models.TextChoices):
    SUBMISSION = "submission", _("Submission")
    LINK = "link", _("Link")
    FILE = "file", _("File")
    DATA = "data", _("Data report")


def evidence_upload_to(instance, filename):
    return f"evidence/{instance.progress.team_id}/{filename}"


class Evidence(models.Model):
    """Something that shows a checklist item is met: a submission, a public link or a file."""

    progress = models.ForeignKey(
        CriterionProgress,
        verbose_name=_("progress"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EvidenceKind.choices)
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
    )
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True, max_length=300)
    # The name the file was uploaded under: storage may rename it (a second "awards.csv").
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    # A report of the city's own procurement data; it stays while it is evidence.
    data_import = models.ForeignKey(
        "cohorts.DataImport",
        verbose_name=_("data report"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="evidence",
    )
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["added_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="submission", submission__isnull=False, url="", file="", data_import__isnull=True)
                    | Q(kind="link", submission__isnull=True, file="", data_import__isnull=True) & ~Q(url="")
                    | Q(kind="file", submission__isnull=True, url="", data_import__isnull=True) & ~Q(file="")
                    | Q(kind="data", submission__isnull=True, url="", file="", data_import__isnull=False)
                ),
                name="evidence_matches_kind",
                violation_error_message=_(
                    "Give exactly one of a submission, a link, a file or a data report, matching the kind."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.progress}"

    @property
    def file_name(self):
        """The file's name as people read it: the name it was uploaded under ("awards.csv"), never
        its storage folder ("evidence/1/") or the suffix storage gave a second file of that name."""
        if not self.file:
            return ""
        return self.original_name or self.file.name.rsplit("/", 1)[-1]


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class MeasurementCadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class Indicator(models.Model):
    """A procurement KPI a team tracks from a baseline: bids per solicitation, cycle days…"""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=8,
        choices=Direction.choices,
        default=Direction.HIGHER,
    )
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    cadence = models.CharField(
        _("measured"),
        max_length=16,
        choices=MeasurementCadence.choices,
        default=MeasurementCadence.QUARTERLY,
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    data_metric = models.CharField(
        _("measured from the city's data"),
        max_length=32,
        choices=[(metric.key, metric.label) for metric in METRICS.values()],
        blank=True,
        help_text=_(
            "Ruta records a measurement for each period of your data when it reads your procurement data."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["team", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "name"],
                name="indicator_name_unique_per_team",
                violation_error_message=_("This team already tracks an indicator with this name."),
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_date__isnull=True)
                | Q(baseline_value__isnull=False, baseline_date__isnull=False),
                name="indicator_baseline_has_value_and_date",
                violation_error_message=_("A baseline needs both a value and a date."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.team})"

    def clean(self):
        super().clean()
        if errors := date_range_errors(baseline_date=self.baseline_date):
            raise ValidationError(errors)


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    data_import = models.ForeignKey(
        "cohorts.DataImport",
        verbose_name=_("from data report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="measurement_once_per_indicator_and_date",
                violation_error_message=_("This indicator already has a measurement on this date."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} ({self.measured_on})"

    def clean(self):
        super().clean()
        if errors := date_range_errors(measured_on=self.measured_on):
            raise ValidationError(errors)


class CohortCriterionSet(models.Model):
    """The criterion set version a cohort tracks, fixed once its teams begin (cohort_criteria_pin).

    Until then a cohort follows its program's version (see selectors.cohort_criterion_set).
    """

    cohort = models.OneToOneField(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="criterion_set_pin",
    )
    criterion_set = models.ForeignKey(
        "sprints.CriterionSet",
        verbose_name=_("criterion set"),
        on_delete=models.PROTECT,
        related_name="cohort_pins",
    )
    pinned_at = models.DateTimeField(_("fixed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort criteria version")
        verbose_name_plural = _("cohort criteria versions")

    def __str__(self):
        return f"{self.cohort}: {self.criterion_set}"


class CertificationLevel(models.TextChoices):
    NONE = "none", _("Not certified")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")
    PLATINUM = "platinum", _("Platinum")


def certification_upload_to(instance, filename):
    return f"certification/{instance.team_id}/{filename}"


class CertificationRecord(models.Model):
    """The What Works Cities certification level of a team's city on a date; the latest is current."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="certification_records",
    )
    level = models.CharField(_("certification level"), max_length=16, choices=CertificationLevel.choices)
    certified_on = models.DateField(_("as of"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=certification_upload_to, blank=True, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certification level")
        verbose_name_plural = _("certification levels")
        ordering = ["team", "-certified_on", "-recorded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="none") | ~Q(evidence_url="") | ~Q(evidence_file=""),
                name="certification_record_level_has_evidence",
                violation_error_message=_("Give a link or a file that shows the certification level."),
            ),
        ]

    def __str__(self):
        return f"{self.team}: {self.get_level_display()} ({self.certified_on})"

    def clean(self):
        super().clean()
        if errors := date_range_errors(certified_on=self.certified_on):
            raise ValidationError(errors)
