"""The workspace progress and indicator pages, evidence files, the PDF report and chart data."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from cms.demo import factories as f
from cohorts.progress.charts import chart_data
from cohorts.progress.models import Evidence, EvidenceKind, Indicator, ProgressStatus
from cohorts.progress.services import evidence_add, progress_mark, progress_verify
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    """Team A's coach, whose name the report shows."""
    return make_coach(email="coach@example.com", full_name="Carla Coach")


@pytest.fixture
def world(member_a, team_a, coach):
    """Team A of the shared world, its member and coach, and the RDC7 criterion with two items."""
    criterion = f.CriterionFactory(
        code="RDC7",
        title_en="Open and shared procurement data",
        title_es="Datos de compras abiertos y compartidos",
        required_count=2,
    )
    items = [
        f.ChecklistItemFactory(
            criterion=criterion, text_en="Publish contracts", text_es="Publicar contratos"
        ),
        f.ChecklistItemFactory(criterion=criterion, text_en="Map data systems", text_es="Mapear sistemas"),
    ]
    return member_a, team_a, coach, items


def _url(name, team, *args):
    return reverse(f"cohorts:{name}", args=[team.pk, *args])


def test_member_sees_criteria_items_and_forms(client, world):
    user, team, _coach, _items = world
    client.force_login(user)
    response = client.get(_url("team_progress", team))
    assert response.status_code == 200
    body = response.content.decode()
    assert "RDC7" in body and "Publish contracts" in body
    assert "data-evidence-form" in body and "data-status-form" in body


def test_coach_sees_the_page_without_edit_forms(client, world):
    _user, team, coach, _items = world
    client.force_login(coach)
    response = client.get(_url("team_progress", team))
    assert response.status_code == 200
    assert b"data-evidence-form" not in response.content


def test_other_teams_pages_are_404(client, world):
    _user, team, _coach, items = world
    outsider = f.MembershipFactory().user
    client.force_login(outsider)
    assert client.get(_url("team_progress", team)).status_code == 404
    assert client.get(_url("team_indicators", team)).status_code == 404
    assert client.get(_url("progress_report", team)).status_code == 404
    assert client.post(_url("progress_mark", team, items[0].pk), {"status": "met"}).status_code == 404


def test_coach_cannot_post_member_changes(client, world):
    _user, team, coach, items = world
    client.force_login(coach)
    assert client.post(_url("progress_mark", team, items[0].pk), {"status": "met"}).status_code == 404


