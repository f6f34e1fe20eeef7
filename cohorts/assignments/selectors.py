"""Reads of a team's assignment work, bounded whatever the size of the curriculum."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from cohorts.assignments.models import Submission, SubmissionStatus
from cohorts.models import Team
from sprints.models import AssignmentTemplate


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
