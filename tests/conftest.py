import os
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from cms.demo.factories import HomePageFactory, ProgramIndexPageFactory, StaffUserFactory, UserFactory
from tests.e2e import CHROMIUM

BROWSER_TESTS = Path(__file__).parent / "e2e"


def is_browser_test(item):
    return BROWSER_TESTS in item.path.parents


def pytest_collection_modifyitems(items):
    """Mark the browser tests and run them last, after every test that needs no browser.

    Without Chromium they are skipped on a developer's machine; CI installs Chromium, and there a
    skipped test fails the run (see pytest_sessionfinish).
    """
    no_chromium = None if os.path.exists(CHROMIUM) else pytest.mark.skip(reason="Chromium is not installed")
    for item in items:
        if is_browser_test(item):
            item.add_marker(pytest.mark.browser)
            if no_chromium:
                item.add_marker(no_chromium)
    items.sort(key=is_browser_test)  # stable: each group keeps its order


def pytest_sessionfinish(session, exitstatus):
    """In CI every test must run: a skipped test is a failure there, never a silent pass."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == pytest.ExitCode.OK:
        reporter.write_sep("=", f"CI runs every test, yet {skipped} skipped", red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: the test client leaves the last request's language active."""
    with translation.override("en"):
        yield


@pytest.fixture
def home_page(db):
    """The site's home page, set as the default site's root like the seed command does."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Ruta"},
    )
    return home


@pytest.fixture
def program_index(home_page):
    """The program index page under the home page, where the program pages live."""
    return ProgramIndexPageFactory(parent=home_page)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff_user(db):
    return StaffUserFactory(email="staff@example.com")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
