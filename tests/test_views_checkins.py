"""The team's weekly check-in page: members only, one minute, nothing typed lost, both languages."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.checkins import services
from cohorts.checkins.models import CheckIn

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 2, 17, 15, 0, tzinfo=datetime.UTC)  # Wednesday of week 3


def url(team, language="en"):
    with translation.override(language):
        return reverse("cohorts:team_checkin", args=[team.pk])


def answers(**overrides):
    data = {
        "rating": "2",
        "political_support": "weakening",
        "blockers": "Legal holds the data.",
        "revision": "0",
    }
    data.update(overrides)
    return data


@time_machine.travel(NOW, tick=False)
def test_a_member_checks_in_and_sees_the_teams_recent_check_ins(client, team, member_a):
    f.CheckInFactory(team=team, week=2, blockers="Waiting on IT.")
    client.force_login(member_a)
    page = client.get(url(team))
    assert page.status_code == 200
    assert "Week 3: one minute" in page.text
    assert "Waiting on IT." in page.text

    response = client.post(url(team), answers())

    assert response.status_code == 302
    checkin = CheckIn.objects.get(team=team, week=3)
    assert (checkin.rating, checkin.political_support, checkin.updated_by) == (2, "weakening", member_a)
    page = client.get(url(team))
    assert "Thank you: your check-in for week 3 is saved." in page.text
    assert "Update the check-in" in page.text
    assert 'name="revision" value="1"' in page.text


@time_machine.travel(NOW, tick=False)
def test_the_team_home_asks_members_for_the_weeks_check_in(client, team, member_a, coach):
    home = reverse("cohorts:team_home", args=[team.pk])
    client.force_login(member_a)
    assert url(team) in client.get(home).text
    assert "Check in" in client.get(home).text
    f.CheckInFactory(team=team, week=3, rating=4, political_support="strong")
    assert "This week: Good · political support Strong." in client.get(home).text
    client.force_login(coach)  # coaches follow check-ins on their dashboard, not here
    assert "data-checkin-panel" not in client.get(home).text


@time_machine.travel(NOW, tick=False)
def test_only_members_reach_the_check_in(client, team, coach, member_b, staff_user):
    f.CheckInFactory(team=team, week=2, blockers="ALPHA-BLOCKER")
    for outsider in (coach, member_b, staff_user):
        client.force_login(outsider)
        assert client.get(url(team)).status_code == 404
        assert client.post(url(team), answers()).status_code == 404
    assert not CheckIn.objects.filter(week=3).exists()
    client.logout()
    assert client.get(url(team)).status_code == 302


@time_machine.travel(NOW, tick=False)
def test_a_teammates_save_in_between_is_not_overwritten_and_nothing_typed_is_lost(client, team, member_a):
    teammate = f.MembershipFactory(team=team).user
    services.checkin_record(
        team=team, user=teammate, rating=4, political_support="strong", blockers="", revision=0
    )
    client.force_login(member_a)

    response = client.post(url(team), answers(blockers="My typed blockers"))  # opened before their save

    assert response.status_code == 409
    assert CheckIn.objects.get(team=team, week=3).rating == 4
    assert "A teammate saved this week&#x27;s check-in" in response.text
    assert "My typed blockers" in response.text
    assert "data-checkin-stored" in response.text
    assert 'name="revision" value="1"' in response.text
    # Saving again is a deliberate second step, and it replaces theirs.
    assert client.post(url(team), answers(blockers="My typed blockers", revision="1")).status_code == 302
    assert CheckIn.objects.get(team=team, week=3).blockers == "My typed blockers"


@time_machine.travel(NOW, tick=False)
def test_missing_answers_get_a_clear_message_and_keep_what_was_typed(client, team, member_a):
    client.force_login(member_a)
    response = client.post(url(team), answers(rating="", blockers="Typed before forgetting the rating"))
    assert response.status_code == 400
    assert "Choose how it is going." in response.text
    assert "Typed before forgetting the rating" in response.text
    assert not CheckIn.objects.exists()


@time_machine.travel(datetime.datetime(2027, 2, 24, 15, 0, tzinfo=datetime.UTC), tick=False)
def test_no_check_in_is_asked_in_a_break_week(client, team, member_a):
    f.CohortBreakFactory(cohort=team.cohort, starts_on=datetime.date(2027, 2, 22), weeks=1)
    client.force_login(member_a)
    page = client.get(url(team))
    assert "data-checkin-break" in page.text and "data-checkin-form" not in page.text
    assert "data-checkin-panel" not in client.get(reverse("cohorts:team_home", args=[team.pk])).text
    assert client.post(url(team), answers()).status_code == 302
    assert not CheckIn.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_check_in_reads_in_spanish(client, team, member_a):
    f.CheckInFactory(team=team, week=2, rating=1, political_support="lost")
    client.force_login(member_a)
    page = client.get(url(team, "es"))
    assert page.status_code == 200
    for text in ("Seguimiento semanal", "¿Cómo va el trabajo?", "Apoyo político", "Estancados", "Perdido"):
        assert text in page.text
    response = client.post(url(team, "es"), answers(rating=""))
    assert "Indique cómo va el trabajo." in response.text


@time_machine.travel(NOW, tick=False)
def test_check_in_page_queries_do_not_grow_with_check_ins(client, team, member_a):
    client.force_login(member_a)
    f.CheckInFactory(team=team, week=1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(team)).status_code == 200
    for week in range(2, 4):
        f.CheckInFactory(team=team, week=week, updated_by=f.MembershipFactory(team=team).user)
    other_team = f.TeamFactory(cohort=team.cohort)
    for week in range(1, 4):
        f.CheckInFactory(team=other_team, week=week)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url(team)).status_code == 200
    assert len(many) == len(few)
