"""A coach logs a TA session with two action items from the dashboard; a participant sees it and
completes an item."""

import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from coaching.models import ActionItemStatus, TASession
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e.sign_in import sign_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_coach_logs_a_session_and_the_participant_completes_an_item(page, live_server):
    coach = make_coach(full_name="Carla Coach")
    team = coached_team(coach, name="Ponce Abierta")
    ana = f.MembershipFactory(team=team, user__full_name="Ana Compras")
    luis = f.MembershipFactory(team=team, user__full_name="Luis Datos")
    topic = f.TopicFactory(name="Vendor outreach", name_es="Alcance a proveedores")

    sign_in_as(page, live_server, coach)
    started = time.monotonic()
    page.goto(f"{live_server.url}{reverse('wagtailadmin_home')}")
    page.locator("#coaching-teams-content a", has_text="Log a session").first.click()
    page.fill('[name="starts_at"]', "2027-02-10 15:00")
    page.check(f'input[name="attendees"][value="{ana.pk}"]')
    page.check(f'input[name="attendees"][value="{luis.pk}"]')
    page.check(f'input[name="topics"][value="{topic.pk}"]')
    page.fill('[name="summary"]', "Mapped the award data; publish it monthly.")
    page.fill('[name="private_notes"]', "SECRET-NOTE sponsor hesitant.")
    for index, (description, owner) in enumerate(
        [("Publish award notices", ana), ("Call new vendors", luis)]
    ):
        page.click("#id_action_items-ADD")
        page.fill(f'[name="action_items-{index}-description"]', description)
        page.select_option(f'[name="action_items-{index}-owner"]', str(owner.pk))
    page.locator("footer button[type=submit].button-longrunning").first.click()
    expect(page.locator(".messages")).to_be_visible()
    assert time.monotonic() - started < 60

    session = TASession.objects.get()
    assert session.action_items.count() == 2

    sign_in_as(page, live_server, ana.user)
    page.goto(f"{live_server.url}{reverse('coaching:team_coaching', args=[team.pk])}")
    expect(page.get_by_text("Mapped the award data")).to_be_visible()
    assert "SECRET-NOTE" not in page.content()
    item = session.action_items.get(description="Publish award notices")
    page.locator(f"#action-item-{item.pk} button", has_text="Mark as done").click()
    expect(page.locator(f"#action-item-{item.pk}")).to_contain_text("Done by Ana Compras")
    item.refresh_from_db()
    assert (item.status, item.completed_by) == (ActionItemStatus.DONE, ana.user)
