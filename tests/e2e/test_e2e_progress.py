"""Attach the data systems map as RDC7 evidence, mark it met, the coach verifies, the bar moves."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.progress.models import CriterionProgress
from cohorts.progress.services import progress_verify
from sprints.models import AssignmentKind
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e.sign_in import sign_in_with_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_attach_evidence_coach_verifies_and_progress_bar_moves(page, live_server, home_page):
    coach = make_coach(email="coach@example.com")
    team = coached_team(coach)
    membership = f.MembershipFactory(team=team, user__email="participant@example.com")
    template = f.AssignmentTemplateFactory(
        program=team.cohort.program, kind=AssignmentKind.DATA_SYSTEMS_MAP, title="Data systems map"
    )
    submission = f.SubmissionFactory(team=team, template=template)
    criterion = f.CriterionFactory(code="RDC7", title="Open data", required_count=1)
    item = f.ChecklistItemFactory(criterion=criterion, text="Map the procurement data systems")

    path = reverse("cohorts:team_progress", args=[team.pk])
    sign_in_with_form(page, live_server, membership.user.email, path)

    bar = page.locator('[data-criterion="RDC7"] [data-criterion-progress]')
    expect(bar).to_have_attribute("value", "0")
    row = page.locator(f"#item-{item.pk}")
    row.locator(".evidence-add summary").click()
    row.locator('select[name="kind"]').select_option("submission")
    row.locator('select[name="submission"]').select_option(str(submission.pk))
    row.locator('textarea[name="note"]').fill("Our data systems map")
    row.locator("[data-evidence-form] button[type=submit]").click()
    expect(page.locator(f"#item-{item.pk} .evidence-list")).to_contain_text("Data systems map")

    page.locator(f"#item-{item.pk} select[name=status]").select_option("met")
    page.locator(f"#item-{item.pk} [data-status-form] button[type=submit]").click()
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Waiting for the coach to verify")
    expect(bar).to_have_attribute("value", "0")

    progress_verify(progress=CriterionProgress.objects.get(team=team, item=item), coach=coach)
    page.reload()
    expect(page.locator(f"#item-{item.pk} [data-verified]")).to_be_visible()
    expect(bar).to_have_attribute("value", "100")
    expect(page.locator("[data-overall-progress]")).to_have_attribute("value", "100")
