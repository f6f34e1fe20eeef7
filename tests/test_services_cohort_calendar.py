"""Changing a cohort's break weeks (cohort_calendar_change): what comes after moves, keeping its
local time, its revision rises, members are told once; and what follows the calendar elsewhere:
reminders, TA cadence, the calendar feed."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from icalendar import Calendar

from cms.demo import factories as f
from coaching.selectors import is_ta_overdue, team_ta_statuses
from cohorts.models import Cohort
from cohorts.schedule import calendar as ics
from cohorts.schedule.models import CohortBreak, Session, SessionStatus
from cohorts.schedule.services import cohort_calendar_change, cohort_generate_sessions
from cohorts.schedule.weeks import BREAK_OVERLAPS, Break, CohortCalendar
from notifications.models import Notification, NotificationKind, ReminderSent
from notifications.reminders import reminders_send
from sprints.models import SessionKind, Weekday

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
D = datetime.date
START = D(2027, 2, 1)  # a Monday; sessions on Tuesdays at 11:00 in New York


@pytest.fixture
def cohort():
    program = f.ProgramFactory(duration_weeks=12)
    for week in (1, 5, 8, 12):
        f.SessionPlanFactory(program=program, week=week, kind=SessionKind.MASTERCLASS, title=f"Week {week}")
    cohort = f.CohortFactory(
        program=program,
        weekday=Weekday.TUESDAY,
        local_time=datetime.time(11, 0),
        time_zone="America/New_York",
        start_date=START,
    )
    cohort_generate_sessions(cohort=cohort)
    return cohort


@pytest.fixture
def members(cohort):
    team = f.TeamFactory(cohort=cohort)
    english = f.MembershipFactory(team=team).user
    spanish = f.MembershipFactory(
        team=team, user=f.UserFactory(preferred_language="es", time_zone="Europe/Madrid")
    ).user
    other_team = f.TeamFactory(cohort=cohort)
    f.MembershipFactory(team=other_team, user=english)  # on two teams of the cohort: told once
    return english, spanish


def session(cohort, week):
    return Session.objects.get(cohort=cohort, week=week)


def local(session_):
    return session_.starts_at.astimezone(session_.cohort.zone)


def add_break(cohort, starts_on, weeks, **kwargs):
    """What the admin form does: the break added to the cohort in memory, then the service."""
    cohort = Cohort.objects.get(pk=cohort.pk)
    cohort.breaks.add(CohortBreak(starts_on=starts_on, weeks=weeks, **kwargs))
    return cohort_calendar_change(cohort=cohort)


def test_adding_a_break_moves_the_sessions_after_it_only(cohort, members):
    change = add_break(cohort, D(2027, 3, 1), 2, reason="Spring holidays")

    assert local(session(cohort, 1)).date() == D(2027, 2, 2)
    assert session(cohort, 1).sequence == 0
    assert [local(session(cohort, week)).date() for week in (5, 8, 12)] == [
        D(2027, 3, 16),
        D(2027, 4, 6),
        D(2027, 5, 4),
    ]
    assert {session(cohort, week).sequence for week in (5, 8, 12)} == {1}
    assert {local(s).time() for s in Session.objects.all()} == {datetime.time(11, 0)}
    assert sorted(s.week for s in change.moved) == [5, 8, 12]
    assert change.left_alone == []
    assert Cohort.objects.get(pk=cohort.pk).end_date == D(2027, 5, 9)


def test_moving_a_break_later_moves_only_the_sessions_between_its_old_and_new_place(cohort, members):
    add_break(cohort, D(2027, 3, 1), 1)  # after week 4
    before = {week: session(cohort, week).starts_at for week in (1, 5, 8, 12)}
    edited = Cohort.objects.get(pk=cohort.pk)
    brk = edited.breaks.get()
    brk.starts_on = D(2027, 4, 5)  # after week 9 now
    edited.breaks.add(brk)

    change = cohort_calendar_change(cohort=edited)

    assert sorted(s.week for s in change.moved) == [5, 8]
    assert session(cohort, 5).starts_at == before[5] - datetime.timedelta(weeks=1)
    assert session(cohort, 8).starts_at == before[8] - datetime.timedelta(weeks=1)
    assert session(cohort, 1).starts_at == before[1]
    assert session(cohort, 12).starts_at == before[12]
    assert (session(cohort, 5).sequence, session(cohort, 12).sequence) == (2, 1)


def test_members_are_told_once_in_their_language_and_time_zone(cohort, members):
    english, spanish = members
    add_break(cohort, D(2027, 3, 1), 2, reason="Spring holidays", reason_es="Vacaciones de primavera")

    notifications = Notification.objects.filter(kind=NotificationKind.SESSION_REMINDER)
    assert sorted(n.user_id for n in notifications) == sorted([english.pk, spanish.pk])
    assert len(mail.outbox) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    spanish_mail = by_address[spanish.email]
    assert "Vacaciones de primavera" in spanish_mail.body
    assert "Europe/Madrid" in spanish_mail.body
    assert "17:00" in spanish_mail.body  # 11:00 in New York on 16 March 2027 is 17:00 in Madrid (CET)
    assert "marzo" in spanish_mail.body
    assert "Spring holidays" in by_address[english.email].body


def test_a_change_that_moves_nothing_tells_nobody(cohort, members):
    change = cohort_calendar_change(cohort=Cohort.objects.get(pk=cohort.pk))
    assert (change.moved, change.notified) == ([], 0)
    assert not Notification.objects.exists()


def test_sessions_staff_moved_cancelled_or_added_by_hand_keep_their_dates(cohort, members):
    moved_by_hand = session(cohort, 8)
    moved_by_hand.starts_at = datetime.datetime(2027, 4, 1, 15, 0, tzinfo=UTC)  # into week 9
    moved_by_hand.save()
    cancelled = session(cohort, 12)
    cancelled.status = SessionStatus.CANCELLED
    cancelled.save()
    retimed = session(cohort, 5)
    retimed.starts_at = datetime.datetime(2027, 3, 4, 19, 0, tzinfo=UTC)  # Thursday 14:00, same week
    retimed.save()
    extra = f.SessionFactory(cohort=cohort, week=6, title="Extra office hours")

    change = add_break(cohort, D(2027, 3, 1), 1)

    assert sorted(s.pk for s in change.left_alone) == sorted([moved_by_hand.pk, cancelled.pk, extra.pk])
    assert [s.pk for s in change.moved] == [retimed.pk]
    retimed.refresh_from_db()
    assert local(retimed).replace(tzinfo=None) == datetime.datetime(2027, 3, 11, 14, 0)
    for kept in (moved_by_hand, cancelled, extra):
        before = kept.starts_at
        kept.refresh_from_db()
        assert kept.starts_at == before


def test_overlapping_breaks_are_refused_and_nothing_changes(cohort):
    edited = Cohort.objects.get(pk=cohort.pk)
    edited.breaks.add(
        CohortBreak(starts_on=D(2027, 3, 1), weeks=3), CohortBreak(starts_on=D(2027, 3, 8), weeks=1)
    )
    with pytest.raises(ValidationError) as raised:
        cohort_calendar_change(cohort=edited)
    assert raised.value.message_dict["starts_on"] == [str(BREAK_OVERLAPS) % {"date": "March 1, 2027"}]
    assert not CohortBreak.objects.exists()
    assert session(cohort, 5).sequence == 0


# Daylight-saving time


@pytest.fixture
def autumn_cohort():
    """New York, Tuesdays 11:00, from 4 Oct 2027: clocks go back on Sunday 7 Nov 2027."""
    program = f.ProgramFactory(duration_weeks=8)
    for week in range(1, 9):
        f.SessionPlanFactory(program=program, week=week, title=f"Week {week}")
    cohort = f.CohortFactory(
        program=program,
        weekday=Weekday.TUESDAY,
        local_time=datetime.time(11, 0),
        time_zone="America/New_York",
        start_date=D(2027, 10, 4),
    )
    cohort_generate_sessions(cohort=cohort)
    return cohort


def test_sessions_keep_11_local_across_the_november_change_and_a_break(autumn_cohort):
    cohort = autumn_cohort
    assert session(cohort, 5).starts_at == datetime.datetime(2027, 11, 2, 15, 0, tzinfo=UTC)  # EDT
    assert session(cohort, 6).starts_at == datetime.datetime(2027, 11, 9, 16, 0, tzinfo=UTC)  # EST

    add_break(cohort, D(2027, 10, 18), 2)  # after week 2: weeks 3 and 4 cross the change

    assert session(cohort, 3).starts_at == datetime.datetime(2027, 11, 2, 15, 0, tzinfo=UTC)  # still EDT
    assert session(cohort, 4).starts_at == datetime.datetime(2027, 11, 9, 16, 0, tzinfo=UTC)  # now EST
    assert {local(s).time() for s in Session.objects.filter(cohort=cohort)} == {datetime.time(11, 0)}


def test_generating_sessions_after_a_break_puts_them_in_program_weeks(db):
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(program=program, week=5, title="After the break")
    cohort = f.CohortFactory(program=program, weekday=Weekday.TUESDAY, start_date=START)
    f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=2)
    (generated,) = cohort_generate_sessions(cohort=Cohort.objects.get(pk=cohort.pk))
    assert local(generated).date() == D(2027, 3, 16)


# Reminders, TA cadence and the calendar feed during breaks


def test_an_assignment_due_after_a_break_is_not_overdue_during_it(cohort):
    cohort.sessions.all().delete()  # only the assignment's reminders
    team = f.TeamFactory(cohort=cohort)
    f.MembershipFactory(team=team)
    f.AssignmentTemplateFactory(program=cohort.program, due_week=5)
    f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=2)
    # Without the break, week 5 ended on 7 March; with it, it ends on 21 March.
    with time_machine.travel(datetime.datetime(2027, 3, 10, 17, 0, tzinfo=UTC), tick=False):
        assert reminders_send() == 0
    with time_machine.travel(datetime.datetime(2027, 3, 19, 17, 0, tzinfo=UTC), tick=False):
        assert reminders_send() == 1
    with time_machine.travel(datetime.datetime(2027, 3, 22, 17, 0, tzinfo=UTC), tick=False):
        assert reminders_send() == 1
    assert sorted(ReminderSent.objects.values_list("kind", flat=True)) == ["due_soon", "overdue"]


def ta_overdue(last, today, breaks=(), cadence=7):
    calendar = CohortCalendar(start=START, weeks=12, breaks=breaks)
    return is_ta_overdue(
        last_session_on=last,
        cohort_start=START,
        cadence_days=cadence,
        today=today,
        cohort_end=calendar.end_date,
        calendar=calendar,
    )


def test_ta_is_not_overdue_during_a_break_and_the_clock_resumes_after_it():
    two_weeks = [Break(D(2027, 3, 1), 2)]
    last = D(2027, 2, 25)  # the Thursday before the break
    assert ta_overdue(last, D(2027, 3, 5)) is True  # without the break: 8 days
    assert ta_overdue(last, D(2027, 3, 12), two_weeks) is False  # in the break
    assert ta_overdue(last, D(2027, 3, 18), two_weeks) is False  # 21 days, 14 of them a break
    assert ta_overdue(last, D(2027, 3, 19), two_weeks) is True  # 8 days of program


def test_the_coach_dashboard_sees_the_break(cohort):
    team = f.TeamFactory(cohort=cohort)
    f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=2)
    f.TASessionFactory(team=team, starts_at=datetime.datetime(2027, 2, 25, 16, 0, tzinfo=UTC))
    (status,) = team_ta_statuses(type(team).objects.filter(pk=team.pk), today=D(2027, 3, 12))
    assert (status.overdue, status.on_break) == (False, True)
    (status,) = team_ta_statuses(type(team).objects.filter(pk=team.pk), today=D(2027, 3, 19))
    assert (status.overdue, status.on_break) == (True, False)


def test_the_calendar_feed_shows_breaks_and_due_dates_after_them(cohort):
    member = f.MembershipFactory(team=f.TeamFactory(cohort=cohort))
    f.AssignmentTemplateFactory(program=cohort.program, due_week=5, title="Journey map")
    f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=2, reason="Spring holidays")
    events = Calendar.from_ical(ics.user_calendar(member.user)).walk("VEVENT")
    by_summary = {str(event["SUMMARY"]): event for event in events}
    brk = next(event for summary, event in by_summary.items() if summary.startswith("Break: Spring holidays"))
    assert (brk.decoded("DTSTART"), brk.decoded("DTEND")) == (D(2027, 3, 1), D(2027, 3, 15))
    due = next(event for summary, event in by_summary.items() if summary.startswith("Journey map"))
    assert due.decoded("DTSTART") == D(2027, 3, 21)
