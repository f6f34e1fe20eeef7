"""Middleware of the site's own: the benchmark's query counter."""

import time

from django.db import connections

QUERY_COUNT_HEADER = "X-Query-Count"
QUERY_TIME_HEADER = "X-Query-Ms"


class QueryCountMiddleware:
    """Count the SQL queries each request runs, on every database, into two response headers.

    For the benchmark (bench/run) only: settings add it when BENCH_QUERY_LOG is set, never
    otherwise, as the headers tell anyone how much work a page does. Queries of a streamed body
    (a file download) run after the headers and are not counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counted = {"queries": 0, "seconds": 0.0}

        def count(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                counted["queries"] += 1
                counted["seconds"] += time.perf_counter() - started

        wrappers = [connections[alias].execute_wrapper(count) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response[QUERY_COUNT_HEADER] = str(counted["queries"])
        response[QUERY_TIME_HEADER] = f"{counted['seconds'] * 1000:.1f}"
        return response
