"""In the browser: removing a row moves focus to the next row and is announced; move-up on the first
row says so; a form sent back with errors opens on its focused error summary, whose links focus
their field."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from sprints.models import AssignmentKind
from tests.e2e.sign_in import sign_in_with_form

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(home_page):
    membership = f.MembershipFactory(user__email="ana@city.gov")
    template = f.AssignmentTemplateFactory(
        program=membership.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP, title="Vendor journey"
    )
    return membership, reverse("cohorts:assignment", args=[membership.team.pk, template.pk])


def test_rows_announce_changes_and_keep_focus_in_the_list(page, live_server, editor):
    membership, path = editor
    sign_in_with_form(page, live_server, membership.user.email, path)
    status = page.locator("[data-formset-status]")
    page.click("[data-formset-add]")
    expect(status).to_have_text("Stage 2 added.")
    page.click("[data-formset-add]")
    rows = page.locator("[data-formset-list] > [data-formset-row]:visible")
    expect(rows.nth(1).locator("[data-formset-remove]")).to_have_text("Remove stage 2")

    rows.nth(0).locator('[data-formset-move="up"]').click()
    expect(status).to_have_text("Stage 1 is already first.")

    page.get_by_role("button", name="Remove stage 2").click()
    expect(status).to_have_text("Stage 2 removed.")
    expect(rows).to_have_count(2)
    # Focus went to the row that took its place, now stage 2, whose buttons are renamed.
    expect(page.locator('[name="stages-2-name"]')).to_be_focused()
    expect(rows.nth(1).locator('[data-formset-move="up"]')).to_have_attribute("aria-label", "Move up stage 2")

    rows.nth(1).locator('[data-formset-move="up"]').click()
    expect(status).to_have_text("Stage moved to position 1 of 2.")

    rows.nth(1).locator("[data-formset-remove]").click()
    rows.nth(0).locator("[data-formset-remove]").click()
    expect(page.locator("[data-formset-add]")).to_be_focused()


def test_error_summary_is_focused_and_links_to_the_field(page, live_server, editor):
    membership, path = editor
    sign_in_with_form(page, live_server, membership.user.email, path)
    page.fill('[name="stages-0-vendor_actions"]', "Reads the notice")
    page.click("[data-save-draft]")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary.locator("a").first.click()
    expect(page.locator('[name="stages-0-name"]')).to_be_focused()


def test_failed_sign_in_opens_on_its_focused_error_summary(page, live_server, home_page):
    """Issue 18: the sign-in error was shown but never announced."""
    f.UserFactory(email="ana@city.gov")
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill('[name="login"]', "ana@city.gov")
    page.fill('[name="password"]', "not-the-password")
    page.get_by_role("button", name="Sign In").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("not correct")
    expect(page).to_have_title("Error: Sign In · Ruta")
