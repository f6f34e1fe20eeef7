"""State changes of a cohort's schedule: its calendar (break weeks), generating its sessions,
staff changes to them, attendance, and the reset of a user's calendar feed. Each one is a single
function."""

import dataclasses
import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.log_actions import log

from cohorts.models import Cohort, Membership
from cohorts.schedule.models import (
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    PollState,
    ScheduleAnswer,
    SchedulePoll,
    ScheduleSlot,
    ScheduleVote,
    Session,
    SessionStatus,
)
from cohorts.schedule.weeks import Break, CohortCalendar, break_errors
from notifications.models import NotificationKind
from notifications.services import notify


def session_is_rescheduled(session: Session, previous: Session) -> bool:
    """Whether an edit moved the session, changed its length, or cancelled or restored it."""
    return (
        session.starts_at != previous.starts_at
        or session.minutes != previous.minutes
        or (session.status == SessionStatus.CANCELLED) != (previous.status == SessionStatus.CANCELLED)
    )


def session_apply_revision(*, session: Session, previous: Session) -> bool:
    """Raise the session's revision (not yet saved) when the edit rescheduled it."""
    if session_is_rescheduled(session, previous):
        session.sequence = previous.sequence + 1
        return True
    return False


@transaction.atomic
def session_update(*, session: Session) -> Session:
    """Save an edited session, raising its revision when it moved or was cancelled.

    Calendar entries carry the revision, so a moved or cancelled session replaces the old one.
    """
    previous = Session.objects.select_for_update().get(pk=session.pk)
    session_apply_revision(session=session, previous=previous)
    session.full_clean()
    session.save()
    return session


def translated_values(source, fields):
    """Copy every language's value of `fields` from a translated model instance."""
    return {
        build_localized_fieldname(field, code): getattr(source, build_localized_fieldname(field, code))
        for field in fields
        for code, _name in settings.LANGUAGES
    }


# The cohort's calendar


@dataclasses.dataclass
class CalendarChange:
    """What a change of a cohort's calendar did to its sessions."""

    moved: list  # sessions that follow the calendar, now on their new dates
    left_alone: list  # sessions whose week moved but staff dated by hand (or cancelled): unchanged
    notified: int = 0  # members told of the new dates


def cohort_calendar_errors(cohort: Cohort) -> dict:
    """{field: [errors]} of the cohort's breaks as they stand (edited in memory or saved)."""
    rows = [row for row in cohort.break_rows() if row.starts_on and row.weeks]
    if not (cohort.start_date and cohort.program_id) or not rows:
        return {}
    breaks = [Break(starts_on=row.starts_on, weeks=row.weeks) for row in rows]
    errors = break_errors(start=cohort.start_date, weeks=cohort.program.duration_weeks, breaks=breaks)
    found = {}
    for _index, field, error in errors:
        found.setdefault(field, []).append(error)
    return found


def _expected_week(session: Session, calendar: CohortCalendar, zone) -> bool:
    """Whether the session lies in the calendar week of its program week (as generated, perhaps
    at another time of day or on another day of that week), rather than moved to another week."""
    day = timezone.localtime(session.starts_at, zone).date()
    start = calendar.week_start(session.week)
    return start <= day <= start + datetime.timedelta(days=6)


