"""Attendance: who was at a session. One service writes it; the admin roster view calls it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.models import Attendance, AttendanceStatus, Membership, Session, SessionStatus

CANCELLED_SESSION = _("Attendance cannot be taken for a cancelled session.")
NOT_IN_COHORT = _("Only members of the session's cohort can be marked.")
UNKNOWN_STATUS = _("“%(status)s” is not an attendance status.")


@transaction.atomic
def attendance_record(*, session: Session, marks: dict[int, str], recorded_by) -> list[Attendance]:
    """Record each member's attendance at `session`: {membership pk: present | absent | excused}.

    Existing records are updated (and their recorder replaced); members left out of `marks`
    keep what they had. Every membership must belong to a team of the session's cohort. Each
    new or changed mark is logged in the record's history.
    """
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(CANCELLED_SESSION, code="cancelled_session")
    for status in marks.values():
        if status not in AttendanceStatus.values:
            raise ValidationError(UNKNOWN_STATUS, code="unknown_status", params={"status": status})
    memberships = Membership.objects.filter(pk__in=marks, team__cohort_id=session.cohort_id)
    if len(memberships) != len(marks):
        raise ValidationError(NOT_IN_COHORT, code="not_in_cohort")
    existing = {
        record.membership_id: record.status
        for record in Attendance.objects.filter(session=session, membership_id__in=marks)
    }
    recorded = []
    for membership_pk, status in marks.items():
        record, created = Attendance.objects.update_or_create(
            session=session,
            membership_id=membership_pk,
            defaults={"status": status, "recorded_by": recorded_by},
        )
        if created or existing.get(membership_pk) != status:
            log(record, "wagtail.create" if created else "wagtail.edit", user=recorded_by)
        recorded.append(record)
    return recorded
