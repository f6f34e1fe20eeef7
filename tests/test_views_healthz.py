"""`/healthz`: the load balancer's check and the benchmark's floor; and the benchmark's query counter."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cms.middleware import QUERY_COUNT_HEADER

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_with_one_query_and_no_session(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    assert len(queries) == 1
    assert "sessionid" not in response.cookies


def test_healthz_answers_only_reads(client):
    assert client.post("/healthz").status_code == 405


def test_query_counter_reports_each_requests_queries_when_enabled(settings, client, home_page):
    with override_settings(MIDDLEWARE=["cms.middleware.QueryCountMiddleware", *settings.MIDDLEWARE]):
        assert client.get("/healthz")[QUERY_COUNT_HEADER] == "1"
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/")
        assert int(response[QUERY_COUNT_HEADER]) == len(queries) > 1


def test_no_query_counter_without_the_benchmark(client):
    assert QUERY_COUNT_HEADER not in client.get("/healthz")