@transaction.atomic
def cohort_calendar_change(*, cohort: Cohort, changed_by=None) -> CalendarChange:
    """Save the cohort with its break weeks (as edited on it) and move what follows a change.

    Each session generated from the curriculum follows its program week: when the week's dates
    move, the session moves by as many days, keeping its weekday and its local time of day in the
    cohort's time zone (so its UTC instant follows daylight-saving time), and its revision rises
    so subscribed calendars replace it. A session staff moved to another week, cancelled or added
    by hand keeps its date and is listed in `left_alone`. Every active member of the cohort's
    teams is told once, in their language and time zone, with the new dates.
    """
    previous = None
    if cohort.pk:
        previous = Cohort.objects.select_for_update().select_related("program").get(pk=cohort.pk)
    cohort.full_clean()
    if errors := cohort_calendar_errors(cohort):
        raise ValidationError(errors)
    before = previous.calendar if previous else None
    before_zone = previous.zone if previous else None
    cohort.save()
    change = CalendarChange(moved=[], left_alone=[])
    if before is None:
        return change
    after = cohort.calendar
    sessions = Session.objects.filter(cohort=cohort).order_by("starts_at", "pk")
    for session in sessions:
        delta = after.week_start(session.week) - before.week_start(session.week)
        if not delta:
            continue
        follows = (
            session.plan_id is not None
            and session.status == SessionStatus.SCHEDULED
            and _expected_week(session, before, before_zone)
        )
        if not follows:
            change.left_alone.append(session)
            continue
        local = timezone.localtime(session.starts_at, cohort.zone)
        session.starts_at = datetime.datetime.combine(local.date() + delta, local.time(), tzinfo=cohort.zone)
        session.sequence += 1
        session.cohort = cohort
        session.full_clean()
        session.save(update_fields=["starts_at", "sequence"])
        change.moved.append(session)
    if change.moved:
        change.notified = _tell_members_of_new_dates(cohort, change.moved)
    return change


def _tell_members_of_new_dates(cohort: Cohort, moved: list[Session]) -> int:
    rows = {row.pk: row for row in cohort.break_rows()}
    breaks = [rows[brk.key] for brk in cohort.calendar.effective_breaks if brk.key in rows]
    recipients = cohort_recipients(cohort)
    for membership in recipients:
        _notify_in_own_zone(
            membership,
            cohort=cohort,
            kind=NotificationKind.SESSION_REMINDER,
            template="cohorts/emails/schedule_changed",
            context={"sessions": moved, "breaks": breaks},
            link=("cohorts:team_schedule", [membership.team_id]),
        )
    return len(recipients)


SCHEDULE_NOT_CONFIRMED = _(
    "Confirm the schedule first: this cohort's day and time are still to be agreed with the participants."
)


@transaction.atomic
def cohort_generate_sessions(*, cohort: Cohort) -> list[Session]:
    """Schedule every curriculum session not yet scheduled for the cohort.

    Each session falls on the cohort's weekday in its program week, at the cohort's local
    time in the cohort's time zone; the UTC instant follows daylight-saving changes, so a
    11:00 session stays at 11:00 local time all season. Sessions already scheduled (and
    possibly moved or cancelled by staff) are left as they are. A cohort whose day and time are
    still to be agreed has no sessions yet: refused (SCHEDULE_NOT_CONFIRMED).
    """
    if cohort.schedule_to_be_agreed:
        raise ValidationError(SCHEDULE_NOT_CONFIRMED, code="schedule_not_confirmed")
    scheduled = set(cohort.sessions.exclude(plan=None).values_list("plan_id", flat=True))
    created = []
    for plan in cohort.program.session_plans.order_by("week", "id"):
        if plan.pk in scheduled:
            continue
        starts_at = datetime.datetime.combine(
            cohort.session_date(plan.week), cohort.local_time, tzinfo=cohort.zone
        )
        session = Session(
            cohort=cohort,
            plan=plan,
            week=plan.week,
            kind=plan.kind,
            starts_at=starts_at,
            minutes=plan.minutes,
            **translated_values(plan, ["title", "description"]),
        )
        session.full_clean()
        session.save()
        created.append(session)
    return created


CANCELLED_SESSION = _("Attendance cannot be taken for a cancelled session.")


NOT_IN_COHORT = _("Only members of the session's cohort can be marked.")


NOT_STARTED = _("This session has not started yet: attendance can be taken once it begins.")


UNKNOWN_STATUS = _("“%(status)s” is not an attendance status.")


