"""Spanish writes month, weekday and language names in lowercase mid-sentence (#18): "Impartido en
inglés", "el miércoles 16 de diciembre", never "en Inglés" or "16 Dic"."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from accounts.languages import language_in_sentence, language_name
from tests.test_locale_catalog import catalog_messages

# Month, weekday and language names as Spanish would capitalise them at the start of a sentence.
MONTHS = "Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Setiembre Octubre Noviembre Diciembre"
WEEKDAYS = "Lunes Martes Miércoles Jueves Viernes Sábado Sábados Domingo Domingos"
LANGUAGES = "Inglés Español Francés Portugués Alemán Italiano"
SPANISH_NAMES = [name for names in (MONTHS, WEEKDAYS, LANGUAGES) for name in names.split()]
# A name is at the start of a sentence or a quotation at the start of the text, after end punctuation
# and a space, or right after an opening quote, bracket or ¿ ¡; anywhere else it is mid-sentence.
CAPITALISED_MID_SENTENCE = re.compile(
    r"(?<![.!?¿¡:«“(\[>\n])(?<![.!?:] )(?<!^)\b(?:" + "|".join(SPANISH_NAMES) + r")\b"
)


def strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize(
    ("text", "capitalised"),
    [
        ("Impartido en Inglés", True),
        ("mié 16 Dic, el Miércoles", True),
        ("Por ejemplo «Primavera 2027 — Inglés».", True),
        ("Inglés", False),
        ("Impartido en inglés. Español después.", False),
        ("«Martes» es un día", False),
    ],
)
def test_the_check_finds_names_capitalised_mid_sentence(text, capitalised):
    assert bool(CAPITALISED_MID_SENTENCE.search(text)) is capitalised


def test_no_spanish_msgstr_capitalises_a_month_weekday_or_language_mid_sentence():
    found = [
        (message.id, string)
        for message in catalog_messages()
        for string in strings(message)
        if CAPITALISED_MID_SENTENCE.search(string)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("page_language", "code", "expected"),
    [("en", "en", "English"), ("en", "es", "Spanish"), ("es", "en", "inglés"), ("es", "es", "español")],
)
def test_language_in_sentence_is_lowercase_in_spanish_only(page_language, code, expected):
    with translation.override(page_language):
        assert language_in_sentence(code) == expected


def test_language_name_starting_a_label_keeps_its_capital():
    with translation.override("es"):
        assert language_name("en") == "Inglés"
        assert language_in_sentence("") == ""


def test_language_in_sentence_filter_in_a_spanish_sentence():
    template = Template(
        "{% load i18n language_tags %}{% blocktranslate with language=result|language_in_sentence %}"
        "This result is only available in {{ language }}, the language its team wrote it in."
        "{% endblocktranslate %}"
    )

    class Result:
        language = "en"

    with translation.override("es"):
        text = template.render(Context({"result": Result()}))
    assert text.startswith("Este resultado solo está disponible en inglés,")
    with translation.override("en"):
        text = template.render(Context({"result": Result()}))
    assert text.startswith("This result is only available in English,")
