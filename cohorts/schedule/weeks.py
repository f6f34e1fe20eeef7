"""A cohort's calendar: its program weeks laid over calendar weeks, with break weeks between them.

Pure: dates in, dates out, no database. ``Cohort.calendar`` builds one from the cohort's start
date, its program's length in weeks and its breaks (``CohortBreak``), and everything dated by
program week asks it: the end of the run, its status and "Week N of M", session dates,
assignment due dates, reminders, the coaching cadence, the week strip and the calendar feed.

Calendar weeks start on the cohort's start date (the first day of week 1) and follow each
other every seven days; a break takes whole calendar weeks, so its first day is normalised to
the start of the calendar week it falls in. Program week N is the N-th calendar week that is not
a break.
"""

import bisect
import dataclasses
import datetime
import enum
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

WEEK = datetime.timedelta(weeks=1)
DAY = datetime.timedelta(days=1)
MIN_BREAK_WEEKS = 1
MAX_BREAK_WEEKS = 8

BREAK_LENGTH = _("A break lasts from 1 to 8 weeks.")
BREAK_BEFORE_WEEK_ONE = _(
    "A break can start in the second week of the run at the earliest (the week of %(date)s): "
    "the run begins with a program week."
)
BREAK_OVERLAPS = _("This break overlaps the break that starts the week of %(date)s.")
BREAK_AFTER_RUN = _(
    "This break starts after the last program week (the week of %(date)s): "
    "a break must fall between program weeks."
)


class Phase(enum.StrEnum):
    BEFORE = "before"
    WEEK = "week"
    BREAK = "break"
    AFTER = "after"


@dataclasses.dataclass(frozen=True)
class Break:
    """Break weeks: `weeks` calendar weeks from the one `starts_on` falls in."""

    starts_on: datetime.date
    weeks: int
    reason: str = ""
    key: object = None  # what the caller knows the break by (a CohortBreak's pk), kept as is

    @property
    def ends_on(self) -> datetime.date:
        """The last day of the break."""
        return self.starts_on + self.weeks * WEEK - DAY

    @property
    def days(self) -> int:
        return self.weeks * 7


@dataclasses.dataclass(frozen=True)
class Position:
    """Where a day falls in the run.

    BEFORE and AFTER the run have no week. In a program WEEK, `week` is its number; in a BREAK,
    `week` is the program week the run comes back with and `brk` the break.
    """

    phase: Phase
    week: int | None = None
    brk: Break | None = None

    @property
    def is_break(self) -> bool:
        return self.phase == Phase.BREAK

    @property
    def in_progress(self) -> bool:
        """Between the first day of week 1 and the last day of the last week (breaks included)."""
        return self.phase in (Phase.WEEK, Phase.BREAK)


@dataclasses.dataclass(frozen=True)
class CalendarWeek:
    """One stretch of the run as the week strip shows it: a program week, or a whole break."""

    starts_on: datetime.date
    ends_on: datetime.date
    week: int | None = None
    brk: Break | None = None

    @property
    def is_break(self) -> bool:
        return self.brk is not None


