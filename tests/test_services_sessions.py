import datetime

import pytest
from django.utils import translation

from cms.demo import factories as f
from cohorts.schedule.models import Session, SessionStatus
from cohorts.schedule.services import cohort_generate_sessions
from sprints.models import SessionKind, Weekday

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def cohort():
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(
        program=program, week=1, kind=SessionKind.MASTERCLASS, title="Kick-off", title_es="Inicio"
    )
    f.SessionPlanFactory(program=program, week=8, kind=SessionKind.WORKSHOP, title="Vendor journeys")
    f.SessionPlanFactory(program=program, week=12, kind=SessionKind.SHOWTIME, title="Showtime", minutes=90)
    return f.CohortFactory(
        program=program,
        weekday=Weekday.TUESDAY,
        local_time=datetime.time(11, 0),
        time_zone="America/New_York",
        start_date=datetime.date(2027, 2, 1),
    )


def test_sessions_fall_on_the_cohort_weekday_at_local_time_across_daylight_saving(cohort):
    sessions = cohort_generate_sessions(cohort=cohort)

    assert [s.starts_at.astimezone(UTC) for s in sessions] == [
        datetime.datetime(2027, 2, 2, 16, 0, tzinfo=UTC),  # 11:00 EST
        datetime.datetime(2027, 3, 23, 15, 0, tzinfo=UTC),  # 11:00 EDT, after the March change
        datetime.datetime(2027, 4, 20, 15, 0, tzinfo=UTC),
    ]
    assert {s.starts_at.astimezone(cohort.zone).time() for s in sessions} == {datetime.time(11, 0)}


def test_generated_sessions_copy_the_curriculum_in_every_language(cohort):
    first = cohort_generate_sessions(cohort=cohort)[0]
    assert (first.week, first.kind, first.minutes) == (1, SessionKind.MASTERCLASS, 60)
    with translation.override("es"):
        assert first.title == "Inicio"
    last = Session.objects.get(week=12)
    assert (last.kind, last.minutes, last.title) == (SessionKind.SHOWTIME, 90, "Showtime")


def test_generating_again_keeps_moved_and_cancelled_sessions(cohort):
    first, *_ = cohort_generate_sessions(cohort=cohort)
    moved_to = datetime.datetime(2027, 2, 3, 17, 0, tzinfo=UTC)
    Session.objects.filter(pk=first.pk).update(starts_at=moved_to, status=SessionStatus.CANCELLED)

    assert cohort_generate_sessions(cohort=cohort) == []
    first.refresh_from_db()
    assert (first.starts_at, first.status) == (moved_to, SessionStatus.CANCELLED)
    assert cohort.sessions.count() == 3


def test_a_new_curriculum_session_is_added_on_the_next_run(cohort):
    cohort_generate_sessions(cohort=cohort)
    f.SessionPlanFactory(program=cohort.program, week=4, title="Data systems")
    added = cohort_generate_sessions(cohort=cohort)
    assert [s.title for s in added] == ["Data systems"]
    assert added[0].starts_at.date() == datetime.date(2027, 2, 23)
