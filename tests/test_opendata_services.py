"""A team's procurement data through its services: every input form, bad and hostile files, the
background import with its progress, queued uploads, addresses fetched on a schedule, removal and
erasure."""

import datetime
import http.server
import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from cms.demo import factories as f
from cohorts.opendata import analysis, indicators, selectors, services
from cohorts.opendata.models import (
    DataAward,
    DataImport,
    DataProcess,
    DataSource,
    FetchSchedule,
    ImportStatus,
    SourceKind,
)
from cohorts.personal_data import user_data
from tests.opendata_helpers import PROCESSES, SPANISH_CSV, give, json_lines, package, upload

pytestmark = pytest.mark.django_db

D = datetime.date


def stored(data_import):
    storage = data_import.file.storage
    return data_import.file.name and storage.exists(data_import.file.name)


class Queue:
    """Stands for the worker: keeps what is enqueued instead of running it."""

    def __init__(self, task):
        self.task = task
        self.queued = []

    def enqueue(self, *, import_pk):
        self.queued.append(import_pk)

    def run_all(self):
        while self.queued:
            self.task.call(import_pk=self.queued.pop(0))


@pytest.fixture
def queue(monkeypatch):
    queue = Queue(services.import_run)
    monkeypatch.setattr(services, "import_run", queue)
    return queue


# -- Every form a city publishes ------------------------------------------------------------------------


def test_a_release_package_is_stored_and_read_in_the_background(team, member_a):
    data_import = give(team, member_a)
    data_import.refresh_from_db()
    assert data_import.status == ImportStatus.DONE
    assert data_import.format == "ocds_json"
    assert data_import.file.name.startswith(f"opendata/{team.pk}/{data_import.source_id}/")
    assert stored(data_import)
    assert data_import.original_name == "data.json"
    assert data_import.size == data_import.total_bytes == data_import.done_bytes == len(package())
    assert data_import.report["processes"] == 3 == data_import.processes_seen
    assert (data_import.earliest, data_import.latest) == (D(2024, 1, 2), D(2024, 4, 30))
    assert data_import.started_at and data_import.finished_at
    assert data_import.source.name == "City data" and data_import.source.kind == SourceKind.UPLOAD
    processes = {row.ocid: row for row in DataProcess.objects.filter(data_import=data_import)}
    assert set(processes) == {"ocds-test-a", "ocds-test-b", "ocds-test-c"}
    a = processes["ocds-test-a"]
    assert (a.method, a.tenderers, a.tender_end, a.first_award_on) == (
        "open",
        3,
        D(2024, 1, 31),
        D(2024, 2, 10),
    )
    assert a.stages == ["tender", "award"]
    awards = DataAward.objects.filter(data_import=data_import).order_by("awarded_on")
    assert [(award.awarded_on, award.supplier_debut_on) for award in awards] == [
        (D(2024, 2, 10), D(2024, 2, 10)),
        (D(2024, 2, 20), D(2024, 2, 10)),
        (D(2024, 4, 30), D(2024, 4, 30)),
    ]


def test_line_delimited_json_is_read(team, member_a):
    data_import = give(team, member_a, name="releases.jsonl", content=json_lines())
    data_import.refresh_from_db()
    assert (data_import.format, data_import.status, data_import.report["processes"]) == ("jsonl", "done", 3)


