"""Reads of teams' phase plans, a fixed number of queries however many teams, templates and milestones."""

import datetime
from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from cohorts.assignments.models import Submission
from cohorts.models import Membership, Team
from cohorts.phases.models import Milestone
from cohorts.phases.timeline import PhaseStatus, phase_status
from sprints.models import AssignmentTemplate, ProgramPhase


def with_plan_data(teams: QuerySet) -> QuerySet:
    """`teams` with what their phase plans are computed from: cohort, program, breaks and phases."""
    return teams.select_related("cohort__program").prefetch_related(
        "cohort__breaks",
        Prefetch("cohort__program__phases", queryset=ProgramPhase.objects.order_by("sort_order", "pk")),
    )


def phase_statuses(
    teams, *, today: datetime.date, now: datetime.datetime | None = None, with_participants: bool = False
) -> list[tuple[Team, PhaseStatus]]:
    """Each team's phase status (cohorts.phases.timeline.phase_status) on `today`.

    `teams` come from ``with_plan_data``; three more queries load every team's templates,
    submission statuses and milestones (four with the site visits' participants).
    """
    now = now or timezone.now()
    teams = list(teams)
    if not teams:
        return []
    program_ids = {team.cohort.program_id for team in teams}
    templates = defaultdict(list)
    for template in AssignmentTemplate.objects.filter(program_id__in=program_ids).order_by("due_week", "pk"):
        templates[template.program_id].append(template)
    statuses = defaultdict(dict)
    for team_id, template_id, status in Submission.objects.filter(team__in=teams).values_list(
        "team_id", "template_id", "status"
    ):
        statuses[team_id][template_id] = status
    milestones = Milestone.objects.filter(team__in=teams).select_related("template")
    if with_participants:
        milestones = milestones.prefetch_related(
            Prefetch("participants", queryset=Membership.objects.select_related("user", "role"))
        )
    by_team = defaultdict(list)
    for milestone in milestones:
        by_team[milestone.team_id].append(milestone)
    results = []
    for team in teams:
        cohort = team.cohort
        results.append(
            (
                team,
                phase_status(
                    calendar=cohort.calendar,
                    spans=cohort.program.phase_plan(cohort.program.phases.all()),
                    templates=templates[cohort.program_id],
                    statuses=statuses[team.pk],
                    milestones=by_team[team.pk],
                    today=today,
                    now=now,
                    zone=cohort.zone,
                ),
            )
        )
    return results


def team_phase_status(
    team: Team, *, today: datetime.date, now: datetime.datetime | None = None
) -> PhaseStatus:
    """One team's phase status, with its site visits' participants (for its home and plan page):
    five queries besides the cohort's breaks, once `team`'s cohort and program are loaded."""
    return phase_statuses([team], today=today, now=now, with_participants=True)[0][1]


def has_phase_plan(team: Team) -> bool:
    """Whether the team has a phase plan to show: its program has phases, or the team milestones
    (one query)."""
    return (
        Team.objects.filter(pk=team.pk)
        .filter(
            Exists(ProgramPhase.objects.filter(program_id=OuterRef("cohort__program_id")))
            | Exists(Milestone.objects.filter(team_id=OuterRef("pk")))
        )
        .exists()
    )
