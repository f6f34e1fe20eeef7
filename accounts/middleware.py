import zoneinfo

from django.middleware import locale
from django.utils import timezone


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 outside the language-prefixed site (the admin, documents,
    calendar feeds) stays a 404 rather than a redirect to the same path under /en/."""

    UNPREFIXED = ("/admin/", "/documents/", "/calendar/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class UserTimezoneMiddleware:
    """Show dates and times in the signed-in user's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)
