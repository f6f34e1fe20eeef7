"""Read queries for coaching: the coach's dashboard, the team's TA history and the reports.

Each returns a queryset (or a list built from a fixed number of queries), so a page runs the
same number of queries whatever the number of teams or sessions.
"""

import dataclasses
import datetime

from django.db.models import Count, F, FloatField, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone

from coaching.models import ActionItem, ActionItemStatus, CoachAssignment, TASession
from cohorts.assignments.models import Submission, SubmissionStatus
from cohorts.models import Team
from cohorts.policies import coached_teams, is_staff
from cohorts.progress.models import CriterionProgress, ProgressStatus
from cohorts.schedule.weeks import CohortCalendar

# Derived state: is a team overdue for a TA session?


def days_since_ta(
    *, last_session_on: datetime.date | None, cohort_start: datetime.date, today: datetime.date
):
    """Days since the last TA session, or since the cohort started when there has been none."""
    return (today - (last_session_on or cohort_start)).days


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


def dashboard_teams(user):
    """The teams on the user's dashboard panel: the ones they coach; for staff who coach none, every
    coached team."""
    mine = coached_teams(user)
    if is_staff(user) and not mine.exists():
        return Team.objects.filter(archived_at=None, coach_assignments__ends_on=None).distinct()
    return mine.filter(archived_at=None)


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


def team_ta_statuses(teams, today=None, with_coaches=True):
    """One TeamTAStatus per team, in two queries (three with the active coaches)."""
    now = timezone.now()
    rows = list(
        with_ta_status(teams, today).prefetch_related("cohort__breaks").order_by("cohort__start_date", "name")
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
        local_today = today or timezone.localtime(now, cohort.zone).date()
        last_on = timezone.localtime(team.last_ta_at, cohort.zone).date() if team.last_ta_at else None
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
