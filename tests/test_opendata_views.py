"""The team's procurement data pages: forms that lose nothing typed, the upload stopped at the limit, the
progress that refreshes, the data report and its period form, downloads, removal, the team home
panel, access and query counts."""

import json
import re

import pytest
from django.core.files.uploadhandler import StopUpload
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cohorts.opendata import analysis, indicators, services
from cohorts.opendata.models import DataImport, DataSource, ImportStatus
from cohorts.opendata.views import StopOversizedUpload
from tests.opendata_helpers import SPANISH_CSV, give, many_processes, package, upload

pytestmark = pytest.mark.django_db


def url(name, team, **kwargs):
    return reverse(f"cohorts:{name}", kwargs={"team_pk": team.pk, **kwargs})


@pytest.fixture
def member_client(client, member_a):
    client.force_login(member_a)
    return client


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


# -- The data page and its forms -----------------------------------------------------------------------------


def test_members_see_the_forms_coaches_and_staff_read(client, team, member_a, coach, staff_user):
    give(team, member_a)
    client.force_login(member_a)
    page = client.get(url("team_data", team))
    assert page.status_code == 200
    assert b"data-upload-form" in page.content and b"data-address-form" in page.content
    assert b"City data" in page.content and b"data.json" in page.content
    for reader in (coach, staff_user):
        client.force_login(reader)
        page = client.get(url("team_data", team))
        assert page.status_code == 200 and b"City data" in page.content
        assert b"data-upload-form" not in page.content and b"Delete" not in page.content


def test_another_teams_data_is_not_found(client, team, team_b, member_a, member_b, coach):
    data_import = give(team_b, member_b)
    client.force_login(member_a)
    for name, kwargs in [
        ("team_data", {}),
        ("team_data_import", {"pk": data_import.pk}),
        ("team_data_download", {"pk": data_import.pk}),
        ("team_data_import_delete", {"pk": data_import.pk}),
        ("team_data_source_remove", {"pk": data_import.source_id}),
    ]:
        assert client.get(url(name, team_b, **kwargs)).status_code == 404
        if kwargs:  # team A's address with team B's object
            assert client.get(url(name, team, **kwargs)).status_code == 404
    client.force_login(coach)  # coaches team A only
    assert client.get(url("team_data_import", team_b, pk=data_import.pk)).status_code == 404


def test_uploading_a_file_reads_it_and_shows_it(member_client, team):
    response = member_client.post(
        url("team_data_upload", team),
        {
            "source": "",
            "name": "Portal export",
            "system": "Finance ERP",
            "file": upload("data.json", package()),
        },
    )
    assert response.status_code == 302 and response.url == url("team_data", team)
    data_import = DataImport.objects.get()
    assert data_import.status == ImportStatus.DONE
    assert (data_import.source.name, data_import.source.system) == ("Portal export", "Finance ERP")
    page = member_client.get(response.url)
    assert "Ruta is reading “data.json”" in text(page)
    assert "Finance ERP" in text(page) and 'data-import-status="done"' in text(page)


def test_a_new_version_goes_to_the_chosen_source(member_client, team, member_a):
    source = give(team, member_a).source
    page = member_client.get(url("team_data", team) + f"?source={source.pk}")
    assert f'<option value="{source.pk}" selected>' in page.content.decode()
    member_client.post(
        url("team_data_upload", team),
        {"source": source.pk, "file": upload("march.json", package("ocds-march"))},
    )
    assert DataSource.objects.count() == 1 and source.imports.count() == 2


def test_a_bad_file_is_refused_with_its_reason_and_keeps_what_was_typed(member_client, team):
    response = member_client.post(
        url("team_data_upload", team),
        {
            "name": "Contracts 2024",
            "system": "Ledger",
            "file": upload("data.json", '{"a": 1}'.encode("utf-16")),
        },
    )
    assert response.status_code == 400
    assert "not encoded as UTF-8" in text(response)
    assert 'value="Contracts 2024"' in text(response) and 'value="Ledger"' in text(response)
    assert not DataSource.objects.exists()


def test_a_missing_name_or_file_says_what_is_missing(member_client, team):
    response = member_client.post(url("team_data_upload", team), {"name": ""})
    assert response.status_code == 400
    assert "Choose the file to upload." in text(response)
    assert "Give the new source a name" in text(response)


