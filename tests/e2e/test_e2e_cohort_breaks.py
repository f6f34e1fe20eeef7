"""Staff add break weeks to a cohort in the admin; the team's schedule then shows the break between
program weeks, and the sessions after it on their new dates."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.schedule.models import CohortBreak, Session
from cohorts.schedule.services import cohort_generate_sessions
from sprints.models import Weekday
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_add_a_break_and_the_team_schedule_shows_it(page, live_server):
    staff = f.StaffUserFactory()
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(program=program, week=5, title="Vendor journeys")
    cohort = f.CohortFactory(program=program, weekday=Weekday.TUESDAY, start_date=datetime.date(2027, 2, 1))
    cohort_generate_sessions(cohort=cohort)
    member = f.MembershipFactory(team=f.TeamFactory(cohort=cohort))

    sign_in_as(page, live_server, staff)
    page.goto(f"{live_server.url}{reverse('cohort:edit', args=[cohort.pk])}")
    page.locator("#id_breaks-ADD").click()
    page.fill('[name="breaks-0-starts_on"]', "2027-03-01")
    page.fill('[name="breaks-0-weeks"]', "2")
    page.fill('[name="breaks-0-reason_en"]', "Spring holidays")
    page.locator("footer button[type=submit]").first.click()
    expect(page.locator(".messages")).to_contain_text("1 session moved to its new date")

    assert CohortBreak.objects.get(cohort=cohort).weeks == 2
    assert Session.objects.get(cohort=cohort).sequence == 1

    sign_in_as(page, live_server, member.user)
    page.goto(f"{live_server.url}{reverse('cohorts:team_schedule', args=[member.team.pk])}")
    break_week = page.locator(".schedule-week--break")
    expect(break_week).to_contain_text("Break: Spring holidays")
    expect(break_week).to_contain_text("No program for 2 weeks.")
    week_5 = page.locator(".schedule-week", has_text="Vendor journeys")
    expect(week_5).to_contain_text("Week 5")
    expect(week_5).to_contain_text("Tue, Mar 16, 2027, 11:00")
