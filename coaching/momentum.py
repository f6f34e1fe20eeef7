"""The momentum signal: is a team steady, worth watching, or in a dip — and why.

Reform stalls in dips. This combines what Ruta already knows about a team with its weekly
check-in, week by week, so a coach sees a dip the week it starts. It is a pure function of
pre-fetched facts (``TeamFacts``) and a date, with no database access: the selector
``coaching.selectors.team_momentum`` gathers the facts for many teams in a fixed number of
queries, and tests call ``momentum`` with a frozen clock.

Each week of the run is scored at its last day (the current week at today). Every sign of
trouble adds its named weight (below) and gives a reason in words; the sum sets the level:

=================================  ======  ==============================================
sign                               weight  when
=================================  ======  ==============================================
TA cadence missed                  2       more days since the last TA session (or the
                                           start) than the program's cadence; break days
                                           do not count
TA cadence missed twice over       3       more than twice the cadence
action items overdue               1 each  open past their due date (at most 2)
assignments past due               1 each  a required assignment not submitted by the end
                                           of its due week (at most 2)
submissions returned               1 each  changes requested and not resubmitted (at most 2)
stalled RDC items                  1       in progress and not moved for 3 weeks or more
missed sessions                    1 each  a cohort session that week with the team's
                                           attendance taken and nobody present (at most 2)
check-in: stuck / hard going       3 / 2   the team's own word for the week
check-in: blockers                 1       the team wrote what blocks it
political support weakening / lost 2 / 3
no check-in                        1       a week that is over without one
=================================  ======  ==============================================

Level: ``dip`` from 6, ``watch`` from 3, else ``steady``. Break weeks are ``break`` (nothing is
asked of the team and nothing counts against it); weeks outside the run have no signal.
"""

import dataclasses
import datetime
import enum

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

from cohorts.checkins.models import CheckInRating, PoliticalSupport
from cohorts.schedule.weeks import WEEK, CohortCalendar

# The weights, named so the table above and the code say the same thing.
WEIGHT_TA_MISSED = 2
WEIGHT_TA_MISSED_TWICE = 3
WEIGHT_PER_OVERDUE_ITEM = 1
MAX_OVERDUE_ITEMS_WEIGHT = 2
WEIGHT_PER_LATE_ASSIGNMENT = 1
MAX_LATE_ASSIGNMENTS_WEIGHT = 2
WEIGHT_PER_RETURNED_SUBMISSION = 1
MAX_RETURNED_SUBMISSIONS_WEIGHT = 2
WEIGHT_STALLED_CRITERIA = 1
STALLED_AFTER_WEEKS = 3
WEIGHT_PER_MISSED_SESSION = 1
MAX_MISSED_SESSIONS_WEIGHT = 2
WEIGHT_RATING = {CheckInRating.STUCK: 3, CheckInRating.HARD_GOING: 2}
WEIGHT_BLOCKERS = 1
WEIGHT_SUPPORT = {PoliticalSupport.WEAKENING: 2, PoliticalSupport.LOST: 3}
WEIGHT_NO_CHECKIN = 1

WATCH_FROM = 3
DIP_FROM = 6
#: How many calendar weeks the trend shows, the current one included.
TREND_WEEKS = 6
BLOCKERS_SHOWN = 140


class Level(enum.StrEnum):
    DIP = "dip"
    WATCH = "watch"
    STEADY = "steady"
    BREAK = "break"

    @property
    def label(self):
        return {
            Level.DIP: gettext("Dip"),
            Level.WATCH: gettext("Watch"),
            Level.STEADY: gettext("Steady"),
            Level.BREAK: gettext("Break week"),
        }[self]


#: Dips first, then teams to watch, steady ones, teams on a break, and those with no signal.
LEVEL_ORDER = {Level.DIP: 0, Level.WATCH: 1, Level.STEADY: 2, Level.BREAK: 3, None: 4}


