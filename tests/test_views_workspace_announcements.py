"""Staff announcements on the team home page: the ones addressed to you, in your language."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def team():
    return f.TeamFactory(name="Springfield")


@pytest.fixture
def buyer(team):
    return f.RoleFactory(program=team.cohort.program, name="Buyer", name_es="Comprador")


@pytest.fixture
def sponsor(team):
    return f.RoleFactory(program=team.cohort.program, name="Executive sponsor")


def home(client, team, language="en"):
    with translation.override(language):
        return client.get(reverse("cohorts:team_home", kwargs={"team_pk": team.pk}))


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def sent(cohort, title, *, when=None, **kwargs):
    announcement = f.AnnouncementFactory(cohort=cohort, title=title, title_es=f"ES {title}", **kwargs)
    announcement.sent_at = when or datetime.datetime(2027, 2, 3, 15, tzinfo=UTC)
    announcement.save()
    return announcement


def test_a_member_sees_the_cohorts_sent_announcements_with_body_and_date(client, team):
    member = f.MembershipFactory(team=team)
    sent(team.cohort, "Week 3 moves to Thursday", body="First line.\nSecond line.")
    f.AnnouncementFactory(cohort=team.cohort, title="Still a draft")
    client.force_login(member.user)

    page = text(home(client, team))

    assert "Announcements" in page
    assert "Week 3 moves to Thursday" in page
    assert "First line.<br>Second line." in page
    assert "February 3, 2027" in page
    assert "Still a draft" not in page


def test_the_announcement_is_shown_in_the_active_language(client, team):
    member = f.MembershipFactory(team=team, user=f.UserFactory(preferred_language="es"))
    sent(team.cohort, "Office hours", body="Bring questions.", body_es="Traigan preguntas.")
    client.force_login(member.user)

    page = text(home(client, team, "es"))

    assert "ES Office hours" in page
    assert "Traigan preguntas." in page
    assert "Bring questions." not in page


def test_a_role_announcement_shows_only_to_members_with_that_role(client, team, buyer, sponsor):
    buying = f.MembershipFactory(team=team, role=buyer)
    sponsoring = f.MembershipFactory(team=team, role=sponsor)
    no_role = f.MembershipFactory(team=team)
    sent(team.cohort, "For buyers only", role=buyer)
    sent(team.cohort, "For everyone")

    client.force_login(buying.user)
    page = text(home(client, team))
    assert "For buyers only" in page and "For everyone" in page
    assert "For members with the role “Buyer”" in page

    for other in (sponsoring, no_role):
        client.force_login(other.user)
        page = text(home(client, team))
        assert "For everyone" in page
        assert "For buyers only" not in page


def test_the_teams_coach_sees_every_announcement_of_the_cohort(client, team, buyer):
    coach = f.CoachAssignmentFactory(team=team, coach__is_staff=False).coach
    sent(team.cohort, "For buyers only", role=buyer)
    client.force_login(coach)
    assert "For buyers only" in text(home(client, team))


def test_other_cohorts_announcements_are_not_shown(client, team):
    member = f.MembershipFactory(team=team)
    sent(f.CohortFactory(), "Another cohort's news")
    client.force_login(member.user)

    response = home(client, team)

    assert response.context["announcements"] == []
    assert "Another cohort's news" not in text(response)
    assert 'id="announcements-heading"' not in text(response)


def test_the_latest_five_are_shown_newest_first(client, team):
    member = f.MembershipFactory(team=team)
    start = datetime.datetime(2027, 2, 1, 15, tzinfo=UTC)
    for day in range(7):
        sent(team.cohort, f"Day {day}", when=start + datetime.timedelta(days=day))
    client.force_login(member.user)

    response = home(client, team)

    assert [a.title for a in response.context["announcements"]] == [f"Day {day}" for day in (6, 5, 4, 3, 2)]