def test_an_upload_over_the_limit_is_stopped_and_the_form_kept(member_client, team, settings):
    settings.OPEN_DATA_MAX_BYTES = 1000
    response = member_client.post(
        url("team_data_upload", team),
        {"name": "Big export", "system": "ERP", "file": upload("big.json", b"[" + b" " * 200_000 + b"]")},
    )
    assert response.status_code == 400
    assert "larger than Ruta accepts" in text(response)
    assert 'value="Big export"' in text(response) and 'value="ERP"' in text(response)
    assert not DataImport.objects.exists() and not DataSource.objects.exists()


def test_the_upload_handler_stops_at_the_limit_without_reading_further():
    request = RequestFactory().post("/")
    handler = StopOversizedUpload(request, limit=100)
    # The request says it carries 2 GB: stopped before the file's first byte.
    handler.handle_raw_input(None, {}, 2 * 1024**3, b"boundary")
    with pytest.raises(StopUpload) as stopped:
        handler.new_file("file", "huge.json", "application/json", None)
    assert stopped.value.connection_reset and request.upload_too_large
    # A request of unknown or small size: stopped at the first chunk past the limit.
    request = RequestFactory().post("/")
    handler = StopOversizedUpload(request, limit=100)
    handler.handle_raw_input(None, {}, 500, b"boundary")
    handler.new_file("file", "data.json", "application/json", None)
    assert handler.receive_data_chunk(b"x" * 60, 0) == b"x" * 60
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x" * 60, 60)
    assert request.upload_too_large


def test_the_upload_checks_csrf_after_installing_its_handler(client, team, member_a):
    client = client.__class__(enforce_csrf_checks=True)
    client.force_login(member_a)
    response = client.post(
        url("team_data_upload", team), {"name": "x", "file": upload("data.json", package())}
    )
    assert response.status_code == 403 and not DataImport.objects.exists()


def test_an_address_is_added_and_a_bad_one_keeps_the_form(member_client, team, monkeypatch):
    fetched = []
    monkeypatch.setattr(
        services, "import_run", type("Queue", (), {"enqueue": lambda self, **kw: fetched.append(kw)})()
    )
    response = member_client.post(
        url("team_data_source_add", team),
        {
            "name": "Open contracting portal",
            "url": "https://data.example.org/ocds.json",
            "schedule": "weekly",
        },
    )
    assert response.status_code == 302
    source = DataSource.objects.get()
    assert (source.kind, source.url, source.schedule) == (
        "url",
        "https://data.example.org/ocds.json",
        "weekly",
    )
    assert fetched == [{"import_pk": source.imports.get().pk}]

    response = member_client.post(
        url("team_data_source_add", team),
        {"name": "Intranet", "system": "ERP", "url": "http://10.1.2.3/data.json", "schedule": "daily"},
    )
    assert response.status_code == 400
    assert "only public web addresses" in text(response)
    assert 'value="Intranet"' in text(response) and 'value="http://10.1.2.3/data.json"' in text(response)
    response = member_client.post(url("team_data_source_add", team), {"name": "", "url": "not an address"})
    assert response.status_code == 400 and "Enter a valid URL." in text(response)
    assert DataSource.objects.count() == 1


def test_fetch_now_queues_the_address_again(member_client, team, member_a, monkeypatch):
    fetched = []
    monkeypatch.setattr(
        services, "import_run", type("Queue", (), {"enqueue": lambda self, **kw: fetched.append(kw)})()
    )
    source = services.source_add(
        team=team, user=member_a, name="Portal", kind="url", url="https://data.example.org/x.json"
    )
    DataImport.objects.update(status=ImportStatus.DONE)
    response = member_client.post(url("team_data_source_fetch", team, pk=source.pk))
    assert response.status_code == 302 and source.imports.count() == 2 and len(fetched) == 2


# -- The column mapping ----------------------------------------------------------------------------------