def test_a_spreadsheet_waits_for_its_columns_then_the_source_remembers_them(team, member_a):
    first = give(team, member_a, name="contratos.csv", content=SPANISH_CSV)
    assert first.status == ImportStatus.NEEDS_MAPPING
    assert first.columns[0] == "Número de proceso"
    assert not DataProcess.objects.exists()

    services.mapping_confirm(
        data_import=first,
        mapping={
            "ocid": "Número de proceso",
            "tender_end": "Fecha de cierre",
            "tenderers": "Número de ofertas",
        },
        user=member_a,
    )
    first.refresh_from_db()
    assert first.status == ImportStatus.DONE
    assert first.report["processes"] == 2
    assert (
        first.source.column_mapping
        == first.mapping
        == {
            "ocid": "Número de proceso",
            "tender_end": "Fecha de cierre",
            "tenderers": "Número de ofertas",
        }
    )
    assert sorted(DataProcess.objects.values_list("tenderers", flat=True)) == [1, 3]

    # The next file of the source is read with the same columns, without asking.
    second = give(team, member_a, name="contratos-marzo.csv", content=SPANISH_CSV, source=first.source)
    second.refresh_from_db()
    assert second.status == ImportStatus.DONE and second.mapping == first.mapping


def test_a_mapping_without_the_identifier_is_refused_and_the_file_keeps_waiting(team, member_a):
    data_import = give(team, member_a, name="contratos.csv", content=SPANISH_CSV)
    with pytest.raises(ValidationError) as refused:
        services.mapping_confirm(
            data_import=data_import, mapping={"tender_end": "Fecha de cierre"}, user=member_a
        )
    assert refused.value.code == "mapping_incomplete"
    with pytest.raises(ValidationError) as unknown:
        services.mapping_confirm(
            data_import=data_import,
            mapping={"ocid": "No such column", "tender_end": "Fecha de cierre"},
            user=member_a,
        )
    assert unknown.value.code == "mapping_unknown_column"
    data_import.refresh_from_db()
    assert data_import.status == ImportStatus.NEEDS_MAPPING
    assert data_import.source.column_mapping == {}


def test_a_spreadsheet_whose_headings_name_nothing_Ruta_reads_asks_for_every_column(team, member_a):
    data_import = give(team, member_a, name="export.csv", content=b"col1,col2\nX-1,2024-01-01\n")
    assert data_import.status == ImportStatus.NEEDS_MAPPING
    assert data_import.columns == ["col1", "col2"]
    services.mapping_confirm(
        data_import=data_import, mapping={"ocid": "col1", "tender_start": "col2"}, user=member_a
    )
    data_import.refresh_from_db()
    assert data_import.status == ImportStatus.DONE and data_import.report["processes"] == 1


# -- Bad and hostile files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("data.json", b"", "empty"),
        ("data.json", b"hello this is not data", "not_json"),
        ("data.bin", b"\x00\x01\x02\x03", "not_recognised"),
        ("data.json", '{"releases": []}'.encode("utf-16"), "not_utf8"),
        ("data.json", '{"releases": [{"ocid": "é"}]}'.encode("latin-1"), "not_utf8"),
        ("numbers.csv", b"1,2,3\n4,5,6\n", "no_columns"),
        ("book.xlsx", b"PK\x03\x04 not a workbook at all", "broken_spreadsheet"),
    ],
)
def test_a_file_ruta_cannot_read_is_refused_with_its_reason_and_nothing_is_kept(
    team, member_a, name, content, code
):
    earlier = give(team, member_a)
    with pytest.raises(ValidationError) as refused:
        give(team, member_a, name=name, content=content, source_name="New source")
    error = refused.value.error_dict["file"][0]
    assert error.code == code
    assert str(error.message)  # a sentence, in the reader's language
    assert DataImport.objects.count() == 1 and DataSource.objects.count() == 1  # not even the new source
    earlier.refresh_from_db()
    assert earlier.status == ImportStatus.DONE and stored(earlier)


def test_a_file_over_the_limit_is_refused(team, member_a, settings):
    settings.OPEN_DATA_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        give(team, member_a)
    assert refused.value.error_dict["file"][0].code == "too_large"
    assert not DataImport.objects.exists()


