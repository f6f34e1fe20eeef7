"""A member builds a vendor journey map: adds and reorders stages, saves, reloads, submits, sees feedback."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.assignments.models import FeedbackDecision, SubmissionStatus
from cohorts.assignments.services import feedback_give, submission_for
from sprints.models import AssignmentKind
from tests.e2e.sign_in import sign_in_with_form

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setup(home_page):
    membership = f.MembershipFactory(user__email="ana@city.gov")
    template = f.AssignmentTemplateFactory(
        program=membership.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP, title="Vendor journey"
    )
    return membership, template


def test_build_reorder_save_reload_submit_and_see_feedback(page, live_server, setup):
    membership, template = setup
    path = reverse("cohorts:assignment", args=[membership.team.pk, template.pk])
    sign_in_with_form(page, live_server, membership.user.email, path)

    page.fill('[name="main-vendor_persona"]', "A first-time local bidder")
    page.fill('[name="stages-0-name"]', "Find the notice")
    page.fill('[name="stages-0-pain_points"]', "Notices are hard to search")
    page.click("[data-formset-add]")
    page.fill('[name="stages-1-name"]', "Typo stage")
    page.click("[data-formset-add]")
    page.fill('[name="stages-2-name"]', "Register as a vendor")
    # Remove the typo, then move "Register as a vendor" before "Find the notice".
    page.locator("[data-formset-row]").nth(1).locator("[data-formset-remove]").click()
    page.locator("[data-formset-row]").nth(2).locator('[data-formset-move="up"]').click()
    rows = page.locator("[data-formset-list] > [data-formset-row]:visible")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("[data-formset-number]")).to_have_text("1")
    expect(rows.nth(0).locator('input[name$="-name"]')).to_have_value("Register as a vendor")
    page.click("[data-save-draft]")

    expect(page.locator(".messages")).to_contain_text("Draft saved.")
    page.reload()
    expect(page.locator('[name="stages-0-name"]')).to_have_value("Register as a vendor")
    expect(page.locator('[name="stages-1-name"]')).to_have_value("Find the notice")
    expect(page.locator('[name="stages-1-pain_points"]')).to_have_value("Notices are hard to search")
    expect(page.locator('[name="stages-TOTAL_FORMS"]')).to_have_value("2")

    page.click("[data-submit]")
    expect(page.locator("[data-submission-status]")).to_have_text("Submitted")
    expect(page.locator(".journey-stage h4").first).to_have_text("1. Register as a vendor")
    submission = submission_for(team=membership.team, template=template)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert [stage["name"] for stage in submission.versions.get().content["stages"]] == [
        "Register as a vendor",
        "Find the notice",
    ]

    coach = f.CoachAssignmentFactory(team=membership.team).coach
    feedback_give(
        version=submission.versions.get(),
        author=coach,
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="Add the award stage.",
    )
    page.reload()
    expect(page.locator("[data-feedback]")).to_contain_text("Add the award stage.")
    expect(page.locator("[data-submission-status]")).to_have_text("Changes requested")
    expect(page.locator('[name="stages-0-name"]')).to_be_editable()


def test_leaving_the_page_saves_the_draft(page, live_server, setup):
    membership, template = setup
    path = reverse("cohorts:assignment", args=[membership.team.pk, template.pk])
    sign_in_with_form(page, live_server, membership.user.email, path)
    page.fill('[name="stages-0-name"]', "Typed, never saved by hand")
    with page.expect_response(re.compile(re.escape(path) + "$")) as saved:
        page.evaluate(
            "Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});"
            "document.dispatchEvent(new Event('visibilitychange'))"
        )
    assert saved.value.json()["saved"] is True
    submission = submission_for(team=membership.team, template=template)
    assert submission.content["stages"][0]["name"] == "Typed, never saved by hand"
