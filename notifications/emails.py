"""Email, written in the recipient's language and delivered by the background worker."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from accounts.mail import email_subject, site_name

logger = logging.getLogger(__name__)

# A failed send is tried again after each of these delays, then given up (and logged).
RETRY_DELAYS = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 30, 120)]


@task()
def deliver_email(
    *, to: list[str], subject: str, text: str, html: str, headers: dict | None = None, attempt: int = 1
) -> None:
    message = EmailMultiAlternatives(subject=subject, body=text, to=to, headers=headers or {})
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        if attempt > len(RETRY_DELAYS):
            logger.exception("Giving up on an email to %s after %d attempts", to, attempt)
            raise
        logger.warning("Sending an email to %s failed (attempt %d); retrying", to, attempt, exc_info=True)
        retry = deliver_email
        if deliver_email.get_backend().supports_defer:
            retry = deliver_email.using(run_after=timezone.now() + RETRY_DELAYS[attempt - 1])
        retry.enqueue(to=to, subject=subject, text=text, html=html, headers=headers, attempt=attempt + 1)
        raise


def render_subject(template, context):
    """The one-line subject of `template` in the active language."""
    return " ".join(engines["text"].get_template(f"{template}_subject.txt").render(context).split())


def send_email(*, to, template, context=None, language=None, unsubscribe_url=None):
    """Render `template` for one recipient (a User or an address) and queue it.

    `template` names a pair `<template>_subject.txt` and `<template>.txt`; the text extends the
    emails' text layout (``emails/base.txt``: greeting, signature, how to unsubscribe) and the HTML
    part is its content in the HTML layout (``emails/text.html``), both named after the site
    (``accounts.mail``). The language is the recipient's preferred one unless given. With
    `unsubscribe_url`, the email says how to stop this kind of email and carries the one-click
    unsubscribe headers (RFC 8058). Queued inside the caller's transaction, so a rolled-back
    change sends nothing, and a failing mail server never holds up the request.
    """
    address = getattr(to, "email", to)
    language = language or getattr(to, "preferred_language", "") or settings.LANGUAGE_CODE
    context = {
        "recipient": to,
        "name": to.get_short_name() if hasattr(to, "get_short_name") else "",
        "site_name": site_name(),
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        **(context or {}),
    }
    with translation.override(language):
        subject = email_subject(render_subject(template, context))
        body = engines["text"].get_template(f"{template}.txt")
        text = body.render(context).strip() + "\n"
        html = render_to_string(
            "emails/text.html",
            {**context, "subject": subject, "body": body.render({**context, "body_only": True}).strip()},
        )
    headers = {}
    if unsubscribe_url:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    deliver_email.enqueue(to=[address], subject=subject, text=text, html=html, headers=headers)
