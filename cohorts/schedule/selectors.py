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
from cohorts.schedule.models import (
    Attendance,
    SchedulePoll,
    ScheduleSlot,
    ScheduleVote,
    Session,
    SessionMaterial,
    SessionStatus,
)
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


# The schedule poll


def cohort_poll(cohort: Cohort) -> SchedulePoll | None:
    """The cohort's schedule poll with its slots in order, or None; each slot's first occurrence
    (`starts_at`, in the cohort's zone) computed, and the cohort already loaded (no query per row)."""
    poll = SchedulePoll.objects.filter(cohort=cohort).first()
    if poll is None:
        return None
    poll.cohort = cohort
    poll.slot_list = list(poll.slots.order_by("sort_order", "pk"))
    for slot in poll.slot_list:
        slot.poll = poll
        slot.starts_at = slot.first_starts_at(cohort)
    return poll


def member_answers(poll: SchedulePoll, membership: Membership) -> dict[int, str]:
    """{slot pk: answer} of one member in the poll."""
    return dict(
        ScheduleVote.objects.filter(slot__poll=poll, membership=membership).values_list("slot_id", "answer")
    )


@dataclass
class SlotTally:
    slot: ScheduleSlot
    yes: int = 0
    if_needed: int = 0
    no: int = 0
    not_answered: int = 0
    is_best: bool = False

    @property
    def answered(self):
        return self.yes + self.if_needed + self.no

    @property
    def score(self):
        """Who can come, those who would only if needed counting half: what a good slot maximises."""
        return (self.yes * 2 + self.if_needed, -self.no)


@dataclass
class MemberRow:
    membership: Membership
    answers: list  # one answer value or None per slot, in the order of the slots

    @property
    def has_answered(self):
        return any(self.answers)


@dataclass
class PollTally:
    slots: list[SlotTally]
    rows: list[MemberRow]  # the members whose answers the viewer may read
    member_count: int
    answered_member_count: int
    team_count: int
    answered_team_count: int

    @property
    def waiting(self):
        """The members (of those the viewer may read) who have not answered yet."""
        return [row.membership for row in self.rows if not row.has_answered]


def poll_tally(poll: SchedulePoll, visible_teams=None) -> PollTally:
    """Counts per slot over every member of the cohort's teams (archived teams left out), and the
    answers member by member for the teams in `visible_teams` (a queryset of teams; all when None).

    Four queries whatever the number of slots, teams and members.
    """
    slots = poll.slot_list if hasattr(poll, "slot_list") else list(poll.slots.order_by("sort_order", "pk"))
    memberships = list(
        Membership.objects.filter(team__cohort_id=poll.cohort_id, team__archived_at=None)
        .select_related("user", "team", "role")
        .order_by("team__name", "team_id", "sort_order", "pk")
    )
    visible = None
    if visible_teams is not None:
        visible = set(visible_teams.filter(cohort_id=poll.cohort_id).values_list("pk", flat=True))
    votes = ScheduleVote.objects.filter(
        slot__poll=poll, membership__team__archived_at=None, membership__team__cohort_id=poll.cohort_id
    ).values_list("slot_id", "membership_id", "answer")
    by_member = defaultdict(dict)
    tallies = {slot.pk: SlotTally(slot=slot) for slot in slots}
    for slot_id, membership_id, answer in votes:
        by_member[membership_id][slot_id] = answer
        tally = tallies.get(slot_id)
        if tally is not None:
            setattr(tally, answer, getattr(tally, answer) + 1)
    slot_tallies = [tallies[slot.pk] for slot in slots]
    for tally in slot_tallies:
        tally.not_answered = max(len(memberships) - tally.answered, 0)
    if slot_tallies and max(t.answered for t in slot_tallies):
        best = max(t.score for t in slot_tallies)
        for tally in slot_tallies:
            tally.is_best = tally.score == best
    teams = {m.team_id for m in memberships}
    answered_teams = {m.team_id for m in memberships if by_member.get(m.pk)}
    rows = [
        MemberRow(membership=m, answers=[by_member[m.pk].get(slot.pk) for slot in slots])
        for m in memberships
        if visible is None or m.team_id in visible
    ]
    return PollTally(
        slots=slot_tallies,
        rows=rows,
        member_count=len(memberships),
        answered_member_count=sum(1 for m in memberships if by_member.get(m.pk)),
        team_count=len(teams),
        answered_team_count=len(answered_teams),
    )
