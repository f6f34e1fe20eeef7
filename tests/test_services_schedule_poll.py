"""A cohort's day and time agreed with the participants (issue #14): the model's rule, opening the
poll, members' answers, the tally, and confirming one slot."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.models import LOCAL_TIME_REQUIRED, SCHEDULE_SET_WHILE_TO_BE_AGREED, WEEKDAY_REQUIRED, Cohort
from cohorts.schedule import selectors
from cohorts.schedule.models import PollState, ScheduleAnswer, ScheduleVote, Session
from cohorts.schedule.services import (
    ANSWER_FOR_EVERY_SLOT,
    NOT_A_MEMBER,
    POLL_ALREADY_OPEN,
    POLL_HAS_NO_SLOTS,
    POLL_IS_CLOSED,
    POLL_NOT_OPEN,
    SCHEDULE_ALREADY_CONFIRMED,
    SCHEDULE_NOT_CONFIRMED,
    SLOT_OF_ANOTHER_COHORT,
    cohort_generate_sessions,
    cohort_schedule_confirm,
    schedule_poll_open,
    schedule_vote_record,
)
from notifications.models import Notification, NotificationKind
from sprints.models import SessionKind, Weekday

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
YES, IF_NEEDED, NO = ScheduleAnswer.YES, ScheduleAnswer.IF_NEEDED, ScheduleAnswer.NO


@pytest.fixture
def cohort():
    """The Spanish sprint's shape: weekly, day and time chosen by the participants, in Madrid."""
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(program=program, week=1, kind=SessionKind.MASTERCLASS, title="Kick-off")
    f.SessionPlanFactory(program=program, week=12, kind=SessionKind.SHOWTIME, title="Showtime")
    return f.ToBeAgreedCohortFactory(
        program=program, name="Primavera", time_zone="Europe/Madrid", start_date=datetime.date(2027, 4, 19)
    )


@pytest.fixture
def poll(cohort):
    return f.SchedulePollFactory(cohort=cohort)


@pytest.fixture
def slots(poll):
    return [
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.WEDNESDAY, local_time=datetime.time(10, 0)),
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.THURSDAY, local_time=datetime.time(16, 0)),
    ]


@pytest.fixture
def teams(cohort):
    return [f.TeamFactory(cohort=cohort, name="Sevilla"), f.TeamFactory(cohort=cohort, name="Bogotá")]


@pytest.fixture
def memberships(teams):
    return [
        f.MembershipFactory(team=teams[0], user__preferred_language="es", user__time_zone="Europe/Madrid"),
        f.MembershipFactory(team=teams[0], user__preferred_language="en", user__time_zone="America/Bogota"),
        f.MembershipFactory(team=teams[1], user__preferred_language="es", user__time_zone="America/Bogota"),
    ]


@pytest.fixture
def staff():
    return f.StaffUserFactory()


def opened(poll, staff):
    return schedule_poll_open(poll=poll, by=staff)


def messages_of(error):
    return error.value.messages


# The cohort's rule: a weekday and time, or "to be agreed" and both empty


def test_a_cohort_to_be_agreed_has_no_weekday_or_time(cohort):
    cohort.full_clean()
    assert cohort.schedule_to_be_agreed and cohort.weekday is None and cohort.local_time is None
    assert not cohort.schedule_is_agreed


def test_a_cohort_without_weekday_or_time_must_be_to_be_agreed(cohort):
    cohort.schedule_to_be_agreed = False
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert error.value.message_dict["weekday"] == [str(WEEKDAY_REQUIRED)]
    assert error.value.message_dict["local_time"] == [str(LOCAL_TIME_REQUIRED)]


def test_a_cohort_to_be_agreed_refuses_a_weekday_and_time():
    cohort = f.CohortFactory.build(program=f.ProgramFactory(), schedule_to_be_agreed=True)
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert error.value.message_dict["weekday"] == [str(SCHEDULE_SET_WHILE_TO_BE_AGREED)]
    assert error.value.message_dict["local_time"] == [str(SCHEDULE_SET_WHILE_TO_BE_AGREED)]


@pytest.mark.parametrize(
    ("to_be_agreed", "weekday", "local_time"),
    [(False, None, None), (False, Weekday.TUESDAY, None), (True, Weekday.TUESDAY, datetime.time(11, 0))],
    ids=["set-without-day", "set-without-time", "to-be-agreed-with-day"],
)
def test_the_database_refuses_a_schedule_neither_set_nor_to_be_agreed(
    cohort, to_be_agreed, weekday, local_time
):
    with pytest.raises(IntegrityError, match="cohort_schedule_set_unless_to_be_agreed"), transaction.atomic():
        Cohort.objects.filter(pk=cohort.pk).update(
            schedule_to_be_agreed=to_be_agreed, weekday=weekday, local_time=local_time
        )


