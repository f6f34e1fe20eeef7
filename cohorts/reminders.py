"""A cohort's reminders: sessions about to start, assignments due soon or overdue (collected by
notifications.reminders)."""

import datetime
import zoneinfo
from functools import partial

from django.utils import timezone

from cohorts.assignments.models import Submission, SubmissionStatus
from cohorts.models import Membership
from cohorts.schedule.models import Session, SessionStatus
from notifications.models import NotificationKind, ReminderKind
from notifications.reminders import send_once
from notifications.services import notify
from sprints.models import AssignmentTemplate

SESSION_LEAD = datetime.timedelta(hours=24)
DUE_SOON_DAYS = 3
DONE = [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]


def _members_by_cohort(cohort_ids):
    members = {}
    memberships = Membership.objects.filter(
        team__cohort_id__in=cohort_ids, team__archived_at=None, user__is_active=True
    )
    for membership in memberships.select_related("user", "team"):
        members.setdefault(membership.team.cohort_id, []).append(membership)
    return members


def session_reminders(now) -> int:
    """Remind each member of a session starting within SESSION_LEAD."""
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
            sent += send_once(
                kind=ReminderKind.SESSION,
                key=f"{session.pk}:{session.sequence}",
                user=user,
                send=partial(_remind_session, session=session, membership=membership),
            )
    return sent


def _remind_session(*, session, membership):
    user = membership.user
    zone = zoneinfo.ZoneInfo(user.time_zone) if user.time_zone else session.cohort.zone
    with timezone.override(zone):
        notify(
            user=user,
            kind=NotificationKind.SESSION_REMINDER,
            template="cohorts/emails/session_reminder",
            context={
                "session": session,
                "local_start": timezone.localtime(session.starts_at, zone),
                "time_zone": str(zone),
                "meeting_url": session.effective_meeting_url,
            },
            link=("cohorts:team_session", [membership.team_id, session.pk]),
        )


def assignment_reminders(now) -> int:
    sent = 0
    memberships = list(
        Membership.objects.filter(team__archived_at=None, user__is_active=True)
        .select_related("user", "team__cohort__program")
        .prefetch_related("team__cohort__breaks")
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
            due = cohort.due_date(template.due_week)  # on the cohort's calendar, after its breaks
            if due < today:
                kind, name = ReminderKind.OVERDUE, "assignment_overdue"
            elif (due - today).days <= DUE_SOON_DAYS:
                kind, name = ReminderKind.DUE_SOON, "assignment_due_soon"
            else:
                continue
            sent += send_once(
                kind=kind,
                key=f"{team.pk}:{template.pk}",
                user=membership.user,
                send=partial(
                    notify,
                    user=membership.user,
                    kind=NotificationKind.ASSIGNMENT_DUE,
                    template=f"cohorts/emails/{name}",
                    context={"team": team, "assignment": template, "due": due},
                    link=("cohorts:assignment", [team.pk, template.pk]),
                ),
            )
    return sent
