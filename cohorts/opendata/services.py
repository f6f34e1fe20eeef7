"""Open data state changes: sources, uploads, column mappings, fetching, the background import, removal.

Files are checked when they arrive (their form, a spreadsheet's headings) and read in the
background worker (``import_run``), one import at a time per task: a second file while one is
read is simply another queued import, and nothing touches the imports before it.
"""

import contextlib
import datetime
import http.client
import ipaddress
import logging
import os
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.log_actions import log

from cohorts.assignments import uploads
from cohorts.models import Team
from cohorts.opendata import analysis, reading
from cohorts.opendata.models import (
    ADDRESS_REFUSED,
    CRASHED,
    DOWNLOAD_FAILED,
    FETCH_INTERVALS,
    INTERRUPTED,
    PENDING,
    DataAward,
    DataImport,
    DataProcess,
    DataSource,
    FetchSchedule,
    ImportStatus,
    SourceKind,
)
from cohorts.policies import can_edit_team_work
from cohorts.progress.services import measurements_from_import

logger = logging.getLogger(__name__)

NOT_A_MEMBER = _("Only members of the team can change its data.")
SOURCE_REMOVED = _("This source was removed. Add it again to give Ruta new data from it.")
NOT_AN_UPLOAD_SOURCE = _("Ruta fetches this source from its address: files are uploaded to another source.")
NOT_AN_ADDRESS_SOURCE = _("Only a source with an address is fetched.")
NO_FILE = _("Choose the file to upload.")
NAME_REQUIRED = _("Give the new source a name, or choose one of your sources.")
ADDRESS_REQUIRED = _("Enter the address of your open data.")
IMPORT_RUNNING = _("Ruta is reading this file now. Wait until it finishes to delete it.")
NOT_WAITING_FOR_MAPPING = _("The columns of this file are already confirmed.")

#: While a file is read, its progress is saved at most this often (seconds).
PROGRESS_SECONDS = 3
#: A running import without progress for this long was interrupted (its worker stopped).
STALE_AFTER = datetime.timedelta(hours=1)
#: Rows stored per query.
BATCH = 2000
#: The largest number the tenderers column holds.
INTEGER_MAX = 2**31 - 1
OCID_MAX = DataProcess._meta.get_field("ocid").max_length


def _check_member(user, team):
    if not can_edit_team_work(user, team):
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")


def _refused(error: reading.DataFileError) -> ValidationError:
    return ValidationError(error.message, code=error.code)


@contextlib.contextmanager
def _local_path(file):
    """A path on this machine holding `file`'s bytes: an upload's temporary file, a stored file on
    local disk, or else a temporary copy (the storage may be S3)."""
    if hasattr(file, "temporary_file_path"):
        yield Path(file.temporary_file_path())
        return
    try:
        path = file.path
    except (AttributeError, NotImplementedError, ValueError):
        path = None
    if path and os.path.exists(path):
        yield Path(path)
        return
    suffix = Path(file.name or "").suffix[:16]
    with tempfile.NamedTemporaryFile(prefix="ruta-data-", suffix=suffix) as copy:
        try:
            for chunk in file.chunks():
                copy.write(chunk)
        finally:
            if hasattr(file, "instance"):  # a stored file: close what storage opened
                file.close()
        copy.flush()
        yield Path(copy.name)


# --- Sources ---------------------------------------------------------------------------------------


def _check_address(url: str, *, resolve: bool) -> None:
    """Refuse an address that is not http(s), or (with `resolve`) that leads into a private network:
    the worker fetches what a team types, so it must not reach the machines beside it."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise reading.DataFileError(ADDRESS_REFUSED, "address_refused")
    if settings.OPEN_DATA_FETCH_PRIVATE_ADDRESSES:
        return
    host = parts.hostname
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        if not resolve:
            if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
                raise reading.DataFileError(ADDRESS_REFUSED, "address_refused") from None
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as error:
            raise reading.DataFileError(DOWNLOAD_FAILED, "download_failed") from error
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses or not all(address.is_global for address in addresses):
        raise reading.DataFileError(ADDRESS_REFUSED, "address_refused")


@transaction.atomic
def source_add(
    *,
    team: Team,
    user,
    name: str,
    kind: str = SourceKind.UPLOAD,
    url: str = "",
    schedule: str = FetchSchedule.NEVER,
    system: str = "",
) -> DataSource:
    """Add a source of the team's procurement data; an address is fetched at once, then on its schedule."""
    _check_member(user, team)
    is_url = kind == SourceKind.URL
    url = (url or "").strip() if is_url else ""
    if is_url and not url:
        raise ValidationError({"url": ValidationError(ADDRESS_REQUIRED, code="address_required")})
    source = DataSource(
        team=team,
        name=(name or "").strip(),
        system=(system or "").strip(),
        kind=kind,
        url=url,
        schedule=schedule if is_url else FetchSchedule.NEVER,
        created_by=user,
    )
    source.full_clean()
    if is_url:
        try:
            _check_address(url, resolve=False)
        except reading.DataFileError as error:
            raise ValidationError({"url": _refused(error)}) from error
    source.save()
    log(source, "wagtail.create", user=user)
    if is_url:
        source_fetch(source=source, user=user)
    return source


