"""State changes in coaching. Each one is a single function that tests call directly."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms.models import NotificationKind
from cms.notifications import notify
from coaching.models import (
    ATTENDEES_NOT_ON_TEAM,
    OWNER_NOT_ON_TEAM,
    ActionItem,
    ActionItemComment,
    ActionItemStatus,
    CoachAssignment,
    CoachRole,
    TASession,
)

NOT_A_MEMBER = _("Only members of the team can complete its action items.")
ALREADY_DONE = _("This action item is already done.")
EMPTY_COMMENT = _("Write a comment first.")
ASSIGNMENT_ENDED = _("This assignment has already ended.")
SAME_COACH = _("Pick a different coach.")
ENDS_IN_FUTURE = _(
    "An assignment ends today or on an earlier date: an ended coach no longer reaches the team."
)


def ta_session_log(
    *,
    team,
    coach,
    starts_at: datetime.datetime,
    minutes: int,
    mode: str,
    attendees=(),
    topics=(),
    pain_points: str = "",
    summary: str = "",
    private_notes: str = "",
    action_items: list[dict] = (),
    user=None,
) -> TASession:
    """Record a TA session with its next steps, log it to the history and tell the team.

    `action_items` are dicts with `description`, `owner` (a Membership of the team) and
    `due_on`. The team's members get the shared summary; each owner hears of their items,
    each in their own language. Private notes and pain points stay with coaches and staff.
    """
    errors = {}
    if any(member.team_id != team.pk for member in attendees):
        errors["attendees"] = ValidationError(ATTENDEES_NOT_ON_TEAM, code="attendee_not_on_team")
    if any(item.get("owner") is not None and item["owner"].team_id != team.pk for item in action_items):
        errors["action_items"] = ValidationError(OWNER_NOT_ON_TEAM, code="owner_not_on_team")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        session = TASession(
            team=team,
            coach=coach,
            starts_at=starts_at,
            minutes=minutes,
            mode=mode,
            pain_points=pain_points,
            summary=summary,
            private_notes=private_notes,
        )
        session.full_clean()
        session.save()
        session.attendees.set(attendees)
        session.topics.set(topics)
        session.save()
        items = []
        for data in action_items:
            item = ActionItem(team=team, ta_session=session, **data)
            item.full_clean()
            item.save()
            items.append(item)
        log(session, "wagtail.create", user=user or coach)
        ta_session_notify(ta_session=session, new_items=items, summary_changed=True)
    return session


def ta_session_notify(*, ta_session: TASession, new_items=(), summary_changed=False) -> None:
    """Email the team the shared summary (when there is one) and each new item's owner."""
    if summary_changed and ta_session.summary.strip():
        items = list(ta_session.action_items.select_related("owner__user"))
        for membership in ta_session.team.memberships.select_related("user"):
            notify(
                user=membership.user,
                kind=NotificationKind.TA_SUMMARY,
                template="coaching/emails/ta_session_summary",
                context={"ta_session": ta_session, "team": ta_session.team, "action_items": items},
                link=("coaching:team_coaching", [ta_session.team_id]),
            )
    for item in new_items:
        if item.owner_id:
            notify(
                user=item.owner.user,
                kind=NotificationKind.ACTION_ITEM,
                template="coaching/emails/action_item_assigned",
                context={"item": item, "team": item.team},
                link=("coaching:team_coaching", [item.team_id]),
            )


@transaction.atomic
def action_item_complete(*, item: ActionItem, user) -> ActionItem:
    """A team member marks an action item done; who and when are recorded."""
    item = ActionItem.objects.select_for_update().select_related("team").get(pk=item.pk)
    if not item.team.memberships.filter(user=user).exists():
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")
    if item.status == ActionItemStatus.DONE:
        raise ValidationError(ALREADY_DONE, code="already_done")
    item.status = ActionItemStatus.DONE
    item.completed_by = user
    item.completed_at = timezone.now()
    item.full_clean()
    item.save(update_fields=["status", "completed_by", "completed_at"])
    log(item, "ruta.action_item.done", user=user)
    return item


@transaction.atomic
def action_item_comment_add(*, item: ActionItem, author, body: str) -> ActionItemComment:
    body = body.strip()
    if not body:
        raise ValidationError({"body": ValidationError(EMPTY_COMMENT, code="empty_comment")})
    comment = ActionItemComment(item=item, author=author, body=body)
    comment.full_clean()
    comment.save()
    log(item, "ruta.action_item.commented", user=author)
    return comment


@transaction.atomic
def coach_reassign(
    *, assignment: CoachAssignment, coach, user, on: datetime.date | None = None
) -> CoachAssignment:
    """Hand a team over to another coach: the current assignment ends, a new one starts, same role.

    The old assignment ends the day before `on` (today by default), or on `on` when it
    started that same day.
    """
    assignment = CoachAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.ends_on is not None:
        raise ValidationError(ASSIGNMENT_ENDED, code="assignment_ended")
    if assignment.coach_id == coach.pk:
        raise ValidationError({"coach": ValidationError(SAME_COACH, code="same_coach")})
    on = on or timezone.localdate()
    assignment.ends_on = max(on - datetime.timedelta(days=1), assignment.starts_on)
    assignment.full_clean()
    assignment.save(update_fields=["ends_on"])
    log(assignment, "wagtail.edit", user=user)
    new = CoachAssignment(team=assignment.team, coach=coach, role=assignment.role, starts_on=on)
    new.full_clean()
    new.save()
    log(new, "wagtail.create", user=user)
    return new


def coach_assign(*, team, coach, role: str = CoachRole.LEAD, user, on: datetime.date | None = None):
    """Start a coach's assignment to a team from `on` (today by default); logged in its history."""
    with transaction.atomic():
        assignment = CoachAssignment(team=team, coach=coach, role=role, starts_on=on or timezone.localdate())
        assignment.full_clean()
        assignment.save()
        log(assignment, "wagtail.create", user=user)
    return assignment


@transaction.atomic
def coach_assignment_end(
    *, assignment: CoachAssignment, user, on: datetime.date | None = None
) -> CoachAssignment:
    """End a coach's assignment on `on` (today by default, never later): the coach no longer
    reaches the team. An ended assignment stays ended; the history records who ended it."""
    locked = CoachAssignment.objects.select_for_update().get(pk=assignment.pk)
    if locked.ends_on is not None:
        raise ValidationError(ASSIGNMENT_ENDED, code="assignment_ended")
    today = timezone.localdate()
    if on is not None and on > today:
        raise ValidationError({"ends_on": ValidationError(ENDS_IN_FUTURE, code="ends_in_future")})
    locked.ends_on = on or today
    locked.full_clean()
    locked.save(update_fields=["ends_on"])
    log(locked, "ruta.coach_assignment.ended", user=user, data={"ends_on": locked.ends_on.isoformat()})
    return locked
