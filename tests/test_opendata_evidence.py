"""What a team's own procurement data feeds: its indicators' measurements, its RDC evidence (suggested,
then verified by the coach), the report of each system on the data systems map, and the staff's
view across a cohort."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.demo import factories as f
from cohorts.opendata.models import ImportStatus
from cohorts.progress import services as progress_services
from cohorts.progress.models import Evidence, EvidenceKind, Indicator, Measurement, ProgressStatus
from sprints.models import AssignmentKind
from tests.opendata_helpers import give, many_processes, package

pytestmark = pytest.mark.django_db

D = datetime.date


def indicator(team, **fields):
    return Indicator.objects.create(team=team, name=fields.pop("name", "Bids per tender"), **fields)


# --- Indicators measured from the data -----------------------------------------------------------


def test_a_data_report_measures_the_indicators_linked_to_its_metrics(team, member_a):
    bids = indicator(team, data_metric="mean_tenderers")
    monthly = indicator(team, name="Open procedures", data_metric="open_procedure_share", cadence="monthly")
    unlinked = indicator(team, name="Typed by hand")
    report = give(team, member_a)
    # Quarterly: only Q1 is complete (the data runs to 04-30): a and b, 3 and 1 tenderers.
    assert [(m.measured_on, m.value, m.data_import_id) for m in bids.measurements.all()] == [
        (D(2024, 3, 31), Decimal("2.00"), report.pk)
    ]
    bids.refresh_from_db()
    assert (bids.baseline_value, bids.baseline_date) == (Decimal("2.00"), D(2024, 3, 31))
    # Monthly: January (a, open), February (b, direct), April (c, open); March has no process.
    assert [(m.measured_on, m.value) for m in monthly.measurements.all()] == [
        (D(2024, 1, 31), Decimal("100.00")),
        (D(2024, 2, 29), Decimal("0.00")),
        (D(2024, 4, 30), Decimal("100.00")),
    ]
    assert not unlinked.measurements.exists()


def test_a_newer_report_updates_what_data_recorded_and_never_what_a_person_did(team, member_a):
    bids = indicator(team, data_metric="mean_tenderers", cadence="monthly")
    Measurement.objects.create(indicator=bids, measured_on=D(2024, 1, 31), value=Decimal("9"), note="Counted")
    give(team, member_a)
    by_date = {m.measured_on: m for m in bids.measurements.all()}
    assert by_date[D(2024, 1, 31)].value == Decimal("9")  # the person's
    assert by_date[D(2024, 1, 31)].data_import_id is None
    assert by_date[D(2024, 2, 29)].value == Decimal("1.00")
    processes = [("b", "direct", 5, "2024-02-01", "2024-02-15", "2024-02-29", "acme")]
    newer = give(team, member_a, name="newer.json", content=package(processes=processes))
    by_date = {m.measured_on: m for m in bids.measurements.all()}
    assert by_date[D(2024, 2, 29)].value == Decimal("5.00")
    assert by_date[D(2024, 2, 29)].data_import_id == newer.pk
    assert bids.measurements.filter(measured_on=D(2024, 2, 29)).count() == 1


def test_linking_an_indicator_to_a_metric_measures_it_from_the_latest_report(team, member_a):
    give(team, member_a)
    bids = indicator(team)
    bids.data_metric = "single_bid_share"
    progress_services.indicator_save(indicator=bids, user=member_a)
    assert [(m.measured_on, m.value) for m in bids.measurements.all()] == [(D(2024, 3, 31), Decimal("50.00"))]


def test_the_indicators_page_links_each_measurement_to_its_report(client, team, member_a):
    bids = indicator(team, data_metric="mean_tenderers")
    report = give(team, member_a)
    client.force_login(member_a)
    page = client.get(reverse("cohorts:team_indicators", args=[team.pk])).content.decode()
    assert reverse("cohorts:team_data_import", args=[team.pk, report.pk]) in page
    assert "Mean tenderers per tender" in page
    suggested = client.get(reverse("cohorts:team_indicators", args=[team.pk]) + "?suggest=0").content.decode()
    assert 'value="mean_tenderers" selected' in suggested
    assert bids.measurements.count() == 1


# --- The report as RDC evidence ----------------------------------------------------------------


@pytest.fixture
def published_item(team):
    """An item of the criteria the team's cohort tracks (its program's) that data can show."""
    criterion_set = f.CriterionSetFactory()
    team.cohort.program.criterion_set = criterion_set
    team.cohort.program.save()
    criterion = f.CriterionFactory(criterion_set=criterion_set, code="RDC7")
    return f.ChecklistItemFactory(criterion=criterion, text="Publishes its data", data_evidence="published")


def test_the_progress_page_suggests_the_report_for_the_items_it_supports(
    client, team, member_a, published_item
):
    report = give(team, member_a)
    client.force_login(member_a)
    url = reverse("cohorts:team_progress", args=[team.pk])
    page = client.get(url).content.decode()
    assert "data-data-suggestion" in page
    assert "Ruta read 3 contracting processes" in page
    response = client.post(
        reverse("cohorts:evidence_add", args=[team.pk, published_item.pk]),
        {"kind": "data", "data_import": report.pk},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(progress__team=team, progress__item=published_item)
    assert (evidence.kind, evidence.data_import_id) == (EvidenceKind.DATA, report.pk)
    page = client.get(url).content.decode()
    assert "data-data-suggestion" not in page  # attached already
    assert reverse("cohorts:team_data_import", args=[team.pk, report.pk]) in page


def test_the_report_of_another_team_or_one_not_read_is_refused(
    team, team_b, member_a, member_b, published_item
):
    other = give(team_b, member_b)
    with pytest.raises(ValidationError) as error:
        progress_services.evidence_add(
            team=team, item=published_item, user=member_a, kind=EvidenceKind.DATA, data_import=other
        )
    assert error.value.code == "data_report_required"
    failed = give(team, member_a, name="broken.json", content=b'{"releases": [')
    failed.refresh_from_db()
    assert failed.status == ImportStatus.FAILED
    with pytest.raises(ValidationError):
        progress_services.evidence_add(
            team=team, item=published_item, user=member_a, kind=EvidenceKind.DATA, data_import=failed
        )


def test_the_coach_verifies_from_the_report(client, team, member_a, coach, published_item):
    report = give(team, member_a)
    progress_services.evidence_add(
        team=team, item=published_item, user=member_a, kind=EvidenceKind.DATA, data_import=report
    )
    progress = progress_services.progress_mark(
        team=team, item=published_item, user=member_a, status=ProgressStatus.MET
    )
    client.force_login(coach)
    page = client.get(reverse("cohorts_progress_verify", args=[progress.pk])).content.decode()
    assert "What the data shows for this item:" in page
    assert "Ruta read 3 contracting processes" in page
    assert client.get(reverse("cohorts:team_data_import", args=[team.pk, report.pk])).status_code == 200
    progress_services.progress_verify(progress=progress, coach=coach)
    progress.refresh_from_db()
    assert progress.is_verified


def test_a_report_that_is_evidence_cannot_be_deleted_from_under_it(team, member_a, published_item):
    report = give(team, member_a)
    progress_services.evidence_add(
        team=team, item=published_item, user=member_a, kind=EvidenceKind.DATA, data_import=report
    )
    from django.db.models import RestrictedError

    with pytest.raises(RestrictedError):
        report.delete()


# --- The data systems map and the OCDS assessment ------------------------------------------------


def test_the_data_systems_map_shows_the_report_of_each_system(client, team, member_a):
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.DATA_SYSTEMS_MAP)
    client.force_login(member_a)
    url = reverse("cohorts:assignment", args=[team.pk, template.pk])
    assert reverse("cohorts:team_data", args=[team.pk]) in client.get(url).content.decode()
    report = give(team, member_a)
    report.source.system = "SIAF"
    report.source.save()
    page = client.get(url).content.decode()
    assert "data-system-reports" in page
    assert "SIAF" in page
    assert reverse("cohorts:team_data_import", args=[team.pk, report.pk]) in page
    assert "Tender, Award" in page


# --- Across a cohort, for staff -----------------------------------------------------------------


def test_staff_see_each_teams_stages_and_how_its_indicators_moved(
    client, staff_user, team, team_b, member_a, member_b
):
    give(team, member_a, content=package(processes=many_processes(40)))
    client.force_login(staff_user)
    response = client.get(reverse("cohorts_data_report") + f"?cohort={team.cohort_id}")
    assert response.status_code == 200
    page = response.content.decode()
    assert team.name in page and team_b.name in page
    assert "No data read yet" in page
    assert "100 %" in page  # every process has a tender
    assert 'data-trend="' in page


def test_the_staff_report_reads_a_fixed_number_of_queries(
    client, staff_user, team, member_a, django_assert_max_num_queries
):
    give(team, member_a)
    client.force_login(staff_user)
    url = reverse("cohorts_data_report")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _number in range(4):
        other = f.TeamFactory(cohort=team.cohort)
        give(other, f.MembershipFactory(team=other).user)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_coach_sees_only_their_teams_and_a_participant_nothing(
    client, coach, member_a, team, team_b, member_b
):
    give(team_b, member_b)
    client.force_login(coach)
    page = client.get(reverse("cohorts_data_report")).content.decode()
    assert team.name in page
    assert team_b.name not in page
    client.force_login(member_a)
    assert client.get(reverse("cohorts_data_report")).status_code in (302, 403)