def test_broken_json_fails_in_the_worker_with_a_message_in_the_uploaders_language(team, member_a):
    member_a.preferred_language = "es"
    member_a.save()
    data_import = give(team, member_a, content=b'{"releases": [{"ocid": "x", "id": "1"')
    data_import.refresh_from_db()
    assert data_import.status == ImportStatus.FAILED
    assert data_import.error_code == "not_json"
    assert "JSON" in data_import.error_message and "no es" in data_import.error_message.lower()
    assert data_import.report == {} and not DataProcess.objects.exists()
    assert stored(data_import)  # the file stays, for the team to download and check


def test_json_without_releases_fails_with_a_reason_translated_for_each_reader(team, member_a):
    data_import = give(team, member_a, content=b'{"name": "not procurement data", "values": [1, 2]}')
    data_import.refresh_from_db()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, "not_ocds")
    english = data_import.error
    with translation.override("es"):
        assert data_import.error != english and "OCDS" in data_import.error


def test_an_unexpected_error_fails_the_import_and_keeps_the_rest(team, member_a, monkeypatch):
    earlier = give(team, member_a)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(analysis, "analyse", broken)
    data_import = give(team, member_a, source=earlier.source)
    data_import.refresh_from_db()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, "crashed")
    earlier.refresh_from_db()
    assert (
        earlier.status == ImportStatus.DONE and DataProcess.objects.filter(data_import=earlier).count() == 3
    )


def test_only_members_give_data(team, coach, staff_user, member_b):
    for user in (coach, staff_user, member_b):
        with pytest.raises(ValidationError) as refused:
            give(team, user)
        assert refused.value.code == "not_a_member"
    assert not DataSource.objects.exists()


def test_a_new_source_needs_a_name(team, member_a):
    with pytest.raises(ValidationError) as refused:
        give(team, member_a, source_name="  ")
    assert refused.value.error_dict["name"][0].code == "name_required"


# -- The worker: progress and queued files -------------------------------------------------------------------


def test_progress_is_saved_while_the_file_is_read(team, member_a, monkeypatch, queue):
    monkeypatch.setattr(services, "PROGRESS_SECONDS", 0)
    monkeypatch.setattr(analysis, "PROGRESS_EVERY", 1)
    data_import = give(team, member_a)
    seen = []
    real_analyse = analysis.analyse

    def watched(path, *, on_progress, **kwargs):
        def spy(done_bytes, total_bytes, items):
            on_progress(done_bytes, total_bytes, items)
            seen.append(
                DataImport.objects.values_list("status", "done_bytes", "total_bytes", "processes_seen").get(
                    pk=data_import.pk
                )
            )

        return real_analyse(path, on_progress=spy, **kwargs)

    monkeypatch.setattr(analysis, "analyse", watched)
    assert queue.queued == [data_import.pk]
    queue.run_all()
    size = len(package())
    assert seen[0][0] == ImportStatus.RUNNING and seen[0][2] == size and 0 < seen[0][1] <= size
    assert [row[3] for row in seen][:3] == [1, 2, 3]
    data_import.refresh_from_db()
    assert (data_import.status, data_import.done_bytes, data_import.percent) == ("done", size, 100)


def test_a_second_upload_while_one_is_read_waits_its_turn_and_touches_nothing(team, member_a, queue):
    first = give(team, member_a)
    DataImport.objects.filter(pk=first.pk).update(status=ImportStatus.RUNNING, done_bytes=10)
    second = give(team, member_a, source=first.source, content=package("ocds-second"))
    third = give(team, member_a, source=first.source, content=package("ocds-third"))
    assert second.status == third.status == ImportStatus.QUEUED
    first.refresh_from_db()
    assert (first.status, first.done_bytes) == (ImportStatus.RUNNING, 10) and stored(first)
    assert queue.queued == [first.pk, second.pk, third.pk]

    DataImport.objects.filter(pk=first.pk).update(status=ImportStatus.QUEUED)
    queue.run_all()
    for data_import, prefix in ((first, "ocds-test"), (second, "ocds-second"), (third, "ocds-third")):
        data_import.refresh_from_db()
        assert data_import.status == ImportStatus.DONE
        ocids = set(DataProcess.objects.filter(data_import=data_import).values_list("ocid", flat=True))
        assert ocids == {f"{prefix}-{key}" for key, *_rest in PROCESSES}


