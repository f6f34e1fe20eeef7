"""Signing a browser in: through the login form, or straight into a session when the form is not
what the test is about."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from playwright.sync_api import expect

from cms.demo import factories as f


def sign_in_with_form(page, live_server, email, next_path):
    """Sign in on allauth's login page and land on `next_path`, fully loaded."""
    page.goto(f"{live_server.url}{reverse('account_login')}?next={next_path}")
    page.fill('[name="login"]', email)
    page.fill('[name="password"]', f.DEFAULT_PASSWORD)
    page.click('form [type="submit"]')
    expect(page).to_have_url(f"{live_server.url}{next_path}")
    page.wait_for_load_state("load")


def sign_in_as(page, live_server, user):
    """Give the browser a signed-in session cookie for `user`, replacing any other."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
    )
