"""Overdue for a TA session: more days than the program's cadence since the last one (or the start)."""

import datetime

import pytest

from coaching.selectors import days_since_ta, is_ta_overdue

START = datetime.date(2027, 2, 1)
END = datetime.date(2027, 4, 25)
LAST = datetime.date(2027, 2, 10)


def overdue(days_after_last, cadence, last=LAST):
    return is_ta_overdue(
        last_session_on=last,
        cohort_start=START,
        cadence_days=cadence,
        today=(last or START) + datetime.timedelta(days=days_after_last),
        cohort_end=END,
    )


@pytest.mark.parametrize(("days", "expected"), [(0, False), (6, False), (7, False), (8, True), (30, True)])
def test_weekly_cadence_is_overdue_from_day_8(days, expected):
    assert overdue(days, 7) is expected


@pytest.mark.parametrize(("days", "expected"), [(7, False), (13, False), (14, False), (15, True)])
def test_biweekly_cadence_is_overdue_from_day_15(days, expected):
    assert overdue(days, 14) is expected


@pytest.mark.parametrize(("days", "expected"), [(7, False), (8, True)])
def test_without_a_session_the_cohort_start_counts(days, expected):
    assert overdue(days, 7, last=None) is expected


def test_nothing_is_overdue_before_the_cohort_starts_or_after_it_ends():
    assert not is_ta_overdue(
        last_session_on=None,
        cohort_start=START,
        cadence_days=7,
        today=START - datetime.timedelta(days=30),
        cohort_end=END,
    )
    assert not is_ta_overdue(
        last_session_on=LAST,
        cohort_start=START,
        cadence_days=7,
        today=END + datetime.timedelta(days=1),
        cohort_end=END,
    )


def test_days_since_counts_from_the_last_session_or_the_start():
    today = datetime.date(2027, 2, 18)
    assert days_since_ta(last_session_on=LAST, cohort_start=START, today=today) == 8
    assert days_since_ta(last_session_on=None, cohort_start=START, today=today) == 17
