"""A team's procurement data: where it comes from (a source), each file Ruta read from it (an
import, with its report), and the facts of each process and award the indicators are computed from.

The reading itself is the pure engine beside this module (reading, analysis, indicators); these
models keep its results. A source is removed softly; an import is deleted with its file, report
and rows (and all of them with the team's data).
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from cohorts.opendata import reading
from cohorts.opendata.reading import DataFormat

DOWNLOAD_FAILED = _(
    "Ruta could not download the data from this address. Check that the address opens in a browser "
    "without signing in; Ruta will try again at the next scheduled time."
)
ADDRESS_REFUSED = _("Ruta fetches only public web addresses (http or https) on the internet.")
INTERRUPTED = _("Reading this file was interrupted. Upload it again, or fetch the address again.")
CRASHED = _("Ruta could not finish reading this file. Try again later; if it fails again, tell your coach.")

#: Why an import failed, by its error code, in the reader's language. (A reason with details, such
#: as the line of broken JSON, is kept as written for the person who asked for the import.)
ERROR_MESSAGES = {
    "too_large": reading.TOO_LARGE,
    "empty": reading.EMPTY,
    "not_utf8": reading.NOT_UTF8,
    "unknown_encoding": reading.UNKNOWN_ENCODING,
    "not_recognised": reading.NOT_RECOGNISED,
    "not_ocds": reading.NOT_OCDS,
    "broken_spreadsheet": reading.BROKEN_SPREADSHEET,
    "no_columns": reading.NO_COLUMNS,
    "mapping_needs_date": reading.MAPPING_NEEDS_DATE,
    "download_failed": DOWNLOAD_FAILED,
    "address_refused": ADDRESS_REFUSED,
    "interrupted": INTERRUPTED,
    "crashed": CRASHED,
}


class SourceKind(models.TextChoices):
    UPLOAD = "upload", _("Uploaded files")
    URL = "url", _("Address of published data")


class FetchSchedule(models.TextChoices):
    NEVER = "never", _("Only when asked")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")


#: How long after the last fetch an address is fetched again, by schedule.
FETCH_INTERVALS = {
    FetchSchedule.DAILY: datetime.timedelta(days=1),
    FetchSchedule.WEEKLY: datetime.timedelta(days=7),
    FetchSchedule.MONTHLY: datetime.timedelta(days=30),
    FetchSchedule.QUARTERLY: datetime.timedelta(days=91),
}


class DataSourceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at=None)


class DataSource(models.Model):
    """Where a team's procurement data comes from: files it uploads, or an address Ruta fetches."""

    team = models.ForeignKey(
        "cohorts.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="data_sources"
    )
    name = models.CharField(_("name"), max_length=200)
    system = models.CharField(
        _("system"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the system of your data systems map this data comes from."),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=SourceKind.choices, default=SourceKind.UPLOAD)
    url = models.URLField(_("address"), max_length=2000, blank=True)
    schedule = models.CharField(
        _("fetch"), max_length=16, choices=FetchSchedule.choices, default=FetchSchedule.NEVER
    )
    column_mapping = models.JSONField(
        _("column mapping"),
        default=dict,
        blank=True,
        help_text=_("The spreadsheet columns the team confirmed, used again for its next files."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    objects = DataSourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")
        ordering = ["team", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=SourceKind.UPLOAD, url="", schedule=FetchSchedule.NEVER)
                | (Q(kind=SourceKind.URL) & ~Q(url="")),
                name="datasource_address_only_for_url_sources",
                violation_error_message=_("An address source has an address; an upload source has none."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_url(self):
        return self.kind == SourceKind.URL


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting its turn")
    NEEDS_MAPPING = "needs_mapping", _("Columns to confirm")
    RUNNING = "running", _("Being read")
    DONE = "done", _("Read")
    FAILED = "failed", _("Could not be read")


#: An import in these states is still to be read, or being read.
PENDING = (ImportStatus.QUEUED, ImportStatus.RUNNING)


def import_upload_to(instance, filename):
    return f"opendata/{instance.source.team_id}/{instance.source_id}/{filename}"


class DataImport(models.Model):
    """One file of a source, read in the background: its progress, then its report or its error."""

    source = models.ForeignKey(
        DataSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="imports"
    )
    file = models.FileField(_("file"), upload_to=import_upload_to, max_length=300, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    format = models.CharField(_("format"), max_length=16, choices=DataFormat.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    # A spreadsheet's headings and the mapping this file was read with.
    columns = models.JSONField(_("columns"), default=list, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    done_bytes = models.PositiveBigIntegerField(_("bytes read"), default=0)
    total_bytes = models.PositiveBigIntegerField(_("bytes to read"), default=0)
    processes_seen = models.PositiveIntegerField(_("items read"), default=0)
    progress_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error_message = models.TextField(_("error"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    earliest = models.DateField(_("earliest date"), null=True, blank=True)
    latest = models.DateField(_("latest date"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data import")
        verbose_name_plural = _("data imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="dataimport_status_created")]

    def __str__(self):
        return self.original_name or self.source.name

    @property
    def is_pending(self):
        return self.status in PENDING

    @property
    def percent(self):
        """How much of the file is read, 0–100 (None before the size is known)."""
        if self.status == ImportStatus.DONE:
            return 100
        if not self.total_bytes:
            return None
        return min(100, round(100 * self.done_bytes / self.total_bytes))

    @property
    def error(self):
        """The reason it failed, in the reader's language where Ruta knows it by its code."""
        message = ERROR_MESSAGES.get(self.error_code)
        return str(message) if message is not None else self.error_message


class DataProcess(models.Model):
    """The facts of one contracting process in an import (analysis.Process)."""

    data_import = models.ForeignKey(
        DataImport, verbose_name=_("data import"), on_delete=models.CASCADE, related_name="processes"
    )
    ocid = models.CharField(_("process identifier"), max_length=300)
    stages = models.JSONField(_("stages"), default=list)
    reference_on = models.DateField(_("reference date"), null=True)
    method = models.CharField(_("procurement method"), max_length=16, blank=True)
    tenderers = models.IntegerField(_("tenderers"), null=True)
    tender_end = models.DateField(_("tender closing date"), null=True)
    first_award_on = models.DateField(_("first award date"), null=True)

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        indexes = [models.Index(fields=["data_import", "reference_on"], name="dataprocess_import_date")]

    def __str__(self):
        return self.ocid


class DataAward(models.Model):
    """One award in an import (analysis.Award): when, and since when its supplier had awards."""

    data_import = models.ForeignKey(
        DataImport, verbose_name=_("data import"), on_delete=models.CASCADE, related_name="awards"
    )
    ocid = models.CharField(_("process identifier"), max_length=300)
    awarded_on = models.DateField(_("award date"), null=True)
    supplier_debut_on = models.DateField(_("supplier's first award"), null=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        indexes = [models.Index(fields=["data_import", "awarded_on"], name="dataaward_import_date")]

    def __str__(self):
        return self.ocid


@receiver(post_delete, sender=DataImport, dispatch_uid="opendata_delete_import_file")
def delete_import_file(sender, instance, **kwargs):
    """An import's raw file goes with it, however it is deleted (alone, with its source or with its
    team), once the deletion is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
