"""The site's pages work under its Content-Security-Policy: Chromium reports no violation while a
member opens the workspace and edits an assignment with the JavaScript editor."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from sprints.models import AssignmentKind
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)

# Records every violation the page reports, before any of the page's own scripts run.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_workspace_and_assignment_editor_run_under_the_csp(page, live_server, home_page):
    membership = f.MembershipFactory()
    template = f.AssignmentTemplateFactory(
        program=membership.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    sign_in_as(page, live_server, membership.user)

    for path in (
        reverse("home"),
        reverse("cohorts:team_home", args=[membership.team.pk]),
        reverse("notifications:preferences"),
    ):
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert page.evaluate("window.__cspViolations") == [], path

    editor = reverse("cohorts:assignment", args=[membership.team.pk, template.pk])
    response = page.goto(live_server.url + editor)
    assert "'nonce-" in response.headers["content-security-policy"]
    page.click("[data-formset-add]")  # formset.js runs
    expect(page.locator("[data-formset-list] > [data-formset-row]:visible")).to_have_count(2)
    assert page.evaluate("window.__cspViolations") == []
    assert not [text for text in console if "Content Security Policy" in text]