def test_a_spreadsheet_goes_to_its_columns_with_the_suggestion_selected(member_client, team):
    response = member_client.post(
        url("team_data_upload", team), {"name": "Contratos", "file": upload("contratos.csv", SPANISH_CSV)}
    )
    data_import = DataImport.objects.get()
    mapping_url = url("team_data_mapping", team, pk=data_import.pk)
    assert response.status_code == 302 and response.url == mapping_url
    page = member_client.get(mapping_url).content.decode()
    for field, column in [
        ("ocid", "Número de proceso"),
        ("tender_end", "Fecha de cierre"),
        ("tenderers", "Número de ofertas"),
        ("supplier_id", "RFC del proveedor"),
    ]:
        select = re.search(rf'<select name="{field}".*?</select>', page, re.S).group(0)
        assert f'<option value="{column}" selected>' in select, field

    # Without the identifier: refused, and every choice made is kept.
    response = member_client.post(
        mapping_url, {"ocid": "", "tender_end": "Fecha de cierre", "title": "Objeto"}
    )
    assert response.status_code == 400
    assert "Choose the column that holds this." in text(response)
    assert '<option value="Objeto" selected>' in response.content.decode()
    response = member_client.post(mapping_url, {"ocid": "Número de proceso", "title": "Objeto"})
    assert response.status_code == 400 and "at least one date" in text(response)

    response = member_client.post(mapping_url, {"ocid": "Número de proceso", "tender_end": "Fecha de cierre"})
    assert response.status_code == 302
    data_import.refresh_from_db()
    assert data_import.status == ImportStatus.DONE and data_import.report["processes"] == 2
    # Once read, its columns page leads to its report.
    assert member_client.get(mapping_url).url == url("team_data_import", team, pk=data_import.pk)


# -- Progress that refreshes ------------------------------------------------------------------------------


def test_the_list_polls_while_a_file_is_read_and_stops_after(member_client, team, member_a):
    data_import = give(team, member_a)
    DataImport.objects.filter(pk=data_import.pk).update(
        status=ImportStatus.RUNNING, done_bytes=50, total_bytes=200, processes_seen=1234
    )
    page = member_client.get(url("team_data", team))
    content = text(page)
    assert 'hx-trigger="every 3s"' in content and "htmx-2.min.js" in content
    assert '<progress max="100" value="25"' in content and "1234 entries read" in content

    partial = member_client.get(url("team_data", team), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert b"<html" not in partial.content and b'id="data-sources"' in partial.content
    assert b"every 3s" in partial.content

    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.DONE)
    partial = member_client.get(url("team_data", team), headers={"HX-Request": "true"})
    assert b"hx-trigger" not in partial.content and b'data-import-status="done"' in partial.content


def test_a_failed_file_shows_its_reason(member_client, team, member_a):
    give(team, member_a, content=b'{"name": "no releases here"}')
    page = member_client.get(url("team_data", team))
    assert "found no releases or records" in text(page)


# -- The data report -------------------------------------------------------------------------------------


def test_the_report_shows_stages_fields_freshness_problems_and_quarters(client, team, member_a, coach):
    data_import = give(team, member_a)
    client.force_login(coach)
    page = client.get(url("team_data_import", team, pk=data_import.pk))
    assert page.status_code == 200
    content = text(page)
    assert "<dd data-processes>3</dd>" in content
    assert re.search(r'data-stage="tender">.*?3 processes.*?100% of processes', content)
    assert re.search(r'data-stage="planning">.*?0 processes.*?0% of processes', content)
    assert re.search(r'data-field="tenderers">.*?Number of tenderers', content)
    assert "The latest date in the data is" in content
    assert "Ruta found none of the problems it looks for." in content
    assert "Mean tenderers per tender" in content
    # Q1: 2 processes, 2 tenderers on average, half single-bid, half open, all awards to new suppliers.
    assert (
        "01/01/2024 – 03/31/2024</th> <td>2</td> <td>2</td><td>50</td><td>50</td><td>100</td><td>7.50</td>"
        in content
    )
    assert "Download the file" in content


def test_the_report_lists_problems_in_plain_words(member_client, team, member_a):
    releases = [
        {
            "ocid": "ocds-x-1",
            "id": "1",
            "date": "2024-03-01",
            "tender": {"id": "t", "tenderPeriod": {"endDate": "2024-03-10"}},
            "awards": [{"id": "a", "date": "2024-03-05", "suppliers": [{"name": "Nameless"}]}],
        }
    ]
    data_import = give(team, member_a, content=json.dumps({"releases": releases}).encode())
    content = text(member_client.get(url("team_data_import", team, pk=data_import.pk)))
    assert "An award is dated before its tender closed." in content
    assert "A supplier has no identifier" in content and "ocds-x-1" in content


