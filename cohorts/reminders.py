"""Periodic reminders (run by `manage.py send_reminders`); each one goes out at most once."""

import datetime
import zoneinfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.emails import send_email
from cohorts.models import (
    Membership,
    ReminderKind,
    ReminderSent,
    Session,
    SessionStatus,
    Submission,
    SubmissionStatus,
)
from sprints.models import AssignmentTemplate

SESSION_LEAD = datetime.timedelta(hours=24)
DUE_SOON_DAYS = 3
DONE = [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]


def _send_once(*, kind, key, user, template, context, zone=None) -> bool:
    """Record the reminder and queue its email in one transaction; False if already recorded."""
    try:
        with transaction.atomic():
            _, created = ReminderSent.objects.get_or_create(kind=kind, user=user, object_key=key)
            if created:
                with timezone.override(zone or timezone.get_current_timezone()):
                    send_email(to=user, template=template, context=context)
    except IntegrityError:
        return False
    return created


def _members_by_cohort(cohort_ids):
    members = {}
    memberships = Membership.objects.filter(
        team__cohort_id__in=cohort_ids, team__archived_at=None, user__is_active=True
    )
    for membership in memberships.select_related("user", "team"):
        members.setdefault(membership.team.cohort_id, []).append(membership)
    return members


def reminders_send(*, now=None) -> int:
    """Send every reminder that is due and not yet sent; return how many went out."""
    now = now or timezone.now()
    sent = 0
    sessions = list(
        Session.objects.filter(starts_at__gt=now, starts_at__lte=now + SESSION_LEAD)
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("cohort")
    )
    members = _members_by_cohort({session.cohort_id for session in sessions})
    for session in sessions:
        seen = set()
        for membership in members.get(session.cohort_id, []):
            user = membership.user
            if user.pk in seen:
                continue
            seen.add(user.pk)
            zone = zoneinfo.ZoneInfo(user.time_zone) if user.time_zone else session.cohort.zone
            context = {
                "session": session,
                "local_start": timezone.localtime(session.starts_at, zone),
                "time_zone": str(zone),
                "meeting_url": session.effective_meeting_url,
            }
            sent += _send_once(
                kind=ReminderKind.SESSION,
                key=f"{session.pk}:{session.sequence}",
                user=user,
                template="cohorts/emails/session_reminder",
                context=context,
                zone=zone,
            )
    sent += _assignment_reminders(now)
    return sent


def _assignment_reminders(now) -> int:
    sent = 0
    memberships = list(
        Membership.objects.filter(team__archived_at=None, user__is_active=True).select_related(
            "user", "team__cohort"
        )
    )
    programs = {m.team.cohort.program_id for m in memberships}
    templates = list(AssignmentTemplate.objects.filter(program_id__in=programs, optional=False))
    done = set(
        Submission.objects.filter(team__in={m.team_id for m in memberships}, status__in=DONE).values_list(
            "team_id", "template_id"
        )
    )
    for membership in memberships:
        team, cohort = membership.team, membership.team.cohort
        today = timezone.localtime(now, cohort.zone).date()
        for template in templates:
            if template.program_id != cohort.program_id or (team.pk, template.pk) in done:
                continue
            due = cohort.week_start(template.due_week) + datetime.timedelta(days=6)
            if due < today:
                kind, name = ReminderKind.OVERDUE, "assignment_overdue"
            elif (due - today).days <= DUE_SOON_DAYS:
                kind, name = ReminderKind.DUE_SOON, "assignment_due_soon"
            else:
                continue
            sent += _send_once(
                kind=kind,
                key=f"{team.pk}:{template.pk}",
                user=membership.user,
                template=f"cohorts/emails/{name}",
                context={"team": team, "assignment": template, "due": due},
            )
    return sent