@transaction.atomic
def source_remove(*, source: DataSource, user) -> DataSource:
    """Remove a source from the team's data page: it is no longer fetched, and its imports are hidden
    with it (they are deleted with the team's data)."""
    locked = DataSource.objects.select_for_update().select_related("team").get(pk=source.pk)
    _check_member(user, locked.team)
    if locked.removed_at is None:
        locked.removed_at = timezone.now()
        locked.save(update_fields=["removed_at"])
        log(locked, "wagtail.delete", user=user)
    return locked


# --- Files ------------------------------------------------------------------------------------------


def _remembered_mapping(source: DataSource, columns: list[str]) -> dict | None:
    """The mapping the team confirmed for this source, if it fits these columns."""
    if not source.column_mapping:
        return None
    try:
        return reading.validate_mapping(source.column_mapping, columns)
    except reading.DataFileError:
        return None


def _queue(data_import: DataImport) -> DataImport:
    """Queue the import for the worker; a spreadsheet waits for its columns to be confirmed unless the
    source's confirmed mapping fits it."""
    if data_import.format in reading.SPREADSHEETS and not data_import.mapping:
        mapping = _remembered_mapping(data_import.source, data_import.columns)
        if mapping is None:
            data_import.status = ImportStatus.NEEDS_MAPPING
            data_import.save()
            return data_import
        data_import.mapping = mapping
    data_import.status = ImportStatus.QUEUED
    data_import.save()
    import_run.enqueue(import_pk=data_import.pk)
    return data_import


@transaction.atomic
def data_upload(
    *, team: Team, user, file, source: DataSource | None = None, name: str = "", system: str = ""
) -> DataImport:
    """Take a file of the team's procurement data, to `source` or to a new upload source `name`.

    The file is refused with its reason when it is too large or in no form Ruta reads; otherwise it
    is stored and queued (a spreadsheet without a confirmed mapping waits for one, status
    ``needs_mapping``)."""
    _check_member(user, team)
    if source is not None:
        if source.team_id != team.pk or source.removed_at is not None:
            raise ValidationError(SOURCE_REMOVED, code="source_removed")
        if source.kind != SourceKind.UPLOAD:
            raise ValidationError(NOT_AN_UPLOAD_SOURCE, code="not_an_upload_source")
    elif not (name or "").strip():
        raise ValidationError({"name": ValidationError(NAME_REQUIRED, code="name_required")})
    if file is None:
        raise ValidationError({"file": ValidationError(NO_FILE, code="no_file")})
    if file.size > reading.max_bytes():
        raise ValidationError({"file": ValidationError(reading.TOO_LARGE, code="too_large")})
    with _local_path(file) as path:
        try:
            fmt = reading.detect_format(path, file.name or "")
            columns = reading.spreadsheet_columns(path, fmt) if fmt in reading.SPREADSHEETS else []
        except reading.DataFileError as error:
            raise ValidationError({"file": _refused(error)}) from error
    if source is None:
        source = source_add(team=team, user=user, name=name, system=system)
    data_import = DataImport(
        source=source,
        original_name=uploads.display_name(file.name),
        size=file.size,
        total_bytes=file.size,
        format=fmt,
        columns=columns,
        requested_by=user,
    )
    data_import.file.save(uploads.stored_name(file.name), file, save=False)
    _queue(data_import)
    log(data_import, "wagtail.create", user=user)
    return data_import


@transaction.atomic
def mapping_confirm(*, data_import: DataImport, mapping: dict, user) -> DataImport:
    """Confirm which column holds each field of a spreadsheet: the import is queued, and the source
    remembers the mapping for its next files."""
    locked = DataImport.objects.select_for_update().select_related("source__team").get(pk=data_import.pk)
    _check_member(user, locked.source.team)
    if locked.status != ImportStatus.NEEDS_MAPPING:
        raise ValidationError(NOT_WAITING_FOR_MAPPING, code="not_waiting_for_mapping")
    try:
        mapping = reading.validate_mapping(dict(mapping), locked.columns)
    except reading.DataFileError as error:
        raise _refused(error) from error
    source = locked.source
    source.column_mapping = mapping
    source.save(update_fields=["column_mapping"])
    locked.mapping = mapping
    return _queue(locked)


