"""State changes in coaching. Each one is a single function that tests call directly."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from coaching.models import (
    ATTENDEES_NOT_ON_TEAM,
    OWNER_NOT_ON_TEAM,
    ActionItem,
    ActionItemComment,
    ActionItemStatus,
    CoachAssignment,
    CoachRole,
    MomentumNote,
    TASession,
)
from cohorts.policies import can_review_team_work
from notifications.models import NotificationKind
from notifications.services import notify, notify_team

NOT_A_MEMBER = _("Only members of the team can complete its action items.")
ALREADY_DONE = _("This action item is already done.")
EMPTY_COMMENT = _("Write a comment first.")
ASSIGNMENT_ENDED = _("This assignment has already ended.")
SAME_COACH = _("Pick a different coach.")
ENDS_IN_FUTURE = _(
    "An assignment ends today or on an earlier date: an ended coach no longer reaches the team."
)
STALE_TA_SESSION = _(
    "Someone else saved this TA session after you opened it, so your changes were not saved and "
    "nothing was overwritten. What you typed is still in the form, and the version saved now is "
    "shown above it: merge the two and save again."
)
STALE_ACTION_ITEM = _(
    "Someone else saved this action item after you opened it, so your changes were not saved and "
    "nothing was overwritten. What you typed is still in the form, and the version saved now is "
    "shown above it: merge the two and save again."
)
DONE_ITEM_KEPT = _(
    "An action item the team has completed stays on the record: it cannot be removed. Reopen it "
    "from the action items list first if it was marked done by mistake."
)
NOT_A_COACH = _("Only the team's coach or program staff can add, reopen or drop its action items.")
NOT_CLOSED = _("Only a done or dropped action item can be reopened.")
ALREADY_CLOSED = _("This action item is already done or dropped.")

# What a member or an explicit coach action changes on an action item; never an edit form.
ITEM_STATE_FIELDS = ("status", "completed_by", "completed_at")
ITEM_EDITABLE_FIELDS = ("description", "owner_id", "due_on")


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


def _keep_state(item: ActionItem, stored: ActionItem) -> None:
    """Carry the stored status and completion over to an edited copy, and raise its revision when
    its editable fields changed."""
    for name in ITEM_STATE_FIELDS:
        setattr(item, name, getattr(stored, name))
    changed = any(getattr(item, name) != getattr(stored, name) for name in ITEM_EDITABLE_FIELDS)
    item.revision = stored.revision + 1 if changed else stored.revision


def ta_session_update(*, ta_session: TASession, revision: int, user) -> TASession:
    """Save corrections to a logged session if nobody saved it since `revision`; otherwise refuse.

    `ta_session` carries the corrections in memory (fields, attendees, topics and its next steps,
    as the admin form leaves them). The status and completion of existing items are kept as
    stored: members complete items and coaches reopen or drop them through their own services,
    never through this form. The team hears of the shared summary only when it changed, and the
    owner of each new item hears of it.
    """
    with transaction.atomic():
        locked = TASession.objects.select_for_update().get(pk=ta_session.pk)
        if locked.revision != revision:
            raise ValidationError(STALE_TA_SESSION, code="stale_revision")
        stored_items = {
            item.pk: item for item in ActionItem.objects.select_for_update().filter(ta_session=locked)
        }
        items = list(ta_session.action_items.all())
        kept = {item.pk for item in items}
        removed = [stored for pk, stored in stored_items.items() if pk not in kept]
        if any(stored.status == ActionItemStatus.DONE for stored in removed):
            raise ValidationError({"action_items": ValidationError(DONE_ITEM_KEPT, code="done_item_kept")})
        for item in items:
            item.team_id = locked.team_id
            if item.pk in stored_items:
                _keep_state(item, stored_items[item.pk])
            item.full_clean(exclude=["ta_session"])
        ta_session.team_id = locked.team_id
        ta_session.revision = locked.revision + 1
        ta_session.full_clean()
        ta_session.save()
        log(ta_session, "wagtail.edit", user=user)
        new_items = [item for item in items if item.pk not in stored_items]
        ta_session_notify(
            ta_session=ta_session,
            new_items=new_items,
            summary_changed=ta_session.summary.strip() != locked.summary.strip(),
        )
    return ta_session


def ta_session_notify(*, ta_session: TASession, new_items=(), summary_changed=False) -> None:
    """Email the team the shared summary (when there is one) and each new item's owner."""
    if summary_changed and ta_session.summary.strip():
        items = list(ta_session.action_items.select_related("owner__user"))
        notify_team(
            ta_session.team,
            kind=NotificationKind.TA_SUMMARY,
            template="coaching/emails/ta_session_summary",
            context={"ta_session": ta_session, "team": ta_session.team, "action_items": items},
            link=("coaching:team_coaching", [ta_session.team_id]),
        )
    for item in new_items:
        _notify_owner(item, "coaching/emails/action_item_assigned")


