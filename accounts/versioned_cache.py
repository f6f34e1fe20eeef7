"""Cached copies that end when what they show changes: a version number per kind of copy, shared
by every instance through the cache and bumped when one of the facts they show is saved, and the
day as part of the key for what changes with the date alone."""

import datetime

from django.core.cache import cache


def bump(version_key):
    """Every copy made under `version_key`'s current number is out of date from now on."""
    try:
        cache.incr(version_key)
    except ValueError:  # not set yet, or evicted
        cache.set(version_key, 2, timeout=None)


def current(version_key):
    return cache.get_or_set(version_key, 1, timeout=None)


def seconds_to_midnight(now):
    """How long a copy made at `now` (aware) may be kept when it shows that day's date."""
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(int((midnight - now).total_seconds()), 1)
