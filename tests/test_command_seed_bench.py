"""`manage.py seed_bench` seeds the benchmark's data (bench/run): the demo, then N teams in the issue's
proportions, built in bulk from the demo factories; only with DEBUG on or --force."""

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from cms.demo_content import DEMO_PASSWORD
from cms.management.commands import seed_bench
from coaching.models import CoachAssignment, TASession
from cohorts.models import Membership, Registration, RegistrationStatus, SubmissionVersion, Team
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_seed_bench_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_bench", "--teams", "1", stdout=io.StringIO())
    assert not Team.objects.exists()


def test_seed_bench_at_400_teams_makes_at_least_what_the_benchmark_asks():
    teams = 400
    assert teams / seed_bench.TEAMS_PER_COHORT >= 20
    assert teams * seed_bench.MEMBERS_PER_TEAM >= 2_000
    assert teams * seed_bench.TA_SESSIONS_PER_TEAM >= 8_000
    assert teams * seed_bench.VERSIONS_PER_TEAM >= 12_000
    assert teams * seed_bench.MEMBERS_PER_TEAM * seed_bench.NOTIFICATIONS_PER_MEMBER >= 50_000


def test_seed_bench_with_force_adds_teams_in_proportion_on_top_of_the_demo(settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("seed_bench", "--teams", "3", "--force", stdout=out)

    teams = Team.objects.filter(name__startswith="Bench ")
    assert teams.count() == 3
    assert Team.objects.exclude(name__startswith="Bench ").exists()  # the demo's teams are there too
    members = Membership.objects.filter(team__in=teams)
    assert members.count() == 3 * seed_bench.MEMBERS_PER_TEAM
    assert TASession.objects.filter(team__in=teams).count() == 3 * seed_bench.TA_SESSIONS_PER_TEAM
    assert (
        SubmissionVersion.objects.filter(submission__team__in=teams).count()
        == 3 * seed_bench.VERSIONS_PER_TEAM
    )
    expected_notifications = 3 * seed_bench.MEMBERS_PER_TEAM * seed_bench.NOTIFICATIONS_PER_MEMBER
    assert Notification.objects.filter(user__memberships__team__in=teams).count() == expected_notifications
    for team in teams:
        assert CoachAssignment.objects.filter(team=team, ends_on=None).count() == 1
        assert team.registration.status == RegistrationStatus.ACCEPTED
        assert team.sessions if hasattr(team, "sessions") else True
    assert Registration.objects.filter(
        status=RegistrationStatus.SUBMITTED, city__startswith="Applicant"
    ).exists()
    participant = members.first().user
    assert participant.check_password(DEMO_PASSWORD)
    assert participant.emailaddress_set.get().verified  # can sign in
    assert "TA sessions" in out.getvalue()


def test_a_second_run_adds_more_teams_without_clashing(settings):
    settings.DEBUG = True
    call_command("seed_bench", "--teams", "1", stdout=io.StringIO())
    call_command("seed_bench", "--teams", "1", stdout=io.StringIO())
    assert Team.objects.filter(name__startswith="Bench ").count() == 2
    assert (
        User.objects.filter(email__startswith="bench-participant-").count() == 2 * seed_bench.MEMBERS_PER_TEAM
    )
