"""The coaching panels on the admin home are computed once and kept until what they show changes."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.demo import factories as f
from coaching.momentum import Level
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2027, 2, 19, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def dashboard_cache(settings):
    settings.COACHING_DASHBOARD_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def teams(coach):
    cohort = f.CohortFactory(
        program__ta_cadence_days=7, start_date=datetime.date(2027, 1, 5), end_date=datetime.date(2027, 3, 30)
    )
    return [coached_team(coach, cohort=cohort, name=f"Team {n}") for n in range(3)]


def panel_context(client, name):
    response = client.get(reverse("wagtailadmin_home"))
    panel = next(p for p in response.context["panels"] if p.name == name)
    return response, panel.get_context_data(response.context)


def home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("wagtailadmin_home"))
    return len(queries)


@time_machine.travel(TODAY, tick=False)
def test_the_second_visit_reads_the_overview_from_the_cache(client, staff_user, teams):
    client.force_login(staff_user)
    first = home_queries(client)
    second = home_queries(client)
    assert second < first
    _response, context = panel_context(client, "coaching_teams")
    assert {status.team for status in context["statuses"]} == set(teams)


@time_machine.travel(TODAY, tick=False)
def test_a_ta_session_logged_ends_the_kept_overview(client, staff_user, coach, teams):
    client.force_login(staff_user)
    _response, before = panel_context(client, "coaching_teams")
    assert all(status.last_ta_at is None for status in before["statuses"])

    f.TASessionFactory(team=teams[0], coach=coach, starts_at=timezone.now() - datetime.timedelta(days=1))

    _response, after = panel_context(client, "coaching_teams")
    logged = next(status for status in after["statuses"] if status.team == teams[0])
    assert logged.last_ta_at is not None
    assert after["statuses"][-1].team == teams[0]  # longest without TA first: it comes last now


@time_machine.travel(TODAY, tick=False)
def test_the_momentum_watchlist_follows_the_facts(client, staff_user, coach, teams):
    client.force_login(staff_user)
    _response, before = panel_context(client, "coaching_momentum")
    assert {row.team for row in before["rows"]} == set(teams)  # no TA session in a running program
    assert all(row.level != Level.STEADY for row in before["rows"])
    kept = home_queries(client)

    teams[0].archived_at = timezone.now()
    teams[0].save()

    assert home_queries(client) > kept
    _response, after = panel_context(client, "coaching_momentum")
    assert {row.team for row in after["rows"]} == set(teams[1:])


@time_machine.travel(TODAY, tick=False)
def test_each_language_gets_its_own_copy(client, staff_user, teams):
    client.force_login(staff_user)
    english = client.get(reverse("wagtailadmin_home")).text
    staff_user.preferred_language = "es"
    staff_user.save()
    spanish = client.get(reverse("wagtailadmin_home")).text
    assert "Teams longest without technical assistance" in english
    assert "Teams longest without technical assistance" not in spanish


@time_machine.travel(TODAY, tick=False)
def test_the_next_day_computes_again(client, staff_user, teams):
    client.force_login(staff_user)
    home_queries(client)
    kept = home_queries(client)
    with time_machine.travel(TODAY + datetime.timedelta(days=1), tick=False):
        assert home_queries(client) > kept


@time_machine.travel(TODAY, tick=False)
def test_a_sign_in_keeps_the_overview(client, staff_user, coach, teams):
    client.force_login(staff_user)
    home_queries(client)
    kept = home_queries(client)
    client.force_login(coach)  # saves the coach's last_login
    client.force_login(staff_user)
    assert home_queries(client) == kept


@time_machine.travel(TODAY, tick=False)
def test_each_coach_gets_their_own_copy(client, coach, teams):
    other = make_coach(email="other-coach@example.com")
    theirs = coached_team(other, cohort=teams[0].cohort, name="Other coach's team")

    client.force_login(coach)
    _response, mine = panel_context(client, "coaching_teams")
    kept = home_queries(client)
    client.force_login(other)
    _response, others = panel_context(client, "coaching_momentum")

    assert {status.team for status in mine["statuses"]} == set(teams)
    assert {row.team for row in others["rows"]} == {theirs}
    client.force_login(coach)
    assert home_queries(client) == kept
