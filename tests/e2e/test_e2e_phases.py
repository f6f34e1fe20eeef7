"""A coach records a site visit for their team in the admin; a member reads it, with the current
phase, on the team's home, at the time in their own time zone and in Spanish."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.phases.models import Milestone
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_coach_records_a_site_visit_and_a_member_sees_it_with_the_current_phase(page, live_server):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    program = f.ProgramFactory(kind="track", duration_weeks=12)
    for name, name_es in (
        ("Diagnostic", "Diagnóstico"),
        ("Design", "Diseño"),
        ("Implementation", "Implementación"),
    ):
        f.ProgramPhaseFactory(program=program, name=name, name_es=name_es, weeks=4)
    cohort = f.CohortFactory(program=program, start_date=monday - datetime.timedelta(weeks=2))  # in week 3
    coach = make_coach(full_name="Morgan Reyes")
    team = coached_team(coach, cohort=cohort, name="Harbor City")
    nadia = f.MembershipFactory(
        team=team,
        user__full_name="Nadia Brooks",
        user__time_zone="Europe/Madrid",
        user__preferred_language="es",
    )
    f.MembershipFactory(team=team, user__full_name="Eli Warren")
    visit_day = monday + datetime.timedelta(weeks=1, days=1)  # next Tuesday, 10:00 in New York

    sign_in_as(page, live_server, coach)
    page.goto(f"{live_server.url}{reverse('cohorts_phase_report')}")
    expect(page.get_by_text("Diagnostic — week 3 of 4")).to_be_visible()
    page.get_by_role("link", name="Add a milestone").click()
    page.select_option('[name="kind"]', "site_visit")
    page.fill('[name="title"]', "First site visit")
    page.fill('[name="starts_at"]', f"{visit_day:%Y-%m-%d} 10:00")
    page.fill('[name="place"]', "Harbor City Hall, 2nd floor")
    page.fill('[name="agenda"]', "Walk through a solicitation\nAgree the key informants")
    page.check(f'input[name="participants"][value="{nadia.pk}"]')
    page.fill('[name="other_participants"]', "Morgan Reyes — GPL coach")
    page.locator("footer button[type=submit].button-longrunning").first.click()
    expect(page.locator(".messages")).to_be_visible()
    visit = Milestone.objects.get()
    assert (visit.team, visit.created_by, list(visit.participants.all())) == (team, coach, [nadia])

    sign_in_as(page, live_server, nadia.user)
    with translation.override("es"):
        home = reverse("cohorts:team_home", args=[team.pk])
    page.goto(f"{live_server.url}{home}")
    panel = page.locator("[data-phase-panel]")
    expect(panel.locator("[data-phase-now]")).to_have_text("Diagnóstico — semana 3 de 4")
    card = panel.locator(f'[data-site-visit="{visit.pk}"]')
    expect(card).to_contain_text("Harbor City Hall, 2nd floor")
    expect(card).to_contain_text("Agree the key informants")
    expect(card).to_contain_text("Nadia Brooks")
    expect(card).to_contain_text("Morgan Reyes — GPL coach")
    in_madrid = datetime.datetime.combine(visit_day, datetime.time(10), tzinfo=cohort.zone).astimezone(
        zoneinfo.ZoneInfo("Europe/Madrid")
    )
    expect(card).to_contain_text(f", {in_madrid:%H:%M}")  # 16:00 in Madrid, but for a DST week
    expect(card).to_contain_text("Europe/Madrid")
