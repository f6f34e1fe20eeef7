"""Every page the benchmark walks (cms/bench.py) runs the same SQL queries with four times the teams:
the query counts bench/RESULTS.md reports at 40 and 400 teams, kept by a test rather than a timing."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import bench

pytestmark = pytest.mark.django_db


def seed(teams):
    call_command("seed_bench", "--teams", str(teams), stdout=io.StringIO())


def queries_per_page(client):
    """SQL queries of each page, asked for a second time (the first warms per-process caches)."""
    people = [(None, bench.public_pages())]
    people += [(m.user, bench.participant_pages(m)) for m in bench.bench_memberships(limit=2)]
    people += [(bench.coach(), bench.coach_pages()), (bench.staff(), bench.staff_pages())]
    counts = {}
    for user, pages in people:
        client.logout()
        if user:
            client.force_login(user)
        for label, path in pages.items():
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (label, path, response.status_code)
            counts[f"{label}, {user}"] = len(queries)
    return counts


def test_every_benchmark_page_runs_the_same_queries_with_four_times_the_teams(client, settings):
    settings.DEBUG = True  # seed_bench's demo passwords
    seed(4)
    small = queries_per_page(client)
    seed(12)
    assert queries_per_page(client) == small
