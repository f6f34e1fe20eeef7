"""Wagtail's reference index, updated by one task worker at a time per object.

Every save of a page, snippet, image or document enqueues Wagtail's `update_reference_index_task`,
so a page saved, revised and published queues several updates of the same object, and two
`db_worker` processes run them side by side. Each update reads the object's index rows, then
inserts the missing ones (INSERT … ON CONFLICT DO NOTHING) and deletes the stale ones, in the order
of a Python set: each worker process has its own hash seed, so the two insert the same rows in
different orders, each waits on a row the other has just inserted, and PostgreSQL breaks the
deadlock by failing one of the tasks (which is not retried, and that object's index stays stale).

``serialize_reference_index_updates`` makes every update of one object take a transaction-level
advisory lock on that object first (PostgreSQL only; other databases serialize writers already):
the second update waits for the first to commit, then finds its rows in place. Updates of different
objects still run in parallel.
"""

import functools
import zlib

from django.db import connection
from wagtail.models import ReferenceIndex

#: First key of the advisory lock (its namespace: "ruta reference index"), the object's the second.
LOCK_NAMESPACE = zlib.crc32(b"ruta:wagtail-reference-index") - 2**31


def lock_object(obj):
    """Hold the reference-index lock of `obj` until the current transaction ends."""
    if connection.vendor != "postgresql":
        return
    parents = obj._meta.get_parent_list()  # a page is indexed under Page, as Wagtail does
    base = parents[-1] if parents else obj._meta.concrete_model
    key = zlib.crc32(f"{base._meta.label_lower}:{obj.pk}".encode()) - 2**31
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, key])


def serialize_reference_index_updates():
    original = ReferenceIndex.create_or_update_for_object.__func__
    if getattr(original, "serialized", False):
        return

    @functools.wraps(original)
    def create_or_update_for_object(cls, object):
        lock_object(object)
        return original(cls, object)

    create_or_update_for_object.serialized = True
    ReferenceIndex.create_or_update_for_object = classmethod(create_or_update_for_object)
