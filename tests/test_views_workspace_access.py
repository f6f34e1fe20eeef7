"""Who reaches which team's workspace: members, assigned coaches, staff; everyone else gets a 404."""

import pytest
from django.urls import reverse

from cms.demo import factories as f

pytestmark = pytest.mark.django_db


def home_url(team):
    return reverse("cohorts:team_home", kwargs={"team_pk": team.pk})


def test_a_member_of_one_team_goes_straight_to_it(client):
    membership = f.MembershipFactory()
    client.force_login(membership.user)
    response = client.get(reverse("cohorts:workspace"))
    assert response.url == home_url(membership.team)


def test_a_member_of_two_teams_picks_one(client):
    user = f.UserFactory()
    teams = [f.MembershipFactory(user=user).team for _ in range(2)]
    client.force_login(user)
    page = client.get(reverse("cohorts:workspace")).text
    assert all(home_url(team) in page for team in teams)


def test_someone_without_a_team_is_told_how_to_get_one(client, user):
    client.force_login(user)
    assert "not on a team yet" in client.get(reverse("cohorts:workspace")).text


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("member", 200),
        ("other_member", 404),
        ("coach", 200),
        ("former_coach", 404),
        ("staff", 200),
        ("nobody", 404),
    ],
)
def test_team_workspace_access(client, who, status):
    team = f.TeamFactory()
    other_team = f.TeamFactory(cohort=team.cohort)
    users = {
        "member": f.MembershipFactory(team=team).user,
        "other_member": f.MembershipFactory(team=other_team).user,
        "coach": f.CoachAssignmentFactory(team=team).coach,
        "former_coach": f.CoachAssignmentFactory(
            team=team, role="supporting", ends_on=team.cohort.start_date
        ).coach,
        "staff": f.StaffUserFactory(),
        "nobody": f.UserFactory(),
    }
    client.force_login(users[who])
    assert client.get(home_url(team)).status_code == status


def test_an_archived_team_is_gone_from_its_members(client):
    membership = f.MembershipFactory(team=f.TeamFactory(archived_at="2027-03-01T00:00Z"))
    client.force_login(membership.user)
    assert client.get(home_url(membership.team)).status_code == 404
