"""Staff reports on a known dataset: TA hours, overdue teams, action item completion, coach load."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from cms.demo import factories as f
from coaching.admin_views import coaches_queryset
from coaching.models import ActionItemStatus
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2027, 3, 5, 12, 0, tzinfo=datetime.UTC)


def at(month, day, minutes):
    return {"starts_at": datetime.datetime(2027, month, day, 15, 0, tzinfo=datetime.UTC), "minutes": minutes}


@pytest.fixture
def dataset():
    cohort = f.CohortFactory(program__ta_cadence_days=7, name="Spring")
    alpha = f.TeamFactory(cohort=cohort, name="Alpha")
    beta = f.TeamFactory(cohort=cohort, name="Beta")
    xavier = make_coach(full_name="Xavier Coach")
    yara = make_coach(full_name="Yara Coach")
    f.CoachAssignmentFactory(team=alpha, coach=xavier)
    f.CoachAssignmentFactory(team=beta, coach=yara)
    f.TASessionFactory(team=alpha, coach=xavier, **at(2, 3, 60))
    f.TASessionFactory(team=alpha, coach=xavier, **at(2, 10, 30))
    f.TASessionFactory(team=alpha, coach=xavier, **at(3, 2, 90))
    f.TASessionFactory(team=beta, coach=yara, **at(2, 5, 45))
    done = {"status": ActionItemStatus.DONE, "completed_at": TODAY}
    f.ActionItemFactory(team=alpha, **done)
    f.ActionItemFactory(team=alpha, **done)
    f.ActionItemFactory(team=alpha)
    f.ActionItemFactory(team=beta)
    return {"alpha": alpha, "beta": beta, "xavier": xavier, "yara": yara}


@pytest.fixture
def staff(client, staff_user):
    with time_machine.travel(TODAY, tick=False):
        client.force_login(staff_user)
        yield client


def rows(response):
    return [
        [cell.value if hasattr(cell, "value") else cell for cell in row]
        for row in response.context["object_list"]
    ]


def export_csv(client, url, params=None):
    response = client.get(url, {**(params or {}), "export": "csv"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_ta_hours_per_month_team_and_coach(staff, dataset):
    url = reverse("coaching_ta_hours:index")
    table = export_csv(staff, url)
    assert table[0] == ["Month", "Cohort", "Team", "Coach", "Sessions", "Hours"]
    assert table[1:] == [
        ["2027-03", "Spring", "Alpha", "Xavier Coach", "1", "1.5"],
        ["2027-02", "Spring", "Alpha", "Xavier Coach", "2", "1.5"],
        ["2027-02", "Spring", "Beta", "Yara Coach", "1", "0.75"],
    ]
    assert export_csv(staff, url, {"coach": dataset["yara"].pk})[1:] == [
        ["2027-02", "Spring", "Beta", "Yara Coach", "1", "0.75"]
    ]
    feb = {"starts_at_from": "2027-02-01", "starts_at_to": "2027-02-28"}
    assert len(export_csv(staff, url, feb)) == 3
    response = staff.get(url)
    assert response.status_code == 200
    assert "Xavier Coach" in response.text


def test_teams_without_a_session_within_their_cadence(staff, dataset):
    response = staff.get(reverse("coaching_overdue_teams:index"))
    assert [status.team for status in response.context["object_list"]] == [dataset["beta"]]
    table = export_csv(staff, reverse("coaching_overdue_teams:index"))
    assert table[1][0] == "Beta"
    assert table[1][4] == "28"  # days since 5 February


def test_action_item_completion_rate(staff, dataset):
    table = export_csv(staff, reverse("coaching_action_items:index"))
    assert table[1:] == [["Spring", "Alpha", "3", "2", "0", "66.7"], ["Spring", "Beta", "1", "0", "0", "0.0"]]


def test_coach_load(staff, dataset):
    response = staff.get(reverse("coaching_coach_load:index"))
    load = {
        coach.full_name: (coach.active_team_count, coach.month_session_count, coach.month_hours)
        for coach in response.context["object_list"]
    }
    assert load == {"Xavier Coach": (1, 1, 1.5), "Yara Coach": (1, 0, 0)}
    table = export_csv(staff, reverse("coaching_coach_load:index"))
    assert ["Xavier Coach", dataset["xavier"].email, "1", "1", "1.5"] in table


def test_xlsx_export(staff, dataset):
    response = staff.get(reverse("coaching_ta_hours:index"), {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


@pytest.mark.django_db
def test_coaches_are_everyone_who_coaches_or_logged_a_session_each_once():
    assigned = f.CoachAssignmentFactory().coach
    for _ in range(2):
        f.CoachAssignmentFactory(coach=assigned)
        f.TASessionFactory(coach=assigned)
    only_logged = f.TASessionFactory().coach
    f.UserFactory()  # never coached

    coaches = coaches_queryset()

    assert sorted(coaches.values_list("pk", flat=True)) == sorted({assigned.pk, only_logged.pk})
    assert "DISTINCT" not in str(coaches.query)  # EXISTS, not a DISTINCT over growing joins


@pytest.mark.parametrize(
    "url_name",
    [
        "coaching_ta_hours:index",
        "coaching_overdue_teams:index",
        "coaching_action_items:index",
        "coaching_coach_load:index",
        "cohorts_progress_heatmap",
    ],
)
def test_report_and_its_cohort_picker_run_the_same_queries_for_more_cohorts(staff, dataset, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(reverse(url_name)).status_code == 200
        return len(queries.captured_queries)

    before = count()
    for _ in range(4):
        cohort = f.CohortFactory()
        f.CoachAssignmentFactory(team=f.TeamFactory(cohort=cohort), coach=dataset["xavier"])
    assert count() == before