@transaction.atomic
def import_delete(*, data_import: DataImport, user) -> None:
    """Delete an import with its file, report and rows (not while it is being read)."""
    locked = DataImport.objects.select_for_update().select_related("source__team").get(pk=data_import.pk)
    _check_member(user, locked.source.team)
    if locked.status == ImportStatus.RUNNING:
        raise ValidationError(IMPORT_RUNNING, code="import_running")
    log(locked, "wagtail.delete", user=user)
    locked.delete()  # the file goes once the deletion is committed (models: delete_import_file)


@transaction.atomic
def team_data_erase(*, team: Team, user=None) -> int:
    """Delete all of the team's procurement data: its sources, every import with its raw file,
    report and rows. Returns the number of imports deleted."""
    if user is not None:
        _check_member(user, team)
    count = DataImport.objects.filter(source__team=team).count()
    DataSource.objects.filter(team=team).delete()
    if user is not None:
        log(team, "ruta.opendata.erased", user=user, data={"imports": count})
    return count


# --- Fetching addresses -----------------------------------------------------------------------------


@transaction.atomic
def source_fetch(*, source: DataSource, user=None) -> DataImport:
    """Queue a download of the source's address (or return the one already waiting or running)."""
    locked = DataSource.objects.select_for_update().select_related("team").get(pk=source.pk)
    if user is not None:
        _check_member(user, locked.team)
    if locked.removed_at is not None:
        raise ValidationError(SOURCE_REMOVED, code="source_removed")
    if locked.kind != SourceKind.URL:
        raise ValidationError(NOT_AN_ADDRESS_SOURCE, code="not_an_address_source")
    pending = locked.imports.filter(status__in=PENDING).first()
    if pending is not None:
        return pending
    data_import = DataImport.objects.create(
        source=locked, original_name=_name_from_url(locked.url), requested_by=user
    )
    import_run.enqueue(import_pk=data_import.pk)
    return data_import


def sources_fetch_due(*, now: datetime.datetime | None = None) -> list[DataImport]:
    """Queue a download of every address whose schedule says it is due."""
    now = now or timezone.now()
    last = DataImport.objects.filter(source=OuterRef("pk")).order_by("-created_at").values("created_at")[:1]
    sources = (
        DataSource.objects.active()
        .filter(kind=SourceKind.URL, team__archived_at=None)
        .exclude(schedule=FetchSchedule.NEVER)
        .annotate(last_fetch=Subquery(last))
    )
    return [
        source_fetch(source=source)
        for source in sources
        if source.last_fetch is None or source.last_fetch <= now - FETCH_INTERVALS[source.schedule]
    ]


def imports_expire_stale(*, now: datetime.datetime | None = None) -> int:
    """Fail the imports whose worker stopped while reading them (no progress for STALE_AFTER)."""
    now = now or timezone.now()
    return DataImport.objects.filter(status=ImportStatus.RUNNING, progress_at__lt=now - STALE_AFTER).update(
        status=ImportStatus.FAILED,
        error_code="interrupted",
        error_message=str(INTERRUPTED),
        finished_at=now,
    )


def _name_from_url(url):
    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return uploads.display_name(name or "download")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address Ruta may fetch."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_address(newurl, resolve=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, destination) -> None:
    """Stream the address into `destination`, within the time and size limits."""
    _check_address(url, resolve=True)
    limit = reading.max_bytes()
    opener = urllib.request.build_opener(_CheckedRedirects)
    # The scheme is http or https (_check_address), and so is every redirect followed.
    request = urllib.request.Request(url, headers={"User-Agent": "Ruta (open data reader)"})  # noqa: S310
    try:
        with opener.open(request, timeout=settings.OPEN_DATA_FETCH_TIMEOUT) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise reading.DataFileError(reading.TOO_LARGE, "too_large")
            received = 0
            while chunk := response.read(1024 * 1024):
                received += len(chunk)
                if received > limit:
                    raise reading.DataFileError(reading.TOO_LARGE, "too_large")
                destination.write(chunk)
    except reading.DataFileError:
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        raise reading.DataFileError(DOWNLOAD_FAILED, "download_failed") from error
    destination.flush()


# --- Reading, in the background ------------------------------------------------------------------


@contextlib.contextmanager
def _import_file(data_import: DataImport):
    """A local path of the import's file; an address is downloaded first and its file stored."""
    if data_import.file:
        with _local_path(data_import.file) as path:
            yield path
        return
    with tempfile.NamedTemporaryFile(prefix="ruta-fetch-") as download:
        _download(data_import.source.url, download)
        path = Path(download.name)
        size = path.stat().st_size
        fmt = reading.detect_format(path, data_import.original_name)
        columns = reading.spreadsheet_columns(path, fmt) if fmt in reading.SPREADSHEETS else []
        download.seek(0)
        data_import.file.save(uploads.stored_name(data_import.original_name), File(download), save=False)
        data_import.size = data_import.total_bytes = size
        data_import.format, data_import.columns = fmt, columns
        data_import.save(update_fields=["file", "size", "total_bytes", "format", "columns"])
        yield path


