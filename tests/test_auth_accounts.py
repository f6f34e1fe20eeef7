"""Email is the login everywhere: allauth for sign-up, verification, sign-in and resets."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from cms.demo.factories import DEFAULT_PASSWORD, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=DEFAULT_PASSWORD, language="en"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def test_sign_in_with_email_lands_in_the_users_language(client, home_page):
    UserFactory(email="ana@city.gov", preferred_language="es")
    response = sign_in(client, "ana@city.gov")
    assert response.status_code == 302
    assert response.url == "/es/espacio-de-trabajo/"


def test_sign_in_ignores_email_case(client, home_page):
    UserFactory(email="ana@city.gov")
    assert sign_in(client, "Ana@City.GOV").status_code == 302


def test_wrong_password_is_refused_and_keeps_the_email(client, home_page):
    UserFactory(email="ana@city.gov")
    response = sign_in(client, "ana@city.gov", password="wrong", language="es")
    assert response.status_code == 200
    assert 'value="ana@city.gov"' in response.text
    assert "no son correctas" in response.text
    assert "_auth_user_id" not in client.session


def test_sign_up_asks_for_name_language_and_time_zone_then_verifies_the_email(client, home_page):
    response = client.post(
        "/es/accounts/signup/",
        {
            "email": "luis@ciudad.gob.mx",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
            "full_name": "Luis Pérez",
            "preferred_language": "es",
            "time_zone": "America/Mexico_City",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="luis@ciudad.gob.mx")
    assert (user.full_name, user.preferred_language, user.time_zone) == (
        "Luis Pérez",
        "es",
        "America/Mexico_City",
    )
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["luis@ciudad.gob.mx"]
    assert "Confirme" in message.subject or "confirm" in message.body.lower()

    # Unverified accounts cannot sign in until the link is followed.
    assert "_auth_user_id" not in client.session
    link = re.search(r"http://testserver(/\S+/accounts/confirm-email/\S+/)", message.body).group(1)
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_refuses_an_unknown_time_zone_and_keeps_what_was_typed(client, home_page):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "luis@ciudad.gob.mx",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
            "full_name": "Luis Pérez",
            "preferred_language": "es",
            "time_zone": "Mars/Olympus",
        },
    )
    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'value="Luis Pérez"' in response.text


def test_password_reset_mail_goes_out_in_the_users_language(client, home_page):
    UserFactory(email="ana@city.gov", preferred_language="es")
    client.post("/en/accounts/password/reset/", {"email": "ana@city.gov"})
    [message] = mail.outbox
    assert "contraseña" in message.subject.lower()


def test_staff_sign_in_through_allauth_reaches_the_wagtail_admin(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=/admin/")
    StaffUserFactory(email="staff@city.gov")
    assert sign_in(client, "staff@city.gov").url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_email_is_unique_whatever_its_case():
    UserFactory(email="ana@city.gov")
    with pytest.raises(Exception, match="already exists"):
        User(email="ANA@city.gov").validate_constraints()


def test_create_superuser_needs_only_email_and_password():
    user = User.objects.create_superuser(email="Root@Example.com", password="x-long-password-1")
    assert user.is_staff and user.is_superuser
    assert user.email == "Root@example.com"
    assert user.check_password("x-long-password-1")
