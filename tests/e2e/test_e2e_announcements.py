"""Staff write an announcement in English and Spanish, confirm and send it; a Spanish-speaking
member reads it in Spanish on the team home page."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.announcements.models import Announcement
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_send_an_announcement_and_a_member_reads_it_in_spanish(page, live_server):
    staff = f.StaffUserFactory()
    team = f.TeamFactory(name="Ponce Abierta")
    member = f.MembershipFactory(team=team, user=f.UserFactory(preferred_language="es"))

    sign_in_as(page, live_server, staff)
    page.goto(f"{live_server.url}{reverse('announcement:add')}")
    page.select_option('[name="cohort"]', str(team.cohort.pk))
    page.fill('[name="title_en"]', "Office hours on Friday")
    page.fill('[name="body_en"]', "Come with your questions.")
    page.locator("button.locale-toggle", has_text="es").click()  # show the Spanish fields too
    page.fill('[name="title_es"]', "Horario de consulta el viernes")
    page.fill('[name="body_es"]', "Vengan con sus preguntas.")
    page.locator("footer button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()

    announcement = Announcement.objects.get()
    page.goto(f"{live_server.url}{reverse('announcement:send', args=[announcement.pk])}")
    expect(page.get_by_text("Vengan con sus preguntas.")).to_be_visible()
    page.get_by_role("button", name="Send to 1 person").click()
    expect(page.locator(".messages")).to_contain_text("sent to 1 person")

    sign_in_as(page, live_server, member.user)
    with translation.override("es"):
        home = reverse("cohorts:team_home", args=[team.pk])
    page.goto(f"{live_server.url}{home}")
    expect(page.locator(".announcement")).to_contain_text("Horario de consulta el viernes")
    expect(page.locator(".announcement")).to_contain_text("Vengan con sus preguntas.")
