"""Coach assignments: assigning and ending them through coaching.services, in the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from coaching import services
from cohorts.policies import coached_teams

pytestmark = pytest.mark.django_db


def test_ending_an_assignment_is_logged_and_only_today_or_earlier(staff_user):
    assignment = f.CoachAssignmentFactory(starts_on=datetime.date(2026, 1, 5))
    today = timezone.localdate()

    with pytest.raises(ValidationError) as error:
        services.coach_assignment_end(
            assignment=assignment, user=staff_user, on=today + datetime.timedelta(days=1)
        )
    assert error.value.message_dict == {"ends_on": [str(services.ENDS_IN_FUTURE)]}

    services.coach_assignment_end(assignment=assignment, user=staff_user)
    assignment.refresh_from_db()
    assert assignment.ends_on == today
    assert not coached_teams(assignment.coach).filter(pk=assignment.team_id).exists()
    entry = ModelLogEntry.objects.get(action="ruta.coach_assignment.ended")
    assert (entry.object_id, entry.user) == (str(assignment.pk), staff_user)

    with pytest.raises(ValidationError) as error:
        services.coach_assignment_end(assignment=assignment, user=staff_user)
    assert error.value.messages == [str(services.ASSIGNMENT_ENDED)]


def test_assigning_a_coach_is_logged_and_validated(staff_user):
    team = f.TeamFactory()
    lead = services.coach_assign(team=team, coach=f.UserFactory(is_staff=True), user=staff_user)
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(lead.pk))
    assert entry.user == staff_user

    with pytest.raises(ValidationError) as error:
        services.coach_assign(team=team, coach=f.UserFactory(is_staff=True), user=staff_user)
    assert "The team already has a lead coach." in error.value.messages
