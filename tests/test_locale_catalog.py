"""Every interface string has a Spanish translation, and the compiled catalog is used."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

CATALOG = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"


def catalog_messages():
    with CATALOG.open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def test_every_spanish_entry_is_translated_and_not_fuzzy():
    messages = catalog_messages()
    assert messages, "the Spanish catalog is empty"
    assert [m.id for m in messages if not is_translated(m)] == []
    assert [m.id for m in messages if m.fuzzy] == []


@pytest.mark.parametrize(
    ("english", "spanish"),
    [("Programs", "Programas"), ("Sign in", "Iniciar sesión"), ("Cohorts", "Cohortes")],
)
def test_compiled_catalog_translates_interface_strings(english, spanish):
    with translation.override("es"):
        assert translation.gettext(english) == spanish


@pytest.mark.django_db
def test_the_admin_dashboard_reads_in_spanish_where_wagtails_catalog_is_silent(client):
    """Wagtail's Spanish catalog lacks "Edit account avatar" (the dashboard's welcome panel): ours
    supplies it (cms/wagtail_strings.py)."""
    from cms.demo import factories as f

    staff = f.StaffUserFactory(is_superuser=True, preferred_language="es")
    client.force_login(staff)
    page = client.get("/admin/").content.decode()
    assert 'aria-label="Editar el avatar de la cuenta"' in page
    assert "Edit account avatar" not in page
