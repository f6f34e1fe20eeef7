"""The momentum signal as a pure function of a team's facts and a frozen date (coaching.momentum)."""

import datetime

import pytest
from django.utils import translation

from coaching import momentum as m
from cohorts.checkins.models import CheckInRating, PoliticalSupport
from cohorts.schedule.weeks import Break, CohortCalendar

START = datetime.date(2027, 2, 1)  # a Monday: week 1
BREAK_STARTS = datetime.date(2027, 3, 8)  # the sixth calendar week is a break
CALENDAR = CohortCalendar(start=START, weeks=12, breaks=[Break(starts_on=BREAK_STARTS, weeks=1)])


def day(week, weekday=0):
    """The date of `weekday` (0 = Monday) in program week `week` of CALENDAR."""
    return CALENDAR.week_start(week) + datetime.timedelta(days=weekday)


def facts(**overrides):
    """A steady team: a TA session every week so far, nothing overdue, good check-ins."""
    values = {
        "calendar": CALENDAR,
        "ta_cadence_days": 7,
        "ta_session_dates": tuple(day(week, 1) for week in range(1, 13)),
        "checkins": tuple(
            m.CheckInFact(week=week, rating=CheckInRating.GOOD, political_support=PoliticalSupport.STRONG)
            for week in range(1, 13)
        ),
    }
    values.update(overrides)
    return m.TeamFacts(**values)


def codes(signal):
    return {reason.code for reason in signal.reasons}


def test_a_team_with_every_sign_of_health_is_steady_without_reasons():
    signal = m.momentum(facts(), day(4, 3)).current
    assert (signal.week, signal.level, signal.score, signal.reasons) == (4, m.Level.STEADY, 0, ())
    assert signal.is_current


def test_no_data_in_the_first_days_is_steady_and_asks_nothing_yet():
    """A team that has done nothing yet, two days into week 1: no TA due, no check-in due."""
    signal = m.momentum(facts(ta_session_dates=(), checkins=()), day(1, 2)).current
    assert (signal.level, signal.reasons) == (m.Level.STEADY, ())


def test_before_the_run_there_is_no_signal():
    result = m.momentum(facts(), START - datetime.timedelta(days=1))
    assert (result.current, result.trend, result.level) == (None, (), None)


def test_ta_cadence_missed_says_the_days_and_the_cadence():
    held = (day(1, 1), day(2, 1))  # last on Tuesday of week 2
    signal = m.momentum(facts(ta_session_dates=held), day(4, 0)).current  # 13 days later
    (reason,) = signal.reasons
    assert reason.code == "ta_cadence"
    assert reason.text == "No TA session for 13 days (cadence 7)"
    assert reason.weight == m.WEIGHT_TA_MISSED


def test_ta_cadence_missed_twice_over_weighs_more():
    signal = m.momentum(facts(ta_session_dates=(day(1, 1),)), day(4, 0)).current  # 20 days
    (reason,) = signal.reasons
    assert (reason.text, reason.weight) == ("No TA session for 20 days (cadence 7)", m.WEIGHT_TA_MISSED_TWICE)


def test_a_team_never_seen_counts_from_the_start():
    signal = m.momentum(facts(ta_session_dates=()), day(2, 3)).current  # 10 days in
    assert [r.text for r in signal.reasons] == ["No TA session yet, 10 days into the program (cadence 7)"]


def test_break_weeks_pause_the_ta_clock_and_the_signal():
    held = (day(5, 1),)  # Tuesday of week 5, the week before the break
    in_break = m.momentum(facts(ta_session_dates=held), BREAK_STARTS + datetime.timedelta(days=3))
    assert in_break.current.level == m.Level.BREAK
    assert in_break.current.reasons == ()
    # Back in week 6 on its Monday: 13 days since, 7 of them the break, so 6: within the cadence.
    back = m.momentum(facts(ta_session_dates=held), day(6, 0)).current
    assert "ta_cadence" not in codes(back)


def test_overdue_action_items_are_counted_and_capped():
    items = (
        m.ActionItemFact(due_on=day(3, 4)),
        m.ActionItemFact(due_on=day(3, 4)),
        m.ActionItemFact(due_on=day(3, 4)),
        m.ActionItemFact(due_on=day(3, 4), done_on=day(3, 3)),  # done in time
        m.ActionItemFact(due_on=day(5, 4)),  # not due yet
    )
    signal = m.momentum(facts(action_items=items), day(4, 2)).current
    (reason,) = signal.reasons
    assert (reason.text, reason.weight) == ("3 action items overdue", m.MAX_OVERDUE_ITEMS_WEIGHT)