def level_for(score: int) -> Level:
    if score >= DIP_FROM:
        return Level.DIP
    if score >= WATCH_FROM:
        return Level.WATCH
    return Level.STEADY


# The facts, gathered by the selector.


@dataclasses.dataclass(frozen=True)
class CheckInFact:
    week: int
    rating: int
    political_support: str
    blockers: str = ""


@dataclasses.dataclass(frozen=True)
class ActionItemFact:
    due_on: datetime.date
    done_on: datetime.date | None = None  # None while open


@dataclasses.dataclass(frozen=True)
class AssignmentFact:
    """A required assignment: when it is due, when the team first submitted it, and since when it
    has been back with the team for changes (None unless its status is changes requested)."""

    title: str
    due_on: datetime.date
    first_submitted_on: datetime.date | None = None
    returned_on: datetime.date | None = None


@dataclasses.dataclass(frozen=True)
class SessionAttendanceFact:
    """A cohort session the team's attendance was taken at: whether anyone was present, and
    whether anyone was absent (excused absences are not missing)."""

    held_on: datetime.date
    anyone_present: bool
    anyone_absent: bool

    @property
    def missed(self):
        return self.anyone_absent and not self.anyone_present


@dataclasses.dataclass(frozen=True)
class TeamFacts:
    calendar: CohortCalendar
    ta_cadence_days: int
    ta_session_dates: tuple[datetime.date, ...] = ()
    action_items: tuple[ActionItemFact, ...] = ()
    assignments: tuple[AssignmentFact, ...] = ()
    sessions: tuple[SessionAttendanceFact, ...] = ()
    #: Last change of each RDC item the team marked in progress.
    in_progress_criteria_updated: tuple[datetime.date, ...] = ()
    checkins: tuple[CheckInFact, ...] = ()


# What comes out.


@dataclasses.dataclass(frozen=True)
class Reason:
    code: str
    text: str
    weight: int


@dataclasses.dataclass(frozen=True)
class WeekSignal:
    starts_on: datetime.date
    ends_on: datetime.date
    week: int | None  # the program week (None for a break)
    level: Level
    score: int = 0
    reasons: tuple[Reason, ...] = ()
    checkin: CheckInFact | None = None
    is_current: bool = False

    @property
    def label(self):
        if self.week is None:
            return gettext("Break")
        return gettext("Week %(week)s") % {"week": self.week}


@dataclasses.dataclass(frozen=True)
class Momentum:
    current: WeekSignal | None
    trend: tuple[WeekSignal, ...]

    @property
    def level(self) -> Level | None:
        return self.current.level if self.current else None


def momentum(facts: TeamFacts, today: datetime.date) -> Momentum:
    """The team's signal this week and its trend over the last ``TREND_WEEKS`` calendar weeks."""
    calendar = facts.calendar
    if calendar.locate(today).phase == "before":
        return Momentum(current=None, trend=())
    last_day = min(today, calendar.end_date)
    this_week = calendar.week_of(last_day)
    trend = []
    for back in range(TREND_WEEKS - 1, -1, -1):
        starts_on = this_week - back * WEEK
        if starts_on < calendar.start:
            continue
        ends_on = starts_on + WEEK - datetime.timedelta(days=1)
        trend.append(week_signal(facts, starts_on=starts_on, on=min(ends_on, today), today=today))
    current = trend[-1] if today <= calendar.end_date else None
    return Momentum(current=current, trend=tuple(trend))


