"""A coach reaches only the teams they are assigned to; participants only their own team's coaching."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.demo import factories as f
from coaching.models import TASession
from tests.coaching_helpers import ta_session_form_data

pytestmark = pytest.mark.django_db


def assert_denied(response):
    """Wagtail answers a missing permission by sending the user back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_coaches_group_has_the_coaching_permissions():
    codenames = set(Group.objects.get(name="Coaches").permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_tasession", "change_tasession", "view_tasession"} <= codenames
    assert {"add_actionitem", "change_actionitem", "view_topic", "view_coachassignment"} <= codenames
    assert "delete_tasession" not in codenames


def test_coach_cannot_open_the_log_form_for_a_team_they_do_not_coach(client, coach, team_a, team_b):
    client.force_login(coach)
    assert client.get(reverse("tasession:add"), {"team": team_b.pk}, follow=True).status_code == 404
    response = client.get(reverse("tasession:add"), {"team": team_a.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["team"] == team_a.pk
    assert form.initial["coach"] == coach.pk
    assert list(form.fields["team"].queryset) == [team_a]


def test_coach_cannot_log_a_session_for_a_team_they_do_not_coach(client, coach, team_a, team_b):
    client.force_login(coach)
    response = client.post(reverse("tasession:add"), ta_session_form_data(team_b, coach))
    assert response.status_code == 200
    assert "team" in response.context["form"].errors
    assert not TASession.objects.exists()


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "delete"])
def test_coach_gets_404_for_another_teams_session(client, coach, team_b, view):
    session = f.TASessionFactory(team=team_b)
    client.force_login(coach)
    assert client.get(reverse(f"tasession:{view}", args=[session.pk]), follow=True).status_code == 404


def test_coach_gets_404_for_another_teams_action_item(client, coach, team_b):
    item = f.ActionItemFactory(team=team_b)
    client.force_login(coach)
    assert client.get(reverse("actionitem:edit", args=[item.pk]), follow=True).status_code == 404


def test_coach_lists_only_their_teams_records(client, coach, team_a, team_b):
    mine = f.TASessionFactory(team=team_a, coach=coach)
    f.TASessionFactory(team=team_b)
    my_item = f.ActionItemFactory(team=team_a)
    f.ActionItemFactory(team=team_b)
    client.force_login(coach)
    assert list(client.get(reverse("tasession:index")).context["object_list"]) == [mine]
    assert list(client.get(reverse("actionitem:index")).context["object_list"]) == [my_item]
    assignments = client.get(reverse("coachassignment:index")).context["object_list"]
    assert {a.team for a in assignments} == {team_a}


def test_coach_corrects_but_cannot_delete_their_session(client, coach, team_a):
    session = f.TASessionFactory(team=team_a, coach=coach)
    client.force_login(coach)
    assert client.get(reverse("tasession:edit", args=[session.pk])).status_code == 200
    assert client.get(reverse("tasession:history", args=[session.pk])).status_code == 200
    assert_denied(client.get(reverse("tasession:delete", args=[session.pk])))
    assert_denied(client.post(reverse("tasession:delete", args=[session.pk])))
    assert TASession.objects.filter(pk=session.pk).exists()


def test_staff_delete_goes_through_confirmation(staff_client):
    session = f.TASessionFactory()
    url = reverse("tasession:delete", args=[session.pk])
    assert staff_client.get(url).status_code == 200
    assert TASession.objects.filter(pk=session.pk).exists()
    staff_client.post(url)
    assert not TASession.objects.filter(pk=session.pk).exists()


def test_staff_reach_every_team(staff_client, team_b):
    session = f.TASessionFactory(team=team_b)
    assert staff_client.get(reverse("tasession:add"), {"team": team_b.pk}).status_code == 200
    assert staff_client.get(reverse("tasession:edit", args=[session.pk])).status_code == 200


@pytest.mark.parametrize(
    "url_name", ["coaching_coach_load:index", "coaching_ta_hours:index", "coaching_overdue_teams:index"]
)
def test_reports_are_for_staff(client, staff_user, coach, url_name):
    client.force_login(coach)
    assert_denied(client.get(reverse(url_name)))
    client.force_login(staff_user)
    assert client.get(reverse(url_name)).status_code == 200


def test_coach_cannot_reassign(client, coach, team_a):
    assignment = team_a.coach_assignments.get()
    client.force_login(coach)
    assert_denied(client.get(reverse("coachassignment:reassign", args=[assignment.pk])))
    assert_denied(client.get(reverse("coachassignment:edit", args=[assignment.pk])))


def team_coaching_url(team):
    return reverse("coaching:team_coaching", kwargs={"team_pk": team.pk})


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("member", 200),
        ("other_member", 404),
        ("coach", 200),
        ("other_coach", 404),
        ("staff", 200),
        ("nobody", 404),
    ],
)
def test_team_coaching_page_access(client, who, status):
    team = f.TeamFactory()
    team_b = f.TeamFactory(cohort=team.cohort)
    users = {
        "member": f.MembershipFactory(team=team).user,
        "other_member": f.MembershipFactory(team=team_b).user,
        "coach": f.CoachAssignmentFactory(team=team).coach,
        "other_coach": f.CoachAssignmentFactory(team=team_b).coach,
        "staff": f.StaffUserFactory(),
        "nobody": f.UserFactory(),
    }
    client.force_login(users[who])
    assert client.get(team_coaching_url(team)).status_code == status


def test_anonymous_is_sent_to_sign_in(client):
    team = f.TeamFactory()
    assert client.get(team_coaching_url(team)).status_code == 302


def test_workspace_nav_links_to_coaching(client):
    membership = f.MembershipFactory()
    client.force_login(membership.user)
    page = client.get(reverse("cohorts:team_home", kwargs={"team_pk": membership.team.pk})).text
    assert team_coaching_url(membership.team) in page