def test_member_attaches_a_link_and_marks_met(client, world):
    user, team, _coach, items = world
    client.force_login(user)
    response = client.post(
        _url("evidence_add", team, items[0].pk),
        {"kind": "link", "url": "https://data.city.example.gov", "note": "Portal"},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.url == "https://data.city.example.gov" and evidence.added_by == user
    client.post(_url("progress_mark", team, items[0].pk), {"status": "met"})
    evidence.progress.refresh_from_db()
    assert evidence.progress.status == ProgressStatus.MET
    page = client.get(_url("team_progress", team)).content.decode()
    assert "https://data.city.example.gov" in page
    assert "Evidence added" in page and "Status changed" in page


def test_evidence_file_download_is_access_checked(client, world):
    user, team, _coach, items = world
    evidence = evidence_add(
        team=team,
        item=items[0],
        user=user,
        kind=EvidenceKind.FILE,
        file=SimpleUploadedFile("policy.pdf", b"%PDF-1.4 policy"),
    )
    client.force_login(user)
    response = client.get(_url("evidence_download", team, evidence.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 policy"
    client.force_login(f.MembershipFactory().user)
    assert client.get(_url("evidence_download", team, evidence.pk)).status_code == 404


def test_progress_page_query_count_does_not_grow(client, world):
    user, team, coach, items = world
    evidence_add(team=team, item=items[0], user=user, kind=EvidenceKind.LINK, url="https://x.example")
    client.force_login(user)
    client.get(_url("team_progress", team))
    with CaptureQueriesContext(connection) as small:
        client.get(_url("team_progress", team))
    criterion = f.CriterionFactory(code="RDC8")
    for _ in range(4):
        item = f.ChecklistItemFactory(criterion=criterion)
        evidence_add(team=team, item=item, user=user, kind=EvidenceKind.LINK, url="https://x.example")
        progress = progress_mark(team=team, item=item, user=user, status=ProgressStatus.MET)
        progress_verify(progress=progress, coach=coach)
    with CaptureQueriesContext(connection) as large:
        client.get(_url("team_progress", team))
    assert len(large) == len(small)


def test_member_defines_an_indicator_and_records_a_measurement(client, world):
    user, team, _coach, _items = world
    client.force_login(user)
    response = client.post(
        _url("team_indicators", team),
        {
            "name": "Average bids per solicitation",
            "unit": "bids",
            "direction": "higher",
            "data_source": "eProcurement system",
            "cadence": "quarterly",
            "baseline_value": "2.5",
            "baseline_date": "2027-01-15",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(team=team)
    client.post(_url("measurement_add", team, indicator.pk), {"measured_on": "2027-04-15", "value": "3.5"})
    assert indicator.measurements.get().value == Decimal("3.5")
    page = client.get(_url("team_indicators", team)).content.decode()
    assert "<svg" in page and "data-baseline" in page


def test_chart_data_scales_points_and_the_baseline():
    chart = chart_data(
        baseline_value=Decimal("2"),
        baseline_date=datetime.date(2027, 1, 1),
        measurements=[(datetime.date(2027, 1, 11), Decimal("4")), (datetime.date(2027, 1, 6), Decimal("3"))],
        width=200,
        height=100,
    )
    left, top = 56, 16
    plot_w, plot_h = 200 - 56 - 16, 100 - 16 - 36
    assert [p.date.day for p in chart.points] == [1, 6, 11]  # sorted, baseline first
    assert chart.points[0].is_baseline
    assert [p.x for p in chart.points] == [left, left + plot_w / 2, left + plot_w]
    # Axis from 0 to the highest value (4): y of 4 is the top, y of 2 half way down.
    assert chart.points[2].y == top
    assert chart.baseline_y == top + plot_h / 2
    assert chart.ticks[0].value == 0 and chart.ticks[-1].value == 4
    assert chart.polyline.startswith(f"{left:.1f},")


def test_chart_data_places_measurements_read_before_the_baseline_on_its_left():
    chart = chart_data(
        baseline_value=Decimal("2"),
        baseline_date=datetime.date(2027, 1, 11),
        measurements=[(datetime.date(2027, 1, 1), Decimal("3")), (datetime.date(2027, 1, 21), Decimal("4"))],
        width=200,
        height=100,
    )
    assert [(p.date.day, p.is_baseline) for p in chart.points] == [(1, False), (11, True), (21, False)]
    assert [p.x for p in chart.points] == [56, 56 + 64, 56 + 128]


def test_chart_data_without_data_is_empty_and_single_point_is_centred():
    assert chart_data().is_empty
    chart = chart_data(measurements=[(datetime.date(2027, 1, 1), Decimal("5"))], width=200)
    assert chart.points[0].x == 56 + (200 - 56 - 16) / 2
    assert chart.baseline_y is None


def _pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def reported(world):
    user, team, coach, items = world
    submission = f.SubmissionFactory(team=team)
    evidence_add(team=team, item=items[0], user=user, kind=EvidenceKind.SUBMISSION, submission=submission)
    evidence_add(
        team=team, item=items[0], user=user, kind=EvidenceKind.LINK, url="https://data.example.gov/ocds"
    )
    progress = progress_mark(team=team, item=items[0], user=user, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=coach, comment="Public and complete")
    indicator = f.IndicatorFactory(team=team, name="Average bids", baseline_value=Decimal("2.5"))
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 4, 1), value=Decimal("3.5"))
    return user, team, submission


def test_report_pdf_in_english(client, reported):
    user, team, submission = reported
    client.force_login(user)
    response = client.get(_url("progress_report", team))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response)
    assert "RDC progress report" in text
    assert "Open and shared procurement data" in text
    assert "Publish contracts" in text
    assert "Met" in text and "Not started" in text
    assert str(submission.template.title) in text
    assert "https://data.example.gov/ocds" in text.replace(" ", "")
    assert "Carla Coach" in text and "Public and complete" in text
    assert "Average bids" in text and "Baseline" in text


def test_report_pdf_in_spanish(client, reported):
    user, team, _submission = reported
    client.force_login(user)
    with translation.override("es"):
        url = _url("progress_report", team)
    assert url.startswith("/es/")
    response = client.get(url)
    assert response.status_code == 200
    text = _pdf_text(response)
    assert "Datos de compras abiertos y compartidos" in text
    assert "Publicar contratos" in text
    assert "Cumplido" in text and "Sin empezar" in text
    assert "Línea de base" in text
    assert "Open and shared procurement data" not in text


def test_coach_gets_a_link_to_verify_in_the_admin(client, world):
    user, team, coach, items = world
    progress = progress_mark(team=team, item=items[0], user=user, status=ProgressStatus.MET)
    client.force_login(coach)
    page = client.get(_url("team_progress", team)).content.decode()
    assert reverse("cohorts_progress_verify", args=[progress.pk]) in page


def test_suggestion_prefills_the_indicator_form(client, world):
    user, team, _coach, _items = world
    client.force_login(user)
    page = client.get(_url("team_indicators", team), {"suggest": "3"}).content.decode()
    assert 'value="Procurement cycle days"' in page
    assert '<option value="lower" selected>' in page


def test_member_records_a_baseline_later_and_others_cannot_edit(client, world):
    user, team, coach, _items = world
    indicator = f.IndicatorFactory(team=team, name="Cycle days", baseline_value=None, baseline_date=None)
    client.force_login(coach)
    assert client.get(_url("indicator_edit", team, indicator.pk)).status_code == 404
    client.force_login(user)
    response = client.post(
        _url("indicator_edit", team, indicator.pk),
        {
            "name": "Cycle days",
            "unit": "days",
            "direction": "lower",
            "data_source": "ERP",
            "cadence": "monthly",
            "baseline_value": "90",
            "baseline_date": "2027-01-01",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.baseline_value == Decimal("90") and indicator.direction == "lower"


def test_chart_numbers_and_dates_are_localised_in_spanish(client, world):
    user, team, _coach, _items = world
    indicator = f.IndicatorFactory(team=team, name="Bids", baseline_value=Decimal("2.5"))
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 4, 1), value=Decimal("3.5"))
    client.force_login(user)
    with translation.override("es"):
        url = _url("team_indicators", team)
    page = client.get(url).content.decode()
    assert "Línea de base: 2,5" in page
    assert "01/04/2027" in page
    assert 'viewBox="0 0 560 220"' in page


def test_submissions_that_evidence_the_item_are_suggested(client, world):
    user, team, _coach, items = world
    template = f.AssignmentTemplateFactory(
        program=team.cohort.program, title="Data systems map", checklist_items=[items[1]]
    )
    f.SubmissionFactory(team=team, template=template)
    client.force_login(user)
    page = client.get(_url("team_progress", team)).content.decode()
    assert page.count("Data systems map (suggested for this item)") == 1
    assert page.count("Data systems map") == 2  # plain under the other item


def test_refused_evidence_comes_back_beside_its_field_with_the_note_kept(client, world):
    """The item's form stays open with the message beside the link and what was typed (issue 18)."""
    user, team, _coach, items = world
    item = items[0]
    client.force_login(user)
    response = client.post(
        _url("evidence_add", team, item.pk),
        {"kind": "link", "url": "", "note": "Our portal, launched in May"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Our portal, launched in May</textarea>" in page
    assert '<details class="evidence-add" open>' in page
    assert f'id="url-{item.pk}" name="url" value="" aria-invalid="true"' in page
    assert "Give the public link." in page
    assert f'href="#url-{item.pk}"' in page  # the error summary links to the field
    assert not Evidence.objects.filter(progress__team=team).exists()
