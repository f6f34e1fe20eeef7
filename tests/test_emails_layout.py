"""Every email the project sends shares one layout (one HTML and one text base template), names the
site from one place (WAGTAIL_SITE_NAME) instead of a hard-coded "Ruta", has an HTML part and a text
part, a subject with the same prefix, and Spanish in usted (#18)."""

import re
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core import mail
from django.test import RequestFactory, override_settings

from cms.demo import factories as f
from notifications.emails import send_email
from tests.test_getting_in import (
    ACCOUNT_EMAILS,
    NOTIFICATION,
    TU_FORMS,
    html_part,
    html_text,
    without_links,
)

pytestmark = pytest.mark.django_db

SITE = "Ciudad Abierta"
ROOT = Path(settings.BASE_DIR)
APPS = ("accounts", "notifications", "cohorts", "coaching", "cms")


def email_templates():
    """Every email template pair the project's send_email sends: (name, its text template path)."""
    names = []
    for app in APPS:
        for subject in sorted((ROOT / app / "templates").rglob("*_subject.txt")):
            relative = subject.relative_to(ROOT / app / "templates").as_posix()
            if relative.startswith("account/email/"):
                continue  # allauth's, sent through its adapter (below)
            names.append(relative[: -len("_subject.txt")])
    return names


EMAILS = email_templates()

#: What a template cannot render without (a filter's argument); every other value may be missing.
CONTEXTS = {
    "cohorts/emails/submission_feedback": {"feedback": {"author": {"email": "coach@example.org"}}},
    "cohorts/progress/emails/evidence_removed": {"removed_by": {"email": "coach@example.org"}},
}


def test_the_project_sends_many_kinds_of_email():
    assert len(EMAILS) > 20 and "notifications/emails/digest" in EMAILS
    assert "cohorts/emails/team_invitation" in EMAILS


def check(message, language):
    html = html_part(message)
    assert message.subject.startswith(f"[{SITE}] "), message.subject
    for text in (message.subject, message.body, html):
        assert "Ruta" not in text
    assert SITE in message.body and SITE in html_text(html)
    # the layout: the site's name at the top of the HTML, the signature in both parts
    assert html.startswith("<!DOCTYPE html>") and f'lang="{language}"' in html
    signature = f"The {SITE} team" if language == "en" else f"El equipo de {SITE}"
    assert signature in message.body and signature in html_text(html)
    assert "{{" not in message.body + html and "{%" not in message.body + html
    if language == "es":
        for text in (message.subject, message.body, html_text(html)):
            assert not TU_FORMS.search(without_links(text)), (message.subject, TU_FORMS.search(text))


@override_settings(WAGTAIL_SITE_NAME=SITE)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("template", EMAILS)
def test_every_project_email_uses_the_layout_and_the_sites_name(template, language):
    user = f.UserFactory(full_name="Ana Ruiz", preferred_language=language)
    send_email(
        to=user, template=template, context={"url": "https://example.org/x/", **CONTEXTS.get(template, {})}
    )
    [message] = mail.outbox
    check(message, language)
    assert message.body.startswith("Hello Ana," if language == "en" else "Hola, Ana:")


@override_settings(WAGTAIL_SITE_NAME=SITE)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("template", sorted(ACCOUNT_EMAILS))
def test_every_account_email_uses_the_same_layout_and_prefix(template, language):
    user = f.UserFactory(email="ana@ciudad.gob.mx", full_name="Ana Ruiz", preferred_language=language)
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8765")
    request.user = user
    context = {"user": user, **ACCOUNT_EMAILS[template], **NOTIFICATION}
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(template, user.email, context)
    [message] = mail.outbox
    check(message, language)


@override_settings(WAGTAIL_SITE_NAME=SITE)
def test_an_email_with_an_unsubscribe_link_says_so_in_both_parts():
    user = f.UserFactory(full_name="Ana Ruiz", preferred_language="es")
    send_email(
        to=user,
        template="cohorts/emails/announcement",
        context={"kind_label": "Anuncios"},
        unsubscribe_url="https://example.org/unsubscribe/abc/",
    )
    [message] = mail.outbox
    assert "https://example.org/unsubscribe/abc/" in message.body
    assert 'href="https://example.org/unsubscribe/abc/"' in html_part(message)
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/unsubscribe/abc/>"


def test_the_layout_markup_lives_in_the_base_templates_only():
    """No email template but the two bases writes the page or the signature; every body extends one."""
    bases = {"emails/base.html", "emails/base.txt"}
    for app in APPS:
        folder = ROOT / app / "templates"
        for path in folder.rglob("*"):
            relative = path.relative_to(folder).as_posix()
            if "email" not in relative or path.is_dir() or relative in bases:
                continue
            source = path.read_text()
            assert "<body" not in source and "<!DOCTYPE" not in source.upper(), relative
            assert "team{% endblocktranslate %}" not in source, relative  # the signature
            assert not re.search(r"Ruta\b", source), relative
            if relative.endswith("_subject.txt") or "/_" in relative or relative.startswith("emails/"):
                continue
            assert source.lstrip().startswith(("{% extends", "{% include")), relative
