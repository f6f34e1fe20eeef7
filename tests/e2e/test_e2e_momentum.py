"""A member gives the team's weekly check-in from the team home; the coach sees the team in a dip
on the admin home, with the reasons, and notes what they did about it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo import factories as f
from coaching.models import MomentumNote
from cohorts.checkins.models import CheckIn
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_checks_in_and_the_coach_sees_the_dip_and_notes_what_they_did(page, live_server):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=today.weekday(), weeks=2)  # today is in week 3
    cohort = f.CohortFactory(start_date=start, time_zone="UTC")
    coach = make_coach(full_name="Carla Coach")
    team = coached_team(coach, cohort=cohort, name="Ponce Abierta")
    ana = f.MembershipFactory(team=team, user__full_name="Ana Compras").user

    sign_in_as(page, live_server, ana)
    page.goto(f"{live_server.url}{reverse('cohorts:team_home', args=[team.pk])}")
    page.locator("[data-checkin-panel] a", has_text="Check in").click()
    page.get_by_label("Stuck").check()
    page.get_by_label("Weakening").check()
    page.fill('[name="blockers"]', "The mayor paused the open data release.")
    page.get_by_role("button", name="Save the check-in").click()
    expect(page.get_by_text("Thank you: your check-in for week 3 is saved.")).to_be_visible()
    expect(page.locator("[data-recent-checkins]")).to_contain_text("The mayor paused the open data release.")
    checkin = CheckIn.objects.get(team=team)
    assert (checkin.week, checkin.rating, checkin.political_support) == (3, 1, "weakening")

    sign_in_as(page, live_server, coach)
    page.goto(f"{live_server.url}{reverse('wagtailadmin_home')}")
    row = page.locator(f'#coaching-momentum-content tr[data-team="{team.pk}"]')
    expect(row).to_have_attribute("data-level", "dip")
    expect(row).to_contain_text("Political support: weakening")
    expect(row).to_contain_text("Blockers: The mayor paused the open data release.")
    expect(row.locator("svg[data-trend] rect")).to_have_count(3)
    row.get_by_role("link", name="Note what you did").click()
    page.fill('[name="body"]', "Called the sponsor; meeting with the mayor's office on Friday.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.locator(".messages")).to_contain_text("Note saved for Ponce Abierta, week 3.")
    expect(
        page.locator(f'#coaching-momentum-content tr[data-team="{team.pk}"] [data-momentum-note]')
    ).to_contain_text("meeting with the mayor's office on Friday")
    assert MomentumNote.objects.get(team=team, week=3).author == coach
