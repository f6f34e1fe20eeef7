"""No edit is lost: a coach's stale TA session form is refused with both versions on screen and saves
on the second try; a participant removing the last evidence of a verified item confirms first."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from coaching import services
from coaching.models import TASession
from cohorts.progress.models import CriterionProgress, EvidenceKind, ProgressStatus
from cohorts.progress.services import evidence_add, progress_mark, progress_verify
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_stale_ta_session_form_is_refused_then_saved_after_merging(page, live_server):
    coach = make_coach(full_name="Carla Coach")
    team = coached_team(coach)
    staff = f.StaffUserFactory(full_name="Sara Staff")
    session = services.ta_session_log(
        team=team,
        coach=coach,
        starts_at=datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC),
        minutes=60,
        mode="video",
        summary="First summary.",
    )

    sign_in_as(page, live_server, coach)
    page.goto(f"{live_server.url}{reverse('tasession:edit', args=[session.pk])}")
    # Staff save a correction while the coach's form is open.
    loaded = TASession.objects.get(pk=session.pk)
    loaded.summary = "Staff correction: publish monthly."
    services.ta_session_update(ta_session=loaded, revision=0, user=staff)

    page.fill('[name="summary"]', "Coach summary: call the vendors.")
    page.locator("footer button[type=submit].button-longrunning").first.click()

    expect(page.locator(".messages")).to_contain_text("Someone else saved this TA session")
    expect(page.locator("[data-current-summary]")).to_have_text("Staff correction: publish monthly.")
    expect(page.locator('[name="summary"]')).to_have_value("Coach summary: call the vendors.")
    session.refresh_from_db()
    assert session.summary == "Staff correction: publish monthly."

    page.fill('[name="summary"]', "Staff correction: publish monthly. Coach: call the vendors.")
    page.locator("footer button[type=submit].button-longrunning").first.click()
    expect(page.locator("[data-current-version]")).to_have_count(0)
    session.refresh_from_db()
    assert session.summary == "Staff correction: publish monthly. Coach: call the vendors."
    assert session.revision == 2


def test_removing_the_last_evidence_of_a_verified_item_asks_first(page, live_server):
    coach = make_coach(email="coach@example.com")
    team = coached_team(coach)
    member = f.MembershipFactory(team=team)
    item = f.ChecklistItemFactory(
        criterion=f.CriterionFactory(code="RDC7", required_count=1), text="Publish contracts"
    )
    evidence_add(
        team=team, item=item, user=member.user, kind=EvidenceKind.LINK, url="https://data.example.gov"
    )
    progress = progress_mark(team=team, item=item, user=member.user, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=coach)

    sign_in_as(page, live_server, member.user)
    page.goto(f"{live_server.url}{reverse('cohorts:team_progress', args=[team.pk])}")
    page.locator(f"#item-{item.pk} .evidence-list button", has_text="Remove").click()

    confirm = page.locator("[data-confirm-evidence-remove]")
    expect(confirm).to_contain_text("goes back to your coach to verify again")
    confirm.locator("button[type=submit]").click()

    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Waiting for the coach to verify")
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("No evidence yet.")
    progress = CriterionProgress.objects.get(team=team, item=item)
    assert progress.status == ProgressStatus.MET and not progress.is_verified
