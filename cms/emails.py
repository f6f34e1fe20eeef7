"""Email, written in the recipient's language and delivered by the background worker."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def deliver_email(*, to: list[str], subject: str, text: str, html: str) -> None:
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    message.send()


def send_email(*, to, template, context=None, language=None):
    """Render `template` for one recipient (a User or an address) and queue it.

    `template` names a pair `<template>_subject.txt` and `<template>.txt`; the HTML part is
    the text in the site's email layout. The language is the recipient's preferred one
    unless given. Queued inside the caller's transaction, so a rolled-back change sends
    nothing.
    """
    address = getattr(to, "email", to)
    language = language or getattr(to, "preferred_language", "") or settings.LANGUAGE_CODE
    context = {"recipient": to, "site_url": settings.SITE_URL, **(context or {})}
    with translation.override(language):
        text_engine = engines["text"]
        subject = " ".join(text_engine.get_template(f"{template}_subject.txt").render(context).split())
        text = text_engine.get_template(f"{template}.txt").render(context).strip() + "\n"
        html = render_to_string("cms/emails/layout.html", {**context, "subject": subject, "text": text})
    deliver_email.enqueue(to=[address], subject=subject, text=text, html=html)
