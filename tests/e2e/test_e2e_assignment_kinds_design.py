"""A member fills each Design and Implementation deliverable in the browser: fills the first row,
adds a row, saves, and sees the saved draft rendered (the opportunities grid, the action plan's
timeline, the assessment's stages)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.assignments.services import submission_for
from sprints.models import AssignmentKind
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def save(page):
    page.click("[data-save-draft]")
    expect(page.locator(".messages")).to_contain_text("Draft saved.")


def preview(page):
    details = page.locator("[data-preview]")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


def fill_data_user_guide(page):
    page.fill('[name="main-purpose"]', "Who would use our awards data")
    page.select_option('[name="users-0-user_type"]', "journalists")
    page.fill('[name="users-0-who"]', "City hall reporter")
    page.fill('[name="users-0-questions"]', "Which contracts do you follow?\nWhere do you find them?")
    page.click("[data-formset-add]")
    page.select_option('[name="users-1-user_type"]', "businesses")
    page.fill('[name="users-1-who"]', "Small local suppliers")
    page.check('[name="users-1-formats"][value="csv"]')
    save(page)
    rendered = preview(page)
    expect(rendered).to_contain_text("Journalists: City hall reporter")
    expect(rendered).to_contain_text("Businesses and suppliers: Small local suppliers")
    expect(rendered).to_contain_text("CSV download")
    return lambda content: (
        [u["who"] for u in content["users"]] == ["City hall reporter", "Small local suppliers"]
    )


def fill_design_research_framework(page):
    page.fill('[name="main-objective"]', "Why requisitions stall")
    page.fill('[name="questions-0-question"]', "Where do requisitions wait?")
    page.locator('[data-formset-name="questions"] [data-formset-add]').click()
    page.fill('[name="questions-1-question"]', "Which scopes need addenda?")
    page.select_option('[name="methods-0-method"]', "interviews")
    page.fill('[name="participants-0-group"]', "Buyers")
    page.fill('[name="participants-0-number"]', "8")
    page.fill('[name="hypotheses-0-assumption"]', "Legal review is the bottleneck")
    page.fill('[name="timeline-0-activity"]', "Interviews")
    page.fill('[name="timeline-0-start"]', "2027-02-01")
    page.fill('[name="timeline-0-end"]', "2027-02-12")
    save(page)
    rendered = preview(page)
    expect(rendered).to_contain_text("Which scopes need addenda?")
    expect(rendered).to_contain_text("Legal review is the bottleneck")
    return lambda content: len(content["questions"]) == 2 and content["participants"][0]["number"] == 8


def fill_opportunities_report(page):
    page.fill('[name="challenge_areas-0-title"]', "Slow approvals")
    page.fill('[name="opportunities-0-title"]', "")  # the empty row is left out
    save(page)
    # The saved challenge area is now a choice for the opportunity.
    page.select_option('[name="opportunities-0-challenge_area"]', label="Slow approvals")
    page.fill('[name="opportunities-0-title"]', "Parallel legal review")
    page.check('[name="opportunities-0-horizon"][value="short"]')
    page.check('[name="opportunities-0-impact"][value="5"]')
    page.check('[name="opportunities-0-feasibility"][value="4"]')
    page.fill('[name="opportunities-0-ocds_fields"]', "tender/tenderPeriod")
    page.locator('[data-formset-name="opportunities"] [data-formset-add]').click()
    page.select_option('[name="opportunities-1-challenge_area"]', label="Slow approvals")
    page.fill('[name="opportunities-1-title"]', "Delegated sign-off")
    page.check('[name="opportunities-1-horizon"][value="medium"]')
    page.check('[name="opportunities-1-impact"][value="4"]')
    page.check('[name="opportunities-1-feasibility"][value="2"]')
    save(page)
    rendered = preview(page)
    expect(rendered.locator('[data-impact="5"][data-feasibility="4"]')).to_contain_text(
        "Parallel legal review"
    )
    expect(rendered.locator('[data-impact="4"][data-feasibility="2"]')).to_contain_text("Delegated sign-off")
    return lambda content: [o["impact"] for o in content["opportunities"]] == [5, 4]


def fill_action_plan(page):
    page.fill('[name="main-executive_summary"]', "Faster purchases")
    page.fill('[name="main-public_summary"]', "We will make purchases faster.")
    page.fill('[name="tasks-0-title"]', "Map approval steps")
    page.fill('[name="tasks-0-owner"]', "Eli Warren")
    page.fill('[name="tasks-0-start"]', "2027-03-01")
    page.fill('[name="tasks-0-end"]', "2027-03-12")
    page.check('[name="tasks-0-public"]')
    page.locator('[data-formset-name="tasks"] [data-formset-add]').click()
    page.fill('[name="tasks-1-title"]', "Pilot parallel review")
    page.check('[name="tasks-1-owner_side"][value="practitioners"]')
    page.fill('[name="tasks-1-start"]', "2027-03-15")
    page.fill('[name="tasks-1-end"]', "2027-04-30")
    page.fill('[name="wishlist-0-dataset"]', "Requisition timestamps")
    save(page)
    # The first task, now saved, is a dependency the second can choose.
    page.locator('[name="tasks-1-depends_on"]').first.check()
    save(page)
    rendered = preview(page)
    expect(rendered.locator('[data-timeline="week"]')).to_be_visible()
    expect(rendered.locator("[data-public-version]")).to_contain_text("Map approval steps")
    expect(rendered.locator("[data-public-version]")).not_to_contain_text("Pilot parallel review")
    return lambda content: content["tasks"][1]["depends_on"] == [content["tasks"][0]["id"]]


def fill_ocds_assessment(page):
    page.fill('[name="main-scope"]', "Portal tenders and awards")
    page.select_option('[name="findings-0-stage"]', "core_team")
    page.fill('[name="findings-0-question"]', "Which fields do we hold?")
    page.select_option('[name="findings-0-status"]', "done")
    page.locator('[data-formset-name="findings"] [data-formset-add]').click()
    page.select_option('[name="findings-1-stage"]', "help_desk")
    page.fill('[name="findings-1-question"]', "Who answers data users?")
    save(page)
    rendered = preview(page)
    expect(rendered.locator('[data-assessment-stage="core_team"]')).to_contain_text(
        "Which fields do we hold?"
    )
    expect(rendered.locator('[data-assessment-stage="help_desk"]')).to_contain_text("Who answers data users?")
    return lambda content: [row["stage"] for row in content["findings"]] == ["core_team", "help_desk"]


def fill_ocds_work_plan(page):
    page.fill('[name="main-goal"]', "Weekly OCDS")
    page.fill('[name="steps-0-task"]', "Map portal fields")
    page.check('[name="steps-0-sections"][value="tender"]')
    page.locator('[data-formset-name="steps"] [data-formset-add]').click()
    page.fill('[name="steps-1-task"]', "Schedule the export")
    page.fill('[name="steps-1-due_date"]', "2027-07-01")
    save(page)
    rendered = preview(page)
    expect(rendered).to_contain_text("Schedule the export")
    expect(rendered).to_contain_text("Tender")
    return lambda content: (
        [s["task"] for s in content["steps"]] == ["Map portal fields", "Schedule the export"]
    )


FILL = {
    AssignmentKind.DATA_USER_GUIDE: fill_data_user_guide,
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: fill_design_research_framework,
    AssignmentKind.OPPORTUNITIES_REPORT: fill_opportunities_report,
    AssignmentKind.ACTION_PLAN: fill_action_plan,
    AssignmentKind.OCDS_ASSESSMENT: fill_ocds_assessment,
    AssignmentKind.OCDS_WORK_PLAN: fill_ocds_work_plan,
}


@pytest.mark.parametrize("kind", list(FILL))
def test_fill_add_a_row_save_and_see_it_rendered(page, live_server, home_page, kind):
    membership = f.MembershipFactory(user__email="ana@city.gov")
    template = f.AssignmentTemplateFactory(
        program=membership.team.cohort.program, kind=kind, title="Deliverable"
    )
    path = reverse("cohorts:assignment", args=[membership.team.pk, template.pk])
    sign_in_as(page, live_server, membership.user)
    page.goto(f"{live_server.url}{path}")
    check = FILL[kind](page)
    content = submission_for(team=membership.team, template=template).content
    assert check(content), content
