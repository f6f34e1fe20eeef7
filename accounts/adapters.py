import zoneinfo
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone, translation

from accounts.mail import email_subject, site_name


def _zone(user):
    """The recipient's time zone, for the dates an email states (the default one if unknown)."""
    try:
        return zoneinfo.ZoneInfo(getattr(user, "time_zone", "") or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class AccountAdapter(DefaultAccountAdapter):
    """Send a user to their own language after signing in, and write to them in it."""

    def get_login_redirect_url(self, request):
        """Staff and coaches land in the Wagtail admin; participants in their team's workspace."""
        if request.user.is_staff:
            return resolve_url("wagtailadmin_home")
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            return resolve_url(settings.LOGIN_REDIRECT_URL)

    def format_email_subject(self, subject):
        """The same prefix as every other email of the site (``accounts.mail``)."""
        return email_subject(subject)

    def send_mail(self, template_prefix, email, context):
        """allauth's emails (accounts/templates/account/email/), signed with the site's name and
        its address rather than the request's host, and addressed by name where there is one."""
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        name = site_name()
        full_name = getattr(user, "full_name", "") if user is not None else ""
        context = {
            "site_name": name,
            "site_url": settings.SITE_URL,
            # For any allauth template not overridden here: never “[127.0.0.1:8000]”.
            "current_site": SimpleNamespace(name=name, domain=urlsplit(settings.SITE_URL).netloc),
            "name": full_name.split(" ")[0] if full_name else "",
            **context,
        }
        with translation.override(language), timezone.override(_zone(user)):
            super().send_mail(template_prefix, email, context)
