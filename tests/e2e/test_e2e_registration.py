"""A visitor signs up, applies in Spanish adding and removing members, and sees the confirmation."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.registration.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cohort(home_page):
    program = f.ProgramFactory(
        name="Spanish sprint", name_es="Sprint en español", team_size_min=2, team_size_max=4
    )
    f.RoleFactory(program=program, name="Buyer", name_es="Comprador", min_count=1, max_count=3)
    f.FocusAreaFactory(program=program, name="Open data", name_es="Datos abiertos")
    today = timezone.localdate()
    return f.CohortFactory(
        program=program,
        language="es",
        start_date=today + datetime.timedelta(days=30),
        registration_opens=today - datetime.timedelta(days=10),
        registration_deadline=today + datetime.timedelta(days=10),
    )


def fill_member(page, index, name, email):
    page.fill(f'[name="members-{index}-full_name"]', name)
    page.fill(f'[name="members-{index}-email"]', email)
    page.select_option(f'[name="members-{index}-role"]', label="Comprador")


def test_sign_up_and_apply_in_spanish(page, live_server, cohort):
    with translation.override("es"):
        apply_path = reverse("cohorts:registration_start", args=[cohort.pk])
    assert apply_path.startswith("/es/cohortes/")
    page.goto(f"{live_server.url}{apply_path}")
    expect(page).to_have_url(re.compile(r"/es/accounts/login/\?next="))
    page.click('main a[href*="/es/accounts/signup/?next="]')
    page.fill('[name="email"]', "lucia@ponce.gov")
    page.fill('[name="password1"]', "una-clave-larga-2026")
    page.fill('[name="password2"]', "una-clave-larga-2026")
    page.fill('[name="full_name"]', "Lucía Rivera")
    page.select_option('[name="preferred_language"]', "es")
    page.select_option('[name="time_zone"]', "America/Puerto_Rico")
    page.click('form [type="submit"]')

    confirm_link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, confirm_link))
    page.click('form [type="submit"]')
    expect(page).to_have_url(f"{live_server.url}{apply_path}")

    page.fill('[name="city"]', "Ponce")
    page.fill('[name="jurisdiction"]', "Puerto Rico")
    page.fill('[name="team_name"]', "Ponce Abierta")
    page.select_option('[name="focus_area"]', label="Datos abiertos")
    page.fill('[name="challenge_statement"]', "Pocas ofertas por licitación.")
    fill_member(page, 0, "Lucía Rivera", "lucia@ponce.gov")
    fill_member(page, 1, "Error de tecleo", "error@ponce.gov")
    page.click("[data-formset-add]")
    fill_member(page, 2, "Marta Soto", "marta@ponce.gov")
    page.locator("[data-formset-row]").nth(1).locator("[data-formset-remove]").click()
    expect(page.locator("[data-formset-row]:visible")).to_have_count(2)
    page.check('[name="accepts_time_commitment"]')
    page.click('button[name="submit"]')

    expect(page).to_have_url(re.compile(r"/es/solicitudes/\d+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(".status")).to_have_text("Enviada")
    expect(page.get_by_text("no garantiza la participación").first).to_be_visible()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert sorted(registration.members.values_list("email", flat=True)) == [
        "lucia@ponce.gov",
        "marta@ponce.gov",
    ]
