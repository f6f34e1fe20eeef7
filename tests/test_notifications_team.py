"""notify_team: one way to tell every member of a team (feedback, RDC decisions, TA summaries)."""

import pytest
from django.core import mail

from cms.demo import factories as f
from notifications.models import Notification, NotificationKind
from notifications.services import notify_team

pytestmark = pytest.mark.django_db


def test_notify_team_tells_each_active_member_and_nobody_else():
    team = f.TeamFactory()
    members = [f.MembershipFactory(team=team).user for _ in range(2)]
    gone = f.MembershipFactory(team=team).user
    gone.is_active = False
    gone.save()
    outsider = f.MembershipFactory(team__cohort=team.cohort).user
    progress = f.CriterionProgressFactory(team=team, coach_comment="Add the link.")

    notifications = notify_team(
        team,
        kind=NotificationKind.RDC_REVIEW,
        template="cohorts/progress/emails/progress_decision",
        context={"progress": progress, "decision": "returned"},
        link=("cohorts:team_progress", [team.pk]),
    )

    assert sorted(n.user_id for n in notifications) == sorted(user.pk for user in members)
    assert set(Notification.objects.values_list("user_id", flat=True)) == {user.pk for user in members}
    assert not Notification.objects.filter(user__in=[gone, outsider]).exists()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in members)
