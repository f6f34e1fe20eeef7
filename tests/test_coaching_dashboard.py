"""The coach's panel on the admin home: each team's TA status and what waits for the coach."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from cms.demo import factories as f
from cohorts.assignments.models import SubmissionStatus
from cohorts.progress.models import ProgressStatus
from tests.coaching_helpers import coached_team, coaches_group

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2027, 2, 19, 12, 0, tzinfo=datetime.UTC)


def team_with_work(coach, cohort, last_session_day):
    team = coached_team(coach, cohort=cohort)
    if last_session_day is not None:
        f.TASessionFactory(
            team=team,
            coach=coach,
            starts_at=datetime.datetime(2027, 2, last_session_day, 15, 0, tzinfo=datetime.UTC),
        )
    f.ActionItemFactory(team=team, due_on=datetime.date(2027, 2, 10))  # overdue
    f.ActionItemFactory(team=team, due_on=datetime.date(2027, 3, 10))
    f.SubmissionFactory(team=team, status=SubmissionStatus.SUBMITTED)
    f.CriterionProgressFactory(team=team, status=ProgressStatus.MET)
    return team


@pytest.fixture
def cohort():
    return f.CohortFactory(program__ta_cadence_days=7)


def home(client, coach):
    client.force_login(coach)
    return client.get(reverse("wagtailadmin_home"))


def panel(response):
    return next(p for p in response.context["panels"] if p.name == "coaching_teams")


@time_machine.travel(TODAY, tick=False)
def test_panel_shows_each_team_with_its_ta_status(client, coach, cohort):
    recent = team_with_work(coach, cohort, last_session_day=15)  # 4 days ago
    stale = team_with_work(coach, cohort, last_session_day=3)  # 16 days ago
    f.TeamFactory(cohort=cohort)  # not coached by them

    response = home(client, coach)

    statuses = {s.team: s for s in panel(response).get_context_data(response.context)["statuses"]}
    assert set(statuses) == {recent, stale}
    assert (statuses[recent].days_since, statuses[recent].overdue) == (4, False)
    assert (statuses[stale].days_since, statuses[stale].overdue) == (16, True)
    for status in statuses.values():
        assert (status.open_items, status.overdue_items) == (2, 1)
        assert (status.submissions_waiting, status.evidence_waiting) == (1, 1)
    page = response.text
    assert recent.name in page and stale.name in page
    assert f"{reverse('tasession:add')}?team={recent.pk}" in page
    assert page.count("data-overdue") == 1


@time_machine.travel(TODAY, tick=False)
def test_a_team_never_seen_counts_from_the_cohort_start(client, coach, cohort):
    team = team_with_work(coach, cohort, last_session_day=None)
    status = panel(home(client, coach)).get_context_data({})["statuses"][0]
    assert (status.team, status.last_ta_at, status.days_since, status.overdue) == (team, None, 18, True)


@time_machine.travel(TODAY, tick=False)
def test_staff_who_coach_nobody_see_every_coached_team(client, staff_user, coach, cohort):
    team = team_with_work(coach, cohort, last_session_day=15)
    response = home(client, staff_user)
    assert team.name in response.text


@time_machine.travel(TODAY, tick=False)
def test_staff_overview_shows_the_teams_longest_without_ta_and_links_to_the_rest(
    client, staff_user, coach, cohort
):
    from coaching.admin_views import CoachDashboardPanel

    limit = CoachDashboardPanel.STAFF_LIMIT
    never = coached_team(coach, cohort=cohort, name="Never seen")
    for day in range(1, limit + 2):  # one session each, on 1 to 11 February
        team_with_work(coach, cohort, last_session_day=day)
    client.force_login(staff_user)
    home(client, staff_user)  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        response = home(client, staff_user)
    statuses = panel(response).get_context_data(response.context)["statuses"]
    assert len(statuses) == limit
    assert statuses[0].team == never  # no session yet comes first, then the oldest sessions
    assert [s.last_ta_at.day for s in statuses[1:]] == list(range(1, limit))
    assert "Teams longest without technical assistance" in response.text
    assert "2 more coached teams: see the “Teams overdue for TA” report" in response.text
    for day in range(1, 11):
        team_with_work(coach, cohort, last_session_day=day)
    with CaptureQueriesContext(connection) as many:
        home(client, staff_user)
    assert len(many) == len(few)


def test_participants_and_others_have_no_panel(client, cohort):
    other = f.UserFactory(is_staff=True)
    other.user_permissions.add(*_admin_access())
    client.force_login(other)
    response = client.get(reverse("wagtailadmin_home"))
    assert all(p.name != "coaching_teams" for p in response.context["panels"])


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


@time_machine.travel(TODAY, tick=False)
def test_panel_queries_do_not_grow_with_teams(client, coach, cohort):
    for day in (3, 15):
        team_with_work(coach, cohort, day)
    home(client, coach)  # warm caches
    with CaptureQueriesContext(connection) as two_teams:
        assert home(client, coach).status_code == 200
    for index in range(38):
        team_with_work(coach, cohort, 3 + index % 14)
    with CaptureQueriesContext(connection) as forty_teams:
        response = home(client, coach)
    assert len(panel(response).get_context_data({})["statuses"]) == 40
    assert len(forty_teams) == len(two_teams)


def test_demo_coach_sees_both_assigned_teams_on_the_admin_home(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    coach = User.objects.get(email="coach@example.com")
    assert not coach.is_superuser
    response = home(client, coach)
    statuses = panel(response).get_context_data({})["statuses"]
    assert len(statuses) == 2
    assert all(status.last_ta_at is not None for status in statuses)
    participant = User.objects.get(email="participant@example.com")
    team = participant.memberships.get().team
    client.force_login(participant)
    page = client.get(reverse("coaching:team_coaching", args=[team.pk])).text
    session = team.ta_sessions.first()
    assert session.summary.splitlines()[0][:40] in page.replace("&#x27;", "'")
    assert session.private_notes[:30] not in page.replace("&#x27;", "'")


def submitted(team):
    """Work the team submitted (a version exists: the Reviews listing shows submitted versions)."""
    from cohorts.assignments.services import submission_for, submission_submit

    submission = submission_for(team=team, template=f.AssignmentTemplateFactory(program=team.cohort.program))
    submission_submit(submission=submission, user=f.MembershipFactory(team=team).user)
    return submission


def test_my_teams_and_reviews_list_only_my_teams(client, coach, cohort):
    mine = coached_team(coach, cohort=cohort)
    other = f.TeamFactory(cohort=cohort)
    waiting = submitted(mine)
    submitted(other)
    f.SubmissionFactory(team=mine)  # a draft
    client.force_login(coach)
    my_teams = client.get(reverse("coaching_my_teams:index"))
    assert [status.team for status in my_teams.context["object_list"]] == [mine]
    assert f"?team={mine.pk}" in my_teams.text
    reviews = client.get(reverse("cohorts_review_queue"))
    assert list(reviews.context["object_list"]) == [waiting]


def coach_checks_on_admin_home(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if "coachassignment" in q["sql"] and q["sql"].endswith("LIMIT 1")
    ]


def test_coach_admin_home_asks_once_whether_the_user_coaches(client, cohort):
    """Every menu item, panel and view asks whether the user coaches; one query answers them all."""
    coach = f.UserFactory(is_staff=True)
    coach.groups.add(coaches_group())
    coached_team(coach, cohort=cohort)
    checks = coach_checks_on_admin_home(client, coach)
    assert len(checks) == 1, checks


def test_staff_admin_home_asks_once_whether_the_user_coaches(client, staff_user, coach, cohort):
    coached_team(coach, cohort=cohort)
    checks = coach_checks_on_admin_home(client, staff_user)
    assert len(checks) == 1, checks
