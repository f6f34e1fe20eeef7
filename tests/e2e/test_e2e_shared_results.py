"""A team proposes a case story with an indicator, staff approve it in the admin, and a visitor
reads it from the program page, in English and (translated) in Spanish."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Page, Site

from cms.demo import factories as f
from cohorts.sharing.models import ResultStatus, SharedResult
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_case_story_goes_from_the_team_through_staff_to_visitors(page, live_server):
    home = f.HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Ruta"},
    )
    index = f.ProgramIndexPageFactory(parent=home)
    team = f.TeamFactory(name="Riverton Purchasing", city="Riverton")
    program_page = f.ProgramPageFactory(
        parent=index, program=team.cohort.program, title="Open data", slug="open-data"
    )
    member = f.MembershipFactory(team=team).user
    indicator = f.IndicatorFactory(
        team=team,
        name="Bids per solicitation",
        unit="bids",
        baseline_value=Decimal("1.4"),
        baseline_date=datetime.date(2027, 1, 15),
    )
    f.MeasurementFactory(indicator=indicator, value=Decimal("2.1"), measured_on=datetime.date(2027, 5, 1))

    # The team proposes its case story, with a Spanish translation.
    sign_in_as(page, live_server, member)
    page.goto(f"{live_server.url}{reverse('cohorts:result_list', args=[team.pk])}")
    page.get_by_role("link", name="Propose a case story").click()
    page.fill('[name="title_en"]', "Twice the bids")
    page.fill('[name="problem_en"]', "Most solicitations got a single bid.")
    page.fill('[name="what_changed_en"]', "We publish open solicitations every Monday.")
    page.fill('[name="title_es"]', "El doble de ofertas")
    page.fill('[name="problem_es"]', "La mayoría de las convocatorias recibía una sola oferta.")
    page.fill('[name="what_changed_es"]', "Publicamos las convocatorias abiertas cada lunes.")
    page.get_by_label("Bids per solicitation").check()
    page.get_by_role("button", name="Propose for publication").click()
    expect(page.locator("[data-result-status]")).to_have_text("Waiting for review")
    result = SharedResult.objects.get()
    public = "/en/programs/open-data/results/twice-the-bids/"
    page.context.clear_cookies()
    assert page.goto(f"{live_server.url}{public}").status == 404  # not before staff approve

    # Staff approve it in the admin.
    sign_in_as(page, live_server, f.StaffUserFactory())
    page.goto(f"{live_server.url}{reverse('sharedresult:inspect', args=[result.pk])}")
    page.get_by_role("link", name="Review", exact=True).click()
    expect(page.get_by_text("El doble de ofertas")).to_be_visible()
    page.get_by_label("Approve and publish").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".messages")).to_contain_text("is published")
    assert SharedResult.objects.get().status == ResultStatus.PUBLISHED

    # A visitor finds it on the program page and reads it, then switches to Spanish.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{program_page.url}")
    page.get_by_role("link", name="Twice the bids").click()
    expect(page.locator("h1")).to_have_text("Twice the bids")
    expect(page.locator(".result-indicators")).to_contain_text("Bids per solicitation")
    expect(page.locator(".result-indicators")).to_contain_text("2.1")
    with translation.override("es"):
        spanish = program_page.get_url() + "results/twice-the-bids/"
    page.goto(f"{live_server.url}{spanish}")
    expect(page.locator("h1")).to_have_text("El doble de ofertas")
    expect(page.locator(".result-indicators")).to_contain_text("2,1")
