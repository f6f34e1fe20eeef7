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
    number: int
    starts_on: datetime.date
    sessions: list = field(default_factory=list)
    is_current: bool = False


def cohort_timeline(cohort: Cohort, sessions, today: datetime.date) -> list[Week]:
    """Weeks 1..N of the program with the sessions of each; the week of `today` marked current."""
    in_progress = cohort.start_date <= today <= cohort.end_date
    current = cohort.week_number(today) if in_progress else None
    weeks = [
        Week(number=number, starts_on=cohort.week_start(number), is_current=number == current)
        for number in range(1, cohort.program.duration_weeks + 1)
    ]
    for session in sessions:
        if 1 <= session.week <= len(weeks):
            weeks[session.week - 1].sessions.append(session)
    return weeks


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
