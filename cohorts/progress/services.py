"""RDC progress state changes: marks, evidence, coach verification, indicators and measurements.

A team marks its checklist items (not started, in progress, met) and attaches evidence; a coach
of the team (or staff) verifies an item marked met, or returns it with a comment. Only verified
items count toward a criterion. Every change is logged on the ``CriterionProgress`` row with
Wagtail's ``log()`` so the team can show its history.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.assignments import uploads
from cohorts.assignments.models import Submission
from cohorts.assignments.services import validate_quota, validate_upload
from cohorts.models import Cohort, Team
from cohorts.opendata import indicators as data_indicators
from cohorts.opendata import selectors as data_selectors
from cohorts.opendata.models import DataImport, ImportStatus
from cohorts.policies import can_edit_team_work, can_record_measurements, can_review_team_work
from cohorts.progress.models import (
    CertificationLevel,
    CertificationRecord,
    CohortCriterionSet,
    CriterionProgress,
    Evidence,
    EvidenceKind,
    Indicator,
    Measurement,
    ProgressStatus,
)
from cohorts.progress.selectors import cohort_criterion_set
from notifications.models import NotificationKind
from notifications.services import notify, notify_team
from sprints.models import ChecklistItem

NOT_A_MEMBER = _("Only members of the team can change its progress and evidence.")
CANNOT_RECORD_MEASUREMENT = _("Only members of the team or program staff can record its measurements.")
NOT_A_REVIEWER = _("Only the team's coach or program staff can verify evidence.")
NOT_MET = _("Only an item the team marked as met can be verified.")
ALREADY_VERIFIED = _("This item is already verified.")
COMMENT_REQUIRED = _("Write a comment for the team saying what is missing.")
SUBMISSION_NOT_TEAMS = _("Choose one of your team's submissions.")
LINK_REQUIRED = _("Give the public link.")
DATA_REPORT_REQUIRED = _("Choose one of your team's data reports.")
FILE_REQUIRED = _("Choose a file to upload.")
UNKNOWN_KIND = _("Choose a submission, a link, a file or a data report.")
UNKNOWN_STATUS = _("Choose a valid status.")
EVIDENCE_REMOVED_ALREADY = _("This evidence has already been removed.")
CONFIRM_UNVERIFY = _(
    "This is the last evidence of an item your coach verified. If you remove it, the item is no "
    "longer verified and goes back to your coach to verify again."
)

# Progress history actions, registered in cohorts/wagtail_hooks.py (cohorts.progress.admin).
LOG_ACTIONS = [
    ("ruta.progress.marked", _("Status changed")),
    ("ruta.progress.evidence_added", _("Evidence added")),
    ("ruta.progress.evidence_removed", _("Evidence removed")),
    ("ruta.progress.verified", _("Verified by the coach")),
    ("ruta.progress.returned", _("Returned by the coach")),
    ("ruta.progress.unverified", _("Sent back for verification: its evidence was removed")),
    ("ruta.progress.certification_recorded", _("Certification level recorded")),
    ("ruta.progress.measured_from_data", _("Measured from the city's data")),
]


def _check_member(team, user):
    if not can_edit_team_work(user, team):
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")


def _check_reviewer(team, user):
    if not can_review_team_work(user, team):
        raise ValidationError(NOT_A_REVIEWER, code="not_a_reviewer")


def progress_for(*, team: Team, item: ChecklistItem) -> CriterionProgress:
    """The team's row for the item, created "not started" on first use (which fixes the cohort's
    criteria version: later versions never change the items its teams work on)."""
    cohort_criteria_pin(cohort=team.cohort)
    progress, _created = CriterionProgress.objects.get_or_create(team=team, item=item)
    return progress


@transaction.atomic
def cohort_criteria_pin(*, cohort: Cohort) -> CohortCriterionSet | None:
    """Fix the criteria version the cohort tracks (the one it follows now), once; later calls keep it."""
    existing = CohortCriterionSet.objects.filter(cohort=cohort).first()
    if existing is not None:
        return existing
    criterion_set = cohort_criterion_set(cohort)
    if criterion_set is None:
        return None
    pin, _created = CohortCriterionSet.objects.get_or_create(
        cohort=cohort, defaults={"criterion_set": criterion_set}
    )
    return pin


# What Works Cities certification: a history of levels per team; the latest is the current one.

CANNOT_RECORD_CERTIFICATION = _(
    "Only members of the team or program staff can record its certification level."
)
CERTIFICATION_EVIDENCE_REQUIRED = _("Give a link or a file that shows the certification level.")
UNKNOWN_LEVEL = _("Choose a certification level.")


@transaction.atomic
def certification_record(
    *,
    team: Team,
    user,
    level: str,
    certified_on: datetime.date,
    evidence_url: str = "",
    evidence_file=None,
    note: str = "",
) -> CertificationRecord:
    """Record the city's certification level on a date, with a link or a file as evidence (a new row:
    earlier records stay as the history)."""
    if not can_record_measurements(user, team):
        raise ValidationError(CANNOT_RECORD_CERTIFICATION, code="cannot_record_certification")
    if level not in CertificationLevel.values:
        raise ValidationError(UNKNOWN_LEVEL, code="unknown_level")
    evidence_url = (evidence_url or "").strip()
    if level != CertificationLevel.NONE and not evidence_url and not evidence_file:
        raise ValidationError(CERTIFICATION_EVIDENCE_REQUIRED, code="evidence_required")
    record = CertificationRecord(
        team=team,
        level=level,
        certified_on=certified_on,
        evidence_url=evidence_url,
        note=(note or "").strip(),
        recorded_by=user,
    )
    if evidence_file:
        validate_upload(evidence_file)
        record.original_name = uploads.display_name(evidence_file.name)
        record.evidence_file.save(uploads.stored_name(evidence_file.name), evidence_file, save=False)
    record.full_clean()
    record.save()
    log(team, "ruta.progress.certification_recorded", user=user, data={"level": level})
    return record


def _locked(team, item):
    progress = progress_for(team=team, item=item)
    return (
        CriterionProgress.objects.select_for_update()
        .select_related("team", "item__criterion")
        .get(pk=progress.pk)
    )


def _stored_size(evidence) -> int:
    try:
        return evidence.file.size
    except (OSError, ValueError):  # gone from storage: it takes no room
        return 0


def validate_evidence_file(file, *, progress: CriterionProgress | None = None):
    """The rules of an assignment's files: size, type, content; and the quota of the item's files."""
    validate_upload(file)
    if progress is not None:
        stored = progress.evidence.filter(kind=EvidenceKind.FILE).exclude(file="")
        validate_quota(used=sum(_stored_size(evidence) for evidence in stored), size=file.size)


def evidence_label(evidence: Evidence) -> str:
    if evidence.kind == EvidenceKind.SUBMISSION and evidence.submission_id:
        return str(evidence.submission.template.title)
    if evidence.kind == EvidenceKind.FILE:
        return evidence.file_name
    if evidence.kind == EvidenceKind.DATA and evidence.data_import_id:
        return str(evidence.data_import)
    return evidence.url


@transaction.atomic
def evidence_add(
    *,
    team: Team,
    item: ChecklistItem,
    user,
    kind: str,
    submission: Submission | None = None,
    url: str = "",
    file=None,
    data_import: DataImport | None = None,
    note: str = "",
) -> Evidence:
    """Attach a submission, a public link, a file or a data report to the team's item; starts the
    item if needed."""
    _check_member(team, user)
    progress = _locked(team, item)
    evidence = Evidence(progress=progress, kind=kind, note=(note or "").strip(), added_by=user)
    if kind == EvidenceKind.SUBMISSION:
        if submission is None or submission.team_id != team.pk:
            raise ValidationError(SUBMISSION_NOT_TEAMS, code="submission_not_teams")
        evidence.submission = submission
    elif kind == EvidenceKind.LINK:
        if not (url or "").strip():
            raise ValidationError(LINK_REQUIRED, code="link_required")
        evidence.url = url.strip()
    elif kind == EvidenceKind.FILE:
        if not file:
            raise ValidationError(FILE_REQUIRED, code="file_required")
        validate_evidence_file(file, progress=progress)
    elif kind == EvidenceKind.DATA:
        if data_import is None or not data_selectors.read_reports(team).filter(pk=data_import.pk).exists():
            raise ValidationError(DATA_REPORT_REQUIRED, code="data_report_required")
        evidence.data_import = data_import
    else:
        raise ValidationError(UNKNOWN_KIND, code="unknown_kind")
    if kind == EvidenceKind.FILE:
        evidence.original_name = uploads.display_name(file.name)
        evidence.file.save(uploads.stored_name(file.name), file, save=False)
    evidence.full_clean()
    evidence.save()
    if progress.status == ProgressStatus.NOT_STARTED:
        progress.status = ProgressStatus.IN_PROGRESS
        progress.save(update_fields=["status", "updated_at"])
    log(
        progress,
        "ruta.progress.evidence_added",
        user=user,
        data={"kind": kind, "evidence": evidence_label(evidence), "note": evidence.note},
    )
    return evidence


def removes_verified_evidence(evidence: Evidence) -> bool:
    """Whether removing `evidence` leaves a verified item with no evidence at all."""
    progress = evidence.progress
    return (
        progress.verified_at is not None
        and evidence.removed_at is None
        and not progress.evidence.filter(removed_at=None).exclude(pk=evidence.pk).exists()
    )


@transaction.atomic
def evidence_remove(*, evidence: Evidence, user, confirmed: bool = False) -> Evidence:
    """Soft-remove evidence: it leaves the page and the report, the history keeps it.

    Removing the last evidence of a verified item needs `confirmed`: the item then loses its
    verification (it stays met, waiting for the coach again) and the team's coaches are told.
    """
    progress = (
        CriterionProgress.objects.select_for_update()
        .select_related("team", "item__criterion")
        .get(pk=evidence.progress_id)
    )
    _check_member(progress.team, user)
    evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
    evidence.progress = progress
    if evidence.removed_at:
        raise ValidationError(EVIDENCE_REMOVED_ALREADY, code="removed")
    unverify = removes_verified_evidence(evidence)
    if unverify and not confirmed:
        raise ValidationError(CONFIRM_UNVERIFY, code="confirm_unverify")
    evidence.removed_at = timezone.now()
    evidence.save(update_fields=["removed_at"])
    log(
        progress,
        "ruta.progress.evidence_removed",
        user=user,
        data={"kind": evidence.kind, "evidence": evidence_label(evidence)},
    )
    if unverify:
        progress.verified_at = None
        progress.verified_by = None
        progress.full_clean()
        progress.save()
        log(progress, "ruta.progress.unverified", user=user, data={"evidence": evidence_label(evidence)})
        _notify_coaches(progress, evidence=evidence, user=user)
    return evidence


def _notify_coaches(progress, *, evidence, user):
    """The team's current coaches hear that an item they verified needs verifying again."""
    coaches = (
        get_user_model()
        .objects.filter(
            coach_assignments__team=progress.team, coach_assignments__ends_on=None, is_active=True
        )
        .distinct()
    )
    for coach in coaches:
        notify(
            user=coach,
            kind=NotificationKind.RDC_TO_VERIFY,
            template="cohorts/progress/emails/evidence_removed",
            context={"progress": progress, "evidence_label": evidence_label(evidence), "removed_by": user},
            link=("cohorts_progress_verify", [progress.pk]),
        )


