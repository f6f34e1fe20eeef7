"""One sign-in for everyone: every login door goes through allauth, its limits and checks."""

import importlib
import secrets
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import cms.settings.base
from cms.demo.factories import DEFAULT_PASSWORD, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("door", ["/admin/login/", "/en/_util/login/", "/es/_util/login/"])
def test_other_login_pages_send_to_the_one_sign_in_keeping_next(client, home_page, door):
    response = client.get(f"{door}?next=/admin/pages/")
    assert response.status_code == 302
    url = urlsplit(response.url)
    assert url.path in {"/en/accounts/login/", "/es/accounts/login/"}
    assert parse_qs(url.query) == {"next": ["/admin/pages/"]}


@pytest.mark.parametrize("door", ["/admin/login/", "/en/_util/login/"])
def test_posting_an_unverified_accounts_password_to_another_door_does_not_sign_in(client, home_page, door):
    unverified = UserFactory(email="squatter@example.com", verified=False)
    unverified.save()  # the factory saves the password with the verified address
    assert unverified.check_password(DEFAULT_PASSWORD)
    client.post(door, {"username": "squatter@example.com", "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session
    client.post(door, {"login": "squatter@example.com", "password": DEFAULT_PASSWORD}, follow=True)
    assert "_auth_user_id" not in client.session


@override_settings(ACCOUNT_RATE_LIMITS=RATE_LIMITS)
def test_guessing_a_staff_password_at_the_admin_door_is_rate_limited(client, home_page):
    StaffUserFactory(email="boss@example.com")
    for _attempt in range(15):
        client.post("/admin/login/", {"username": "boss@example.com", "password": "wrong"}, follow=True)
        client.post("/en/accounts/login/", {"login": "boss@example.com", "password": "wrong"})
    client.post("/admin/login/", {"username": "boss@example.com", "password": DEFAULT_PASSWORD}, follow=True)
    client.post("/en/accounts/login/", {"login": "boss@example.com", "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_private_pages_send_visitors_to_the_one_sign_in(settings):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL in {"/en/accounts/login/", "account_login"}


@override_settings(ACCOUNT_RATE_LIMITS=RATE_LIMITS, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_rate_limits_count_each_client_behind_the_proxy_apart(client, home_page):
    UserFactory(email="ana@example.com")
    UserFactory(email="ben@example.com")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for attempt in range(12):  # a different account each time: only the address limit applies
        client.post(
            "/en/accounts/login/",
            {"login": f"guess{attempt}@example.com", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    response = client.post(
        "/en/accounts/login/",
        {"login": "ana@example.com", "password": DEFAULT_PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        **proxy,
    )
    assert "_auth_user_id" not in client.session  # client A is locked out
    assert "Too many failed login attempts" in response.text

    response = client.post(
        "/en/accounts/login/",
        {"login": "ben@example.com", "password": DEFAULT_PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.9",
        **proxy,
    )
    assert response.status_code == 302  # client B, behind the same proxy, signs in
    assert "_auth_user_id" in client.session


def load_production_settings():
    sys.modules.pop("cms.settings.production", None)
    try:
        return importlib.import_module("cms.settings.production")
    finally:
        sys.modules.pop("cms.settings.production", None)


def test_production_trusts_one_proxy_and_needs_a_shared_cache(monkeypatch):
    monkeypatch.setattr(cms.settings.base, "SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    monkeypatch.delenv("TRUSTED_CLIENT_IP_HEADER", raising=False)
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        load_production_settings()

    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/0")
    production = load_production_settings()
    assert production.ALLAUTH_TRUSTED_PROXY_COUNT == 1
    assert production.ALLAUTH_TRUSTED_CLIENT_IP_HEADER is None
    assert production.CACHES["default"]["LOCATION"] == "redis://cache:6379/0"

    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
    monkeypatch.setenv("TRUSTED_CLIENT_IP_HEADER", "X-Real-IP")
    production = load_production_settings()
    assert production.ALLAUTH_TRUSTED_PROXY_COUNT == 2
    assert production.ALLAUTH_TRUSTED_CLIENT_IP_HEADER == "X-Real-IP"


def test_other_environments_trust_no_forwarded_header(settings):
    assert getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) == 0


def test_the_admin_has_no_password_reset_of_its_own(client, home_page):
    """Resets go through allauth too (one set of limits), so Wagtail's are switched off."""
    StaffUserFactory(email="boss@example.com")
    assert client.get("/admin/password_reset/", follow=True).status_code == 404
    client.post("/admin/password_reset/", {"email": "boss@example.com"})
    assert not mail.outbox
    assert client.get("/admin/password_reset/confirm/MQ/set-password/", follow=True).status_code == 404
