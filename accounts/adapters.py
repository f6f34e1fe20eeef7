from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Send a user to their own language after signing in, and write to them in it."""

    def get_login_redirect_url(self, request):
        """Staff and coaches land in the Wagtail admin; participants in their team's workspace."""
        if request.user.is_staff:
            return resolve_url("wagtailadmin_home")
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            return resolve_url(settings.LOGIN_REDIRECT_URL)

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