@transaction.atomic
def action_item_create(
    *, team, description: str, owner=None, due_on=None, ta_session=None, user
) -> ActionItem:
    """The team's coach or staff add an action item outside a TA session's form; its owner hears
    of it, as with items logged with a session."""
    if not can_review_team_work(user, team):
        raise ValidationError(NOT_A_COACH, code="not_a_coach")
    if owner is not None and owner.team_id != team.pk:
        raise ValidationError({"owner": ValidationError(OWNER_NOT_ON_TEAM, code="owner_not_on_team")})
    item = ActionItem(team=team, ta_session=ta_session, description=description, owner=owner, due_on=due_on)
    item.full_clean()
    item.save()
    log(item, "wagtail.create", user=user)
    _notify_owner(item, "coaching/emails/action_item_assigned")
    return item


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
def action_item_update(*, item: ActionItem, revision: int, user) -> ActionItem:
    """Save an edit of an item's description, owner or due date if nobody saved it since
    `revision`; its status and completion stay as stored. An open TA session form that lists the
    item is then out of date too, so its session's revision is raised."""
    if item.ta_session_id:
        TASession.objects.select_for_update().filter(pk=item.ta_session_id).update(
            revision=models.F("revision") + 1
        )
    stored = ActionItem.objects.select_for_update().get(pk=item.pk)
    if stored.revision != revision:
        raise ValidationError(STALE_ACTION_ITEM, code="stale_revision")
    _keep_state(item, stored)
    item.revision = stored.revision + 1
    item.team_id = stored.team_id
    item.full_clean()
    item.save()
    log(item, "wagtail.edit", user=user)
    return item


def _locked_item(item, user):
    locked = (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("team", "owner__user")
        .get(pk=item.pk)
    )
    if not can_review_team_work(user, locked.team):
        raise ValidationError(NOT_A_COACH, code="not_a_coach")
    return locked


def _notify_owner(item, template):
    if item.owner_id:
        notify(
            user=item.owner.user,
            kind=NotificationKind.ACTION_ITEM,
            template=template,
            context={"item": item, "team": item.team},
            link=("coaching:team_coaching", [item.team_id]),
        )


@transaction.atomic
def action_item_reopen(*, item: ActionItem, user) -> ActionItem:
    """The team's coach or staff open a done or dropped item again; its completion is cleared and
    its owner told."""
    locked = _locked_item(item, user)
    if locked.status == ActionItemStatus.OPEN:
        raise ValidationError(NOT_CLOSED, code="not_closed")
    previous = locked.status
    locked.status = ActionItemStatus.OPEN
    locked.completed_by = None
    locked.completed_at = None
    locked.full_clean()
    locked.save(update_fields=["status", "completed_by", "completed_at"])
    log(locked, "ruta.action_item.reopened", user=user, data={"previous": previous})
    _notify_owner(locked, "coaching/emails/action_item_reopened")
    item.refresh_from_db()
    return locked


@transaction.atomic
def action_item_drop(*, item: ActionItem, user) -> ActionItem:
    """The team's coach or staff drop an open item: it is no longer expected, nor reminded of."""
    locked = _locked_item(item, user)
    if locked.status != ActionItemStatus.OPEN:
        raise ValidationError(ALREADY_CLOSED, code="already_closed")
    locked.status = ActionItemStatus.DROPPED
    locked.full_clean()
    locked.save(update_fields=["status"])
    log(locked, "ruta.action_item.dropped", user=user)
    _notify_owner(locked, "coaching/emails/action_item_dropped")
    item.refresh_from_db()
    return locked


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


# What the coach did about a team's momentum (coaching.momentum)

NOT_A_COACH = _("Only the team's coaches and program staff can note what was done about its momentum.")
EMPTY_NOTE = _("Write what you did first.")
NOTE_WEEK_OUTSIDE_RUN = _("Choose a week of the team's program.")
STALE_MOMENTUM_NOTE = _(
    "Someone else saved this note after you opened it, so your changes were not saved and nothing "
    "was overwritten. What you typed is still in the form, and the note saved now is shown above "
    "it: merge the two and save again."
)
#: The largest revision a form may carry (the column is a positive 32-bit integer).
REVISION_MAX = 2**31 - 1


def momentum_note_save(*, team, week: int, body: str, revision: int, user) -> MomentumNote:
    """Write (revision 0) or edit the coach's note on the team's program `week`.

    Refused, with nothing written, when `user` does not coach the team (nor is staff), when the
    note is empty, and when someone saved the note since `revision` (code ``stale_revision``).
    """
    if not can_review_team_work(user, team):
        raise ValidationError(NOT_A_COACH, code="not_a_coach")
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": ValidationError(EMPTY_NOTE, code="empty")})
    if not isinstance(week, int) or not 1 <= week <= team.cohort.program.duration_weeks:
        raise ValidationError(NOTE_WEEK_OUTSIDE_RUN, code="week_outside_run")
    if isinstance(revision, bool) or not isinstance(revision, int) or not 0 <= revision <= REVISION_MAX:
        raise ValidationError(STALE_MOMENTUM_NOTE, code="stale_revision")
    try:
        with transaction.atomic():
            note = MomentumNote.objects.select_for_update().filter(team=team, week=week).first()
            if note is None:
                if revision != 0:
                    raise ValidationError(STALE_MOMENTUM_NOTE, code="stale_revision")
                note = MomentumNote(team=team, week=week, revision=1)
            elif note.revision != revision:
                raise ValidationError(STALE_MOMENTUM_NOTE, code="stale_revision")
            else:
                note.revision += 1
            note.body = body
            note.author = user
            note.full_clean()
            note.save()
            log(note, "ruta.momentum_note.saved", user=user)
    except IntegrityError:
        raise ValidationError(STALE_MOMENTUM_NOTE, code="stale_revision") from None
    return note