def test_an_item_done_late_counted_in_the_weeks_it_was_overdue():
    items = (m.ActionItemFact(due_on=day(2, 4), done_on=day(4, 2)),)
    result = m.momentum(facts(action_items=items), day(5, 2))
    by_week = {signal.week: signal for signal in result.trend}
    assert [r.text for r in by_week[3].reasons] == ["1 action item overdue"]
    assert by_week[5].reasons == ()


def test_an_assignment_not_submitted_by_its_due_week_is_late_until_submitted():
    late = m.AssignmentFact(title="Vendor journey map", due_on=CALENDAR.week_end(3))
    signal = m.momentum(facts(assignments=(late,)), day(4, 2)).current
    assert [r.text for r in signal.reasons] == ["1 assignment past its due date: Vendor journey map"]
    submitted = m.AssignmentFact(
        title="Vendor journey map", due_on=CALENDAR.week_end(3), first_submitted_on=day(4, 1)
    )
    assert m.momentum(facts(assignments=(submitted,)), day(4, 2)).current.reasons == ()


def test_a_returned_submission_counts_from_the_day_changes_were_requested():
    returned = m.AssignmentFact(
        title="Data systems map",
        due_on=CALENDAR.week_end(5),
        first_submitted_on=day(3, 1),
        returned_on=day(4, 2),
    )
    result = m.momentum(facts(assignments=(returned,)), day(5, 0))
    by_week = {signal.week: signal for signal in result.trend}
    assert by_week[3].reasons == ()
    assert [r.text for r in by_week[4].reasons] == ["1 submission returned for changes: Data systems map"]


def test_rdc_items_in_progress_stall_after_three_weeks():
    signal = m.momentum(facts(in_progress_criteria_updated=(day(1, 0), day(4, 0))), day(4, 0)).current
    (reason,) = signal.reasons
    assert reason.text == "1 RDC item in progress has not moved for 3 weeks"
    assert reason.weight == m.WEIGHT_STALLED_CRITERIA


def test_a_session_nobody_from_the_team_attended_is_a_reason_but_excused_absence_is_not():
    sessions = (
        m.SessionAttendanceFact(held_on=day(4, 1), anyone_present=False, anyone_absent=True),
        m.SessionAttendanceFact(held_on=day(3, 1), anyone_present=False, anyone_absent=True),  # last week
        m.SessionAttendanceFact(held_on=day(4, 2), anyone_present=False, anyone_absent=False),  # excused
        m.SessionAttendanceFact(held_on=day(4, 3), anyone_present=True, anyone_absent=True),
    )
    signal = m.momentum(facts(sessions=sessions), day(4, 4)).current
    (reason,) = signal.reasons
    assert reason.code == "sessions_missed"
    assert reason.text == "Nobody from the team at the session of 02/23/2027"
    assert reason.weight == m.WEIGHT_PER_MISSED_SESSION


@pytest.mark.parametrize(
    ("rating", "support", "blockers", "expected"),
    [
        (CheckInRating.STUCK, PoliticalSupport.STRONG, "", [("Check-in: “Stuck”", 3)]),
        (CheckInRating.HARD_GOING, PoliticalSupport.STEADY, "", [("Check-in: “Hard going”", 2)]),
        (CheckInRating.OKAY, PoliticalSupport.WEAKENING, "", [("Political support: weakening", 2)]),
        (CheckInRating.GREAT, PoliticalSupport.LOST, "", [("Political support: lost", 3)]),
        (
            CheckInRating.GOOD,
            PoliticalSupport.STRONG,
            "Legal  holds\nthe data",
            [("Blockers: Legal holds the data", 1)],
        ),
    ],
)
def test_each_check_in_answer_gives_its_reason(rating, support, blockers, expected):
    checkins = (m.CheckInFact(week=4, rating=rating, political_support=support, blockers=blockers),)
    signal = m.momentum(facts(checkins=checkins), day(4, 3)).current
    assert [(r.text, r.weight) for r in signal.reasons] == expected


