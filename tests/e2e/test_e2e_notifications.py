"""A member sees the bell count, follows a notification to its page, and switches an email off."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.progress.services import progress_verify
from notifications.models import EmailFrequency, NotificationKind
from notifications.services import email_frequencies
from tests.e2e.sign_in import sign_in_with_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_bell_list_mark_read_and_email_settings(page, live_server):
    membership = f.MembershipFactory(user__email="participant@example.com")
    team = membership.team
    progress = f.CriterionProgressFactory(team=team, status="met")
    f.NotificationFactory(user=membership.user, title_en="Welcome to your workspace")
    progress_verify(progress=progress, coach=f.StaffUserFactory())

    path = reverse("notifications:list")
    sign_in_with_form(page, live_server, membership.user.email, path)

    bell = page.get_by_test_id("notification-bell")
    expect(bell.locator(".bell__count")).to_have_text("2 unread")
    page.get_by_role("link", name="an item is verified").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('cohorts:team_progress', args=[team.pk])}")
    expect(bell.locator(".bell__count")).to_have_text("1 unread")

    bell.click()
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("All notifications are marked as read.")).to_be_visible()
    expect(bell.locator(".bell__count")).to_have_count(0)

    page.get_by_role("link", name="Email and language settings").click()
    page.get_by_label("Session reminders: No email").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    expect(page.get_by_label("Session reminders: No email")).to_be_checked()
    assert email_frequencies(membership.user)[NotificationKind.SESSION_REMINDER] == EmailFrequency.OFF
