"""Dates follow the reader's language (#18): "Tue, Feb 2, 2027" in English, "mar, 2 feb 2027" in
Spanish, month and weekday names lowercase mid-sentence, never a US numeric date on a Spanish page."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from accounts.date_formats import SKELETONS, format_local_date, format_local_datetime, format_local_time
from cms.demo import factories as f
from cohorts.progress import services as progress_services

TUESDAY = datetime.date(2027, 2, 2)
WEDNESDAY = datetime.date(2026, 12, 16)
AFTERNOON = datetime.datetime(2027, 2, 2, 15, 5)

# Capitalised Spanish month or weekday names and abbreviations ("Dic", "Mié", "Febrero").
SPANISH_CAPITALISED = re.compile(
    r"\b(?:Ene|Feb|Mar|Abr|May|Jun|Jul|Ago|Sept?|Oct|Nov|Dic|Lun|Mié|Jue|Vie|Sáb|Dom)\b\.?\s*\d"
    r"|\d\s+(?:Ene|Feb|Mar|Abr|May|Jun|Jul|Ago|Sept?|Oct|Nov|Dic)\b"
    r"|\bde (?:Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|Noviembre|Diciembre)\b"
)
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@pytest.mark.parametrize(
    ("name", "english", "spanish"),
    [
        ("short", "Feb 2", "2 feb"),
        ("medium", "Feb 2, 2027", "2 feb 2027"),
        ("long", "February 2, 2027", "2 de febrero de 2027"),
        ("weekday", "Tue, Feb 2, 2027", "mar, 2 feb 2027"),
        ("weekday_short", "Tue, Feb 2", "mar, 2 feb"),
        ("month", "Feb 2027", "feb 2027"),
    ],
)
def test_named_date_formats_in_both_languages(name, english, spanish):
    assert format_local_date(TUESDAY, name, language="en") == english
    assert format_local_date(TUESDAY, name, language="es") == spanish
    with translation.override("es"):
        assert format_local_date(TUESDAY, name) == spanish


def test_every_named_format_is_tested():
    assert set(SKELETONS) == {"short", "medium", "long", "weekday", "weekday_short", "month"}


def test_spanish_weekday_and_month_are_lowercase():
    assert format_local_date(WEDNESDAY, "weekday_short", language="es") == "mié, 16 dic"
    assert format_local_date(WEDNESDAY, "long", language="es") == "16 de diciembre de 2026"


def test_times_and_datetimes_as_each_language_writes_them():
    assert " ".join(format_local_time(AFTERNOON, language="en").split()) == "3:05 PM"
    assert format_local_time(AFTERNOON, language="es") == "15:05"
    assert " ".join(format_local_datetime(AFTERNOON, language="en").split()) == "Feb 2, 2027, 3:05 PM"
    assert format_local_datetime(AFTERNOON, language="es") == "2 feb 2027, 15:05"
    assert format_local_datetime(AFTERNOON, "long", language="es") == "2 de febrero de 2027, 15:05"


def test_an_empty_value_is_empty_and_an_unknown_format_refused():
    assert format_local_date(None) == ""
    assert format_local_datetime("") == ""
    with pytest.raises(ValueError, match="Unknown date format"):
        format_local_date(TUESDAY, "fancy")


def test_filters_show_the_active_time_zone_and_language():
    template = Template(
        '{% load ruta_dates %}{{ when|local_datetime:"weekday" }} · {{ when|local_date:"short" }}'
    )
    when = datetime.datetime(2027, 2, 3, 2, 30, tzinfo=datetime.UTC)  # still 2 Feb in New York
    with timezone.override(zoneinfo.ZoneInfo("America/New_York")), translation.override("es"):
        assert template.render(Context({"when": when})) == "mar, 2 feb 2027, 21:30 · 2 feb"
    with timezone.override(zoneinfo.ZoneInfo("Europe/Madrid")), translation.override("en"):
        rendered = " ".join(template.render(Context({"when": when})).split())
    assert rendered == "Wed, Feb 3, 2027, 3:30 AM · Feb 3"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Tue, Feb 2, 2027"), ("es", "mar, 2 feb 2027")],
)
def test_schedule_and_team_home_show_session_dates_in_the_readers_language(client, language, expected):
    member = f.MembershipFactory(user__preferred_language=language, user__time_zone="America/New_York")
    f.SessionFactory(cohort=member.team.cohort, week=1, title="Kick-off")
    with translation.override(language):
        urls = [reverse(f"cohorts:{name}", args=[member.team.pk]) for name in ("team_schedule", "team_home")]
    with time_machine.travel(datetime.datetime(2027, 1, 20, 15, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(member.user)
        responses = [client.get(url, headers={"accept-language": language}) for url in urls]
    assert [response.status_code for response in responses] == [200, 200]
    pages = [response.content.decode() for response in responses]
    for page in pages:
        assert expected in page
        if language == "es":
            assert SPANISH_CAPITALISED.findall(page) == []
            assert "Feb" not in page
    # The week strip on the team home: "Feb 1" / "1 feb".
    assert ("Feb 1" if language == "en" else "1 feb") in pages[1]


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC), tick=False)
def test_spanish_progress_history_has_no_numeric_dates(client):
    member = f.MembershipFactory(user__preferred_language="es", user__time_zone="America/New_York")
    criterion = f.CriterionFactory(code="RDC7")
    item = f.ChecklistItemFactory(
        criterion=criterion, text_en="Publish contracts", text_es="Publicar contratos"
    )
    progress_services.progress_mark(team=member.team, item=item, user=member.user, status="in_progress")
    client.force_login(member.user)
    with translation.override("es"):
        url = reverse("cohorts:team_progress", args=[member.team.pk])
    page = client.get(url, headers={"accept-language": "es"}).content.decode()
    history = page.split("data-history")[1].split("</ul>")[0]
    assert "10 feb 2027, 10:00" in history
    assert NUMERIC_DATE.findall(history) == []
    assert SPANISH_CAPITALISED.findall(history) == []
