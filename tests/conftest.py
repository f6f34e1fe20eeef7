import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import translation

from cms.demo import factories as f
from tests.coaching_helpers import coached_team, make_coach
from tests.e2e import CHROMIUM
from tests.shared_data import make_home_page

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
    return make_home_page()


@pytest.fixture
def program_index(home_page):
    """The program index page under the home page, where the program pages live."""
    return f.ProgramIndexPageFactory(parent=home_page)


@pytest.fixture
def user(db):
    return f.UserFactory()


@pytest.fixture
def staff_user(db):
    return f.StaffUserFactory(email="staff@example.com")


@pytest.fixture
def member(db):
    """A membership in a team of its own (in a cohort of its own, with no coach)."""
    return f.MembershipFactory()


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


# -- The shared world: two cities' teams in one cohort and one person per role -----------------------------
# Each part is a fixture of its own, so a test asks for only what it uses (and a module may override a
# part, say `cohort`, to change it for the whole world); `world` gathers them all.


@pytest.fixture
def cohort(db):
    return f.CohortFactory()


@pytest.fixture
def coach(db):
    """A coach as seeded (admin access through the "Coaches" group): team A's."""
    return make_coach()


@pytest.fixture
def team_a(cohort, coach):
    return coached_team(coach, cohort=cohort, city="Alphaville")


@pytest.fixture
def team(team_a):
    """The coached team of a module about one team (team A of the world)."""
    return team_a


@pytest.fixture
def team_b(cohort):
    """Another city's team in the same cohort, which team A's coach does not coach."""
    return f.TeamFactory(cohort=cohort, city="Bravopolis")


@pytest.fixture
def coach_none(db):
    """A coach of no team."""
    return make_coach()


@pytest.fixture
def member_a(team_a):
    return f.MembershipFactory(team=team_a).user


@pytest.fixture
def member_b(team_b):
    return f.MembershipFactory(team=team_b).user


@pytest.fixture
def members(team):
    """Two members of `team`: the first reads Spanish, the second English."""
    return [
        f.MembershipFactory(team=team, user__preferred_language="es"),
        f.MembershipFactory(team=team, user__preferred_language="en"),
    ]


@pytest.fixture
def applicant(cohort):
    """Someone who applied to the cohort and is on no team."""
    return f.RegistrationFactory(cohort=cohort).applicant


@pytest.fixture
def world(cohort, team_a, team_b, coach, coach_none, staff_user, applicant, member_a, member_b):
    return SimpleNamespace(
        cohort=cohort,
        team_a=team_a,
        team_b=team_b,
        coach_a=coach,
        coach_none=coach_none,
        staff=staff_user,
        applicant=applicant,
        member_a=member_a,
        member_b=member_b,
    )