@transaction.atomic
def progress_mark(*, team: Team, item: ChecklistItem, user, status: str) -> CriterionProgress:
    """A member sets the item's status; leaving "met" drops any verification."""
    _check_member(team, user)
    if status not in ProgressStatus.values:
        raise ValidationError(UNKNOWN_STATUS, code="unknown_status")
    progress = _locked(team, item)
    if progress.status == status:
        return progress
    previous = progress.status
    progress.status = status
    if status != ProgressStatus.MET:
        progress.verified_at = None
        progress.verified_by = None
    progress.full_clean()
    progress.save()
    log(progress, "ruta.progress.marked", user=user, data={"status": status, "previous": previous})
    return progress


@transaction.atomic
def progress_verify(*, progress: CriterionProgress, coach, comment: str = "") -> CriterionProgress:
    """The team's coach or staff confirm an item marked met; from now on it counts."""
    locked = (
        CriterionProgress.objects.select_for_update()
        .select_related("team", "item__criterion")
        .get(pk=progress.pk)
    )
    _check_reviewer(locked.team, coach)
    if locked.status != ProgressStatus.MET:
        raise ValidationError(NOT_MET, code="not_met")
    if locked.verified_at:
        raise ValidationError(ALREADY_VERIFIED, code="already_verified")
    locked.verified_at = timezone.now()
    locked.verified_by = coach
    locked.coach_comment = (comment or "").strip()
    locked.full_clean()
    locked.save()
    log(locked, "ruta.progress.verified", user=coach, data={"comment": locked.coach_comment})
    _notify_team(locked, "verified")
    progress.refresh_from_db()
    return locked


