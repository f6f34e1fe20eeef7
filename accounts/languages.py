"""Language and time zone choices read from settings at run time.

Model fields use these callables rather than literal lists so that adding a language
(or a new tzdata release) needs no migration.
"""

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import format_html
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


# Languages that write the names of languages in lowercase except at the start of a sentence
# ("Impartido en inglés"), where English capitalises them ("Taught in English").
LOWERCASE_LANGUAGE_NAMES = frozenset({"es", "fr", "it", "pt", "ca"})


def language_name(code: str) -> str:
    """The name of the language `code` in the active language, as it starts a sentence or a label
    ("English", "Inglés"); the code itself when it is not one of LANGUAGES."""
    name = dict(settings.LANGUAGES).get(code)
    return str(name) if name is not None else code


def language_in_sentence(source) -> str:
    """The name of the language of `source` (a code, or an object as for ``language_of``) as it reads
    mid-sentence in the active language: "English" in English, "inglés" in Spanish."""
    code = language_of(source)
    if not code:
        return ""
    name = language_name(code)
    page = (translation.get_language() or "").split("-")[0]
    return name.lower() if page in LOWERCASE_LANGUAGE_NAMES else name


def language_of(source) -> str:
    """The language `source` is written in: a code, or the `language` of the object, or that of
    its cohort (a team writes in its cohort's language); "" when unknown."""
    if not source:
        return ""
    if isinstance(source, str):
        return source
    language = getattr(source, "language", None)
    if language:
        return language
    cohort = getattr(source, "cohort", None)
    if cohort is None:
        team = getattr(source, "team", None)
        cohort = getattr(team, "cohort", None)
    return getattr(cohort, "language", "") or ""


def lang_attribute(source):
    """` lang="xx"` when `source` is written in another language than the page's, else ""."""
    language = language_of(source)
    page = translation.get_language() or ""
    if not language or language.split("-")[0] == page.split("-")[0]:
        return ""
    return format_html(' lang="{}"', language)