@transaction.atomic
def attendance_record(*, session: Session, marks: dict[int, str], recorded_by) -> list[Attendance]:
    """Record each member's attendance at `session`: {membership pk: present | absent | excused}.

    Only a session that has started (and was not cancelled) takes attendance. Existing records
    are updated (and their recorder replaced); members left out of `marks` keep what they had.
    Every membership must belong to a team of the session's cohort. Each new or changed mark is
    logged in the record's history.
    """
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(CANCELLED_SESSION, code="cancelled_session")
    if not session.has_started():
        raise ValidationError(NOT_STARTED, code="not_started")
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


@transaction.atomic
def calendar_feed_reset(*, user) -> CalendarFeed:
    """Revoke the user's active feed (if any) and create a new one with a fresh token.

    The user's row is locked first, so resets of one user (several tabs, a double click) run one
    after the other: each revokes the feed the one before it created.
    """
    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)
    CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())
    feed = CalendarFeed(user=user, token=secrets.token_urlsafe(32))
    feed.full_clean()
    feed.save()
    return feed


# The schedule poll: a day and time agreed with the participants

POLL_ALREADY_OPEN = _("This poll is already open: the members were told when it opened.")
POLL_IS_CLOSED = _("This poll is closed: the day and time have been chosen.")
POLL_HAS_NO_SLOTS = _("Propose at least one slot before opening the poll.")
POLL_NOT_OPEN = _("This poll is not open for answers.")
SCHEDULE_ALREADY_CONFIRMED = _("This cohort's day and time are already set: there is nothing to confirm.")
SLOT_OF_ANOTHER_COHORT = _("This slot was proposed for another cohort.")
NOT_A_MEMBER = _("Only members of the cohort's teams answer its schedule poll.")
ANSWER_FOR_EVERY_SLOT = _("Answer for every slot of the poll.")
UNKNOWN_ANSWER = _("“%(answer)s” is not an answer to a slot.")


def cohort_recipients(cohort: Cohort) -> list[Membership]:
    """One membership per person on the cohort's teams (archived teams left out), each with its
    user and team loaded: whom a change to the cohort's schedule tells, once each."""
    seen, recipients = set(), []
    memberships = (
        Membership.objects.filter(team__cohort=cohort, team__archived_at=None, user__is_active=True)
        .select_related("user", "team")
        .order_by("team_id", "sort_order", "pk")
    )
    for membership in memberships:
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            recipients.append(membership)
    return recipients


def _notify_in_own_zone(membership, *, cohort, template, context, link, kind=NotificationKind.ANNOUNCEMENT):
    """notify() with the times rendered in the member's time zone (the cohort's when unset)."""
    user = membership.user
    zone = zoneinfo.ZoneInfo(user.time_zone) if user.time_zone else cohort.zone
    with timezone.override(zone):
        return notify(
            user=user,
            kind=kind,
            template=template,
            context={"cohort": cohort, "team": membership.team, "time_zone": str(zone), **context},
            link=link,
        )


@transaction.atomic
def schedule_poll_open(*, poll: SchedulePoll, by) -> SchedulePoll:
    """Open the poll for answers and tell every member of the cohort's teams, in their language.

    Members are told once, when staff open the poll (not when slots are saved), so staff may
    prepare the slots first; slots added later are simply there on the members' page.
    """
    poll = SchedulePoll.objects.select_for_update().select_related("cohort").get(pk=poll.pk)
    cohort = poll.cohort
    if poll.state == PollState.CLOSED or cohort.schedule_is_agreed:
        raise ValidationError(POLL_IS_CLOSED, code="poll_closed")
    if poll.state == PollState.OPEN:
        raise ValidationError(POLL_ALREADY_OPEN, code="poll_already_open")
    slots = list(poll.slots.all())
    if not slots:
        raise ValidationError(POLL_HAS_NO_SLOTS, code="poll_has_no_slots")
    poll.opened_at = timezone.now()
    poll.full_clean()
    poll.save(update_fields=["opened_at"])
    recipients = cohort_recipients(cohort)
    for membership in recipients:
        _notify_in_own_zone(
            membership,
            cohort=cohort,
            template="cohorts/emails/schedule_poll_opened",
            context={"slots": [(slot, slot.first_starts_at(cohort)) for slot in slots]},
            link=("cohorts:team_schedule_poll", [membership.team_id]),
        )
    log(poll, "ruta.schedule_poll.opened", user=by, data={"recipients": len(recipients)})
    return poll


