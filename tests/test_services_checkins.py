"""The weekly check-in service: one per team per program week, none in breaks, no silent overwrite."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.demo import factories as f
from coaching import services as coaching_services
from coaching.models import MomentumNote
from cohorts.checkins import services
from cohorts.checkins.models import CheckIn, CheckInRating, PoliticalSupport

pytestmark = pytest.mark.django_db

WEEK_3 = datetime.date(2027, 2, 17)  # Wednesday of week 3 of the factories' cohort (from Feb 1)


def record(team, user, revision=0, today=WEEK_3, **overrides):
    values = {
        "rating": CheckInRating.HARD_GOING,
        "political_support": PoliticalSupport.WEAKENING,
        "blockers": "  Legal has not signed off the data release.  ",
    }
    values.update(overrides)
    return services.checkin_record(team=team, user=user, revision=revision, today=today, **values)


def test_checkin_record_creates_this_weeks_check_in(team, member_a):
    checkin = record(team, member_a)
    assert (checkin.week, checkin.rating, checkin.political_support) == (3, 2, "weakening")
    assert checkin.blockers == "Legal has not signed off the data release."
    assert (checkin.updated_by, checkin.revision) == (member_a, 1)


def test_a_teammate_updates_the_same_weeks_check_in(team, member_a):
    teammate = f.MembershipFactory(team=team).user
    first = record(team, member_a)
    second = record(team, teammate, revision=first.revision, rating=CheckInRating.OKAY)
    assert CheckIn.objects.filter(team=team).count() == 1
    assert (second.pk, second.rating, second.updated_by, second.revision) == (first.pk, 3, teammate, 2)


def test_a_save_on_an_older_revision_is_refused_and_changes_nothing(team, member_a):
    teammate = f.MembershipFactory(team=team).user
    record(team, member_a)
    with pytest.raises(ValidationError) as error:
        record(team, teammate, revision=0, rating=CheckInRating.GREAT)  # opened before the first save
    assert error.value.code == "stale_revision"
    assert error.value.messages == [str(services.STALE_CHECKIN)]
    assert CheckIn.objects.get(team=team).rating == CheckInRating.HARD_GOING


def test_next_week_is_a_new_check_in(team, member_a):
    record(team, member_a)
    record(team, member_a, today=WEEK_3 + datetime.timedelta(weeks=1))
    assert list(CheckIn.objects.filter(team=team).values_list("week", flat=True)) == [4, 3]


def test_no_check_in_in_a_break_week(team, member_a):
    f.CohortBreakFactory(cohort=team.cohort, starts_on=datetime.date(2027, 2, 15), weeks=1)
    team.cohort.forget_calendar()
    with pytest.raises(ValidationError) as error:
        record(team, member_a)
    assert error.value.messages == [str(services.BREAK_WEEK)]
    assert services.checkin_week(team=team, today=WEEK_3) is None


def test_no_check_in_before_or_after_the_run(team, member_a):
    for day in (datetime.date(2027, 1, 20), datetime.date(2027, 6, 1)):
        with pytest.raises(ValidationError) as error:
            record(team, member_a, today=day)
        assert error.value.messages == [str(services.NOT_RUNNING)]


def test_only_members_check_in(team, coach, member_b, staff_user):
    for outsider in (coach, member_b, staff_user):
        with pytest.raises(ValidationError) as error:
            record(team, outsider)
        assert error.value.messages == [str(services.NOT_A_MEMBER)]
    assert not CheckIn.objects.exists()


def test_a_rating_off_the_scale_is_refused(team, member_a):
    with pytest.raises(ValidationError):
        record(team, member_a, rating=9)
    with pytest.raises(ValidationError):
        record(team, member_a, political_support="fine")
    assert not CheckIn.objects.exists()


# The coach's note on a week


def test_momentum_note_save_writes_then_edits_the_weeks_note(team, coach):
    note = coaching_services.momentum_note_save(
        team=team, week=3, body=" Called the sponsor. ", revision=0, user=coach
    )
    assert (note.body, note.author, note.revision) == ("Called the sponsor.", coach, 1)
    edited = coaching_services.momentum_note_save(
        team=team, week=3, body="Called the sponsor; meeting Friday.", revision=1, user=coach
    )
    assert (edited.pk, edited.revision) == (note.pk, 2)


def test_momentum_note_save_refuses_a_stale_edit(team, coach, staff_user):
    coaching_services.momentum_note_save(
        team=team, week=3, body="Called the sponsor.", revision=0, user=coach
    )
    with pytest.raises(ValidationError) as error:
        coaching_services.momentum_note_save(team=team, week=3, body="Mine", revision=0, user=staff_user)
    assert error.value.code == "stale_revision"
    assert MomentumNote.objects.get().body == "Called the sponsor."


def test_momentum_note_save_is_for_the_teams_coaches_and_staff_only(team, coach_none, member_a, staff_user):
    for outsider in (coach_none, member_a):
        with pytest.raises(ValidationError) as error:
            coaching_services.momentum_note_save(team=team, week=3, body="x", revision=0, user=outsider)
        assert error.value.messages == [str(coaching_services.NOT_A_COACH)]
    coaching_services.momentum_note_save(team=team, week=3, body="Staff called.", revision=0, user=staff_user)


def test_momentum_note_save_refuses_an_empty_note_or_a_week_outside_the_program(team, coach):
    with pytest.raises(ValidationError) as error:
        coaching_services.momentum_note_save(team=team, week=3, body="   ", revision=0, user=coach)
    assert error.value.message_dict == {"body": [str(coaching_services.EMPTY_NOTE)]}
    with pytest.raises(ValidationError) as error:
        coaching_services.momentum_note_save(team=team, week=13, body="x", revision=0, user=coach)
    assert error.value.messages == [str(coaching_services.NOTE_WEEK_OUTSIDE_RUN)]
    assert not MomentumNote.objects.exists()
