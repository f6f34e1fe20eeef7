"""Data a whole test module shares: built once, rolled back when the module ends.

A module whose tests each walk hundreds of URLs over the same world builds that world once:

    @pytest.fixture(scope="module")
    def module_world(django_db_setup, django_db_blocker):
        with module_transaction(django_db_blocker):
            yield built(django_db_blocker, build_world)

    @pytest.fixture
    def world(module_world, db):
        return copy.deepcopy(module_world)

Each test still runs in its own transaction (pytest-django's), which nests in the module's as a
savepoint, so what a test writes is rolled back after it; the deep copy gives each test its own
objects, so one that a test deletes or changes in memory is whole again in the next.
"""

import contextlib

from django.db import transaction
from django.utils import translation
from wagtail.models import Page, Site

from cms.demo import factories as f


@contextlib.contextmanager
def module_transaction(django_db_blocker):
    """A transaction open for the body, rolled back at its end, whatever happened in it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def built(django_db_blocker, build):
    """What `build()` returns, built with the database open and in English (as each test starts)."""
    with django_db_blocker.unblock(), translation.override("en"):
        return build()


def make_home_page():
    """The site's home page, set as the default site's root like the seed command does."""
    root = Page.get_first_root_node()
    home = f.HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Ruta"},
    )
    return home
