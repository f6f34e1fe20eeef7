"""A cohort's calendar: program weeks over calendar weeks with break weeks (cohorts.schedule.weeks),
and the cohort's dates, status and week number that derive from it."""

import datetime

import pytest

from cms.demo import factories as f
from cohorts.models import Cohort, CohortStatus
from cohorts.schedule.weeks import (
    BREAK_AFTER_RUN,
    BREAK_BEFORE_WEEK_ONE,
    BREAK_LENGTH,
    BREAK_OVERLAPS,
    Break,
    CohortCalendar,
    Phase,
    break_errors,
)

D = datetime.date
START_2027 = D(2027, 2, 1)

# The English sprint of ../shared/PROGRAMS.md: 12 program weeks from the week of 28 Oct 2024 to the
# week of 24 Feb 2025, with a Thanksgiving week, three weeks of winter holidays and a two-week pause.
ENGLISH_START = D(2024, 10, 28)
ENGLISH_BREAKS = [
    Break(D(2024, 11, 25), 1, "Thanksgiving"),
    Break(D(2024, 12, 16), 3, "Winter holidays"),
    Break(D(2025, 2, 3), 2, "Pause between phases"),
]
# The Spanish sprint: the week of 21 Apr to the week of 4 Aug 2025.
SPANISH_START = D(2025, 4, 21)
SPANISH_BREAKS = [Break(D(2025, 5, 26), 1), Break(D(2025, 6, 30), 3)]


def english():
    return CohortCalendar(start=ENGLISH_START, weeks=12, breaks=ENGLISH_BREAKS)


# Mapping program weeks to calendar weeks


def test_without_breaks_program_weeks_follow_each_other():
    calendar = CohortCalendar(start=D(2027, 2, 1), weeks=12)
    assert [calendar.week_start(n) for n in (1, 2, 12)] == [D(2027, 2, 1), D(2027, 2, 8), D(2027, 4, 19)]
    assert calendar.end_date == D(2027, 4, 25)
    assert [item.week for item in calendar.strip()] == list(range(1, 13))


def test_one_break_pushes_the_weeks_after_it():
    calendar = CohortCalendar(start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 3, 1), 2)])
    assert calendar.week_start(4) == D(2027, 2, 22)
    assert calendar.week_start(5) == D(2027, 3, 15)
    assert calendar.end_date == D(2027, 5, 9)


def test_two_breaks_each_push_the_weeks_after_them():
    calendar = CohortCalendar(
        start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 4, 5), 1), Break(D(2027, 3, 1), 2)]
    )
    assert [calendar.week_start(n) for n in (4, 5, 7, 8, 12)] == [
        D(2027, 2, 22),
        D(2027, 3, 15),
        D(2027, 3, 29),
        D(2027, 4, 12),
        D(2027, 5, 10),
    ]
    strip = calendar.strip()
    assert [item.week or "break" for item in strip] == [
        1,
        2,
        3,
        4,
        "break",
        5,
        6,
        7,
        "break",
        8,
        9,
        10,
        11,
        12,
    ]
    assert (strip[4].starts_on, strip[4].ends_on) == (D(2027, 3, 1), D(2027, 3, 14))


def test_the_english_sprint_ends_the_week_of_24_february_2025():
    calendar = english()
    assert calendar.week_start(12) == D(2025, 2, 24)
    assert calendar.end_date == D(2025, 3, 2)
    assert [calendar.week_start(n) for n in (4, 5, 6, 7, 10, 11)] == [
        D(2024, 11, 18),
        D(2024, 12, 2),
        D(2024, 12, 9),
        D(2025, 1, 6),
        D(2025, 1, 27),
        D(2025, 2, 17),
    ]
    assert len(calendar.strip()) == 12 + 3  # three breaks, each one item of the strip


def test_the_spanish_sprint_ends_the_week_of_4_august_2025():
    calendar = CohortCalendar(start=SPANISH_START, weeks=12, breaks=SPANISH_BREAKS)
    assert calendar.week_start(12) == D(2025, 8, 4)


def test_a_break_date_is_read_as_the_calendar_week_it_falls_in():
    wednesday = CohortCalendar(start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 3, 3), 1)])
    monday = CohortCalendar(start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 3, 1), 1)])
    assert wednesday.breaks[0].starts_on == D(2027, 3, 1)
    assert wednesday.week_start(5) == monday.week_start(5) == D(2027, 3, 8)


