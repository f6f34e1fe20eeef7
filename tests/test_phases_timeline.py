"""A program's phases over its weeks, and where a team stands in them: pure functions, frozen dates."""

import datetime
from types import SimpleNamespace

import pytest

from cohorts.phases.timeline import current_phase, phase_status
from cohorts.schedule.weeks import Break, CohortCalendar, Phase
from sprints.phases import phase_of_week, phase_spans

MONDAY = datetime.date(2027, 1, 4)
UTC = datetime.UTC
NOON = datetime.time(12)


def phases(*lengths):
    names = ["Diagnostic", "Design", "Implementation", "Extra"]
    return [
        SimpleNamespace(name=names[i], description="", weeks=weeks, pk=i + 1)
        for i, weeks in enumerate(lengths)
    ]


def at(day):
    return datetime.datetime.combine(day, NOON, tzinfo=UTC)


def test_a_program_without_phases_is_one_implicit_phase_over_all_its_weeks():
    (span,) = phase_spans([], 12)
    assert (span.first_week, span.last_week, span.is_implicit, span.key) == (1, 12, True, 0)


def test_phases_follow_each_other_and_the_last_runs_to_the_end():
    spans = phase_spans(phases(10, 8, 4), 26)
    assert [(s.name, s.first_week, s.last_week) for s in spans] == [
        ("Diagnostic", 1, 10),
        ("Design", 11, 18),
        ("Implementation", 19, 26),
    ]
    assert spans[2].weeks == 8


def test_phases_beyond_a_shortened_program_are_left_out():
    spans = phase_spans(phases(10, 8, 8), 12)
    assert [(s.name, s.first_week, s.last_week) for s in spans] == [("Diagnostic", 1, 10), ("Design", 11, 12)]


def test_phase_of_week_clamps_outside_the_program():
    spans = phase_spans(phases(2, 2), 6)
    assert phase_of_week(spans, 0).name == "Diagnostic"
    assert phase_of_week(spans, 3).name == "Design"
    assert phase_of_week(spans, 40).name == "Design"


@pytest.mark.parametrize(
    ("day", "state", "name", "week_in_phase"),
    [
        (MONDAY - datetime.timedelta(days=1), Phase.BEFORE, "Diagnostic", None),
        (MONDAY, Phase.WEEK, "Diagnostic", 1),
        (MONDAY + datetime.timedelta(weeks=2, days=3), Phase.WEEK, "Diagnostic", 3),
        (MONDAY + datetime.timedelta(weeks=10), Phase.WEEK, "Design", 1),
        (MONDAY + datetime.timedelta(weeks=26), Phase.AFTER, "Implementation", None),
    ],
)
def test_current_phase_without_breaks(day, state, name, week_in_phase):
    calendar = CohortCalendar(start=MONDAY, weeks=26)
    now = current_phase(calendar, phase_spans(phases(10, 8, 8), 26), day)
    assert (now.state, now.span.name, now.week_in_phase) == (state, name, week_in_phase)


def test_break_weeks_push_the_phases_later_and_count_in_no_phase_week():
    # Two break weeks after program week 3: week 4 starts five calendar weeks in.
    calendar = CohortCalendar(
        start=MONDAY, weeks=26, breaks=[Break(starts_on=MONDAY + datetime.timedelta(weeks=3), weeks=2)]
    )
    spans = phase_spans(phases(10, 8, 8), 26)
    in_break = current_phase(calendar, spans, MONDAY + datetime.timedelta(weeks=3, days=2))
    assert (in_break.state, in_break.span.name, in_break.week_in_phase, in_break.back_in_week) == (
        Phase.BREAK,
        "Diagnostic",
        3,
        4,
    )
    after = current_phase(calendar, spans, MONDAY + datetime.timedelta(weeks=5))
    assert (after.state, after.week_in_phase) == (Phase.WEEK, 4)
    # Design begins with program week 11, twelve calendar weeks in; Diagnostic ends the day before.
    design = current_phase(calendar, spans, MONDAY + datetime.timedelta(weeks=12))
    assert (design.span.name, design.week_in_phase) == ("Design", 1)
    assert design.starts_on == MONDAY + datetime.timedelta(weeks=12)
    diagnostic = current_phase(calendar, spans, MONDAY)
    assert diagnostic.ends_on == MONDAY + datetime.timedelta(weeks=12, days=-1)


