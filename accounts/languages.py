"""Language and time zone choices read from settings at run time.

Model fields use these callables rather than literal lists so that adding a language
(or a new tzdata release) needs no migration.
"""

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def language_choices():
    return list(settings.LANGUAGES)


@cache
def time_zone_names():
    """The IANA names of the installed tzdata, read from disk once per process."""
    return frozenset(zoneinfo.available_timezones())


def time_zone_label(name):
    """How a time zone is shown: its name with spaces (without walking every choice)."""
    return name.replace("_", " ")


@cache
def time_zone_choices():
    return [(name, time_zone_label(name)) for name in sorted(time_zone_names())]


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})
