"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are safe because the live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    missing = None if os.path.exists(CHROMIUM) else pytest.mark.skip(reason="Chromium is not installed")
    for item in items:
        item.add_marker(pytest.mark.browser)
        if missing and not os.environ.get("CI"):
            item.add_marker(missing)  # CI installs Chromium and must run these


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


@pytest.fixture(autouse=True)
def wagtail_tree(transactional_db):
    """Put back Wagtail's default locale and root page, which migrations create.

    Browser tests are transactional: the database is flushed after each one, migration-made
    rows included, so without this only the first browser test of a run finds them.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
