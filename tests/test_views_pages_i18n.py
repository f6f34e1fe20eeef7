"""Public pages exist under /en/ and /es/, fall back to English, and switch language in place."""

import datetime

import pytest
import time_machine
from django.utils import translation

from cms.demo import factories as f
from sprints.models import ProgramKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def before_the_cohort_starts():
    with time_machine.travel(datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def program_page(home_page):
    program = f.ProgramFactory(
        name="Open Data Sprint",
        name_es="Sprint de Datos Abiertos",
        slug="open-data",
        summary="Publish your contracts.",
        summary_es="Publique sus contratos.",
        kind=ProgramKind.SPRINT,
        activities="Map your data systems\nInterview vendors",
        activities_es="Mapear sus sistemas de datos\nEntrevistar a proveedores",
    )
    f.RoleFactory(program=program, name="Head of purchasing", name_es="Jefe de compras", hours=3)
    f.CohortFactory(program=program, name="Spring", name_es="Primavera", start_date=datetime.date(2027, 2, 1))
    return f.ProgramPageFactory(parent=home_page, program=program, slug="open-data", slug_es="datos-abiertos")


def test_root_redirects_to_a_language_prefix(client, home_page):
    assert client.get("/").url == "/en/"
    assert client.get("/", headers={"accept-language": "es"}).url == "/es/"


@pytest.mark.parametrize(("language", "path"), [("en", "/en/"), ("es", "/es/")])
def test_home_page_renders_in_each_language(client, home_page, program_page, language, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    expected = "Open Data Sprint" if language == "en" else "Sprint de Datos Abiertos"
    assert expected in response.text


def test_program_page_shows_program_in_english(client, program_page):
    response = client.get("/en/open-data/")
    assert response.status_code == 200
    text = response.text
    for expected in [
        "Open Data Sprint",
        "Publish your contracts.",
        "Interview vendors",
        "Head of purchasing",
        "Spring",
    ]:
        assert expected in text
    assert "Feb. 1, 2027" in text


def test_program_page_shows_program_in_spanish_under_spanish_slug(client, program_page):
    response = client.get("/es/datos-abiertos/")
    assert response.status_code == 200
    text = response.text
    for expected in [
        "Sprint de Datos Abiertos",
        "Publique sus contratos.",
        "Entrevistar a proveedores",
        "Jefe de compras",
    ]:
        assert expected in text
    assert "1 de febrero de 2027" in text
    assert "Duración" in text


def test_untranslated_text_falls_back_to_english(client, program_page):
    program = program_page.program
    program.audience = "City procurement teams"
    program.audience_es = ""
    program.save()
    response = client.get("/es/datos-abiertos/")
    assert "City procurement teams" in response.text
    with translation.override("es"):
        assert program.audience == "City procurement teams"


def test_switcher_links_to_the_same_page_in_the_other_language(client, program_page):
    english = client.get("/en/open-data/").text
    spanish = client.get("/es/datos-abiertos/").text
    assert 'href="/es/datos-abiertos/" hreflang="es"' in english
    assert 'href="/en/open-data/" hreflang="en"' in spanish
    assert '<span aria-current="true" lang="en">English</span>' in english


def test_switcher_keeps_you_on_non_page_views(client, home_page):
    response = client.get("/es/accounts/login/")
    assert response.status_code == 200
    assert '<html lang="es">' in response.text
    assert 'href="/en/accounts/login/" hreflang="en"' in response.text


def test_standard_page_in_both_languages(client, home_page):
    f.StandardPageFactory(
        parent=home_page, title="About Ruta", title_es="Acerca de Ruta", slug="about", slug_es="acerca"
    )
    assert "About Ruta" in client.get("/en/about/").text
    assert "Acerca de Ruta" in client.get("/es/acerca/").text
