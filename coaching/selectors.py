"""Read queries for coaching: the coach's dashboard, the team's TA history and the reports.

Each returns a queryset (or a list built from a fixed number of queries), so a page runs the
same number of queries whatever the number of teams or sessions.
"""

import dataclasses
import datetime

from django.db.models import (
    Count,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import pgettext

from accounts.dates import local_date
from coaching import momentum as momentum_signal
from coaching.models import ActionItem, ActionItemStatus, CoachAssignment, MomentumNote, TASession
from cohorts.assignments.models import FeedbackDecision, Submission, SubmissionStatus
from cohorts.checkins.models import CheckIn
from cohorts.models import Team
from cohorts.policies import coached_teams, coaches_any_team, is_staff
from cohorts.progress.models import CriterionProgress, ProgressStatus
from cohorts.schedule.models import Attendance, AttendanceStatus, SessionStatus
from cohorts.schedule.weeks import CohortCalendar
from sprints.models import AssignmentTemplate

# Derived state: is a team overdue for a TA session?


def days_since_ta(
    *, last_session_on: datetime.date | None, cohort_start: datetime.date, today: datetime.date
):
    """Days since the last TA session, or since the cohort started when there has been none."""
    return (today - (last_session_on or cohort_start)).days


def days_since_shown(days: int, *, counted_from_start: bool):
    """What a "Days since" column shows for `days` (from `days_since_ta`): the number, or words
    instead of a negative one (a cohort still to start, a session dated ahead)."""
    if days >= 0:
        return days
    if counted_from_start:
        return pgettext("cohort", "Not started")
    return pgettext("days since a session", "Not yet")


def is_ta_overdue(
    *,
    last_session_on: datetime.date | None,
    cohort_start: datetime.date,
    cadence_days: int,
    today: datetime.date,
    cohort_end: datetime.date | None = None,
    calendar: CohortCalendar | None = None,
) -> bool:
    """Overdue when more than `cadence_days` days have passed since the last session (or the start).

    A weekly team seen on day 0 is fine on day 7 and overdue on day 8. Nothing is overdue
    before the cohort starts or after it ends. With the cohort's `calendar`, the clock stops
    during break weeks: nothing is overdue in a break, and break days do not count.
    """
    if today < cohort_start or (cohort_end is not None and today > cohort_end):
        return False
    since = days_since_ta(last_session_on=last_session_on, cohort_start=cohort_start, today=today)
    if calendar is not None:
        if calendar.locate(today).is_break:
            return False
        since -= calendar.break_days(last_session_on or cohort_start, today)
    return since > cadence_days


# Who sees which teams


def coaching_teams(user):
    """The teams whose coaching records the user reaches: staff all, a coach their assigned teams."""
    if is_staff(user):
        return Team.objects.all()
    return coached_teams(user)


def is_staff_overview(user):
    """Staff who coach no team: their dashboard panel overlooks every coached team."""
    return is_staff(user) and not coaches_any_team(user)


def dashboard_teams(user):
    """The teams on the user's dashboard panel: the ones they coach; for staff who coach none, every
    coached team."""
    if is_staff_overview(user):
        return Team.objects.filter(archived_at=None, coach_assignments__ends_on=None).distinct()
    return coached_teams(user).filter(archived_at=None)


def _count(queryset):
    """A correlated COUNT subquery over `queryset` (already filtered on OuterRef)."""
    return Coalesce(
        Subquery(queryset.order_by().values("team").annotate(n=Count("pk")).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def with_ta_status(teams, today=None):
    """Annotate teams with their last TA session and what waits for them or their coach."""
    today = today or timezone.localdate()
    team = OuterRef("pk")
    last_session = TASession.objects.filter(team=team).order_by("-starts_at")
    open_items = ActionItem.objects.filter(team=team, status=ActionItemStatus.OPEN)
    return teams.select_related("cohort__program").annotate(
        last_ta_at=Subquery(last_session.values("starts_at")[:1]),
        last_ta_pk=Subquery(last_session.values("pk")[:1]),
        open_items_count=_count(open_items),
        overdue_items_count=_count(open_items.filter(due_on__lt=today)),
        submissions_waiting_count=_count(
            Submission.objects.filter(team=team, status=SubmissionStatus.SUBMITTED)
        ),
        evidence_waiting_count=_count(
            CriterionProgress.objects.filter(team=team, status=ProgressStatus.MET, verified_at=None)
        ),
    )


@dataclasses.dataclass
class TeamTAStatus:
    team: Team
    last_ta_at: datetime.datetime | None
    last_ta_pk: int | None
    days_since: int
    overdue: bool
    on_break: bool
    open_items: int
    overdue_items: int
    submissions_waiting: int
    evidence_waiting: int
    coaches: list

    @property
    def days_since_shown(self):
        """The "Days since" column: the count, never negative: "Not started" before the cohort
        starts with no session yet, "Not yet" when the last session logged is dated ahead."""
        return days_since_shown(self.days_since, counted_from_start=self.last_ta_at is None)


def team_ta_statuses(teams, today=None, with_coaches=True, limit=None):
    """One TeamTAStatus per team, in two queries (three with the active coaches).

    With `limit`, only that many teams: those longest without a TA session first."""
    now = timezone.now()
    rows = with_ta_status(teams, today).prefetch_related("cohort__breaks")
    if limit is None:
        rows = list(rows.order_by("cohort__start_date", "name"))
    else:
        rows = list(
            rows.order_by(F("last_ta_at").asc(nulls_first=True), "cohort__start_date", "name")[:limit]
        )
    coaches = {}
    if with_coaches:
        assignments = CoachAssignment.objects.filter(
            team__in=[t.pk for t in rows], ends_on=None
        ).select_related("coach")
        for assignment in assignments.order_by("role"):
            coaches.setdefault(assignment.team_id, []).append(assignment)
    statuses = []
    for team in rows:
        cohort = team.cohort
        # Days in the user's own time zone, as everywhere days are counted (accounts.dates).
        local_today = today or local_date(now)
        last_on = local_date(team.last_ta_at) if team.last_ta_at else None
        calendar = cohort.calendar
        statuses.append(
            TeamTAStatus(
                team=team,
                last_ta_at=team.last_ta_at,
                last_ta_pk=team.last_ta_pk,
                days_since=days_since_ta(
                    last_session_on=last_on, cohort_start=cohort.start_date, today=local_today
                ),
                overdue=is_ta_overdue(
                    last_session_on=last_on,
                    cohort_start=cohort.start_date,
                    cadence_days=cohort.program.ta_cadence_days,
                    today=local_today,
                    cohort_end=cohort.end_date,
                    calendar=calendar,
                ),
                on_break=calendar.locate(local_today).is_break,
                open_items=team.open_items_count,
                overdue_items=team.overdue_items_count,
                submissions_waiting=team.submissions_waiting_count,
                evidence_waiting=team.evidence_waiting_count,
                coaches=coaches.get(team.pk, []),
            )
        )
    return statuses


# The team's side


def team_ta_sessions(team):
    """The team's TA sessions with what the team may see. Never load the coach-only fields."""
    return (
        TASession.objects.filter(team=team)
        .select_related("coach")
        .only(
            "pk",
            "team_id",
            "coach__full_name",
            "coach__email",
            "coach__deleted_at",  # a deleted coach's name reads "Deleted user"
            "starts_at",
            "minutes",
            "mode",
            "summary",
        )
        .prefetch_related(
            Prefetch("attendees", queryset=_memberships()),
            "topics",
            Prefetch(
                "action_items", queryset=ActionItem.objects.select_related("owner__user").order_by("id")
            ),
        )
        .order_by("-starts_at")
    )


def _memberships():
    from cohorts.models import Membership

    return Membership.objects.select_related("user", "role")


def team_action_items(team):
    return (
        ActionItem.objects.filter(team=team)
        .select_related("owner__user", "completed_by", "ta_session")
        .prefetch_related("comments__author")
        .order_by("status", F("due_on").asc(nulls_last=True), "id")
    )


def open_action_items(team: Team):
    """The team's open next steps from coaching, soonest due first (undated last)."""
    return (
        ActionItem.objects.filter(team=team, status=ActionItemStatus.OPEN)
        .select_related("owner__user")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


# Reports


def ta_hours(sessions):
    """TA session counts and hours per month, team, cohort and coach, from a TASession queryset."""
    return (
        sessions.annotate(month=TruncMonth("starts_at"))
        .values(
            "month",
            "team__cohort__name",
            "team__name",
            "coach__full_name",
            "coach__email",
        )
        .annotate(session_count=Count("pk"), minutes_total=Sum("minutes"))
        .annotate(hours=Cast(F("minutes_total"), FloatField()) / 60.0)
        .order_by("-month", "team__cohort__name", "team__name", "coach__full_name")
    )


def action_item_completion(items):
    """Per team: action items, how many are done, and the completion rate in percent."""
    return (
        items.values("team__cohort__name", "team__name")
        .annotate(
            item_count=Count("pk"),
            done_count=Count("pk", filter=Q(status=ActionItemStatus.DONE)),
            dropped_count=Count("pk", filter=Q(status=ActionItemStatus.DROPPED)),
        )
        .annotate(completion_rate=Cast(F("done_count"), FloatField()) * 100.0 / F("item_count"))
        .order_by("team__cohort__name", "team__name")
    )


def coach_load(coaches, today=None):
    """Per coach: active teams, and TA sessions and hours this month."""
    today = today or timezone.localdate()
    month_start = today.replace(day=1)
    coach = OuterRef("pk")
    this_month = TASession.objects.filter(coach=coach, starts_at__date__gte=month_start)

    def aggregate(queryset, expression):
        return Coalesce(
            Subquery(queryset.order_by().values("coach").annotate(v=expression).values("v")[:1]),
            Value(0),
        )

    return coaches.annotate(
        active_team_count=aggregate(
            CoachAssignment.objects.filter(coach=coach, ends_on=None).values("coach"), Count("pk")
        ),
        month_session_count=aggregate(this_month, Count("pk")),
        month_minutes=aggregate(this_month, Sum("minutes")),
    ).order_by("full_name", "email")


# The momentum signal (coaching.momentum): the facts of many teams in a fixed number of queries.


@dataclasses.dataclass
class TeamMomentum:
    team: Team
    momentum: momentum_signal.Momentum
    notes: dict  # program week -> MomentumNote
    coaches: list

    @property
    def level(self):
        return self.momentum.level

    @property
    def current(self):
        return self.momentum.current

    @property
    def current_note(self):
        current = self.momentum.current
        return self.notes.get(current.week) if current and current.week else None

    @property
    def chart(self):
        return momentum_signal.trend_chart(self.momentum.trend)

    @property
    def trend_with_notes(self):
        return [(week, self.notes.get(week.week)) for week in self.momentum.trend]


def _local_date(value, zone):
    return timezone.localtime(value, zone).date() if value else None


def team_momentum(teams, today=None, with_coaches=True):
    """One TeamMomentum per team (dips first, then teams to watch, then steady), in ten queries
    whatever the number of teams: the teams with their cohorts' breaks, then one query each for
    TA sessions, action items, attendance, assignment templates, submissions, RDC items in
    progress, check-ins, the coaches' notes and (with `with_coaches`) the active coaches."""

    now = timezone.now()
    rows = list(teams.select_related("cohort__program").prefetch_related("cohort__breaks").order_by("name"))
    pks = [team.pk for team in rows]
    by_team = {
        pk: {"ta": [], "items": [], "attendance": {}, "submissions": {}, "criteria": [], "checkins": []}
        for pk in pks
    }
    # Dates in the user's own time zone, as everywhere days are counted (accounts.dates).
    zone = timezone.get_current_timezone()
    zones = dict.fromkeys(pks, zone)

    for team_id, starts_at in (
        TASession.objects.filter(team__in=pks).order_by().values_list("team_id", "starts_at")
    ):
        by_team[team_id]["ta"].append(_local_date(starts_at, zones[team_id]))
    items = (
        ActionItem.objects.filter(team__in=pks, due_on__isnull=False)
        .exclude(status=ActionItemStatus.DROPPED)
        .order_by()
        .values_list("team_id", "due_on", "status", "completed_at")
    )
    for team_id, due_on, status, completed_at in items:
        done_on = _local_date(completed_at, zones[team_id]) if status == ActionItemStatus.DONE else None
        by_team[team_id]["items"].append(momentum_signal.ActionItemFact(due_on=due_on, done_on=done_on))
    attendance = (
        Attendance.objects.filter(membership__team__in=pks)
        .exclude(session__status=SessionStatus.CANCELLED)
        .values_list("membership__team_id", "session_id", "session__starts_at", "status")
    )
    for team_id, session_id, starts_at, status in attendance:
        held_on, present, absent = by_team[team_id]["attendance"].get(
            session_id, (_local_date(starts_at, zones[team_id]), False, False)
        )
        by_team[team_id]["attendance"][session_id] = (
            held_on,
            present or status == AttendanceStatus.PRESENT,
            absent or status == AttendanceStatus.ABSENT,
        )
    programs = {team.cohort.program_id for team in rows}
    templates = {}
    for template in AssignmentTemplate.objects.filter(program__in=programs, optional=False).order_by(
        "due_week", "pk"
    ):
        templates.setdefault(template.program_id, []).append(template)
    # One grouped join, not two subqueries run again for every submission: its first version, and
    # the last time it was returned for changes.
    submissions = (
        Submission.objects.filter(team__in=pks)
        .order_by()
        .annotate(
            first_submitted_at=Min("versions__submitted_at"),
            returned_at=Max(
                "versions__feedback__created_at",
                filter=Q(versions__feedback__decision=FeedbackDecision.CHANGES_REQUESTED),
            ),
        )
        .values_list("team_id", "template_id", "status", "first_submitted_at", "returned_at")
    )
    for team_id, template_id, status, first_submitted_at, returned in submissions:
        zone = zones[team_id]
        by_team[team_id]["submissions"][template_id] = (
            _local_date(first_submitted_at, zone),
            _local_date(returned, zone) if status == SubmissionStatus.CHANGES_REQUESTED else None,
        )
    progress = CriterionProgress.objects.filter(team__in=pks, status=ProgressStatus.IN_PROGRESS)
    for team_id, updated_at in progress.order_by().values_list("team_id", "updated_at"):
        by_team[team_id]["criteria"].append(_local_date(updated_at, zones[team_id]))
    checkins = (
        CheckIn.objects.filter(team__in=pks)
        .order_by()
        .values_list("team_id", "week", "rating", "political_support", "blockers")
    )
    for team_id, week, rating, support, blockers in checkins:
        by_team[team_id]["checkins"].append(
            momentum_signal.CheckInFact(
                week=week, rating=rating, political_support=support, blockers=blockers
            )
        )
    notes = {}
    for note in MomentumNote.objects.filter(team__in=pks).select_related("author"):
        notes.setdefault(note.team_id, {})[note.week] = note
    coaches = {}
    if with_coaches:
        assignments = CoachAssignment.objects.filter(team__in=pks, ends_on=None).select_related("coach")
        for assignment in assignments.order_by("role"):
            coaches.setdefault(assignment.team_id, []).append(assignment)

    results = []
    for team in rows:
        cohort = team.cohort
        calendar = cohort.calendar
        facts = by_team[team.pk]
        assignments = []
        for template in templates.get(cohort.program_id, []):
            first_submitted_on, returned_on = facts["submissions"].get(template.pk, (None, None))
            assignments.append(
                momentum_signal.AssignmentFact(
                    title=template.title,
                    due_on=calendar.week_end(template.due_week),
                    first_submitted_on=first_submitted_on,
                    returned_on=returned_on,
                )
            )
        team_facts = momentum_signal.TeamFacts(
            calendar=calendar,
            ta_cadence_days=cohort.program.ta_cadence_days,
            ta_session_dates=tuple(facts["ta"]),
            action_items=tuple(facts["items"]),
            assignments=tuple(assignments),
            sessions=tuple(
                momentum_signal.SessionAttendanceFact(
                    held_on=held_on, anyone_present=present, anyone_absent=absent
                )
                for held_on, present, absent in facts["attendance"].values()
            ),
            in_progress_criteria_updated=tuple(facts["criteria"]),
            checkins=tuple(facts["checkins"]),
        )
        local_today = today or local_date(now)
        results.append(
            TeamMomentum(
                team=team,
                momentum=momentum_signal.momentum(team_facts, local_today),
                notes=notes.get(team.pk, {}),
                coaches=coaches.get(team.pk, []),
            )
        )
    results.sort(
        key=lambda row: (
            momentum_signal.LEVEL_ORDER[row.level],
            -(row.current.score if row.current else 0),
            row.team.name,
        )
    )
    return results


def momentum_teams(user, today=None, coached_only=False):
    """The teams whose momentum the user follows: the teams they coach (for staff, every active
    team, unless `coached_only`), in a cohort that has started and not ended more than two weeks
    ago."""
    today = today or timezone.localdate()
    teams = Team.objects.all() if is_staff(user) and not coached_only else coached_teams(user)
    return teams.filter(
        archived_at=None,
        cohort__start_date__lte=today,
        cohort__end_date__gte=today - datetime.timedelta(weeks=2),
    )
