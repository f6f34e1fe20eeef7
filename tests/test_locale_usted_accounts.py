"""The sign-in pages speak to the reader as "usted" in Spanish, like the rest of the site (#18).

They are allauth's pages; allauth's own Spanish catalog says "tú" in some of their strings ("Si no ves
el correo…", "Envíame un código") and writes others in Title Case ("Restablecer Contraseña"). Our
catalog overrides them (accounts/allauth_strings.py).
"""

import html
import re
from pathlib import Path

import allauth
import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import translation

from accounts import allauth_strings
from cms.demo import factories as f

pytestmark = pytest.mark.django_db

# The forms of "tú" allauth's Spanish catalog uses (pronouns, verbs and imperatives), none of which
# "usted" uses; the capitalised imperatives only where they start a sentence or a button.
TU_WORDS = re.compile(
    r"\b(?:tu|tus|tú|te|ti|contigo|puedes|has|tienes|estás|eres|ves|quieres|debes|olvidaste|"
    r"introduce|introdúcelo|regístrate|envíame|selecciona|comprueba|ten|vete|decides|inicies)\b",
    re.IGNORECASE,
)
TU_IMPERATIVES = re.compile(r"\b(?:Inicia|Confirma|Introduce|Haz|Usa|Intenta|Vuelve|Cambia|Añade)\b")
TITLE_CASE = re.compile(r"Restablecer Contraseña|Reenviar Verificación|Contraseña Actual")


def visible_text(page: str) -> str:
    """The words a reader sees or hears: text, labels, placeholders and titles; no option lists."""
    page = re.sub(r"(?s)<(script|style|select)\b.*?</\1>", " ", page)
    page = re.sub(r'<input[^>]*type="hidden"[^>]*>', " ", page)
    page = re.sub(r'(?s)<[^>]*?\b(?:placeholder|aria-label|title|alt)="([^"]*)"[^>]*>', r" \1 ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


def assert_usted(name, page):
    text = visible_text(page)
    assert text, name
    assert TU_WORDS.findall(text) == [], (name, text)
    assert TU_IMPERATIVES.findall(text) == [], (name, text)
    assert TITLE_CASE.findall(text) == [], (name, text)


def spanish(name, *args, **kwargs):
    with translation.override("es"):
        return reverse(name, args=args, kwargs=kwargs or None)


@pytest.fixture
def pages(client, home_page):
    """Every allauth page a visitor or a signed-in person reaches, rendered in Spanish."""
    from allauth.account.models import EmailConfirmationHMAC

    rendered = {}

    def get(name, url, **kwargs):
        response = client.get(url, follow=True, headers={"accept-language": "es"}, **kwargs)
        assert response.status_code == 200, name
        rendered[name] = response.content.decode()

    def post(name, url, data):
        response = client.post(url, data, follow=True, headers={"accept-language": "es"})
        rendered[name] = response.content.decode()

    newcomer = f.UserFactory(email="newcomer@example.com", preferred_language="es")
    address = newcomer.emailaddress_set.get()
    address.verified = False
    address.save()

    for name in (
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key_done",
        "account_email_verification_sent",
        "account_inactive",
    ):
        get(name, spanish(name))
    get("confirm email", spanish("account_confirm_email", EmailConfirmationHMAC(address).key))
    get("confirm email, bad key", spanish("account_confirm_email", "not-a-key"))
    get("reset from key, bad token", spanish("account_reset_password_from_key", uidb36="1", key="bad-key"))
    post("login error", spanish("account_login"), {"login": "newcomer@example.com", "password": "wrong"})
    post("signup errors", spanish("account_signup"), {"email": "x", "password1": "a", "password2": "b"})
    post("reset for an unknown address", spanish("account_reset_password"), {"email": "nobody@example.com"})

    person = f.UserFactory(email="persona@example.com", preferred_language="es")
    person.emailaddress_set.create(email="otra@example.com", verified=False)
    client.force_login(person)
    for name in ("account_change_password", "account_email", "account_logout", "account_reauthenticate"):
        get(name, spanish(name))
    post("password change errors", spanish("account_change_password"), {"oldpassword": "x"})
    post("reauthentication code", spanish("account_request_reauthentication_code"), {})

    without_password = f.UserFactory(email="sin-clave@example.com", preferred_language="es")
    without_password.set_unusable_password()
    without_password.save()
    without_password.emailaddress_set.all().delete()
    client.force_login(without_password)
    get("account_set_password", spanish("account_set_password"))
    get("email without any address", spanish("account_email"))
    return rendered


def test_allauth_pages_say_usted_in_spanish(pages):
    assert len(pages) >= 19
    for name, page in pages.items():
        assert_usted(name, page)


def test_allauth_pages_show_our_spanish_words(pages):
    assert "Si no ve el correo electrónico de verificación en su bandeja de entrada" in (
        visible_text(pages["account_email_verification_sent"])
    )
    assert "Restablecer contraseña" in visible_text(pages["account_reset_password"])
    assert "Reenviar verificación" in visible_text(pages["account_email"])
    assert "Envíenme un código de inicio de sesión" in visible_text(pages["account_reauthenticate"])


def test_the_overridden_msgids_are_still_allauths():
    """An allauth upgrade that rewords one of them would bring its "tú" back: this says which."""
    catalog = Path(allauth.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "django.po"
    with catalog.open("rb") as handle:
        allauth_ids = {message.id for message in read_po(handle) if message.id}
    assert [msgid for msgid in allauth_strings.ALLAUTH_MSGIDS if msgid not in allauth_ids] == []
    with translation.override("es"):
        translated = [translation.gettext(msgid) for msgid in allauth_strings.ALLAUTH_MSGIDS]
    tu = [s for s in translated if TU_WORDS.search(s) or TU_IMPERATIVES.search(s) or TITLE_CASE.search(s)]
    assert tu == []
