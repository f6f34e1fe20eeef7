"""Every change to a team's phase plan: one function each, validated and atomic, in the history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.models import Team
from cohorts.phases.models import PARTICIPANTS_NOT_ON_TEAM, VISIT_ONLY_DETAILS, Milestone, MilestoneKind

STALE_MILESTONE = _(
    "Someone saved this milestone after you opened it. Your changes are below, not saved: compare them "
    "with the current version and save again."
)
TEAM_ARCHIVED = _("This team has given up its place: its plan is kept as it was.")
MILESTONE_TEAM_FIXED = _("A milestone stays with its team: record it again for the other team.")


def _check_participants(milestone: Milestone, participants) -> None:
    participants = list(participants or [])
    if participants and milestone.kind != MilestoneKind.SITE_VISIT:
        raise ValidationError(
            {"participants": ValidationError(VISIT_ONLY_DETAILS, code="visit_only_details")}
        )
    if any(member.team_id != milestone.team_id for member in participants):
        raise ValidationError(
            {"participants": ValidationError(PARTICIPANTS_NOT_ON_TEAM, code="participants_not_on_team")}
        )


def _default_due_on(milestone: Milestone) -> None:
    """A deliverable without a date is due when its assignment is, on the team's cohort calendar."""
    if milestone.kind == MilestoneKind.DELIVERABLE and milestone.due_on is None and milestone.template_id:
        milestone.due_on = milestone.team.cohort.due_date(milestone.template.due_week)


@transaction.atomic
def milestone_create(
    *,
    team: Team,
    kind: str,
    by,
    title: str = "",
    template=None,
    due_on: datetime.date | None = None,
    starts_at: datetime.datetime | None = None,
    place: str = "",
    agenda: str = "",
    participants=(),
    other_participants: str = "",
    notes: str = "",
    done_on: datetime.date | None = None,
) -> Milestone:
    """Add a deliverable, site visit or review to `team`'s plan (recorded by `by`)."""
    if team.archived_at is not None:
        raise ValidationError(TEAM_ARCHIVED, code="team_archived")
    milestone = Milestone(
        team=team,
        kind=kind,
        title=title,
        template=template,
        due_on=due_on,
        starts_at=starts_at,
        place=place,
        agenda=agenda,
        other_participants=other_participants,
        notes=notes,
        done_on=done_on,
        created_by=by,
    )
    _default_due_on(milestone)
    milestone.full_clean()
    _check_participants(milestone, participants)
    milestone.save()
    milestone.participants.set(participants)
    log(milestone, "wagtail.create", user=by)
    return milestone


@transaction.atomic
def milestone_update(*, milestone: Milestone, revision: int | None, by, participants=None) -> Milestone:
    """Save the changes `milestone` carries in memory (its team stays), if nobody saved it since
    `revision`; otherwise refuse, changing nothing. `participants`, when given, replace its
    participants."""
    stored = Milestone.objects.select_for_update().select_related("team").get(pk=milestone.pk)
    if revision is None or stored.revision != revision:
        raise ValidationError(STALE_MILESTONE, code="stale_revision")
    if milestone.team_id != stored.team_id:
        raise ValidationError({"team": ValidationError(MILESTONE_TEAM_FIXED, code="team_fixed")})
    if stored.team.archived_at is not None:
        raise ValidationError(TEAM_ARCHIVED, code="team_archived")
    _default_due_on(milestone)
    milestone.full_clean()
    if participants is not None:
        _check_participants(milestone, participants)
    elif milestone.kind != MilestoneKind.SITE_VISIT:
        participants = []  # a visit turned into a review keeps no participants
    milestone.revision = stored.revision + 1
    milestone.created_by_id = stored.created_by_id
    milestone.save()
    if participants is not None:
        milestone.participants.set(participants)
    log(milestone, "wagtail.edit", user=by)
    return milestone
