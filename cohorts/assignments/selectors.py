"""Reads of a team's assignment work, bounded whatever the size of the curriculum."""

import datetime
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
    due_on: datetime.date | None = None


NOT_STARTED = "not_started"


def team_assignments(team: Team, today: datetime.date | None = None) -> list[AssignmentRow]:
    """The program's assignment templates with the team's submission status and due date (the
    last day of its due week on the cohort's calendar), in one query besides the cohort's breaks.

    With `today` while the run is in progress, a required assignment not submitted by its due
    date is overdue.
    """
    cohort = team.cohort
    in_progress = today is not None and cohort.position(today).in_progress
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
        due_on = cohort.due_date(template.due_week)
        rows.append(
            AssignmentRow(
                template=template,
                status=status,
                status_label=label,
                is_overdue=bool(in_progress and not done and not template.optional and due_on < today),
                due_on=due_on,
            )
        )
    return rows


def source_contents(team: Team, kinds) -> dict[str, dict]:
    """The team's current content (its saved draft) of each kind another deliverable builds on.

    Where the program has several templates of one kind, the one due last counts. One query.
    """
    if not kinds:
        return {}
    submissions = (
        Submission.objects.filter(team=team, template__kind__in=kinds)
        .order_by("template__due_week", "template_id")
        .values_list("template__kind", "content")
    )
    return dict(submissions.iterator())