def week_signal(facts: TeamFacts, *, starts_on: datetime.date, on: datetime.date, today: datetime.date):
    """The signal of the calendar week starting `starts_on`, as things stood on `on`."""
    calendar = facts.calendar
    ends_on = starts_on + WEEK - datetime.timedelta(days=1)
    position = calendar.locate(starts_on)
    is_current = starts_on <= today <= ends_on
    if position.is_break:
        return WeekSignal(starts_on, ends_on, None, Level.BREAK, is_current=is_current)
    week = position.week
    checkin = next((c for c in facts.checkins if c.week == week), None)
    reasons = [
        *_ta_reasons(facts, on),
        *_action_item_reasons(facts, on),
        *_assignment_reasons(facts, on),
        *_criteria_reasons(facts, on),
        *_attendance_reasons(facts, starts_on, on),
        *_checkin_reasons(checkin, week_over=ends_on < today),
    ]
    score = sum(reason.weight for reason in reasons)
    return WeekSignal(
        starts_on,
        ends_on,
        week,
        level_for(score),
        score=score,
        reasons=tuple(sorted(reasons, key=lambda r: -r.weight)),
        checkin=checkin,
        is_current=is_current,
    )


def _ta_reasons(facts, on):
    calendar = facts.calendar
    held = [day for day in facts.ta_session_dates if day <= on]
    since = max(held) if held else calendar.start
    # The days since, counted as "Days since" and "N days ago" count them (accounts.dates); the
    # break days, which the cadence does not hold against the team, are named in the reason.
    elapsed = (on - since).days
    breaks = calendar.break_days(since, on)
    days = elapsed - breaks
    cadence = facts.ta_cadence_days
    if days <= cadence:
        return []
    values = {"days": elapsed, "breaks": breaks, "cadence": cadence}
    if held and breaks:
        text = ngettext(
            "No TA session for %(days)s days, %(breaks)s of them in a break (cadence %(cadence)s)",
            "No TA session for %(days)s days, %(breaks)s of them in a break (cadence %(cadence)s)",
            breaks,
        )
    elif held:
        text = gettext("No TA session for %(days)s days (cadence %(cadence)s)")
    elif breaks:
        text = ngettext(
            "No TA session yet, %(days)s days into the program, %(breaks)s of them in a break "
            "(cadence %(cadence)s)",
            "No TA session yet, %(days)s days into the program, %(breaks)s of them in a break "
            "(cadence %(cadence)s)",
            breaks,
        )
    else:
        text = gettext("No TA session yet, %(days)s days into the program (cadence %(cadence)s)")
    weight = WEIGHT_TA_MISSED_TWICE if days > 2 * cadence else WEIGHT_TA_MISSED
    return [Reason("ta_cadence", text % values, weight)]


def _action_item_reasons(facts, on):
    overdue = sum(
        1 for item in facts.action_items if item.due_on < on and (item.done_on is None or item.done_on > on)
    )
    if not overdue:
        return []
    text = ngettext("%(count)s action item overdue", "%(count)s action items overdue", overdue)
    weight = min(overdue * WEIGHT_PER_OVERDUE_ITEM, MAX_OVERDUE_ITEMS_WEIGHT)
    return [Reason("action_items_overdue", text % {"count": overdue}, weight)]


def _titles(assignments):
    return ", ".join(a.title for a in assignments)


def _assignment_reasons(facts, on):
    reasons = []
    late = [
        a
        for a in facts.assignments
        if a.due_on < on and (a.first_submitted_on is None or a.first_submitted_on > on)
    ]
    if late:
        text = ngettext(
            "%(count)s assignment past its due date: %(titles)s",
            "%(count)s assignments past their due date: %(titles)s",
            len(late),
        )
        weight = min(len(late) * WEIGHT_PER_LATE_ASSIGNMENT, MAX_LATE_ASSIGNMENTS_WEIGHT)
        reasons.append(
            Reason("assignments_late", text % {"count": len(late), "titles": _titles(late)}, weight)
        )
    returned = [a for a in facts.assignments if a.returned_on is not None and a.returned_on <= on]
    if returned:
        text = ngettext(
            "%(count)s submission returned for changes: %(titles)s",
            "%(count)s submissions returned for changes: %(titles)s",
            len(returned),
        )
        weight = min(len(returned) * WEIGHT_PER_RETURNED_SUBMISSION, MAX_RETURNED_SUBMISSIONS_WEIGHT)
        reasons.append(
            Reason(
                "submissions_returned", text % {"count": len(returned), "titles": _titles(returned)}, weight
            )
        )
    return reasons