def test_weeks_follow_the_cohort_start_day_not_monday():
    calendar = CohortCalendar(start=D(2027, 2, 3), weeks=4, breaks=[Break(D(2027, 2, 17), 1)])
    assert calendar.breaks[0].starts_on == D(2027, 2, 17)
    assert calendar.week_start(3) == D(2027, 2, 24)
    assert calendar.session_date(3, weekday=1) == D(2027, 3, 2)  # the Tuesday of that week


# Calendar date -> where in the run


@pytest.mark.parametrize(
    ("day", "phase", "week"),
    [
        (D(2024, 10, 27), Phase.BEFORE, None),
        (D(2024, 10, 28), Phase.WEEK, 1),
        (D(2024, 11, 24), Phase.WEEK, 4),  # the day before the first break
        (D(2024, 11, 25), Phase.BREAK, 5),  # its first day: back in week 5
        (D(2024, 12, 1), Phase.BREAK, 5),  # its last day
        (D(2024, 12, 2), Phase.WEEK, 5),  # the day after
        (D(2024, 12, 31), Phase.BREAK, 7),
        (D(2025, 3, 2), Phase.WEEK, 12),  # the last day of the run
        (D(2025, 3, 3), Phase.AFTER, None),
    ],
)
def test_a_day_is_before_the_run_in_a_week_in_a_break_or_after(day, phase, week):
    position = english().locate(day)
    assert (position.phase, position.week) == (phase, week)


def test_a_break_answers_with_its_reason():
    assert english().locate(D(2024, 12, 20)).brk.reason == "Winter holidays"


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (D(2024, 10, 1), 1),
        (D(2024, 11, 24), 4),
        (D(2024, 11, 27), 4),
        (D(2024, 12, 2), 5),
        (D(2026, 1, 1), 12),
    ],
)
def test_the_week_number_is_clamped_and_in_a_break_is_the_week_before_it(day, week):
    assert english().week_number(day) == week


def test_break_days_count_the_days_of_breaks_in_a_span():
    calendar = english()
    assert calendar.break_days(D(2024, 11, 21), D(2024, 12, 3)) == 7
    assert calendar.break_days(D(2024, 11, 28), D(2024, 11, 30)) == 2
    assert calendar.break_days(D(2024, 10, 28), D(2025, 3, 3)) == 6 * 7
    assert calendar.break_days(D(2024, 10, 28), D(2024, 11, 25)) == 0


# Validation


def errors(breaks, start=START_2027, weeks=12):
    return [
        (index, field, error.code)
        for index, field, error in break_errors(start=start, weeks=weeks, breaks=breaks)
    ]


def test_valid_breaks_have_no_errors():
    assert errors(ENGLISH_BREAKS, start=ENGLISH_START) == []


def test_breaks_must_not_overlap():
    found = break_errors(
        start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 3, 1), 3), Break(D(2027, 3, 10), 1)]
    )
    assert [(index, field) for index, field, _e in found] == [(1, "starts_on")]
    assert found[0][2].message == BREAK_OVERLAPS


def test_back_to_back_breaks_do_not_overlap():
    assert errors([Break(D(2027, 3, 1), 1), Break(D(2027, 3, 8), 1)]) == []


@pytest.mark.parametrize("day", [D(2027, 1, 4), D(2027, 2, 1), D(2027, 2, 7)])
def test_a_break_cannot_start_before_the_second_week(day):
    found = break_errors(start=D(2027, 2, 1), weeks=12, breaks=[Break(day, 1)])
    assert [(i, field, e.message) for i, field, e in found] == [(0, "starts_on", BREAK_BEFORE_WEEK_ONE)]


def test_the_second_week_is_the_earliest_start_of_a_break():
    assert errors([Break(D(2027, 2, 8), 1)]) == []


@pytest.mark.parametrize("weeks", [0, 9])
def test_a_break_lasts_one_to_eight_weeks(weeks):
    found = break_errors(start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 3, 1), weeks)])
    assert [(i, field, e.message) for i, field, e in found] == [(0, "weeks", BREAK_LENGTH)]


