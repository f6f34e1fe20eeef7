"""A member downloads their data, then deletes their account from the email settings page."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from cms.demo import factories as f
from tests.e2e.sign_in import sign_in_with_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_download_my_data_then_delete_my_account(page, live_server, home_page):
    membership = f.MembershipFactory(user__email="participant@example.com", user__full_name="Ana Gómez")
    sign_in_with_form(page, live_server, membership.user.email, reverse("notifications:preferences"))

    page.get_by_role("link", name="Your data: download a copy or delete your account").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data").first.click()
    download = download_info.value
    assert download.suggested_filename.startswith("ruta-my-data-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["profile"]["email"] == "participant@example.com"
    assert data["memberships"][0]["team"] == membership.team.name

    page.get_by_role("link", name="Delete my account…").click()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("The password is not correct.")).to_be_visible()

    page.get_by_label("Your password").fill(f.DEFAULT_PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account is deleted.")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}{reverse('home')}")
    user = User.objects.get(pk=membership.user.pk)
    assert user.is_deleted and user.email != "participant@example.com"

    page.goto(f"{live_server.url}{reverse('notifications:list')}")
    expect(page).to_have_url(
        f"{live_server.url}{reverse('account_login')}?next={reverse('notifications:list')}"
    )