def test_generating_sessions_is_refused_until_the_schedule_is_confirmed(cohort):
    with pytest.raises(ValidationError) as error:
        cohort_generate_sessions(cohort=cohort)
    assert messages_of(error) == [str(SCHEDULE_NOT_CONFIRMED)]
    assert str(SCHEDULE_NOT_CONFIRMED).startswith("Confirm the schedule first")
    assert not Session.objects.exists()


# Opening the poll tells the members, once, in their language


def test_opening_the_poll_tells_each_member_of_the_cohorts_teams_once_in_their_language(
    poll, slots, memberships, staff, mailoutbox
):
    archived = f.MembershipFactory(
        team=f.TeamFactory(cohort=poll.cohort, archived_at=datetime.datetime.now(UTC))
    )
    f.MembershipFactory(team=memberships[2].team, user=memberships[0].user)  # on two teams: told once
    opened(poll, staff)

    poll.refresh_from_db()
    assert poll.state == PollState.OPEN
    told = Notification.objects.filter(kind=NotificationKind.ANNOUNCEMENT)
    assert sorted(told.values_list("user_id", flat=True)) == sorted(m.user_id for m in memberships)
    assert not told.filter(user=archived.user).exists()
    spanish = next(m for m in mailoutbox if m.to == [memberships[0].user.email])
    assert "¿cuándo" in spanish.subject.lower()
    english = next(m for m in mailoutbox if m.to == [memberships[1].user.email])
    assert "when should the sessions take place" in english.subject
    # Bogotá is seven hours behind Madrid in April: Wednesday 10:00 there is 03:00 here.
    assert "Wednesday, 03:00 (America/Bogota)" in english.body
    assert ModelLogEntry.objects.filter(action="ruta.schedule_poll.opened").count() == 1


def test_opening_the_poll_twice_is_refused(poll, slots, staff):
    opened(poll, staff)
    with pytest.raises(ValidationError) as error:
        opened(poll, staff)
    assert messages_of(error) == [str(POLL_ALREADY_OPEN)]


def test_opening_a_poll_without_slots_is_refused(poll, staff):
    with pytest.raises(ValidationError) as error:
        opened(poll, staff)
    assert messages_of(error) == [str(POLL_HAS_NO_SLOTS)]


# Members' answers


def test_a_member_answers_every_slot_and_changes_the_answers_while_the_poll_is_open(
    poll, slots, memberships, staff
):
    opened(poll, staff)
    membership = memberships[0]
    schedule_vote_record(membership=membership, answers={slots[0].pk: YES, slots[1].pk: NO})
    schedule_vote_record(membership=membership, answers={slots[0].pk: IF_NEEDED, slots[1].pk: YES})

    assert selectors.member_answers(poll, membership) == {slots[0].pk: IF_NEEDED, slots[1].pk: YES}
    assert ScheduleVote.objects.count() == 2


def test_answering_is_refused_before_the_poll_opens(poll, slots, memberships):
    with pytest.raises(ValidationError) as error:
        schedule_vote_record(membership=memberships[0], answers={slots[0].pk: YES, slots[1].pk: YES})
    assert messages_of(error) == [str(POLL_NOT_OPEN)]


def test_answering_is_refused_once_the_poll_closes(poll, slots, memberships, staff):
    opened(poll, staff)
    cohort_schedule_confirm(cohort=poll.cohort, slot=slots[0], by=staff)
    with pytest.raises(ValidationError) as error:
        schedule_vote_record(membership=memberships[0], answers={slots[0].pk: NO, slots[1].pk: YES})
    assert messages_of(error) == [str(POLL_IS_CLOSED)]


def test_answering_a_slot_of_another_cohorts_poll_is_refused(poll, slots, memberships, staff):
    opened(poll, staff)
    other = f.ScheduleSlotFactory()
    with pytest.raises(ValidationError) as error:
        schedule_vote_record(membership=memberships[0], answers={slots[0].pk: YES, other.pk: YES})
    assert messages_of(error) == [str(SLOT_OF_ANOTHER_COHORT)]


def test_a_member_answers_for_every_slot(poll, slots, memberships, staff):
    opened(poll, staff)
    with pytest.raises(ValidationError) as error:
        schedule_vote_record(membership=memberships[0], answers={slots[0].pk: YES})
    assert messages_of(error) == [str(ANSWER_FOR_EVERY_SLOT)]


def test_a_member_of_an_archived_team_cannot_answer(poll, slots, memberships, staff):
    opened(poll, staff)
    team = memberships[0].team
    team.archived_at = datetime.datetime.now(UTC)
    team.save()
    with pytest.raises(ValidationError) as error:
        schedule_vote_record(membership=memberships[0], answers={slots[0].pk: YES, slots[1].pk: YES})
    assert messages_of(error) == [str(NOT_A_MEMBER)]


# The tally


