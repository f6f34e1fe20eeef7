"""Counts agree with their nouns in both languages (#18): no "1 verificados", "2 Executive sponsor",
"1 minutos" or "1 weeks"; every count in user text goes through ngettext or blocktranslate count."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from cohorts.opendata.evidence import _up_to_date
from cohorts.registration.rules import team_composition_errors
from sprints.models import program_lasts

BOARD = (
    "{% load i18n %}{% blocktranslate count total=total with verified=verified needed=needed %}"
    "{{ verified }} of {{ total }} item verified, {{ needed }} needed{% plural %}"
    "{{ verified }} of {{ total }} items verified, {{ needed }} needed{% endblocktranslate %}"
)
MINUTES = (
    "{% load i18n %}{% blocktranslate count minutes=minutes with coach=coach %}"
    "With {{ coach }}, {{ minutes }} minute{% plural %}"
    "With {{ coach }}, {{ minutes }} minutes{% endblocktranslate %}"
)


def render(source, language, **context):
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "total", "verified", "expected"),
    [
        ("en", 1, 1, "1 of 1 item verified, 1 needed"),
        ("en", 3, 1, "1 of 3 items verified, 2 needed"),
        ("es", 1, 1, "1 de 1 elemento verificado (mínimo: 1)"),
        ("es", 3, 1, "1 de 3 elementos verificados (mínimo: 2)"),
    ],
)
def test_criterion_counts_agree_in_both_languages(language, total, verified, expected):
    needed = 1 if total == 1 else 2
    assert render(BOARD, language, total=total, verified=verified, needed=needed) == expected


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("en", 1, "With Ana, 1 minute"),
        ("en", 45, "With Ana, 45 minutes"),
        ("es", 1, "Con Ana, 1 minuto"),
        ("es", 45, "Con Ana, 45 minutos"),
    ],
)
def test_ta_session_minutes_agree_in_both_languages(language, minutes, expected):
    assert render(MINUTES, language, minutes=minutes, coach="Ana") == expected


def team_rules_message(language, *, min_count, members):
    role = SimpleNamespace(pk=1, name="Executive sponsor", required=True, min_count=min_count, max_count=3)
    program = SimpleNamespace(
        team_size_min=None, team_size_max=None, roles=SimpleNamespace(all=lambda: [role])
    )
    people = [SimpleNamespace(role_id=1, email=f"p{n}@example.com") for n in range(members)]
    with translation.override(language):
        return [message for error in team_composition_errors(program, people) for message in error.messages]


@pytest.mark.parametrize(
    ("language", "min_count", "expected"),
    [
        ("en", 1, "The team needs at least 1 person in the role “Executive sponsor” (it has 0)."),
        ("en", 2, "The team needs at least 2 people in the role “Executive sponsor” (it has 0)."),
        ("es", 1, "El equipo necesita al menos 1 persona en el rol «Executive sponsor» (tiene 0)."),
        ("es", 2, "El equipo necesita al menos 2 personas en el rol «Executive sponsor» (tiene 0)."),
    ],
)
def test_role_counts_are_in_people_never_a_pluralised_role_name(language, min_count, expected):
    assert team_rules_message(language, min_count=min_count, members=0) == [expected]


@pytest.mark.parametrize(
    ("language", "weeks", "expected"),
    [
        ("en", 1, "This program lasts 1 week."),
        ("en", 12, "This program lasts 12 weeks."),
        ("es", 1, "Este programa dura 1 semana."),
        ("es", 12, "Este programa dura 12 semanas."),
    ],
)
def test_program_length_agrees(language, weeks, expected):
    with translation.override(language):
        assert program_lasts(weeks) == expected


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("en", 1, "1 day before Ruta read it."),
        ("en", 3, "3 days before Ruta read it."),
        ("es", 1, "1 día antes de que Ruta los leyera."),
        ("es", 3, "3 días antes de que Ruta los leyera."),
    ],
)
def test_data_age_in_days_agrees(language, days, expected):
    as_of = datetime.date(2027, 3, 10)
    latest = as_of - datetime.timedelta(days=days)
    with translation.override(language):
        assert _up_to_date({"latest": latest.isoformat()}, as_of).endswith(expected)
