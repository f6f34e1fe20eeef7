"""A cohort's day and time agreed with the participants: staff open the poll, a member answers it
in their own time zone, staff confirm the slot in the admin, and the member's schedule shows the
sessions."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.schedule.models import ScheduleVote
from sprints.models import SessionKind, Weekday
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_answers_the_poll_staff_confirm_and_the_schedule_shows_the_sessions(page, live_server):
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(program=program, week=1, kind=SessionKind.MASTERCLASS, title="Kick-off masterclass")
    cohort = f.ToBeAgreedCohortFactory(program=program, name="Primavera", time_zone="Europe/Madrid")
    team = f.TeamFactory(cohort=cohort, name="Sevilla")
    member = f.MembershipFactory(team=team, user=f.UserFactory(time_zone="Europe/Madrid"))
    poll = f.SchedulePollFactory(cohort=cohort)
    wednesday = f.ScheduleSlotFactory(poll=poll, weekday=Weekday.WEDNESDAY, local_time=datetime.time(10, 0))
    thursday = f.ScheduleSlotFactory(poll=poll, weekday=Weekday.THURSDAY, local_time=datetime.time(16, 0))
    staff = f.StaffUserFactory()
    tally = f"{live_server.url}{reverse('cohorts_schedule_poll', args=[cohort.pk])}"

    sign_in_as(page, live_server, staff)
    page.goto(tally)
    page.get_by_role("button", name="Open the poll and tell the members").click()
    expect(page.locator(".messages")).to_contain_text("The poll is open")

    sign_in_as(page, live_server, member.user)
    page.goto(f"{live_server.url}{reverse('cohorts:team_home', args=[team.pk])}")
    expect(page.locator(".schedule-poll-panel")).to_contain_text("being agreed with the participants")
    page.get_by_role("link", name="Answer the schedule poll").click()
    page.check(f'[name="slot-{wednesday.pk}"][value="yes"]')
    page.check(f'[name="slot-{thursday.pk}"][value="no"]')
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("your answers are saved")).to_be_visible()
    assert ScheduleVote.objects.filter(membership=member).count() == 2

    sign_in_as(page, live_server, staff)
    page.goto(tally)
    row = page.locator(f"#slot-{wednesday.pk}")
    expect(row.locator(".tally-yes")).to_have_text("1")
    row.get_by_role("link", name="Confirm this slot").click()
    page.get_by_role("button", name="Confirm this day and time").click()
    expect(page.locator(".messages")).to_contain_text("is confirmed: 1 session created")

    sign_in_as(page, live_server, member.user)
    page.goto(f"{live_server.url}{reverse('cohorts:team_schedule', args=[team.pk])}")
    session = page.locator(".session-item", has_text="Kick-off masterclass")
    expect(session).to_contain_text("Wed, Feb 3, 2027, 10:00")
    expect(page.locator(".schedule-to-be-agreed")).to_have_count(0)
