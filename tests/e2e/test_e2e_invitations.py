"""An invited member whose address already had an unconfirmed account follows the emailed link,
chooses a password and lands in the team's workspace."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from cms.demo import factories as f
from cohorts.models import Membership
from cohorts.registration.services import registration_accept

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_invited_member_joins_by_choosing_a_password(page, live_server, home_page):
    squatter = f.UserFactory(email="ana@tulsa.gov", full_name="Not Ana", verified=False)
    squatter.save()
    EmailAddress.objects.create(user=squatter, email="ana@tulsa.gov", primary=True, verified=False)
    registration = f.RegistrationFactory(city="Tulsa", team_name="Tulsa buyers")
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@tulsa.gov")
    team = registration_accept(registration=registration, reviewer=None)
    [invitation] = [m for m in mail.outbox if m.to == ["ana@tulsa.gov"]]
    path = re.search(r"https?://[^/\s]+(/\S+/invitations/\S+/)", invitation.body).group(1)

    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", name="Welcome, Ana Ruiz")).to_be_visible()
    page.fill('[name="new_password1"]', "a-long-new-password-2027")
    page.fill('[name="new_password2"]', "a-long-new-password-2027")
    page.get_by_role("button", name="Save and go to my team").click()

    expect(page).to_have_url(re.compile(rf"/en/teams/{team.pk}/$"))
    expect(page.get_by_text("Welcome to Tulsa buyers.")).to_be_visible()
    assert Membership.objects.filter(team=team, user=squatter).exists()
