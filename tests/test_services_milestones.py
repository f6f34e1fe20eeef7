"""A team's phase plan changes only through cohorts.phases.services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.phases import models as phase_models
from cohorts.phases import services
from cohorts.phases.models import Milestone, MilestoneKind

pytestmark = pytest.mark.django_db


def visit_time(team):
    return datetime.datetime.combine(team.cohort.week_start(3), datetime.time(10), tzinfo=team.cohort.zone)


def test_milestone_create_records_a_site_visit_with_its_participants(team, coach):
    member = f.MembershipFactory(team=team)
    visit = services.milestone_create(
        team=team,
        kind=MilestoneKind.SITE_VISIT,
        by=coach,
        title="First site visit",
        starts_at=visit_time(team),
        place="City Hall",
        agenda="Meet the team\nWalk through a solicitation",
        participants=[member],
        other_participants="GPL coach",
    )
    assert list(visit.participants.all()) == [member]
    assert visit.created_by == coach and visit.revision == 0
    assert ModelLogEntry.objects.for_instance(visit).filter(action="wagtail.create").exists()


def test_a_deliverable_without_a_date_is_due_when_its_assignment_is(team, coach):
    template = f.AssignmentTemplateFactory(program=team.cohort.program, due_week=3)
    deliverable = services.milestone_create(
        team=team, kind=MilestoneKind.DELIVERABLE, by=coach, template=template
    )
    assert deliverable.due_on == team.cohort.due_date(3)
    assert deliverable.display_title == template.title


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": MilestoneKind.SITE_VISIT, "title": "Visit"}, "starts_at", phase_models.VISIT_TIME_REQUIRED),
        (
            {"kind": MilestoneKind.REVIEW, "due_on": datetime.date(2027, 3, 1)},
            "title",
            phase_models.TITLE_REQUIRED,
        ),
        ({"kind": MilestoneKind.REVIEW, "title": "Review"}, "due_on", phase_models.DUE_DATE_REQUIRED),
        ({"kind": MilestoneKind.DELIVERABLE}, "template", phase_models.TEMPLATE_REQUIRED),
        (
            {
                "kind": MilestoneKind.REVIEW,
                "title": "Review",
                "due_on": datetime.date(2027, 3, 1),
                "place": "Hall",
            },
            "place",
            phase_models.VISIT_ONLY_DETAILS,
        ),
        (
            {"kind": MilestoneKind.REVIEW, "title": "Review", "due_on": datetime.date(3000, 3, 1)},
            "due_on",
            phase_models.date_range_errors(due_on=datetime.date(3000, 1, 1))["due_on"].message,
        ),
    ],
)
def test_milestone_create_refuses_what_does_not_fit_its_kind(team, coach, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.milestone_create(team=team, by=coach, **fields)
    assert message in error.value.message_dict[field]
    assert not Milestone.objects.exists()


def test_a_deliverable_must_be_one_of_the_teams_program_assignments(team, coach):
    other = f.AssignmentTemplateFactory()
    with pytest.raises(ValidationError) as error:
        services.milestone_create(team=team, kind=MilestoneKind.DELIVERABLE, by=coach, template=other)
    assert phase_models.TEMPLATE_NOT_IN_PROGRAM in error.value.message_dict["template"]


def test_participants_come_from_the_team(team, team_b, coach):
    stranger = f.MembershipFactory(team=team_b)
    with pytest.raises(ValidationError) as error:
        services.milestone_create(
            team=team,
            kind=MilestoneKind.SITE_VISIT,
            by=coach,
            title="Visit",
            starts_at=visit_time(team),
            participants=[stranger],
        )
    assert phase_models.PARTICIPANTS_NOT_ON_TEAM in error.value.message_dict["participants"]
    assert not Milestone.objects.exists()


def test_an_archived_team_gets_no_new_milestone(team, coach):
    team.archived_at = timezone.now()
    team.save()
    with pytest.raises(ValidationError) as error:
        services.milestone_create(
            team=team, kind=MilestoneKind.REVIEW, by=coach, title="Review", due_on=datetime.date(2027, 3, 1)
        )
    assert services.TEAM_ARCHIVED in error.value.messages


def test_milestone_update_saves_on_the_current_revision_and_refuses_a_stale_one(team, coach, staff_user):
    visit = f.SiteVisitFactory(team=team)
    first = Milestone.objects.get(pk=visit.pk)
    second = Milestone.objects.get(pk=visit.pk)
    first.place = "Library"
    services.milestone_update(milestone=first, revision=0, by=coach)
    second.place = "Stadium"
    with pytest.raises(ValidationError) as error:
        services.milestone_update(milestone=second, revision=0, by=staff_user)
    assert services.STALE_MILESTONE in error.value.messages
    visit.refresh_from_db()
    assert (visit.place, visit.revision) == ("Library", 1)


def test_milestone_update_marks_done_and_keeps_the_team(team, team_b, coach):
    review = f.MilestoneFactory(team=team)
    review.done_on = datetime.date(2027, 3, 2)
    services.milestone_update(milestone=review, revision=0, by=coach)
    review.refresh_from_db()
    assert review.done_on == datetime.date(2027, 3, 2)
    review.team = team_b
    with pytest.raises(ValidationError) as error:
        services.milestone_update(milestone=review, revision=1, by=coach)
    assert services.MILESTONE_TEAM_FIXED in error.value.message_dict["team"]


def test_a_visit_turned_into_a_review_keeps_no_participants(team, coach):
    member = f.MembershipFactory(team=team)
    visit = f.SiteVisitFactory(team=team, participants=[member])
    visit.kind = MilestoneKind.REVIEW
    visit.starts_at = None
    visit.place = visit.agenda = visit.other_participants = ""
    visit.due_on = datetime.date(2027, 3, 9)
    services.milestone_update(milestone=visit, revision=0, by=coach)
    assert not visit.participants.exists()