@transaction.atomic
def progress_return(*, progress: CriterionProgress, coach, comment: str) -> CriterionProgress:
    """The coach sends the item back to the team with a comment; it is in progress again."""
    locked = (
        CriterionProgress.objects.select_for_update()
        .select_related("team", "item__criterion")
        .get(pk=progress.pk)
    )
    _check_reviewer(locked.team, coach)
    if not (comment or "").strip():
        raise ValidationError(COMMENT_REQUIRED, code="comment_required")
    locked.status = ProgressStatus.IN_PROGRESS
    locked.verified_at = None
    locked.verified_by = None
    locked.coach_comment = comment.strip()
    locked.full_clean()
    locked.save()
    log(locked, "ruta.progress.returned", user=coach, data={"comment": locked.coach_comment})
    _notify_team(locked, "returned")
    progress.refresh_from_db()
    return locked


def _notify_team(progress, decision):
    notify_team(
        progress.team,
        kind=NotificationKind.RDC_REVIEW,
        template="cohorts/progress/emails/progress_decision",
        context={"progress": progress, "decision": decision},
        link=("cohorts:team_progress", [progress.team_id]),
    )


# --- Indicators -------------------------------------------------------------------------------


@transaction.atomic
def indicator_save(*, indicator: Indicator, user) -> Indicator:
    """Create or update a team's indicator (members only); one linked to a metric of the city's data
    is measured from the team's latest data report at once."""
    _check_member(indicator.team, user)
    indicator.full_clean()
    indicator.save()
    if indicator.data_metric and (latest := data_selectors.latest_report(indicator.team)):
        indicator_measure_from_data(indicator=indicator, data_import=latest)
    return indicator


