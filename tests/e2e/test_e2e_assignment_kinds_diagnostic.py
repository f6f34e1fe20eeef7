"""A member fills each Diagnostic kind in the browser: fills it, adds a row, saves and sees it rendered.

The kinds that build on earlier deliverables start from them: the notes pick people from the
tracker, the observations' challenge areas pick the notes' codes, the report starts from the
observations' challenge areas.
"""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms import demo_content as demo
from cms.demo import factories as f
from cms.management.commands.seed_demo import in_language
from cohorts.assignments.services import submission_for, submission_save_draft
from sprints.models import AssignmentKind as K
from sprints.schemas import validate_content
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)

# The deliverables each kind builds on, filled with the demo chain team's content.
EARLIER = {
    K.ENVIRONMENT_QUESTIONNAIRE: (),
    K.KEY_INFORMANT_GUIDE: (),
    K.OUTREACH_TRACKER: (K.KEY_INFORMANT_GUIDE,),
    K.INTERVIEW_NOTES: (K.OUTREACH_TRACKER,),
    K.BASELINE_OBSERVATIONS: (K.OUTREACH_TRACKER, K.INTERVIEW_NOTES),
    K.BASELINE_SUMMARY: (K.OUTREACH_TRACKER, K.INTERVIEW_NOTES, K.BASELINE_OBSERVATIONS, K.DATA_SYSTEMS_MAP),
}


def demo_content(kind):
    for data in demo.DIAGNOSTIC_DELIVERABLES:
        if demo.TEMPLATES[data["template"]]["kind"] == kind:
            return validate_content(kind, in_language(data["content"], "en", datetime.date(2027, 3, 15)))
    raise LookupError(kind)


def add(page, formset):
    page.locator(f'[data-formset-name="{formset}"] [data-formset-add]').click()


def fill_questionnaire(page):
    page.fill('[name="main-goals_short_term"]', "Publish cycle time every month")
    page.check('[name="main-political_support_rating"][value="4"]')
    page.select_option('[name="main-issue_focus"]', "efficiency_fairness")
    return ["Publish cycle time every month", "4 — strong", "Efficiency and fairness"]


def fill_guide(page):
    page.fill('[name="main-interviewer"]', "Eli Warren")
    page.fill('[name="question_groups-0-interviewee_type"]', "Vendors")
    page.fill(
        '[name="question_groups-0-questions"]', "How do you find our bids?\nWhat happens after you bid?"
    )
    page.fill('[name="informants-0-name"]', "Marta Ruiz")
    add(page, "informants")
    page.fill('[name="informants-1-name"]', "Joe Alvarez")
    return [
        "What happens after you bid?",
        "Marta Ruiz",
        "Joe Alvarez",
        "Planned key informants (2 of at most 10)",
    ]


def fill_tracker(page):
    # The guide's eight planned informants are already on the tracker.
    expect(page.locator('[name="contacts-0-person"]')).to_have_value("Marta Ruiz")
    page.select_option('[name="contacts-0-status"]', "done")
    add(page, "contacts")
    page.fill('[name="contacts-8-person"]', "Sam Ortiz")
    page.select_option('[name="contacts-8-status"]', "contacted")
    return ["Sam Ortiz", "Interviewed"]


def fill_notes(page):
    page.select_option('[name="observations-0-contact"]', "c06")
    page.fill('[name="observations-0-text"]', "Calls the buyer every Friday")
    page.fill('[name="observations-0-codes"]', "status visibility")
    add(page, "observations")
    page.select_option('[name="observations-1-contact"]', "c03")
    page.fill('[name="observations-1-text"]', "Reviews every contract in full")
    page.fill('[name="observations-1-codes"]', "legal review")
    return ["Calls the buyer every Friday", "Reviews every contract in full", "Joe Alvarez", "legal review"]


def fill_observations(page):
    page.fill('[name="ratings-0-issue"]', "Vendors can follow their bids")
    page.check('[name="ratings-0-rating"][value="2"]')
    page.fill('[name="challenge_areas-0-title"]', "Sequential review")
    page.check('[name="challenge_areas-0-codes"][value="legal review"]')
    add(page, "challenge_areas")
    page.fill('[name="challenge_areas-1-title"]', "No status visibility")
    page.check('[name="challenge_areas-1-codes"][value="status visibility"]')
    return [
        "Sequential review",
        "No status visibility",
        "Every contract gets a full legal review, even small renewals.",
    ]


def fill_summary(page):
    expect(page.locator('[name="challenge_areas-0-title"]')).to_have_value("Late and incomplete requests")
    page.fill('[name="main-overview"]', "Five months from request to award")
    page.fill('[name="indicators-0-name"]', "Median days from request to award")
    add(page, "indicators")
    page.fill('[name="indicators-1-name"]', "Average bids per solicitation")
    return ["Five months from request to award", "Average bids per solicitation", "Held but not published."]


FILL = {
    K.ENVIRONMENT_QUESTIONNAIRE: fill_questionnaire,
    K.KEY_INFORMANT_GUIDE: fill_guide,
    K.OUTREACH_TRACKER: fill_tracker,
    K.INTERVIEW_NOTES: fill_notes,
    K.BASELINE_OBSERVATIONS: fill_observations,
    K.BASELINE_SUMMARY: fill_summary,
}


@pytest.mark.parametrize("kind", list(FILL))
def test_fill_add_a_row_save_and_see_it_rendered(page, live_server, home_page, kind):
    membership = f.MembershipFactory()
    program = membership.team.cohort.program
    for week, earlier in enumerate(EARLIER[kind], start=1):
        template = f.AssignmentTemplateFactory(program=program, kind=earlier, due_week=week)
        submission_save_draft(
            submission=submission_for(team=membership.team, template=template),
            content=demo_content(earlier),
            revision=0,
            user=membership.user,
        )
    template = f.AssignmentTemplateFactory(program=program, kind=kind, due_week=9, title="Diagnostic work")
    sign_in_as(page, live_server, membership.user)
    page.goto(live_server.url + reverse("cohorts:assignment", args=[membership.team.pk, template.pk]))
    expected = FILL[kind](page)
    page.click("[data-save-draft]")
    expect(page.locator(".messages")).to_contain_text("Draft saved.")
    preview = page.locator("[data-preview]")
    preview.locator(":scope > summary").click()
    for text in expected:
        expect(preview).to_contain_text(text)
