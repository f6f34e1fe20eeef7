"""Where a team stands in its program's phases, and what is due or late: pure functions of dates.

``current_phase`` places a day in the phases (sprints.phases.PhaseSpan) laid over the cohort's
calendar (cohorts.schedule.weeks.CohortCalendar, which skips break weeks); ``phase_status``
sorts a team's deliverables and milestones into what is due in the current phase, what is late
and the next site visit. Neither reads the database: the team home and the staff report hand
them what they loaded, so tests call them with a frozen day.
"""

import dataclasses
import datetime
from collections.abc import Iterable, Sequence

from cohorts.schedule.weeks import CohortCalendar, Phase
from sprints.phases import PhaseSpan, phase_of_week

#: A submission in one of these states counts as delivered (cohorts.assignments.SubmissionStatus).
DELIVERED = frozenset({"submitted", "accepted"})


@dataclasses.dataclass(frozen=True)
class PhaseNow:
    """The phase a day falls in: BEFORE the run (the first phase is next), in a program WEEK of it,
    in a BREAK (the phase of the last week begun), or AFTER the run (the last phase, over)."""

    state: Phase
    span: PhaseSpan
    starts_on: datetime.date
    ends_on: datetime.date
    #: The program week of the day within the phase, from 1 (None before and after the run).
    week_in_phase: int | None = None
    #: During a break: the program week the run comes back with.
    back_in_week: int | None = None

    @property
    def in_progress(self) -> bool:
        return self.state in (Phase.WEEK, Phase.BREAK)


def phase_dates(calendar: CohortCalendar, span: PhaseSpan) -> tuple[datetime.date, datetime.date]:
    """The first and last day of `span` on the cohort's calendar (breaks inside it included)."""
    return calendar.week_start(span.first_week), calendar.week_end(span.last_week)


def current_phase(calendar: CohortCalendar, spans: Sequence[PhaseSpan], today: datetime.date) -> PhaseNow:
    """The phase `today` falls in on `calendar`, with its week within the phase."""
    position = calendar.locate(today)
    if position.phase == Phase.BEFORE:
        span = spans[0]
    elif position.phase == Phase.AFTER:
        span = spans[-1]
    else:
        span = phase_of_week(spans, calendar.week_number(today))
    starts_on, ends_on = phase_dates(calendar, span)
    week_in_phase = back_in_week = None
    if position.phase == Phase.WEEK:
        week_in_phase = position.week - span.first_week + 1
    elif position.phase == Phase.BREAK:
        week_in_phase = calendar.week_number(today) - span.first_week + 1
        back_in_week = position.week
    return PhaseNow(position.phase, span, starts_on, ends_on, week_in_phase, back_in_week)


@dataclasses.dataclass(frozen=True)
class PlanItem:
    """A deliverable (an assignment template, or a deliverable milestone) or a site visit or review,
    with its day, its phase and whether it is done."""

    title: str
    due_on: datetime.date
    span: PhaseSpan
    done: bool
    late: bool
    optional: bool = False
    template: object = None
    milestone: object = None
    status: str = ""

    @property
    def kind(self):
        return self.milestone.kind if self.milestone is not None else "deliverable"


@dataclasses.dataclass
class PhaseStatus:
    """What a team's home and the staff report show of its phase plan."""

    now: PhaseNow
    spans: list
    #: Every item, by phase (span key -> items in date order).
    by_phase: dict
    #: Not done yet, in the current phase, due today or later (in date order).
    due: list
    #: Not done by their day (required deliverables, and milestones), oldest first.
    late: list
    #: Required deliverables of the current phase not delivered yet (late or not).
    missing: list
    #: The first and last day of each phase (span key -> (date, date)).
    dates: dict
    next_site_visit: object = None


def phase_status(
    *,
    calendar: CohortCalendar,
    spans: Sequence[PhaseSpan],
    templates: Iterable,
    statuses: dict,
    milestones: Iterable,
    today: datetime.date,
    now: datetime.datetime,
    zone: datetime.tzinfo,
) -> PhaseStatus:
    """Sort a team's work into its phases, what is due now, what is late, and the next visit.

    `templates` are its program's assignment templates (key, title, due_week, optional),
    `statuses` the team's submission status by template pk, `milestones` its Milestone rows.
    A template a deliverable milestone names is dated by the milestone (the date the coach
    agreed with the team) and listed once. Lateness starts the day after the due day; an optional
    assignment is never late or missing. Nothing here stops anything: it is only shown.
    """
    phase_now = current_phase(calendar, spans, today)
    milestones = list(milestones)
    planned = {m.template_id for m in milestones if m.template_id}
    items = []
    for template in templates:
        if template.pk in planned:
            continue
        status = statuses.get(template.pk, "")
        done = status in DELIVERED
        due_on = calendar.week_end(template.due_week)
        items.append(
            PlanItem(
                title=template.title,
                due_on=due_on,
                span=phase_of_week(spans, template.due_week),
                done=done,
                late=not done and not template.optional and due_on < today,
                optional=template.optional,
                template=template,
                status=status,
            )
        )
    next_visit = None
    for milestone in milestones:
        day = milestone.day(zone)
        status = statuses.get(milestone.template_id, "") if milestone.template_id else ""
        done = milestone.done_on is not None or status in DELIVERED
        items.append(
            PlanItem(
                title=milestone.display_title,
                due_on=day,
                span=phase_of_week(spans, _week_of(calendar, day)),
                done=done,
                late=not done and day < today,
                template=milestone.template if milestone.template_id else None,
                milestone=milestone,
                status=status,
            )
        )
        upcoming = milestone.is_site_visit and milestone.starts_at >= now
        if upcoming and (next_visit is None or milestone.starts_at < next_visit.starts_at):
            next_visit = milestone
    items.sort(key=lambda item: (item.due_on, item.title))
    by_phase = {span.key: [] for span in spans}
    for item in items:
        by_phase[item.span.key].append(item)
    current_key = phase_now.span.key
    return PhaseStatus(
        now=phase_now,
        spans=list(spans),
        by_phase=by_phase,
        due=[i for i in by_phase[current_key] if not i.done and i.due_on >= today],
        late=[i for i in items if i.late],
        missing=[
            i for i in by_phase[current_key] if not i.done and not i.optional and i.kind == "deliverable"
        ],
        dates={span.key: phase_dates(calendar, span) for span in spans},
        next_site_visit=next_visit,
    )


def _week_of(calendar: CohortCalendar, day: datetime.date) -> int:
    """The program week of `day` (before the run: week 1; after it: past the last week; in a break:
    the week the run comes back with, which is when what falls in the break is looked at)."""
    position = calendar.locate(day)
    if position.phase == Phase.BEFORE:
        return 1
    if position.phase == Phase.AFTER:
        return calendar.weeks + 1
    return position.week
