"""Dates and times in the reader's language, the way that language writes them (#18).

Django's date formats give "mié 16 Dic" for ``"D j M"`` in Spanish (its "M" capitalises the month)
and US numeric dates for English ``SHORT_DATE_FORMAT``; the pages a participant or coach reads use
these named formats instead, written by CLDR (through Babel) for the active language:

============  ==========================  ==========================
name          English                     Spanish
============  ==========================  ==========================
short         Feb 2                       2 feb
medium        Feb 2, 2027                 2 feb 2027
long          February 2, 2027            2 de febrero de 2027
weekday       Tue, Feb 2, 2027            mar, 2 feb 2027
weekday_short Tue, Feb 2                  mar, 2 feb
month         Feb 2027                    feb 2027
============  ==========================  ==========================

Month and weekday names stay lowercase in Spanish, as Spanish writes them. Like Django's
``date_format``, the functions format a datetime as its clock reads in its own zone (pass
``timezone.localtime(value)`` for the reader's); the template filters, like Django's ``date``, show
it in the active time zone (the reader's own, see accounts.middleware). The time reads as the
language writes ("3:05 PM", "15:05"). In templates:
``{% load ruta_dates %}{{ session.starts_at|local_date:"weekday" }}``, ``|local_datetime``,
``|local_time``. It lives in the bottom layer so that every app's emails and exports can use it too.
"""

import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton, format_time
from django.utils import translation

# The CLDR skeleton of each named format: which fields, in the order and words of the language.
SKELETONS = {
    "short": "MMMd",
    "medium": "yMMMd",
    "long": "yMMMMd",
    "weekday": "yMMMEd",
    "weekday_short": "MMMEd",
    "month": "yMMM",
}
DEFAULT = "medium"


def babel_locale(language: str | None = None) -> Locale:
    """The Babel locale of `language` (the active language by default); English when unknown."""
    code = translation.to_locale(language or translation.get_language() or "en")
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(code.split("_")[0]) if "_" in code else Locale("en")


def _wall_time(value):
    """A datetime as its clock reads in its own zone, without the zone (Babel formats it as it is)."""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    return value


def format_local_date(value, name: str = DEFAULT, *, language: str | None = None) -> str:
    """`value` (a date or datetime) in the named format; "" for no value."""
    if value is None or value == "":
        return ""
    skeleton = SKELETONS.get(name or DEFAULT)
    if skeleton is None:
        raise ValueError(f"Unknown date format {name!r}: use one of {', '.join(SKELETONS)}")
    value = _wall_time(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return format_skeleton(skeleton, value, locale=babel_locale(language))


def format_local_time(value, *, language: str | None = None) -> str:
    """The time of `value` (a datetime or a time), as the language writes it: "3:05 PM", "15:05"."""
    if value is None or value == "":
        return ""
    return format_time(_wall_time(value), "short", locale=babel_locale(language))


def format_local_datetime(value, name: str = DEFAULT, *, language: str | None = None) -> str:
    """The date in the named format and the time, joined as the language joins them."""
    if value is None or value == "":
        return ""
    locale = babel_locale(language)
    date_text = format_local_date(value, name, language=language)
    time_text = format_local_time(value, language=language)
    pattern = str(locale.datetime_formats.get("medium", "{1}, {0}"))
    return pattern.replace("{1}", date_text).replace("{0}", time_text)