class CohortCalendar:
    """Program weeks 1..`weeks` from `start`, skipping the calendar weeks of `breaks`.

    Overlapping breaks (which validation refuses) are read as their union, so a calendar always
    answers; a break that begins after the last program week changes nothing.
    """

    def __init__(self, *, start: datetime.date, weeks: int, breaks: Iterable[Break] = ()):
        self.start = start
        self.weeks = max(int(weeks), 1)
        self.breaks = tuple(
            sorted(
                (dataclasses.replace(brk, starts_on=self.week_of(brk.starts_on)) for brk in breaks),
                key=lambda brk: brk.starts_on,
            )
        )
        taken: dict[int, Break] = {}
        for brk in self.breaks:
            first = self._offset(brk.starts_on)
            for offset in range(first, first + max(brk.weeks, 0)):
                taken.setdefault(offset, brk)
        offsets = []
        offset = 0
        while len(offsets) < self.weeks:
            if offset not in taken:
                offsets.append(offset)
            offset += 1
        self._offsets = offsets  # program week N is calendar week offsets[N - 1] from the start
        self._week_at = {offset: number for number, offset in enumerate(offsets, start=1)}
        self._taken = {offset: brk for offset, brk in taken.items() if 0 <= offset < offsets[-1]}

    def __repr__(self):
        return f"<CohortCalendar {self.start} + {self.weeks} weeks, breaks={list(self.breaks)}>"

    # Calendar weeks

    def _offset(self, day: datetime.date) -> int:
        return (day - self.start).days // 7

    def week_of(self, day: datetime.date) -> datetime.date:
        """The first day of the calendar week of the run that `day` falls in."""
        return self.start + self._offset(day) * WEEK

    # Program week -> dates

    def week_start(self, week: int) -> datetime.date:
        """The first day of program week `week` (weeks outside 1..N continue at one a week)."""
        if week < 1:
            return self.start + (week - 1) * WEEK
        if week > self.weeks:
            return self.week_start(self.weeks) + (week - self.weeks) * WEEK
        return self.start + self._offsets[week - 1] * WEEK

    def week_end(self, week: int) -> datetime.date:
        """The last day of program week `week`: the due date of what is due that week."""
        return self.week_start(week) + WEEK - DAY

    def session_date(self, week: int, weekday: int) -> datetime.date:
        """The day of program week `week` that is `weekday` (0 is Monday)."""
        start = self.week_start(week)
        return start + datetime.timedelta(days=(weekday - start.weekday()) % 7)

    @property
    def end_date(self) -> datetime.date:
        """The last day of the last program week."""
        return self.week_end(self.weeks)

    @property
    def effective_breaks(self) -> tuple[Break, ...]:
        """The breaks that fall inside the run (each once), in date order."""
        seen = []
        for offset in sorted(self._taken):
            if self._taken[offset] not in seen:
                seen.append(self._taken[offset])
        return tuple(seen)

    # Date -> where in the run

    def locate(self, day: datetime.date) -> Position:
        if day < self.start:
            return Position(Phase.BEFORE)
        if day > self.end_date:
            return Position(Phase.AFTER)
        offset = self._offset(day)
        if offset in self._taken:
            resumes = bisect.bisect_right(self._offsets, offset) + 1
            return Position(Phase.BREAK, week=resumes, brk=self._taken[offset])
        return Position(Phase.WEEK, week=self._week_at[offset])

    def week_number(self, day: datetime.date) -> int:
        """The program week of `day`, clamped to 1..N; in a break, the last week begun."""
        position = self.locate(day)
        if position.phase == Phase.BEFORE:
            return 1
        if position.phase == Phase.AFTER:
            return self.weeks
        if position.is_break:
            return max(position.week - 1, 1)
        return position.week

    def break_days(self, since: datetime.date, until: datetime.date) -> int:
        """How many days from `since` (included) to `until` (excluded) fall in a break of the run."""
        days = 0
        for offset in self._taken:
            first = self.start + offset * WEEK
            overlap = (min(first + WEEK, until) - max(first, since)).days
            days += max(overlap, 0)
        return days

    # The strip

    def strip(self) -> list[CalendarWeek]:
        """Every program week in order, with each break as one item where it falls."""
        items = []
        for offset in range(self._offsets[-1] + 1):
            first = self.start + offset * WEEK
            if offset in self._week_at:
                items.append(CalendarWeek(first, first + WEEK - DAY, week=self._week_at[offset]))
            elif items and items[-1].brk is self._taken[offset]:
                items[-1] = dataclasses.replace(items[-1], ends_on=first + WEEK - DAY)
            else:
                items.append(CalendarWeek(first, first + WEEK - DAY, brk=self._taken[offset]))
        return items


def break_errors(
    *, start: datetime.date, weeks: int, breaks: list[Break]
) -> list[tuple[int, str, ValidationError]]:
    """What is wrong with each of `breaks` (in their order): (index, field, error).

    A break lasts 1 to 8 weeks, starts in the run's second calendar week at the earliest (week 1
    always comes first), overlaps no other break, and starts before the run is over.
    """
    errors = []
    if not breaks:
        return errors
    calendar = CohortCalendar(start=start, weeks=weeks)
    kept = []
    order = sorted(range(len(breaks)), key=lambda i: (calendar.week_of(breaks[i].starts_on), i))
    for index in order:
        brk = breaks[index]
        first = calendar.week_of(brk.starts_on)
        if not MIN_BREAK_WEEKS <= brk.weeks <= MAX_BREAK_WEEKS:
            errors.append((index, "weeks", ValidationError(BREAK_LENGTH, code="break_length")))
            continue
        if first < start + WEEK:
            errors.append(
                (
                    index,
                    "starts_on",
                    ValidationError(
                        BREAK_BEFORE_WEEK_ONE,
                        code="break_before_week_one",
                        params={"date": date_format(start + WEEK, "DATE_FORMAT")},
                    ),
                )
            )
            continue
        clash = next((other for other in kept if first <= other.ends_on), None)
        if clash is not None:
            errors.append(
                (
                    index,
                    "starts_on",
                    ValidationError(
                        BREAK_OVERLAPS,
                        code="break_overlaps",
                        params={"date": date_format(clash.starts_on, "DATE_FORMAT")},
                    ),
                )
            )
            continue
        kept.append(dataclasses.replace(brk, starts_on=first))
    try:
        last_week = CohortCalendar(start=start, weeks=weeks, breaks=kept).week_start(weeks)
    except OverflowError:  # a run at the end of the calendar, refused on its start date
        return sorted(errors, key=lambda error: error[0])
    for index in order:
        brk = breaks[index]
        if any(i == index for i, _f, _e in errors):
            continue
        if calendar.week_of(brk.starts_on) > last_week:
            errors.append(
                (
                    index,
                    "starts_on",
                    ValidationError(
                        BREAK_AFTER_RUN,
                        code="break_after_run",
                        params={"date": date_format(last_week, "DATE_FORMAT")},
                    ),
                )
            )
    return sorted(errors, key=lambda error: error[0])
