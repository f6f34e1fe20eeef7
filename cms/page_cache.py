"""Public pages for visitors without cookies, served from the cache until what they show changes.

A visitor without a session is anonymous and sees exactly what every such visitor sees, so the
site's pages (Wagtail's serve view) are rendered once and kept. Other cookies (the language chosen,
a CSRF token from a form seen earlier, anything a browser carries for other sites on the host)
change nothing a kept page shows: a page that puts a CSRF token in a form sets its cookie, and a
response that sets a cookie is never kept. Anything a public page shows
— pages, programs and their curricula, cohorts and their dates, breaks, places taken — bumps one
version number when it is saved, deleted, published or unpublished, so the next visitor gets a
fresh render on every instance sharing the cache. Each cached copy keeps a placeholder where the
Content-Security-Policy nonce was, and gets a new nonce for every response.

What a public page shows also changes with the date alone: registration opens and closes, the days
left to apply count down, a cohort gets under way. These are all days in the site's time zone (the
one visitors' pages are rendered in), so each copy is kept for that day only: the day is part of
the key, and a copy made before midnight expires at midnight.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.signals import page_published, page_unpublished

from accounts import versioned_cache

VERSION_KEY = "public-pages:version"
CACHE_HEADER = "X-Page-Cache"
NONCE_PLACEHOLDER = b"__ruta_csp_nonce__"
SERVED_BY = {"home", "wagtail_serve"}
#: Cookies that make a page personal: a session (signed in, or messages kept in it) and messages.
PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}

#: Models whose changes a public page can show: every model of these apps ...
PUBLIC_APPS = {"cms", "sprints"}
#: ... and these.
PUBLIC_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "cohorts.cohort",
    "cohorts.cohortbreak",
    "cohorts.team",
    "cohorts.schedulepoll",
    "cohorts.session",
    "cohorts.sharedresult",  # published results: listed on program pages, and pages of their own
}


def public_pages_changed(**kwargs):
    """Every cached public page is out of date from now on, on every instance sharing the cache."""
    versioned_cache.bump(VERSION_KEY)


def _shown_on_public_pages(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in PUBLIC_APPS or meta.label_lower in PUBLIC_MODELS:
        public_pages_changed()


def connect_signals():
    post_save.connect(_shown_on_public_pages, dispatch_uid="public_pages_saved")
    post_delete.connect(_shown_on_public_pages, dispatch_uid="public_pages_deleted")
    page_published.connect(public_pages_changed, dispatch_uid="public_pages_published")
    page_unpublished.connect(public_pages_changed, dispatch_uid="public_pages_unpublished")


def _site_now():
    """Now, in the time zone visitors' pages are rendered in (no signed-in person's own)."""
    return timezone.localtime(timezone.now(), timezone.get_default_timezone())


def _key(request, today):
    version = versioned_cache.current(VERSION_KEY)
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"public-page:{version}:{today.isoformat()}:{hashlib.sha256(address).hexdigest()}"


def _response_is_cacheable(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.url_name in SERVED_BY
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not {"private", "no-cache", "no-store"}
        & set(response.get("Cache-Control", "").replace(",", " ").split())
    )


class PublicPageCacheMiddleware:
    """Placed inside django-csp's middleware (which writes the policy with the request's nonce)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET" or PERSONAL_COOKIES & request.COOKIES.keys():
            return self.get_response(request)
        now = _site_now()
        key = _key(request, now.date())
        cached = cache.get(key)
        if cached is not None:
            return self._from_cache(request, cached)
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            timeout = min(seconds, versioned_cache.seconds_to_midnight(now))
            cache.set(key, self._to_cache(request, response), timeout=timeout)
            response[CACHE_HEADER] = "miss"
            patch_cache_control(response, public=True)
        return response

    @staticmethod
    def _to_cache(request, response):
        content = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):
            content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
        return {"content": content, "headers": dict(response.items())}

    @staticmethod
    def _from_cache(request, cached):
        content = cached["content"]
        if NONCE_PLACEHOLDER in content:
            content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
        response = HttpResponse(content)
        for header, value in cached["headers"].items():
            response[header] = value
        response[CACHE_HEADER] = "hit"
        patch_cache_control(response, public=True)
        return response