def test_a_week_over_without_a_check_in_counts_once_the_week_is_over():
    checkins = tuple(
        m.CheckInFact(week=week, rating=CheckInRating.GOOD, political_support=PoliticalSupport.STRONG)
        for week in (1, 2)
    )
    result = m.momentum(facts(checkins=checkins), day(4, 3))
    by_week = {signal.week: signal for signal in result.trend}
    assert [r.text for r in by_week[3].reasons] == ["No check-in from the team"]
    assert by_week[4].reasons == ()  # this week is not over yet


def test_the_signs_add_up_to_a_dip_listed_heaviest_first():
    checkins = (
        m.CheckInFact(
            week=4,
            rating=CheckInRating.HARD_GOING,
            political_support=PoliticalSupport.WEAKENING,
            blockers="Legal",
        ),
    )
    signal = m.momentum(
        facts(
            ta_session_dates=(day(1, 1), day(2, 1)),
            action_items=(m.ActionItemFact(due_on=day(3, 4)),),
            checkins=checkins,
        ),
        day(4, 1),
    ).current
    assert signal.level == m.Level.DIP
    assert signal.score == 2 + 2 + 2 + 1 + 1
    assert [r.weight for r in signal.reasons] == sorted((r.weight for r in signal.reasons), reverse=True)
    assert codes(signal) == {
        "ta_cadence",
        "checkin_rating",
        "political_support",
        "blockers",
        "action_items_overdue",
    }


@pytest.mark.parametrize(
    ("score", "level"), [(0, "steady"), (2, "steady"), (3, "watch"), (5, "watch"), (6, "dip")]
)
def test_levels_follow_the_named_thresholds(score, level):
    assert m.level_for(score) == level


def test_the_trend_shows_the_last_six_calendar_weeks_with_the_break():
    result = m.momentum(facts(), day(8, 2))
    assert [signal.label for signal in result.trend] == [
        "Week 3",
        "Week 4",
        "Week 5",
        "Break",
        "Week 6",
        "Week 7",
        "Week 8",
    ][-m.TREND_WEEKS :]
    assert [signal.is_current for signal in result.trend] == [False] * 5 + [True]
    assert result.trend[-1] is result.current


def test_a_dip_shows_the_week_it_starts():
    """Steady until week 4's check-in says support is lost: week 4 is a dip, week 3 was not."""
    checkins = (
        m.CheckInFact(week=3, rating=CheckInRating.GOOD, political_support=PoliticalSupport.STRONG),
        m.CheckInFact(week=4, rating=CheckInRating.STUCK, political_support=PoliticalSupport.LOST),
    )
    result = m.momentum(facts(checkins=checkins), day(4, 2))
    assert [s.level for s in result.trend] == ["steady", "steady", "steady", "dip"]


def test_after_the_run_the_trend_ends_with_the_last_week_and_nothing_is_current():
    result = m.momentum(facts(), CALENDAR.end_date + datetime.timedelta(days=20))
    assert result.current is None
    assert result.trend[-1].week == 12


def test_reasons_read_in_spanish():
    checkins = (
        m.CheckInFact(week=4, rating=CheckInRating.STUCK, political_support=PoliticalSupport.WEAKENING),
    )
    with translation.override("es"):
        signal = m.momentum(
            facts(
                ta_session_dates=(day(1, 1), day(2, 1)),
                checkins=checkins,
                action_items=(m.ActionItemFact(due_on=day(3, 4)),),
            ),
            day(4, 0),
        ).current
        texts = [r.text for r in signal.reasons]
        label = signal.level.label
    assert texts == [
        "Seguimiento semanal: «Estancados»",
        "Ninguna sesión de asistencia técnica en 13 días (frecuencia: 7)",
        "Apoyo político: debilitándose",
        "1 acción acordada vencida",
    ]
    assert label == "Bache"


def test_ta_cadence_counts_the_days_as_my_teams_does_and_names_the_break_days():
    """The reason's days are the days since the last session, as "Days since" and "N days ago" say;
    the break days it does not hold against the team are named, not silently taken off."""
    held = (day(5, 1),)  # Tuesday 2 March, the week before the break
    signal = m.momentum(facts(ta_session_dates=held), day(6, 3)).current  # Thursday 18 March
    (reason,) = signal.reasons
    assert reason.text == "No TA session for 16 days, 7 of them in a break (cadence 7)"
    with translation.override("es"):
        signal = m.momentum(facts(ta_session_dates=held), day(6, 3)).current
        assert signal.reasons[0].text == (
            "Ninguna sesión de asistencia técnica en 16 días, 7 de ellos en una pausa (frecuencia: 7)"
        )
