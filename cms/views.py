"""Site-wide views that belong to no app."""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """For load balancers and container health checks: "ok" once the app can reach its database.

    One trivial query and no template, session or user lookup, so it is also the benchmark's floor
    (bench/): the cost of a request through the whole stack and nothing else.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