def _save_progress(pk):
    last = [time.monotonic()]

    def on_progress(done_bytes, total_bytes, seen):
        if time.monotonic() - last[0] < PROGRESS_SECONDS:
            return
        last[0] = time.monotonic()
        DataImport.objects.filter(pk=pk, status=ImportStatus.RUNNING).update(
            done_bytes=done_bytes,
            total_bytes=total_bytes,
            processes_seen=seen,
            progress_at=timezone.now(),
        )

    return on_progress


def _batches(items):
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _tenderers(value):
    return value if value is not None and 0 <= value <= INTEGER_MAX else None


@transaction.atomic
def _store(data_import: DataImport, result: analysis.Analysis) -> None:
    pk = data_import.pk
    DataProcess.objects.filter(data_import=pk).delete()
    DataAward.objects.filter(data_import=pk).delete()
    for batch in _batches(result.processes):
        DataProcess.objects.bulk_create(
            DataProcess(
                data_import_id=pk,
                ocid=process.ocid[:OCID_MAX],
                stages=sorted(process.stages, key=analysis.STAGES.index),
                reference_on=process.reference_on,
                method=process.method,
                tenderers=_tenderers(process.tenderers),
                tender_end=process.tender_end,
                first_award_on=process.first_award_on,
            )
            for process in batch
        )
    for batch in _batches(result.awards):
        DataAward.objects.bulk_create(
            DataAward(
                data_import_id=pk,
                ocid=award.ocid[:OCID_MAX],
                awarded_on=award.awarded_on,
                supplier_debut_on=award.supplier_debut_on,
            )
            for award in batch
        )
    report = result.report
    now = timezone.now()
    updated = DataImport.objects.filter(pk=pk, status=ImportStatus.RUNNING).update(
        status=ImportStatus.DONE,
        report=report,
        earliest=report.get("earliest"),
        latest=report.get("latest"),
        done_bytes=data_import.total_bytes,
        processes_seen=report.get("processes", 0),
        progress_at=now,
        finished_at=now,
        error_code="",
        error_message="",
    )
    if not updated:  # deleted (or expired) while it was read: keep nothing
        transaction.set_rollback(True)


def _language(user):
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def _fail(data_import: DataImport, code: str, message) -> None:
    DataImport.objects.filter(pk=data_import.pk, status=ImportStatus.RUNNING).update(
        status=ImportStatus.FAILED,
        error_code=code[:40],
        error_message=str(message),
        report={},
        finished_at=timezone.now(),
    )


def _read(data_import: DataImport) -> None:
    with _import_file(data_import) as path:
        if data_import.format in reading.SPREADSHEETS and not data_import.mapping:
            mapping = _remembered_mapping(data_import.source, data_import.columns)
            if mapping is None:  # a fetched spreadsheet whose columns are not confirmed yet
                DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.NEEDS_MAPPING)
                return
            data_import.mapping = mapping
            data_import.save(update_fields=["mapping"])
        result = analysis.analyse(
            path,
            fmt=data_import.format,
            mapping=data_import.mapping or None,
            on_progress=_save_progress(data_import.pk),
        )
    _store(data_import, result)
    data_import.refresh_from_db()
    if data_import.status == ImportStatus.DONE:  # the team's indicators linked to its data move with it
        measurements_from_import(data_import=data_import)


@task()
def import_run(*, import_pk: int) -> None:
    """Read a queued import in the background: download it if it is an address, report on it and
    keep the facts of its processes and awards; or record, in words, why it could not be read."""
    now = timezone.now()
    claimed = DataImport.objects.filter(pk=import_pk, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING,
        started_at=now,
        progress_at=now,
        done_bytes=0,
        error_code="",
        error_message="",
    )
    if not claimed:  # deleted, or taken by another worker
        return
    data_import = DataImport.objects.select_related("source__created_by", "requested_by").get(pk=import_pk)
    # In the language of the person who gave the file (or the address, for a scheduled fetch): a
    # reason with details is kept as written.
    with translation.override(_language(data_import.requested_by or data_import.source.created_by)):
        try:
            _read(data_import)
        except reading.DataFileError as error:
            _fail(data_import, error.code, error.message)
        except Exception:
            logger.exception("Reading data import %s failed", import_pk)
            _fail(data_import, "crashed", CRASHED)