def _criteria_reasons(facts, on):
    cutoff = on - STALLED_AFTER_WEEKS * WEEK
    stalled = sum(1 for day in facts.in_progress_criteria_updated if day <= cutoff)
    if not stalled:
        return []
    text = ngettext(
        "%(count)s RDC item in progress has not moved for %(weeks)s weeks",
        "%(count)s RDC items in progress have not moved for %(weeks)s weeks",
        stalled,
    )
    return [
        Reason(
            "criteria_stalled",
            text % {"count": stalled, "weeks": STALLED_AFTER_WEEKS},
            WEIGHT_STALLED_CRITERIA,
        )
    ]


def _attendance_reasons(facts, starts_on, on):
    missed = sorted(s.held_on for s in facts.sessions if starts_on <= s.held_on <= on and s.missed)
    if not missed:
        return []
    dates = ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in missed)
    text = ngettext(
        "Nobody from the team at the session of %(dates)s",
        "Nobody from the team at the sessions of %(dates)s",
        len(missed),
    )
    weight = min(len(missed) * WEIGHT_PER_MISSED_SESSION, MAX_MISSED_SESSIONS_WEIGHT)
    return [Reason("sessions_missed", text % {"dates": dates}, weight)]


def _checkin_reasons(checkin, *, week_over):
    if checkin is None:
        if week_over:
            return [Reason("no_checkin", gettext("No check-in from the team"), WEIGHT_NO_CHECKIN)]
        return []
    reasons = []
    if checkin.rating in WEIGHT_RATING:
        label = CheckInRating(checkin.rating).label
        reasons.append(
            Reason(
                "checkin_rating",
                gettext("Check-in: “%(rating)s”") % {"rating": label},
                WEIGHT_RATING[checkin.rating],
            )
        )
    if checkin.political_support in WEIGHT_SUPPORT:
        label = PoliticalSupport(checkin.political_support).label
        reasons.append(
            Reason(
                "political_support",
                gettext("Political support: %(support)s") % {"support": str(label).lower()},
                WEIGHT_SUPPORT[checkin.political_support],
            )
        )
    if checkin.blockers.strip():
        blockers = Truncator(" ".join(checkin.blockers.split())).chars(BLOCKERS_SHOWN)
        reasons.append(
            Reason("blockers", gettext("Blockers: %(blockers)s") % {"blockers": blockers}, WEIGHT_BLOCKERS)
        )
    return reasons


# The trend as a small bar chart (plain SVG in the admin templates).

LEVEL_COLOURS = {
    Level.DIP: "#cd2c2c",
    Level.WATCH: "#b97a00",
    Level.STEADY: "#1f7e48",
    Level.BREAK: "#c8c8c8",
}
BAR_WIDTH, BAR_GAP, CHART_HEIGHT, UNIT = 12, 4, 36, 3


def trend_chart(trend) -> dict:
    """Bars for `trend`, oldest first: each as high as its score (a sliver when steady at 0, a
    low grey one in a break), coloured by level."""
    bars = []
    for index, signal in enumerate(trend):
        height = 4 if signal.level == Level.BREAK else max(min(signal.score * UNIT, CHART_HEIGHT - 2), 3)
        bars.append(
            {
                "signal": signal,
                "x": index * (BAR_WIDTH + BAR_GAP),
                "y": CHART_HEIGHT - height,
                "width": BAR_WIDTH,
                "height": height,
                "colour": LEVEL_COLOURS[signal.level],
            }
        )
    width = max(len(bars) * (BAR_WIDTH + BAR_GAP) - BAR_GAP, 1)
    return {"bars": bars, "width": width, "height": CHART_HEIGHT}