def test_an_import_runs_once_even_if_queued_twice(team, member_a, queue):
    data_import = give(team, member_a)
    queue.run_all()
    queue.task.call(import_pk=data_import.pk)  # again: it is done, nothing happens
    assert DataProcess.objects.filter(data_import=data_import).count() == 3


def test_an_import_deleted_before_its_turn_is_skipped(
    team, member_a, queue, django_capture_on_commit_callbacks
):
    data_import = give(team, member_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.import_delete(data_import=data_import, user=member_a)
    queue.run_all()
    assert not DataImport.objects.exists() and not DataProcess.objects.exists()


def test_imports_a_stopped_worker_left_running_are_failed(team, member_a):
    data_import = give(team, member_a)
    old = timezone.now() - services.STALE_AFTER - datetime.timedelta(minutes=1)
    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.RUNNING, progress_at=old)
    fresh = give(team, member_a, source=data_import.source)
    DataImport.objects.filter(pk=fresh.pk).update(status=ImportStatus.RUNNING, progress_at=timezone.now())
    assert services.imports_expire_stale() == 1
    data_import.refresh_from_db()
    fresh.refresh_from_db()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, "interrupted")
    assert fresh.status == ImportStatus.RUNNING


def test_the_indicators_of_any_period_come_from_the_stored_rows(team, member_a):
    data_import = give(team, member_a)
    q1 = selectors.period_indicators(data_import, D(2024, 1, 1), D(2024, 4, 1))
    assert q1 == {
        "mean_tenderers": 2.0,
        "single_bid_share": 50.0,
        "open_procedure_share": 50.0,
        "new_supplier_share": 100.0,  # acme's first award is in the period, and so its second
        "median_days_to_award": 7.5,
    }
    year = selectors.period_indicators(data_import, D(2024, 1, 1), D(2025, 1, 1))
    assert year["mean_tenderers"] == 2.0 and year["open_procedure_share"] == pytest.approx(66.67)
    data_import.refresh_from_db()
    quarter = data_import.report["periods"][0]
    assert quarter["start"] == "2024-01-01" and quarter["values"] == q1
    assert indicators.compute([], [], D(2024, 1, 1), D(2024, 4, 1))["mean_tenderers"] is None


# -- Addresses -------------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {}

    def do_GET(self):
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def web(settings):
    """A web server on this machine, which the worker may fetch from for the test."""
    settings.OPEN_DATA_FETCH_PRIVATE_ADDRESSES = True
    settings.OPEN_DATA_FETCH_TIMEOUT = 5
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.routes = {}
    yield f"http://127.0.0.1:{server.server_address[1]}", _Handler.routes
    server.shutdown()
    server.server_close()


def add_address(team, user, url, schedule=FetchSchedule.WEEKLY):
    return services.source_add(
        team=team, user=user, name="Portal", kind=SourceKind.URL, url=url, schedule=schedule
    )


def test_an_address_is_fetched_at_once_and_its_file_kept(team, member_a, web):
    base, routes = web
    routes["/ocds/releases.json"] = (200, package())
    source = add_address(team, member_a, f"{base}/ocds/releases.json")
    data_import = source.imports.get()
    assert data_import.status == ImportStatus.DONE
    assert data_import.original_name == "releases.json" and data_import.size == len(package())
    assert data_import.report["processes"] == 3
    assert stored(data_import) and data_import.file.read() == package()


