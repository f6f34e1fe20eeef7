"""Getting in, in a browser: the time zone picker takes the browser's zone (even when the browser
reports a legacy name), and an invited member goes from the emailed link to the team's home,
choosing password, language and time zone on the way."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import User
from cms.demo import factories as f
from cohorts.registration.services import registration_accept

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def in_zone(browser, browser_context_args):
    """A page whose browser lives in the given IANA time zone (or without JavaScript)."""
    contexts = []

    def page_in(zone, **options):
        context = browser.new_context(**browser_context_args, timezone_id=zone, **options)
        contexts.append(context)
        return context.new_page()

    yield page_in
    for context in contexts:
        context.close()


def test_sign_up_preselects_the_browsers_time_zone(in_zone, live_server, home_page):
    errors = []
    # Chromium reports India's zone by its legacy name, Asia/Calcutta: the picker offers Asia/Kolkata.
    for zone, expected in (("America/Bogota", "America/Bogota"), ("Asia/Kolkata", "Asia/Kolkata")):
        page = in_zone(zone)
        page.on("console", lambda message: errors.append(message.text))
        page.goto(f"{live_server.url}/en/accounts/signup/")
        expect(page.locator('select[name="time_zone"]')).to_have_value(expected)
    assert not [text for text in errors if "Content Security Policy" in text]  # the site's own script

    without_script = in_zone("Asia/Tokyo", java_script_enabled=False)
    without_script.goto(f"{live_server.url}/en/accounts/signup/")
    expect(without_script.locator('select[name="time_zone"]')).to_have_value("America/New_York")


def test_an_invited_member_goes_from_the_email_to_the_team_home(in_zone, live_server, home_page):
    program = f.ProgramFactory(name="Procurement Excellence Track")
    cohort = f.CohortFactory(program=program, name="Fall 2027", time_zone="America/Chicago")
    registration = f.RegistrationFactory(cohort=cohort, city="Tulsa", team_name="Tulsa buyers")
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@tulsa.gov")
    team = registration_accept(registration=registration, reviewer=None)
    [invitation] = [m for m in mail.outbox if m.to == ["ana@tulsa.gov"]]
    path = re.search(r"https?://[^/\s]+(/\S+/welcome/\S+/)", invitation.body).group(1)

    page = in_zone("America/Bogota")
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", name="Welcome, Ana Ruiz")).to_be_visible()
    expect(
        page.get_by_text("You are a member of Tulsa buyers in Procurement Excellence Track (Fall 2027).")
    ).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("America/Bogota")  # the browser's, not the cohort's
    page.get_by_label("New password:", exact=True).fill("a-long-new-password-2027")
    page.get_by_label("New password confirmation").fill("a-long-new-password-2027")
    page.locator("select[name=preferred_language]").select_option("es")
    page.get_by_role("button", name="Save and go to my team").click()

    with translation.override("es"):
        team_home = reverse("cohorts:team_home", kwargs={"team_pk": team.pk})
    expect(page).to_have_url(f"{live_server.url}{team_home}")
    expect(page.get_by_text("Le damos la bienvenida a Tulsa buyers.")).to_be_visible()
    ana = User.objects.get(email="ana@tulsa.gov")
    assert (ana.preferred_language, ana.time_zone) == ("es", "America/Bogota")
    assert ana.check_password("a-long-new-password-2027")
