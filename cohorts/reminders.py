"""Periodic reminders (run by `manage.py send_reminders`); each one goes out at most once."""

import datetime
import zoneinfo
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.emails import send_email
from cms.models import Notification, NotificationEmail, NotificationKind, User
from cms.notifications import notify
from coaching.models import ActionItem, ActionItemStatus
from cohorts.assignments.models import Submission, SubmissionStatus
from cohorts.models import Membership, ReminderKind, ReminderSent
from cohorts.schedule.models import Session, SessionStatus
from sprints.models import AssignmentTemplate

SESSION_LEAD = datetime.timedelta(hours=24)
DUE_SOON_DAYS = 3
DONE = [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]
DIGEST_HOUR = 8


def _send_once(*, kind, key, user, send) -> bool:
    """Record the reminder and `send()` it in one transaction; False if it was already recorded."""
    try:
        with transaction.atomic():
            _, created = ReminderSent.objects.get_or_create(kind=kind, user=user, object_key=key)
            if created:
                send()
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
            sent += _send_once(
                kind=ReminderKind.SESSION,
                key=f"{session.pk}:{session.sequence}",
                user=user,
                send=partial(_remind_session, session=session, membership=membership),
            )
    sent += _assignment_reminders(now)
    sent += _action_item_reminders(now)
    sent += _digests(now)
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


def _action_item_reminders(now) -> int:
    """Tell each owner of an open action item once that it is past due (again if the date moves)."""
    sent = 0
    items = ActionItem.objects.filter(
        status=ActionItemStatus.OPEN,
        due_on__lt=now.date() + datetime.timedelta(days=1),  # narrowed per cohort time zone below
        owner__isnull=False,
        owner__user__is_active=True,
        team__archived_at=None,
    ).select_related("owner__user", "team__cohort")
    for item in items:
        if item.due_on >= timezone.localtime(now, item.team.cohort.zone).date():
            continue
        sent += _send_once(
            kind=ReminderKind.ACTION_ITEM_OVERDUE,
            key=f"{item.pk}:{item.due_on.isoformat()}",
            user=item.owner.user,
            send=partial(
                notify,
                user=item.owner.user,
                kind=NotificationKind.ACTION_ITEM,
                template="coaching/emails/action_item_overdue",
                context={"item": item, "team": item.team},
                link=("coaching:team_coaching", [item.team_id]),
            ),
        )
    return sent


def _digests(now) -> int:
    """Each Monday from DIGEST_HOUR in the user's time zone, one email with everything they chose to
    collect in a weekly digest."""
    sent = 0
    users = User.objects.filter(
        is_active=True, pk__in=Notification.objects.filter(email=NotificationEmail.IN_DIGEST).values("user")
    )
    for user in users:
        local = timezone.localtime(now, zoneinfo.ZoneInfo(user.time_zone))
        if local.weekday() != 0 or local.hour < DIGEST_HOUR:
            continue
        sent += _send_once(
            kind=ReminderKind.DIGEST,
            key=local.date().isoformat(),
            user=user,
            send=partial(_send_digest, user),
        )
    return sent


def _send_digest(user):
    pending = user.notifications.filter(email=NotificationEmail.IN_DIGEST).select_for_update()
    notifications = list(pending.order_by("created_at", "pk"))
    if notifications:
        with timezone.override(zoneinfo.ZoneInfo(user.time_zone)):
            send_email(to=user, template="cms/emails/digest", context={"notifications": notifications})
        pending.filter(pk__in=[n.pk for n in notifications]).update(email=NotificationEmail.DIGESTED)
