"""Every front-end URL for every role: members, coaches and staff reach their team's pages; anyone
else gets a 404 (never a 403, so ids leak nothing) and signed-out visitors are sent to sign in."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cohorts.models import SubmissionAttachment
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "applicant", "member", "other_member", "coach", "other_coach", "staff"]
TEAM_READERS = {"member", "coach", "staff"}


@pytest.fixture
def world():
    team = f.TeamFactory()
    other_team = f.TeamFactory(cohort=team.cohort)
    session = f.SessionFactory(cohort=team.cohort)
    submission = f.SubmissionFactory(team=team)
    attachment = SubmissionAttachment.objects.create(
        submission=submission, file=ContentFile(b"minutes", name="minutes.txt"), original_name="minutes.txt"
    )
    registration = f.RegistrationFactory(cohort=team.cohort)
    users = {
        "anonymous": None,
        "outsider": f.UserFactory(),
        "applicant": registration.applicant,
        "member": f.MembershipFactory(team=team).user,
        "other_member": f.MembershipFactory(team=other_team).user,
        "coach": f.CoachAssignmentFactory(team=team).coach,
        "other_coach": f.CoachAssignmentFactory(team=other_team).coach,
        "staff": f.StaffUserFactory(),
    }
    Group.objects.get(name="Coaches").user_set.add(users["coach"], users["other_coach"])
    return {
        "team": team,
        "session": session,
        "template": submission.template,
        "attachment": attachment,
        "registration": registration,
        "users": users,
    }


def team_urls(world):
    team, template = world["team"].pk, world["template"].pk
    return {
        "cohorts:team_home": {"team_pk": team},
        "cohorts:team_schedule": {"team_pk": team},
        "cohorts:team_session": {"team_pk": team, "session_pk": world["session"].pk},
        "cohorts:team_attendance": {"team_pk": team},
        "cohorts:assignment_list": {"team_pk": team},
        "cohorts:assignment": {"team_pk": team, "template_pk": template},
        "cohorts:assignment_history": {"team_pk": team, "template_pk": template},
        "cohorts:assignment_compare": {"team_pk": team, "template_pk": template},
        "cohorts:assignment_export": {"team_pk": team, "template_pk": template, "fmt": "pdf"},
        "cohorts:attachment_download": {"team_pk": team, "pk": world["attachment"].pk},
        "coaching:team_coaching": {"team_pk": team},
    }


def sign_in(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_team_pages_by_role(client, world, role):
    sign_in(client, world, role)
    for name, kwargs in team_urls(world).items():
        response = client.get(reverse(name, kwargs=kwargs))
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url, name
        elif role in TEAM_READERS:
            assert response.status_code == 200, (name, response.status_code)
        else:
            assert response.status_code == 404, (name, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_application_pages_by_role(client, world, role):
    sign_in(client, world, role)
    pk = world["registration"].pk
    for name in ["cohorts:registration_detail", "cohorts:registration_edit", "cohorts:registration_withdraw"]:
        response = client.get(reverse(name, kwargs={"pk": pk}))
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url
        elif role == "applicant":
            assert response.status_code == 200
        else:
            assert response.status_code == 404, (name, role)


@pytest.mark.parametrize("role", ["outsider", "other_member", "other_coach"])
def test_changes_to_another_teams_work_are_404(client, world, role):
    sign_in(client, world, role)
    team, template = world["team"].pk, world["template"].pk
    posts = [
        reverse("cohorts:assignment", kwargs={"team_pk": team, "template_pk": template}),
        reverse("cohorts:assignment_submit", kwargs={"team_pk": team, "template_pk": template}),
        reverse("cohorts:attachment_remove", kwargs={"team_pk": team, "pk": world["attachment"].pk}),
    ]
    for url in posts:
        assert client.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("role", ROLES)
def test_participants_never_reach_the_admin(client, world, role):
    sign_in(client, world, role)
    response = client.get("/admin/")
    if role in {"coach", "other_coach", "staff"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_personal_pages_by_role(client, world, role):
    """Notifications, email settings, the calendar page and your data are each person's own."""
    sign_in(client, world, role)
    for name in [
        "notifications:list",
        "notifications:preferences",
        "cohorts:calendar",
        "profile:data",
        "profile:data_download",
        "profile:delete",
    ]:
        response = client.get(reverse(name))
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url, name
        else:
            assert response.status_code == 200, (name, role)


@pytest.mark.parametrize("role", ROLES)
def test_a_notification_opens_only_for_its_owner(client, world, role):
    sign_in(client, world, role)
    notification = f.NotificationFactory(user=world["users"]["member"])
    response = client.get(reverse("notifications:open", kwargs={"pk": notification.pk}))
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif role == "member":
        assert response.status_code == 302 and response.url == notification.link_en
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_an_archived_teams_work_is_read_only_for_its_former_members(client, world, role):
    """A withdrawn or declined team's assignments stay readable to its members only; the rest of
    its workspace closes, and nobody changes anything."""
    team = world["team"]
    team.archived_at = timezone.now()
    team.save(update_fields=["archived_at"])
    sign_in(client, world, role)
    readable = {
        "cohorts:assignment_list",
        "cohorts:assignment",
        "cohorts:assignment_history",
        "cohorts:assignment_compare",
        "cohorts:assignment_export",
        "cohorts:attachment_download",
    }
    for name, kwargs in team_urls(world).items():
        response = client.get(reverse(name, kwargs=kwargs))
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url, name
        elif role == "member" and name in readable:
            assert response.status_code == 200, (name, response.status_code)
        else:
            assert response.status_code == 404, (name, role, response.status_code)
    if role != "anonymous":
        template = world["template"].pk
        for url in [
            reverse("cohorts:assignment", kwargs={"team_pk": team.pk, "template_pk": template}),
            reverse("cohorts:assignment_submit", kwargs={"team_pk": team.pk, "template_pk": template}),
            reverse("cohorts:attachment_remove", kwargs={"team_pk": team.pk, "pk": world["attachment"].pk}),
        ]:
            assert client.post(url, {}).status_code == 404, (url, role)