def test_the_period_form_computes_the_indicators_for_any_period(member_client, team, member_a):
    data_import = give(team, member_a)
    report_url = url("team_data_import", team, pk=data_import.pk)
    page = member_client.get(report_url)
    assert 'name="start" value="2024-01-02"' in text(page)  # the data's own dates to start with
    page = member_client.get(report_url, {"start": "2024-01-01", "end": "2024-04-01"})
    content = text(page)
    assert page.status_code == 200
    assert re.search(r'data-metric="mean_tenderers">.*?<td>2 tenderers</td>', content)
    assert re.search(r'data-metric="single_bid_share">.*?<td>50 %</td>', content)
    assert re.search(r'data-metric="median_days_to_award">.*?<td>7.50 days</td>', content)
    page = member_client.get(report_url, {"start": "2030-01-01", "end": "2030-04-01"})
    assert re.search(r'data-metric="mean_tenderers">.*?Not known from this data', text(page))
    page = member_client.get(report_url, {"start": "2024-05-01", "end": "2024-04-01"})
    assert page.status_code == 400 and "Choose an end after the start." in text(page)
    assert 'value="2024-05-01"' in text(page)
    page = member_client.get(report_url, {"start": "soon", "end": ""})
    assert page.status_code == 400 and "Enter a valid date." in text(page)


def test_the_report_reads_in_spanish(member_client, team, member_a):
    data_import = give(team, member_a)
    with translation.override("es"):
        report_url = url("team_data_import", team, pk=data_import.pk)
    assert report_url.startswith("/es/")
    content = text(member_client.get(report_url))
    with translation.override("es"):
        assert str(analysis.STAGE_LABELS["tender"]) in content
        assert str(indicators.METRICS["mean_tenderers"].label) in content
    assert "Mean tenderers per tender" not in content


def test_a_report_still_being_read_shows_its_progress(member_client, team, member_a):
    data_import = give(team, member_a)
    DataImport.objects.filter(pk=data_import.pk).update(
        status=ImportStatus.RUNNING, done_bytes=1, total_bytes=4
    )
    content = text(member_client.get(url("team_data_import", team, pk=data_import.pk)))
    assert '<progress max="100" value="25"' in content and "data-stages" not in content


def test_the_raw_file_downloads_for_the_team_its_coach_and_staff(client, team, member_a, coach, staff_user):
    data_import = give(team, member_a)
    for reader in (member_a, coach, staff_user):
        client.force_login(reader)
        response = client.get(url("team_data_download", team, pk=data_import.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == package()
        assert 'filename="data.json"' in response["Content-Disposition"]


# -- Removal ---------------------------------------------------------------------------------------------


def test_deleting_a_file_asks_first(member_client, team, member_a, django_capture_on_commit_callbacks):
    data_import = give(team, member_a)
    delete_url = url("team_data_import_delete", team, pk=data_import.pk)
    page = member_client.get(delete_url)
    assert page.status_code == 200 and "Delete “data.json”?" in text(page)
    assert DataImport.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(delete_url)
    assert response.status_code == 302 and not DataImport.objects.exists()


def test_a_file_being_read_is_not_deleted(member_client, team, member_a):
    data_import = give(team, member_a)
    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.RUNNING)
    response = member_client.post(url("team_data_import_delete", team, pk=data_import.pk), follow=True)
    assert "Wait until it finishes" in text(response) and DataImport.objects.exists()


def test_removing_a_source_asks_first_and_hides_it(member_client, team, member_a):
    source = give(team, member_a).source
    remove_url = url("team_data_source_remove", team, pk=source.pk)
    assert "Remove “City data”?" in text(member_client.get(remove_url))
    response = member_client.post(remove_url, follow=True)
    assert "“City data” is removed." in text(response)
    assert 'data-source="' not in text(response)
    source.refresh_from_db()
    assert source.removed_at and source.imports.exists()
    assert member_client.get(remove_url).status_code == 404


def test_erasing_the_teams_data_asks_first(member_client, team, member_a, django_capture_on_commit_callbacks):
    data_import = give(team, member_a)
    name = data_import.file.name
    erase_url = url("team_data_erase", team)
    assert member_client.get(erase_url).status_code == 200 and DataSource.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(erase_url, follow=True)
    assert "All of the team&#x27;s procurement data is deleted." in text(response)
    assert not DataSource.objects.exists() and not data_import.file.storage.exists(name)


# -- The workspace ---------------------------------------------------------------------------------------


def test_the_team_home_shows_the_latest_file_and_the_nav_links_the_data_page(client, team, member_a, coach):
    client.force_login(coach)
    home = text(client.get(url("team_home", team)))
    assert "data-opendata-panel" in home and "Go to the procurement data" in home
    assert f'href="{url("team_data", team)}"' in home
    data_import = give(team, member_a)
    DataImport.objects.filter(pk=data_import.pk).update(
        status=ImportStatus.RUNNING, done_bytes=3, total_bytes=4
    )
    home = text(client.get(url("team_home", team)))
    assert "Latest: “data.json” (City data)" in home and '<progress max="100" value="75"' in home
    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.DONE)
    home = text(client.get(url("team_home", team)))
    assert f'href="{url("team_data_import", team, pk=data_import.pk)}"' in home