def test_a_fetched_spreadsheet_is_read_with_the_sources_columns(team, member_a, web):
    base, routes = web
    routes["/contratos.csv"] = (200, SPANISH_CSV)
    source = add_address(team, member_a, f"{base}/contratos.csv")
    first = source.imports.get()
    assert first.status == ImportStatus.NEEDS_MAPPING and stored(first)
    services.mapping_confirm(
        data_import=first,
        mapping={"ocid": "Número de proceso", "award_date": "Fecha de adjudicación"},
        user=member_a,
    )
    second = services.source_fetch(source=source, user=member_a)
    second.refresh_from_db()
    assert second.status == ImportStatus.DONE and second.report["processes"] == 2


@pytest.mark.parametrize(
    ("route", "code"),
    [((404, b"gone"), "download_failed"), ((200, b"x" * 500), "too_large")],
)
def test_an_address_that_cannot_be_read_fails_with_a_reason(team, member_a, web, settings, route, code):
    settings.OPEN_DATA_MAX_BYTES = 200
    base, routes = web
    routes["/data.json"] = route
    data_import = add_address(team, member_a, f"{base}/data.json").imports.get()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, code)
    assert data_import.error and not data_import.file


def test_a_server_that_does_not_answer_fails_the_fetch(team, member_a, settings):
    settings.OPEN_DATA_FETCH_PRIVATE_ADDRESSES = True
    data_import = add_address(team, member_a, "http://127.0.0.1:9/data.json").imports.get()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, "download_failed")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/data.json",
        "http://127.0.0.1/data.json",
        "http://localhost:8000/x",
        "http://[::1]/x",
    ],
)
def test_an_address_in_a_private_network_or_not_on_the_web_is_refused(team, member_a, url):
    with pytest.raises(ValidationError) as refused:
        add_address(team, member_a, url)
    assert "url" in refused.value.error_dict
    assert not DataSource.objects.exists()


def test_a_name_that_leads_into_a_private_network_is_not_fetched(team, member_a, monkeypatch):
    monkeypatch.setattr(
        services.socket, "getaddrinfo", lambda *args, **kwargs: [(2, 1, 6, "", ("10.0.0.5", 443))]
    )
    data_import = add_address(team, member_a, "https://data.example.org/releases.json").imports.get()
    assert (data_import.status, data_import.error_code) == (ImportStatus.FAILED, "address_refused")


def test_addresses_are_fetched_when_their_schedule_says(team, member_a, queue):
    now = timezone.now()
    due = add_address(team, member_a, "https://a.example.org/data.json", FetchSchedule.WEEKLY)
    recent = add_address(team, member_a, "https://b.example.org/data.json", FetchSchedule.WEEKLY)
    never = add_address(team, member_a, "https://c.example.org/data.json", FetchSchedule.NEVER)
    removed = add_address(team, member_a, "https://d.example.org/data.json", FetchSchedule.DAILY)
    services.source_remove(source=removed, user=member_a)
    DataImport.objects.update(status=ImportStatus.DONE)
    DataImport.objects.filter(source=due).update(created_at=now - datetime.timedelta(days=8))
    DataImport.objects.filter(source__in=[recent, never, removed]).update(
        created_at=now - datetime.timedelta(days=2)
    )
    queue.queued.clear()

    out = io.StringIO()
    call_command("fetch_open_data", stdout=out)
    assert "1 address(es) queued" in out.getvalue()
    assert [DataImport.objects.get(pk=pk).source for pk in queue.queued] == [due]
    # Run again before the worker took it: nothing is queued twice.
    assert services.sources_fetch_due() == []
    assert DataImport.objects.filter(source=due).count() == 2
    # Nor while it is being read, however long ago it was queued.
    DataImport.objects.filter(pk=queue.queued[0]).update(
        status=ImportStatus.RUNNING, created_at=now - datetime.timedelta(days=9)
    )
    DataImport.objects.filter(source=due).exclude(pk=queue.queued[0]).update(
        created_at=now - datetime.timedelta(days=10)
    )
    assert services.sources_fetch_due() == [DataImport.objects.get(pk=queue.queued[0])]
    assert DataImport.objects.filter(source=due).count() == 2


