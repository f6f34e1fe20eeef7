"""Read queries for the team workspace: each returns a queryset or small dataclasses.

Every function runs a fixed number of queries whatever the size of the cohort, the
curriculum or the team, so the workspace pages stay bounded.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from coaching.models import ActionItem, ActionItemStatus
from cohorts.models import (
    Announcement,
    Attendance,
    Cohort,
    Membership,
    Session,
    SessionMaterial,
    SessionStatus,
    Submission,
    SubmissionStatus,
    Team,
    within_date_range,
)
from cohorts.progress import criterion_is_met, items_needed
from sprints.models import AssignmentTemplate, Criterion


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


@dataclass(frozen=True)
class AssignmentRow:
    template: AssignmentTemplate
    status: str
    status_label: str
    is_overdue: bool


NOT_STARTED = "not_started"


def team_assignments(team: Team, week: int | None) -> list[AssignmentRow]:
    """The program's assignment templates with the team's submission status, in one query."""
    submissions = Submission.objects.filter(team=team, template=OuterRef("pk"))
    templates = (
        AssignmentTemplate.objects.filter(program_id=team.cohort.program_id)
        .annotate(submission_status=Subquery(submissions.values("status")[:1]))
        .order_by("due_week", "id")
    )
    rows = []
    for template in templates:
        status = template.submission_status or NOT_STARTED
        label = SubmissionStatus(status).label if status != NOT_STARTED else None
        done = status in {SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED}
        rows.append(
            AssignmentRow(
                template=template,
                status=status,
                status_label=label,
                is_overdue=bool(week and not done and not template.optional and template.due_week < week),
            )
        )
    return rows


def open_action_items(team: Team):
    """The team's open next steps from coaching, soonest due first (undated last)."""
    return (
        ActionItem.objects.filter(team=team, status=ActionItemStatus.OPEN)
        .select_related("owner__user")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


@dataclass(frozen=True)
class CriterionSummary:
    criterion: Criterion
    item_count: int
    verified_count: int
    required_count: int

    @property
    def needed(self):
        return items_needed(required_count=self.required_count, item_count=self.item_count)

    @property
    def still_needed(self):
        return max(self.needed - self.verified_count, 0)

    @property
    def is_met(self):
        return criterion_is_met(
            verified_count=self.verified_count, item_count=self.item_count, required_count=self.required_count
        )


def team_criteria_summary(team: Team) -> list[CriterionSummary]:
    """Per criterion (RDC7, RDC8…): how many of its items are verified for the team, in one query."""
    verified = Q(items__progress__team=team, items__progress__verified_at__isnull=False)
    criteria = Criterion.objects.annotate(
        item_count=Count("items", distinct=True),
        verified_count=Count("items__progress", filter=verified, distinct=True),
    ).order_by("code")
    return [
        CriterionSummary(
            criterion=criterion,
            item_count=criterion.item_count,
            verified_count=criterion.verified_count,
            required_count=criterion.required_count,
        )
        for criterion in criteria
    ]


def team_roster(team: Team):
    return Membership.objects.filter(team=team).select_related("user", "role").order_by("sort_order", "pk")


def team_pending_invitations(team: Team):
    """Places kept for people invited to the team who have not joined yet (they have no access)."""
    return team.invitations.filter(accepted_at=None).select_related("role").order_by("sort_order", "pk")


def team_announcements(team: Team, viewer: Membership | None, limit: int = 5):
    """The latest announcements sent to the team's cohort that address `viewer`, newest first.

    A member sees those sent to every member and those sent to their own role; someone who
    is not a member of the team (its coach, staff) sees all of them. One query.
    """
    announcements = Announcement.objects.filter(cohort_id=team.cohort_id, sent_at__isnull=False)
    if viewer is not None:
        announcements = announcements.filter(Q(role=None) | Q(role_id=viewer.role_id))
    return announcements.select_related("role").order_by("-sent_at", "-pk")[:limit]


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