# -- Queries that do not grow with the data ----------------------------------------------------------


def test_the_data_page_runs_the_same_queries_with_more_sources_and_files(
    member_client, team, member_a, django_assert_max_num_queries
):
    give(team, member_a)
    with CaptureQueriesContext(connection) as one:
        assert member_client.get(url("team_data", team)).status_code == 200
    for number in range(4):
        source = give(team, member_a, source_name=f"Source {number}").source
        for _again in range(3):
            give(team, member_a, source=source)
    DataImport.objects.filter(pk=DataImport.objects.first().pk).update(
        status=ImportStatus.FAILED, error_code="crashed"
    )
    with django_assert_max_num_queries(len(one)):
        assert member_client.get(url("team_data", team)).status_code == 200


def test_the_report_runs_the_same_queries_with_more_processes(
    member_client, team, member_a, django_assert_max_num_queries
):
    small = give(team, member_a)
    params = {"start": "2024-01-01", "end": "2025-01-01"}
    with CaptureQueriesContext(connection) as few:
        assert member_client.get(url("team_data_import", team, pk=small.pk), params).status_code == 200
    large = give(team, member_a, content=package("ocds-many", many_processes(300)))
    assert DataImport.objects.get(pk=large.pk).report["processes"] == 300
    with django_assert_max_num_queries(len(few)):
        assert member_client.get(url("team_data_import", team, pk=large.pk), params).status_code == 200


def test_the_team_home_panel_is_one_query_whatever_the_files(client, team, member_a, coach):
    client.force_login(coach)
    give(team, member_a)
    with CaptureQueriesContext(connection) as one:
        client.get(url("team_home", team))
    for _number in range(5):
        give(team, member_a)
    with CaptureQueriesContext(connection) as six:
        client.get(url("team_home", team))
    assert len(six) == len(one)


def test_the_columns_page_prefers_the_columns_the_source_used_before(member_client, team, member_a):
    first = give(team, member_a, name="a.csv", content=b"Folio interno,Fecha de cierre\nX-1,2024-01-01\n")
    services.mapping_confirm(
        data_import=first, mapping={"ocid": "Folio interno", "tender_end": "Fecha de cierre"}, user=member_a
    )
    # The next file renamed its date column: the remembered columns no longer fit, so it asks again,
    # with the identifier the team chose before and the date column suggested by its heading.
    second = give(
        team,
        member_a,
        name="b.csv",
        content=b"Folio interno,Fecha de adjudicacion\nX-2,2024-02-01\n",
        source=first.source,
    )
    assert second.status == ImportStatus.NEEDS_MAPPING
    page = member_client.get(url("team_data_mapping", team, pk=second.pk)).content.decode()
    assert re.search(r'<select name="ocid".*?<option value="Folio interno" selected>', page, re.S)
    assert re.search(
        r'<select name="award_date".*?<option value="Fecha de adjudicacion" selected>', page, re.S
    )
