"""The admin home's "Applications to decide" panel (#18): staff see how many submitted applications
wait, per cohort, and the oldest with links to decide; coaches who are not staff never see it."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.demo import factories as f
from cohorts.registration.dashboard import ApplicationsToDecidePanel, applications_to_decide
from cohorts.registration.models import RegistrationStatus
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db

FIRST = timezone.make_aware(datetime.datetime(2027, 1, 4, 9, 0))


def submitted(cohort, days, **fields):
    return f.RegistrationFactory(cohort=cohort, submitted_at=FIRST + datetime.timedelta(days=days), **fields)


def test_staff_see_the_applications_waiting_by_cohort_and_the_oldest_with_decide_links(staff_client):
    spring = f.CohortFactory(name="Spring")
    autumn = f.CohortFactory(name="Autumn")
    oldest = submitted(autumn, 0, team_name="Tulsa buyers")
    submitted(spring, 2, team_name="Bogotá compras")
    submitted(spring, 3, team_name="Lima")
    f.RegistrationFactory(cohort=spring, status=RegistrationStatus.DRAFT, submitted_at=None)
    submitted(spring, 1, status=RegistrationStatus.ACCEPTED)
    submitted(autumn, 1, status=RegistrationStatus.WAITLISTED)

    page = staff_client.get(reverse("wagtailadmin_home"))

    assert page.status_code == 200
    html = page.text
    assert "Applications to decide" in html
    assert 'data-to-decide-total="3"' in html
    assert "3 applications are waiting for a decision." in html
    to_decide = page.context["panels"]  # the panels the home page rendered
    assert any(panel.name == "applications_to_decide" for panel in to_decide)
    # Cohorts in the order of their oldest waiting application, each linked to its queue.
    assert html.index(f'data-cohort="{autumn.pk}"') < html.index(f'data-cohort="{spring.pk}"')
    assert f"?cohort={spring.pk}&amp;status=submitted" in html
    assert "2 to decide" in html
    # The oldest first, labelled with its cohort, linked to its decide page.
    assert html.index("Tulsa buyers") < html.index("Bogotá compras") < html.index("Lima")
    assert reverse("registration:decide", args=[oldest.pk]) in html
    assert str(autumn) in html


def test_nothing_waiting_says_so(staff_client):
    f.RegistrationFactory(status=RegistrationStatus.DRAFT, submitted_at=None)
    html = staff_client.get(reverse("wagtailadmin_home")).text
    assert "No application is waiting for a decision." in html


def test_coaches_who_are_not_staff_never_see_the_panel(client):
    coach = make_coach()
    team = coached_team(coach)
    submitted(team.cohort, 0, team_name="Hidden applicant team")
    client.force_login(coach)

    page = client.get(reverse("wagtailadmin_home"))

    assert page.status_code == 200
    assert "Applications to decide" not in page.text
    assert "Hidden applicant team" not in page.text


def render_panel(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return ApplicationsToDecidePanel(request).render_html({})


def count_queries(user):
    with CaptureQueriesContext(connection) as queries:
        render_panel(user)
    return len(queries)


def test_the_panel_runs_the_same_queries_however_many_cohorts_wait(staff_user, django_assert_num_queries):
    submitted(f.CohortFactory(), 0)
    render_panel(staff_user)  # warm caches
    small = count_queries(staff_user)
    for index in range(12):  # more cohorts than the panel lists
        cohort = f.CohortFactory()
        for days in range(3):
            submitted(cohort, index + days)
    with django_assert_num_queries(small):  # bench/RESULTS.md judges a page by its count at two sizes
        html = render_panel(staff_user)
    assert "37 applications are waiting for a decision." in html
    assert "and 5 more cohorts" in html
    assert html.count("data-registration=") == 5


def test_applications_to_decide_counts_every_waiting_application():
    cohorts = [f.CohortFactory() for _ in range(3)]
    for index, cohort in enumerate(cohorts):
        for days in range(index + 1):
            submitted(cohort, days)
    result = applications_to_decide(cohort_limit=2, oldest_limit=2)
    assert result.total == 6
    assert [row.count for row in result.cohorts] == [1, 2]
    assert result.more_cohorts == 1
    assert len(result.oldest) == 2