@transaction.atomic
def measurement_record(
    *, indicator: Indicator, user, measured_on: datetime.date, value: Decimal, note: str = ""
) -> Measurement:
    """A member, or staff on the team's behalf, records the indicator's value on a date."""
    if not can_record_measurements(user, indicator.team):
        raise ValidationError(CANNOT_RECORD_MEASUREMENT, code="cannot_record_measurement")
    measurement = Measurement(
        indicator=indicator, measured_on=measured_on, value=value, note=(note or "").strip(), recorded_by=user
    )
    measurement.full_clean()
    measurement.save()
    log(measurement, "wagtail.create", user=user)
    return measurement


# --- Measurements read from the city's own procurement data ----------------------------------

#: How many of an indicator's latest periods one data report measures.
DATA_PERIODS = 8


@transaction.atomic
def indicator_measure_from_data(*, indicator: Indicator, data_import: DataImport) -> list[Measurement]:
    """Record the indicator's metric for each complete period of its cadence in the data report.

    A measurement an earlier report recorded on the same date takes the newer value; one a person
    recorded stays as it is. An indicator without a baseline takes the first period as its baseline.
    """
    team = indicator.team
    if (
        not indicator.data_metric
        or data_import.status != ImportStatus.DONE
        or data_import.source.team_id != team.pk
        or not (data_import.earliest and data_import.latest)
    ):
        return []
    periods = data_indicators.periods(
        data_import.earliest,
        data_import.latest,
        months=data_indicators.CADENCE_MONTHS[indicator.cadence],
        limit=DATA_PERIODS,
        complete=True,
    )
    processes, awards = data_selectors.import_facts(data_import)
    existing = {measurement.measured_on: measurement for measurement in indicator.measurements.all()}
    recorded = []
    for start, end in periods:
        value = data_indicators.compute(processes, awards, start, end)[indicator.data_metric]
        if value is None:
            continue
        measured_on = end - datetime.timedelta(days=1)
        measurement = existing.get(measured_on)
        if measurement is not None and measurement.data_import_id is None:
            continue  # a person's measurement is never overwritten
        if measurement is None:
            measurement = Measurement(indicator=indicator, measured_on=measured_on)
        measurement.value = Decimal(str(value))
        measurement.data_import = data_import
        measurement.note = str(data_import)[:500]
        measurement.recorded_by = data_import.requested_by
        measurement.full_clean()
        measurement.save()
        recorded.append(measurement)
    if recorded and indicator.baseline_value is None:
        indicator.baseline_value = recorded[0].value
        indicator.baseline_date = recorded[0].measured_on
        indicator.save(update_fields=["baseline_value", "baseline_date"])
    if recorded:
        log(
            indicator,
            "ruta.progress.measured_from_data",
            data={"report": str(data_import), "periods": len(recorded)},
        )
    return recorded


def measurements_from_import(*, data_import: DataImport) -> int:
    """When a data report is read, every indicator of the team linked to a metric is measured from it."""
    linked = Indicator.objects.filter(team_id=data_import.source.team_id).exclude(data_metric="")
    return sum(
        len(indicator_measure_from_data(indicator=indicator, data_import=data_import)) for indicator in linked
    )
