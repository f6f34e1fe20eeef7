"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from tests.e2e import CHROMIUM
from tests.e2e.request_gate import RequestGate


@pytest.fixture(scope="session")
def playwright(playwright):
    """Playwright's sync API keeps an event loop running in the test thread from the first browser
    test to the end of the session. Browser tests run last (see tests/conftest.py), and only from
    here on are the ORM calls they make between browser steps allowed under that loop: the live
    server runs in a thread of its own."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield playwright
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def request_gate(live_server):
    server = live_server.thread.httpd
    gate = RequestGate(server.get_app())
    server.set_app(gate)
    return gate


@pytest.fixture(autouse=True)
def requests_end_with_the_test(transactional_db, request_gate):
    """No request of this test is still being answered when its data is flushed (see request_gate).

    Set up after the database and before the test's pages, so torn down after its pages are closed
    and before the flush."""
    request_gate.open()
    yield
    request_gate.close()


@pytest.fixture(autouse=True)
def wagtail_tree(transactional_db):
    """Put back Wagtail's default locale and root page, which migrations create.

    Browser tests are transactional: the database is flushed after each one, migration-made
    rows included, so without this only the first browser test of a run finds them.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