@transaction.atomic
def schedule_vote_record(*, membership: Membership, answers: dict[int, str]) -> list[ScheduleVote]:
    """Record a member's answers, {slot pk: yes | if_needed | no}, for every slot of their cohort's
    open poll; earlier answers are replaced. Refused once the poll closes (or before it opens),
    for a member of an archived team, and for a slot of another poll."""
    membership = Membership.objects.select_related("team__cohort").get(pk=membership.pk)
    team = membership.team
    if team.archived_at is not None:
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")
    poll = (
        SchedulePoll.objects.select_for_update()
        .select_related("cohort")
        .filter(cohort_id=team.cohort_id)
        .first()
    )
    if poll is None or not poll.is_open:
        raise ValidationError(
            POLL_IS_CLOSED if poll and poll.closed_at else POLL_NOT_OPEN, code="poll_not_open"
        )
    for answer in answers.values():
        if answer not in ScheduleAnswer.values:
            raise ValidationError(UNKNOWN_ANSWER, code="unknown_answer", params={"answer": answer})
    slot_ids = set(poll.slots.values_list("pk", flat=True))
    if not set(answers) <= slot_ids:
        raise ValidationError(SLOT_OF_ANOTHER_COHORT, code="slot_of_another_cohort")
    if set(answers) != slot_ids:
        raise ValidationError(ANSWER_FOR_EVERY_SLOT, code="answer_for_every_slot")
    votes = []
    for slot_pk, answer in answers.items():
        vote, _created = ScheduleVote.objects.update_or_create(
            slot_id=slot_pk, membership=membership, defaults={"answer": answer}
        )
        votes.append(vote)
    return votes


@transaction.atomic
def cohort_schedule_confirm(*, cohort: Cohort, slot: ScheduleSlot, by) -> list[Session]:
    """Make `slot` the cohort's weekday and time: close the poll, generate the sessions and tell
    every member of the cohort's teams, in their language and time zone. The sessions made.

    Refused when the cohort's day and time are already set (a second confirmation) and for a
    slot of another cohort's poll.
    """
    cohort = Cohort.objects.select_for_update().select_related("program").get(pk=cohort.pk)
    slot = ScheduleSlot.objects.select_related("poll").get(pk=slot.pk)
    poll = SchedulePoll.objects.select_for_update().get(pk=slot.poll_id)
    if poll.cohort_id != cohort.pk:
        raise ValidationError(SLOT_OF_ANOTHER_COHORT, code="slot_of_another_cohort")
    if cohort.schedule_is_agreed or poll.closed_at:
        raise ValidationError(SCHEDULE_ALREADY_CONFIRMED, code="schedule_already_confirmed")
    cohort.schedule_to_be_agreed = False
    cohort.weekday = slot.weekday
    cohort.local_time = slot.local_time
    cohort.full_clean()
    cohort.save()
    now = timezone.now()
    poll.cohort = cohort
    poll.closed_at = now
    poll.confirmed_slot = slot
    poll.confirmed_by = by
    poll.full_clean()
    poll.save(update_fields=["closed_at", "confirmed_slot", "confirmed_by"])
    sessions = cohort_generate_sessions(cohort=cohort)
    first = min((session.starts_at for session in sessions), default=None)
    first = first or slot.first_starts_at(cohort)
    for membership in cohort_recipients(cohort):
        _notify_in_own_zone(
            membership,
            cohort=cohort,
            template="cohorts/emails/schedule_confirmed",
            context={"slot": slot, "first_starts_at": first},
            link=("cohorts:team_schedule", [membership.team_id]),
        )
    log(cohort, "ruta.schedule.confirmed", user=by, data={"slot": str(slot), "sessions": len(sessions)})
    return sessions