def test_a_break_after_the_last_program_week_is_refused():
    # Week 12 starts 19 Apr 2027 without breaks; with one of two weeks before it, on 3 May.
    assert errors([Break(D(2027, 4, 26), 1)]) == [(0, "starts_on", "break_after_run")]
    assert errors([Break(D(2027, 3, 1), 2), Break(D(2027, 4, 26), 1)]) == []
    found = break_errors(start=D(2027, 2, 1), weeks=12, breaks=[Break(D(2027, 5, 10), 1)])
    assert found[0][2].message == BREAK_AFTER_RUN


# The cohort's dates, status and week number


@pytest.fixture
def sprint(db):
    """The English sprint as a cohort, with its three breaks."""
    cohort = f.CohortFactory(program=f.ProgramFactory(duration_weeks=12), start_date=ENGLISH_START)
    for brk in ENGLISH_BREAKS:
        f.CohortBreakFactory(cohort=cohort, starts_on=brk.starts_on, weeks=brk.weeks, reason=brk.reason)
    return cohort


def test_the_end_date_follows_the_breaks_when_they_are_saved_and_deleted(sprint):
    assert sprint.end_date == D(2025, 3, 2)
    assert Cohort.objects.get(pk=sprint.pk).end_date == D(2025, 3, 2)
    sprint.breaks.get(weeks=3).delete()
    assert Cohort.objects.get(pk=sprint.pk).end_date == D(2025, 1, 26)  # the last break now falls after it


def test_saving_the_cohort_recomputes_the_end_date_from_its_breaks(sprint):
    Cohort.objects.filter(pk=sprint.pk).update(end_date=D(2025, 1, 19))  # stale
    cohort = Cohort.objects.get(pk=sprint.pk)
    cohort.save()
    assert Cohort.objects.get(pk=sprint.pk).end_date == D(2025, 3, 2)


@pytest.mark.parametrize(
    ("day", "status", "week"),
    [
        (D(2024, 11, 24), CohortStatus.IN_PROGRESS, 4),  # the day before the first break
        (D(2024, 11, 25), CohortStatus.IN_PROGRESS, 4),  # in the break: still in progress
        (D(2024, 12, 2), CohortStatus.IN_PROGRESS, 5),  # the day after it
        (D(2025, 3, 2), CohortStatus.IN_PROGRESS, 12),  # the last day of the run
        (D(2025, 3, 3), CohortStatus.FINISHED, 12),
    ],
)
def test_status_and_week_number_around_breaks_and_at_the_end(sprint, day, status, week):
    assert sprint.compute_status(day) == status
    assert sprint.week_number(day) == week


def test_the_status_filters_use_the_end_date_with_breaks(sprint):
    # 20 Feb 2025 was after 12 consecutive weeks: the run is still going because of its breaks.
    day = D(2025, 2, 20)
    assert list(Cohort.objects.with_status(CohortStatus.IN_PROGRESS, today=day)) == [sprint]
    assert list(Cohort.objects.current_or_upcoming(today=day)) == [sprint]
    assert not Cohort.objects.with_status(CohortStatus.FINISHED, today=day).exists()


def test_session_dates_and_due_dates_skip_breaks(sprint):
    assert sprint.session_date(5) == D(2024, 12, 3)  # the Tuesday after Thanksgiving week
    assert sprint.due_date(4) == D(2024, 11, 24)
    assert sprint.due_date(7) == D(2025, 1, 12)


def test_a_cohort_without_breaks_reads_none_from_the_database(db, django_assert_num_queries):
    cohort = f.CohortFactory()
    loaded = Cohort.objects.select_related("program").get(pk=cohort.pk)
    with django_assert_num_queries(0):
        assert loaded.week_start(5) == cohort.start_date + datetime.timedelta(weeks=4)


def test_a_cohort_with_breaks_reads_them_once(sprint, django_assert_num_queries):
    loaded = Cohort.objects.select_related("program").get(pk=sprint.pk)
    with django_assert_num_queries(1):
        for week in range(1, 13):
            loaded.week_start(week)
        loaded.position(D(2024, 12, 20))


def test_a_run_pushed_past_the_last_accepted_date_is_refused(db):
    cohort = f.CohortFactory(start_date=D(2999, 10, 4))
    cohort.breaks.add(f.CohortBreakFactory.build(cohort=cohort, starts_on=D(2999, 11, 1), weeks=8))
    with pytest.raises(Exception) as raised:
        cohort.full_clean()
    assert raised.value.message_dict["start_date"][0].startswith("With its breaks the run would end")
