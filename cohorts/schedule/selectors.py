"""Read queries for the team workspace: each returns a queryset or small dataclasses.

Every function runs a fixed number of queries whatever the size of the cohort, the
curriculum or the team, so the workspace pages stay bounded.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from cohorts.models import Cohort, Membership, Team, within_date_range
from cohorts.schedule.models import Attendance, Session, SessionMaterial, SessionStatus
from cohorts.schedule.weeks import Break, Phase
from cohorts.workspace.selectors import team_roster


def cohort_sessions(cohort: Cohort):
    """Every session of the cohort, in time order (cancelled ones included).

    A session dated outside the accepted window (written before dates were checked) is left out:
    its local time may not exist, and one such row must not break every member's pages.
    """
    return Session.objects.filter(within_date_range("starts_at"), cohort=cohort).order_by("starts_at", "pk")


def cohort_session_list(cohort: Cohort) -> list[Session]:
    """The cohort's sessions as a list, each holding the cohort already loaded (no query per row)."""
    sessions = list(cohort_sessions(cohort))
    for session in sessions:
        session.cohort = cohort
    return sessions


def team_session_or_none(team: Team, session_pk):
    """One session of the team's cohort with its materials, or None (another cohort's is None)."""
    return (
        Session.objects.filter(cohort_id=team.cohort_id, pk=session_pk)
        .select_related("cohort")
        .prefetch_related(Prefetch("materials", queryset=SessionMaterial.objects.select_related("document")))
        .first()
    )


@dataclass
class Week:
    """One item of the week strip: program week `number`, or a break (`brk`, `number` None)."""

    number: int | None
    starts_on: datetime.date
    sessions: list = field(default_factory=list)
    is_current: bool = False
    ends_on: datetime.date | None = None
    brk: Break | None = None

    @property
    def is_break(self) -> bool:
        return self.brk is not None


def cohort_timeline(cohort: Cohort, sessions, today: datetime.date) -> list[Week]:
    """Weeks 1..N of the program with the sessions of each, and each break where it falls (from the
    cohort's calendar); the week or break of `today` marked current."""
    position = cohort.position(today)
    items, by_number = [], {}
    for stretch in cohort.calendar.strip():
        if stretch.is_break:
            current = position.is_break and position.brk == stretch.brk
        else:
            current = position.phase == Phase.WEEK and position.week == stretch.week
        item = Week(
            number=stretch.week,
            starts_on=stretch.starts_on,
            ends_on=stretch.ends_on,
            brk=stretch.brk,
            is_current=current,
        )
        items.append(item)
        if stretch.week:
            by_number[stretch.week] = item
    for session in sessions:
        if session.week in by_number:
            by_number[session.week].sessions.append(session)
    return items


def upcoming_sessions(sessions, now: datetime.datetime, limit: int = 3) -> list[Session]:
    """The next scheduled sessions not yet over, from an already loaded list of sessions."""
    upcoming = [s for s in sessions if s.status == SessionStatus.SCHEDULED and s.ends_at > now]
    return sorted(upcoming, key=lambda s: s.starts_at)[:limit]


@dataclass
class AttendanceRow:
    membership: Membership
    cells: list  # one Attendance or None per session, in the order of the sessions


def team_attendance(team: Team, sessions) -> list[AttendanceRow]:
    """Members × sessions: each member's attendance record for each of `sessions`."""
    sessions = list(sessions)
    records = Attendance.objects.filter(membership__team=team, session__in=[s.pk for s in sessions]).only(
        "session_id", "membership_id", "status"
    )
    by_member = defaultdict(dict)
    for record in records:
        by_member[record.membership_id][record.session_id] = record
    return [
        AttendanceRow(
            membership=membership,
            cells=[by_member[membership.pk].get(session.pk) for session in sessions],
        )
        for membership in team_roster(team)
    ]


def attendance_sessions(cohort: Cohort, now: datetime.datetime | None = None):
    """The sessions attendance is kept for: those that have started and were not cancelled."""
    now = now or timezone.now()
    return cohort_sessions(cohort).filter(status=SessionStatus.SCHEDULED, starts_at__lte=now)
