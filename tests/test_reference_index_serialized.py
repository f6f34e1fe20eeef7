"""Two task workers updating Wagtail's reference index of one object take turns (cms/reference_index.py).

Side by side, each would insert the object's index rows in its own order and PostgreSQL would fail
one of them with a deadlock. Runs on PostgreSQL (other databases serialize writers already)."""

import threading

import pytest
from django.db import connection, transaction
from wagtail.models import Locale, Page, ReferenceIndex

from cms.demo import factories as f
from tests.shared_data import make_home_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def program_index(db):
    """Pages need a locale and a root, which the migrations made and an earlier test's flush emptied."""
    if connection.vendor != "postgresql":
        pytest.skip("Advisory locks are PostgreSQL's: set DATABASE_URL=postgres://… to run this.")
    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    return f.ProgramIndexPageFactory(parent=make_home_page())


def update_index(page_pk, before_commit=None):
    try:
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(Page.objects.get(pk=page_pk).specific)
            if before_commit:
                before_commit()
    finally:
        connection.close()


def test_two_updates_of_one_objects_references_take_turns(program_index):
    page = f.ProgramPageFactory(
        parent=program_index, intro=f'<p><a linktype="page" id="{program_index.pk}">All programs</a></p>'
    )
    update_index(page.pk)
    assert ReferenceIndex.get_references_for_object(page).exists()

    first_holds, release_first, second_done = threading.Event(), threading.Event(), threading.Event()

    def hold():
        first_holds.set()
        release_first.wait(timeout=20)

    def second():
        first_holds.wait(timeout=20)
        update_index(page.pk)
        second_done.set()

    workers = [
        threading.Thread(target=update_index, args=(page.pk, hold)),
        threading.Thread(target=second),
    ]
    for worker in workers:
        worker.start()
    try:
        assert first_holds.wait(timeout=20)
        assert not second_done.wait(timeout=1.5), "the second update waits for the first to commit"
    finally:
        release_first.set()
        for worker in workers:
            worker.join(timeout=20)
    assert second_done.is_set()


def test_updates_of_different_objects_do_not_wait_for_each_other(program_index):
    pages = [f.ProgramPageFactory(parent=program_index, slug=f"page-{n}") for n in range(2)]
    first_holds, release_first, second_done = threading.Event(), threading.Event(), threading.Event()

    def hold():
        first_holds.set()
        release_first.wait(timeout=20)

    def second():
        first_holds.wait(timeout=20)
        update_index(pages[1].pk)
        second_done.set()

    workers = [
        threading.Thread(target=update_index, args=(pages[0].pk, hold)),
        threading.Thread(target=second),
    ]
    for worker in workers:
        worker.start()
    try:
        assert second_done.wait(timeout=20)
    finally:
        release_first.set()
        for worker in workers:
            worker.join(timeout=20)