def test_the_tally_counts_each_answer_per_slot_and_who_has_answered(poll, slots, memberships, staff):
    opened(poll, staff)
    schedule_vote_record(membership=memberships[0], answers={slots[0].pk: YES, slots[1].pk: NO})
    schedule_vote_record(membership=memberships[1], answers={slots[0].pk: IF_NEEDED, slots[1].pk: YES})
    archived_team = f.TeamFactory(cohort=poll.cohort)
    gone = f.ScheduleVoteFactory(slot=slots[1], membership__team=archived_team, answer=YES)
    archived_team.archived_at = datetime.datetime.now(UTC)
    archived_team.save()
    assert gone.pk

    tally = selectors.poll_tally(selectors.cohort_poll(poll.cohort))

    counts = [(row.yes, row.if_needed, row.no, row.not_answered) for row in tally.slots]
    assert counts == [(1, 1, 0, 1), (1, 0, 1, 1)]
    assert [row.is_best for row in tally.slots] == [True, False]
    assert (tally.answered_member_count, tally.member_count) == (2, 3)
    assert (tally.answered_team_count, tally.team_count) == (1, 2)
    assert tally.waiting == [memberships[2]]


def test_the_tally_shows_a_coach_the_answers_of_their_teams_only(poll, slots, memberships, staff):
    opened(poll, staff)
    schedule_vote_record(membership=memberships[2], answers={slots[0].pk: YES, slots[1].pk: YES})
    visible = type(memberships[0].team).objects.filter(pk=memberships[0].team_id)

    tally = selectors.poll_tally(selectors.cohort_poll(poll.cohort), visible_teams=visible)

    assert [row.membership for row in tally.rows] == memberships[:2]
    assert [row.yes for row in tally.slots] == [1, 1]  # the counts cover the whole cohort


# Confirming a slot


def test_confirming_a_slot_sets_the_schedule_closes_the_poll_generates_sessions_and_tells_everyone(
    poll, slots, memberships, staff, mailoutbox
):
    opened(poll, staff)
    mailoutbox.clear()
    Notification.objects.all().delete()

    sessions = cohort_schedule_confirm(cohort=poll.cohort, slot=slots[0], by=staff)

    cohort = Cohort.objects.get(pk=poll.cohort_id)
    assert (cohort.schedule_to_be_agreed, cohort.weekday, cohort.local_time) == (
        False,
        Weekday.WEDNESDAY,
        datetime.time(10, 0),
    )
    poll.refresh_from_db()
    assert (poll.state, poll.confirmed_slot, poll.confirmed_by) == (PollState.CLOSED, slots[0], staff)
    # Wednesday 21 April 2027, 10:00 in Madrid (CEST) is 08:00 UTC.
    assert [s.starts_at.astimezone(UTC) for s in sessions] == [
        datetime.datetime(2027, 4, 21, 8, 0, tzinfo=UTC),
        datetime.datetime(2027, 7, 7, 8, 0, tzinfo=UTC),
    ]
    assert Notification.objects.count() == len(memberships)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.user.email for m in memberships)
    madrid = next(m for m in mailoutbox if m.to == [memberships[0].user.email])
    with translation.override("es"):
        assert "confirmad" in madrid.subject
    assert "miércoles a las 10:00 (Europe/Madrid)" in madrid.body
    bogota = next(m for m in mailoutbox if m.to == [memberships[1].user.email])
    assert "on Wednesday at 03:00 (America/Bogota)" in bogota.body
    assert ModelLogEntry.objects.filter(action="ruta.schedule.confirmed").count() == 1


def test_confirming_twice_is_refused_and_tells_nobody_again(poll, slots, memberships, staff):
    cohort_schedule_confirm(cohort=poll.cohort, slot=slots[0], by=staff)
    told = Notification.objects.count()
    with pytest.raises(ValidationError) as error:
        cohort_schedule_confirm(cohort=poll.cohort, slot=slots[1], by=staff)
    assert messages_of(error) == [str(SCHEDULE_ALREADY_CONFIRMED)]
    assert Notification.objects.count() == told
    assert Cohort.objects.get(pk=poll.cohort_id).weekday == Weekday.WEDNESDAY


def test_confirming_a_slot_of_another_cohort_is_refused(poll, slots, staff):
    other = f.ScheduleSlotFactory()
    with pytest.raises(ValidationError) as error:
        cohort_schedule_confirm(cohort=poll.cohort, slot=other, by=staff)
    assert messages_of(error) == [str(SLOT_OF_ANOTHER_COHORT)]
    assert Cohort.objects.get(pk=poll.cohort_id).schedule_to_be_agreed


def test_the_confirmed_schedule_follows_the_cohorts_break_weeks(poll, slots, staff):
    """The Spanish sprint's runs have breaks: the sessions after one come a week later."""
    f.CohortBreakFactory(cohort=poll.cohort, starts_on=datetime.date(2027, 5, 17), weeks=2)  # weeks 5-6

    sessions = cohort_schedule_confirm(cohort=Cohort.objects.get(pk=poll.cohort_id), slot=slots[0], by=staff)

    # Week 12 would fall on 7 July without breaks; two break weeks move it to 21 July.
    assert sessions[-1].starts_at.astimezone(UTC) == datetime.datetime(2027, 7, 21, 8, 0, tzinfo=UTC)