def template(pk, due_week, optional=False):
    return SimpleNamespace(pk=pk, title=f"Template {pk}", due_week=due_week, optional=optional)


def milestone(pk, *, kind="review", due_on=None, starts_at=None, done_on=None, template_id=None):
    return SimpleNamespace(
        pk=pk,
        kind=kind,
        template_id=template_id,
        template=None,
        display_title=f"Milestone {pk}",
        due_on=due_on,
        starts_at=starts_at,
        done_on=done_on,
        is_site_visit=kind == "site_visit",
        day=lambda zone, due_on=due_on, starts_at=starts_at: starts_at.date() if starts_at else due_on,
    )


def status_on(day, *, templates, statuses=None, milestones=(), breaks=()):
    calendar = CohortCalendar(start=MONDAY, weeks=26, breaks=breaks)
    return phase_status(
        calendar=calendar,
        spans=phase_spans(phases(10, 8, 8), 26),
        templates=templates,
        statuses=statuses or {},
        milestones=milestones,
        today=day,
        now=at(day),
        zone=UTC,
    )


def test_late_is_what_was_not_delivered_or_done_by_its_day_and_optional_work_is_never_late():
    week_5 = MONDAY + datetime.timedelta(weeks=4, days=2)  # Wednesday of week 5
    status = status_on(
        week_5,
        templates=[
            template(1, 2),
            template(2, 3),
            template(3, 4, optional=True),
            template(4, 7),
            template(5, 15),
        ],
        statuses={2: "submitted", 4: "draft"},
        milestones=[
            milestone(10, due_on=MONDAY + datetime.timedelta(days=10)),
            milestone(11, due_on=MONDAY + datetime.timedelta(days=11), done_on=MONDAY),
            milestone(12, due_on=week_5),  # due today: not late yet
        ],
    )
    assert [item.title for item in status.late] == ["Milestone 10", "Template 1"]
    assert status.now.span.name == "Diagnostic" and status.now.week_in_phase == 5
    assert [item.title for item in status.due] == ["Milestone 12", "Template 4"]
    # Missing in the current phase: required deliverables not delivered, late or not.
    assert [item.title for item in status.missing] == ["Template 1", "Template 4"]
    assert [item.title for item in status.by_phase[2]] == ["Template 5"]


def test_a_deliverable_milestone_dates_its_template_and_counts_done_once_submitted():
    day = MONDAY + datetime.timedelta(weeks=3)
    later = MONDAY + datetime.timedelta(weeks=5)
    planned = milestone(20, kind="deliverable", due_on=later, template_id=1)
    status = status_on(day, templates=[template(1, 2)], milestones=[planned])
    assert [item.title for item in status.late] == []  # the coach agreed a later date
    assert [(item.title, item.due_on) for item in status.due] == [("Milestone 20", later)]
    done = status_on(
        later + datetime.timedelta(days=3),
        templates=[template(1, 2)],
        statuses={1: "accepted"},
        milestones=[planned],
    )
    assert done.late == [] and done.by_phase[1][0].done


def test_the_next_site_visit_is_the_first_one_to_come():
    day = MONDAY + datetime.timedelta(weeks=2)
    visits = [
        milestone(30, kind="site_visit", starts_at=at(day - datetime.timedelta(days=1))),
        milestone(31, kind="site_visit", starts_at=at(day + datetime.timedelta(weeks=9))),
        milestone(32, kind="site_visit", starts_at=at(day + datetime.timedelta(days=4))),
    ]
    status = status_on(day, templates=[], milestones=visits)
    assert status.next_site_visit.pk == 32
    assert [item.title for item in status.late] == ["Milestone 30"]
    # The visit in calendar week 12 falls in Design (program week 11 on).
    assert [item.milestone.pk for item in status.by_phase[2]] == [31]


def test_a_milestone_in_a_break_belongs_to_the_phase_the_run_comes_back_with():
    brk = Break(starts_on=MONDAY + datetime.timedelta(weeks=10), weeks=2)  # after program week 10
    in_break = milestone(40, due_on=MONDAY + datetime.timedelta(weeks=10, days=2))
    status = status_on(MONDAY, templates=[], milestones=[in_break], breaks=[brk])
    assert [item.milestone.pk for item in status.by_phase[2]] == [40]
