"""Accepting a team never hands a place to an account that has not proved it owns the address.

An account whose email is not verified may have been made by anyone; the person the
application lists gets an invitation link by email instead, and only whoever follows it
takes the place.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from cms.demo import factories as f
from cms.demo.factories import DEFAULT_PASSWORD
from cohorts.models import Membership
from cohorts.policies import is_member, teams_for
from cohorts.registration.models import TeamInvitation
from cohorts.registration.services import (
    INVITATION_USED,
    INVITATION_WRONG_ACCOUNT,
    registration_accept,
    team_invitation_accept,
)

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-2027"


def squatter_account(email="ana@tulsa.gov"):
    """An account someone signed up for with another person's address, never confirmed."""
    user = f.UserFactory(email=email, full_name="Not Ana", verified=False)
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    return user


@pytest.fixture
def registration():
    registration = f.RegistrationFactory(city="Tulsa", cohort=f.CohortFactory(language="en"))
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@tulsa.gov")
    f.RegistrationMemberFactory(registration=registration, full_name="Bo Lee", email="bo@tulsa.gov")
    return registration


def invitation_link(address):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return re.search(r"http://127\.0\.0\.1:8000(/\S+/)", message.body).group(1)


def test_accepting_does_not_attach_an_unverified_account_and_invites_the_address(registration):
    squatter = squatter_account()
    verified = f.UserFactory(email="bo@tulsa.gov")
    mail.outbox.clear()

    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())

    assert set(Membership.objects.filter(team=team).values_list("user", flat=True)) == {verified.pk}
    assert not is_member(squatter, team)
    assert not teams_for(squatter).exists()
    invitation = TeamInvitation.objects.get(team=team)
    assert (invitation.email, invitation.full_name, invitation.accepted_at) == (
        "ana@tulsa.gov",
        "Ana Ruiz",
        None,
    )
    assert invitation.token in invitation_link("ana@tulsa.gov")
    assert squatter.notifications.count() == 0  # the link is in the email only


def test_whoever_follows_the_link_sets_the_password_and_takes_the_place(client, home_page, registration):
    squatter = squatter_account()
    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())
    link = invitation_link("ana@tulsa.gov")

    page = client.get(link)
    assert page.status_code == 200
    assert "ana@tulsa.gov" in page.text
    response = client.post(
        link,
        {
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
            "preferred_language": "en",
            "time_zone": "America/Chicago",
        },
    )

    assert response.status_code == 302
    assert response.url == f"/en/teams/{team.pk}/"
    account = User.objects.get(pk=squatter.pk)
    assert account.check_password(NEW_PASSWORD)
    assert not account.check_password(DEFAULT_PASSWORD)  # whoever made it is locked out
    assert account.full_name == "Ana Ruiz"
    assert EmailAddress.objects.get(user=account, email__iexact="ana@tulsa.gov").verified
    assert is_member(account, team)
    assert int(client.session["_auth_user_id"]) == account.pk
    assert TeamInvitation.objects.get().accepted_by == account
    # The link works once.
    client.logout()
    assert client.get(link).status_code == 404


def test_a_signed_in_owner_of_the_address_joins_with_one_click(client, home_page, registration):
    account = squatter_account()  # the real Ana signed up earlier but never confirmed
    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())
    link = invitation_link("ana@tulsa.gov")
    client.force_login(account)

    assert "new_password1" not in client.get(link).text
    assert not is_member(account, team)  # reading the page changes nothing
    response = client.post(link)

    assert response.url == f"/en/teams/{team.pk}/"
    assert is_member(account, team)
    assert account.check_password(DEFAULT_PASSWORD)
    assert EmailAddress.objects.get(user=account).verified


def test_someone_signed_in_as_another_account_cannot_take_the_place(client, home_page, registration):
    squatter_account()
    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())
    link = invitation_link("ana@tulsa.gov")
    other = f.UserFactory(email="mallory@example.com")
    client.force_login(other)

    page = client.get(link)
    assert "This invitation is for ana@tulsa.gov. Sign out" in page.text
    client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert not is_member(other, team)
    assert TeamInvitation.objects.get().accepted_at is None
    with pytest.raises(ValidationError) as error:
        team_invitation_accept(invitation=TeamInvitation.objects.get(), user=other)
    assert error.value.messages == [INVITATION_WRONG_ACCOUNT % {"email": "ana@tulsa.gov"}]


def test_an_invitation_is_taken_once(registration):
    account = squatter_account()
    registration_accept(registration=registration, reviewer=f.StaffUserFactory())
    invitation = TeamInvitation.objects.get()
    team_invitation_accept(invitation=invitation, user=account)
    with pytest.raises(ValidationError) as error:
        team_invitation_accept(invitation=invitation, password=NEW_PASSWORD)
    assert error.value.messages == [str(INVITATION_USED)]


def test_unknown_links_answer_404(client, home_page):
    assert client.get("/en/invitations/not-a-token/").status_code == 404


def test_staff_see_who_is_invited_but_not_yet_on_the_team(client, home_page, registration):
    squatter_account()
    verified = f.UserFactory(email="bo@tulsa.gov")
    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())

    client.force_login(f.StaffUserFactory())
    page = client.get(f"/en/teams/{team.pk}/")
    assert "Ana Ruiz" in page.text
    assert "invited, has not joined yet" in page.text
    listing = client.get(reverse("teaminvitation:index"))
    assert listing.status_code == 200
    assert "ana@tulsa.gov" in listing.text

    client.force_login(verified)
    page = client.get(f"/en/teams/{team.pk}/").text
    assert page.count("Ana Ruiz") == 0  # members see who is on the team, nothing more
