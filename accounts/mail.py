"""What every email of the site shares: the site's name and the prefix of its subject.

Every email (allauth's through ``accounts.adapters``, the rest through ``notifications.emails``)
takes the name from here and lays itself out with the two base templates ``emails/base.html`` and
``emails/base.txt``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_name():
    """The name the site signs its emails with: WAGTAIL_SITE_NAME, as in its admin (the host of
    SITE_URL if it is unset)."""
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or urlsplit(settings.SITE_URL).netloc


def email_subject(subject):
    """An email's subject on one line, after the site's name: "[Ruta] Your week: 3 updates"."""
    return f"[{site_name()}] {' '.join(str(subject).split())}"
