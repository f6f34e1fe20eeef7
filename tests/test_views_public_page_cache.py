"""Visitors without cookies get public pages from the cache until something those pages show changes."""

import datetime
import re

import pytest
import time_machine
from csp.middleware import CSPMiddleware
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.test.utils import CaptureQueriesContext
from django.urls import ResolverMatch

from cms.demo import factories as f
from cms.page_cache import CACHE_HEADER, PublicPageCacheMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def program_page(program_index):
    program = f.ProgramFactory(name="Open Data Sprint", slug="open-data")
    cohort = f.CohortFactory(program=program, name="Spring — English", capacity=3)
    page = f.ProgramPageFactory(
        parent=program_index, program=program, slug="open-data", title="Open Data Sprint"
    )
    return page, cohort


def test_a_visitor_without_cookies_gets_the_second_view_from_the_cache(client, program_page):
    page, _cohort = program_page
    first = client.get(page.url)
    assert first[CACHE_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(page.url)
    assert second[CACHE_HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert second["Content-Language"] == "en"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_cached_copy_gets_a_fresh_csp_nonce(rf):
    """A page with an inline style keeps a placeholder in the cache and a new nonce per response."""

    def page_with_inline_style(request):
        request.resolver_match = ResolverMatch(lambda r: None, (), {}, url_name="wagtail_serve")
        return HttpResponse(f'<style nonce="{request.csp_nonce}">p{{}}</style>')

    stack = CSPMiddleware(PublicPageCacheMiddleware(page_with_inline_style))
    first, second = stack(rf.get("/en/page/")), stack(rf.get("/en/page/"))
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert nonces[0] != nonces[1]
    assert second.content.decode() == f'<style nonce="{nonces[1]}">p{{}}</style>'


def test_publishing_a_page_ends_its_cached_copy(client, program_page):
    page, _cohort = program_page
    client.get(page.url)
    page.title = "Open Data Sprint 2027"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Open Data Sprint 2027" in response.content.decode()


def test_a_cohort_change_ends_the_cached_program_page(client, program_page):
    page, cohort = program_page
    client.get(page.url)
    cohort.name = "Autumn — English"
    cohort.save()
    response = client.get(page.url)
    assert response[CACHE_HEADER] == "miss"


def test_a_shared_result_change_ends_the_cached_program_page(client, program_page):
    page, cohort = program_page
    team = f.TeamFactory(cohort=cohort)
    client.get(page.url)
    f.SharedResultFactory(team=team)
    assert client.get(page.url)[CACHE_HEADER] == "miss"


def test_changes_no_public_page_shows_keep_the_cache(client, program_page):
    page, _cohort = program_page
    client.get(page.url)
    f.UserFactory()
    assert client.get(page.url)[CACHE_HEADER] == "hit"


def test_signed_in_people_are_never_served_a_cached_page(client, program_page):
    page, _cohort = program_page
    client.get(page.url)
    user = f.UserFactory(full_name="Ana Ruiz")
    client.force_login(user)
    response = client.get(page.url)
    assert CACHE_HEADER not in response
    assert "Ana Ruiz" in response.content.decode()


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_visitors_with_a_session_or_messages_are_never_served_a_cached_page(client, program_page, cookie):
    page, _cohort = program_page
    client.get(page.url)
    client.cookies[cookie] = "anything"
    assert CACHE_HEADER not in client.get(page.url)


def test_cookies_that_change_nothing_on_the_page_keep_the_cache(client, program_page):
    """A language choice, a CSRF token from a form seen before, a cookie of another site on the host."""
    page, _cohort = program_page
    client.get(page.url)
    client.cookies["django_language"] = "es"
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["_ga"] = "GA1.1.1"
    response = client.get(page.url)
    assert response[CACHE_HEADER] == "hit"
    assert response["Content-Language"] == "en"


def test_a_page_with_a_form_is_not_kept(client, program_index):
    """Its CSRF token belongs to one visitor: the cookie it sets keeps the response out of the cache."""
    from django.middleware.csrf import get_token

    from cms.page_cache import _response_is_cacheable

    def view(request):
        get_token(request)
        return HttpResponse("<form></form>")

    request = client.get("/en/").wsgi_request
    response = CsrfViewMiddleware(view)(request)
    request.resolver_match = ResolverMatch(lambda r: None, (), {}, url_name="wagtail_serve")
    assert response.cookies
    assert not _response_is_cacheable(request, response)


def test_only_pages_are_kept_not_other_views_or_errors(client, program_page):
    assert CACHE_HEADER not in client.get("/en/accounts/login/")
    assert CACHE_HEADER not in client.get("/en/no-such-page/")
    assert CACHE_HEADER not in client.get("/en/no-such-page/")


def _program_page_with_registration(program_index, opens, deadline):
    program = f.ProgramFactory(name="Open Data Sprint", slug="open-data")
    f.CohortFactory(
        program=program,
        name="Spring — English",
        registration_opens=opens,
        registration_deadline=deadline,
        start_date=deadline + datetime.timedelta(weeks=1),
    )
    return f.ProgramPageFactory(
        parent=program_index, program=program, slug="open-data", title="Open Data Sprint"
    )


def test_registration_opening_by_date_shows_at_once_not_when_the_copy_expires(client, program_index):
    """Nothing is saved when registration opens: the date passing is the change."""
    opens = datetime.date(2027, 3, 2)
    with time_machine.travel(datetime.datetime(2027, 3, 1, 23, 59, tzinfo=datetime.UTC), tick=False) as clock:
        page = _program_page_with_registration(program_index, opens, datetime.date(2027, 3, 20))
        before = client.get(page.url)
        assert before[CACHE_HEADER] == "miss"
        assert "Registration opens on" in before.text
        assert client.get(page.url)[CACHE_HEADER] == "hit"
        clock.move_to(datetime.datetime(2027, 3, 2, 0, 0, 30, tzinfo=datetime.UTC))
        after = client.get(page.url)
    assert after[CACHE_HEADER] == "miss"
    assert "Registration opens on" not in after.text
    assert "Apply" in after.text


def test_registration_closing_by_date_shows_at_once(client, program_index):
    deadline = datetime.date(2027, 3, 20)
    with time_machine.travel(
        datetime.datetime(2027, 3, 20, 23, 58, tzinfo=datetime.UTC), tick=False
    ) as clock:
        page = _program_page_with_registration(program_index, datetime.date(2027, 3, 1), deadline)
        assert "Last day today" in client.get(page.url).text
        clock.move_to(datetime.datetime(2027, 3, 21, 0, 1, tzinfo=datetime.UTC))
        after = client.get(page.url)
    assert after[CACHE_HEADER] == "miss"
    assert "Registration closed" in after.text


def test_a_copy_made_before_midnight_is_kept_only_until_midnight(rf, settings):
    """The cached lifetime stops at the next day in the site's time zone, not 5 minutes later."""
    settings.TIME_ZONE = "America/New_York"
    kept = {}

    def page(request):
        request.resolver_match = ResolverMatch(lambda r: None, (), {}, url_name="wagtail_serve")
        return HttpResponse("<p>page</p>")

    stack = CSPMiddleware(PublicPageCacheMiddleware(page))
    original_set = cache.set

    def spy_set(key, value, timeout=None, **kwargs):
        kept[key] = timeout
        return original_set(key, value, timeout=timeout, **kwargs)

    # 23:58:00 in New York (UTC-5 in January): two minutes to the site's midnight.
    with time_machine.travel(datetime.datetime(2027, 1, 15, 4, 58, tzinfo=datetime.UTC), tick=False):
        cache.set = spy_set
        try:
            stack(rf.get("/en/page/"))
        finally:
            cache.set = original_set
    (timeout,) = [t for k, t in kept.items() if k.startswith("public-page:")]
    assert timeout == 120