def test_fetching_is_for_address_sources_that_are_not_removed(team, member_a, queue):
    upload_source = give(team, member_a).source
    with pytest.raises(ValidationError) as refused:
        services.source_fetch(source=upload_source, user=member_a)
    assert refused.value.code == "not_an_address_source"
    address = add_address(team, member_a, "https://a.example.org/data.json")
    services.source_remove(source=address, user=member_a)
    with pytest.raises(ValidationError) as removed:
        services.source_fetch(source=address, user=member_a)
    assert removed.value.code == "source_removed"


# -- Removal and erasure ---------------------------------------------------------------------------------


def test_removing_a_source_is_soft_and_hides_its_imports(team, member_a):
    data_import = give(team, member_a)
    source = data_import.source
    services.source_remove(source=source, user=member_a)
    source.refresh_from_db()
    assert source.removed_at is not None
    assert DataImport.objects.filter(pk=data_import.pk).exists() and stored(data_import)
    assert list(selectors.team_sources(team)) == [] and selectors.latest_import(team) is None
    with pytest.raises(ValidationError) as refused:
        give(team, member_a, source=source)
    assert refused.value.code == "source_removed"


def test_deleting_an_import_deletes_its_file_report_and_rows_only(
    team, member_a, django_capture_on_commit_callbacks
):
    kept = give(team, member_a)
    deleted = give(team, member_a, source=kept.source, content=package("ocds-other"))
    name = deleted.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.import_delete(data_import=deleted, user=member_a)
    assert not DataImport.objects.filter(pk=deleted.pk).exists()
    assert not deleted.file.storage.exists(name)
    assert not DataProcess.objects.filter(data_import_id=deleted.pk).exists()
    assert DataProcess.objects.filter(data_import=kept).count() == 3 and stored(kept)


def test_an_import_being_read_is_not_deleted(team, member_a):
    data_import = give(team, member_a)
    DataImport.objects.filter(pk=data_import.pk).update(status=ImportStatus.RUNNING)
    with pytest.raises(ValidationError) as refused:
        services.import_delete(data_import=data_import, user=member_a)
    assert refused.value.code == "import_running"


def test_erasing_the_teams_data_deletes_every_file_and_report(
    team, team_b, member_a, member_b, django_capture_on_commit_callbacks
):
    mine = [give(team, member_a), give(team, member_a, name="c.csv", content=SPANISH_CSV)]
    services.source_remove(source=mine[0].source, user=member_a)  # a removed source's files go too
    theirs = give(team_b, member_b)
    names = [data_import.file.name for data_import in mine]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.team_data_erase(team=team, user=member_a) == 2
    assert not DataSource.objects.filter(team=team).exists()
    assert not DataImport.objects.filter(source__team=team).exists()
    assert not DataProcess.objects.filter(data_import__source__team=team).exists()
    assert not any(mine[0].file.storage.exists(name) for name in names)
    assert stored(theirs) and DataProcess.objects.filter(data_import=theirs).count() == 3


def test_deleting_a_team_deletes_its_data_files(member_a, team, django_capture_on_commit_callbacks):
    data_import = give(team, member_a)
    name, storage = data_import.file.name, data_import.file.storage
    team.memberships.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        team.delete()
    assert not storage.exists(name) and not DataImport.objects.exists()


def test_a_persons_export_lists_the_files_they_gave(team, member_a):
    give(team, member_a)
    files = user_data(member_a)["procurement_data_files"]
    assert [(item["team"], item["source"], item["file_name"]) for item in files] == [
        (team.name, "City data", "data.json")
    ]
    assert user_data(f.UserFactory())["procurement_data_files"] == []


def test_an_upload_file_name_is_made_safe(team, member_a):
    data_import = give(team, member_a, name="../../etc/pass\x00wd.json")
    assert "/" not in data_import.original_name and ".." not in data_import.file.name.split("/")
    assert upload("x.json", b"{}").name == "x.json"
