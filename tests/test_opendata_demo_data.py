"""The demo's generated procurement data, and the worker's memory on a city's largest files."""

import datetime
import json
import subprocess
import sys
import textwrap
import tracemalloc

import pytest

from cms.demo import procurement_data as data
from cohorts.opendata import analysis, reading

D = datetime.date
WEAK = data.Profile(mean_tenderers=2.0, single_bid=0.35, direct=0.3, new_suppliers=0.1, days_to_award=45)
STRONG = data.Profile(mean_tenderers=3.4, single_bid=0.1, direct=0.1, new_suppliers=0.25, days_to_award=25)
PERIODS = [
    data.Period(D(2025, 1, 1), D(2025, 7, 1), 150, WEAK),
    data.Period(D(2025, 7, 1), D(2026, 1, 1), 150, STRONG),
]


def test_the_same_seed_makes_the_same_data():
    first = list(data.releases("ocds-demo", PERIODS, seed=4))
    assert first == list(data.releases("ocds-demo", PERIODS, seed=4))
    assert first != list(data.releases("ocds-demo", PERIODS, seed=5))


def test_every_release_is_ocds_and_names_its_suppliers_among_its_parties():
    for release in data.releases("ocds-demo", PERIODS, seed=1):
        assert {"ocid", "id", "date", "tag"} <= set(release)
        assert datetime.datetime.fromisoformat(release["date"])
        parties = {party["id"] for party in release["parties"]}
        for award in release.get("awards", []):
            assert {supplier["id"] for supplier in award["suppliers"]} <= parties


def test_a_city_that_improves_shows_it_in_its_indicators(tmp_path):
    path = tmp_path / "city.json"
    data.write_release_package(path, data.releases("ocds-demo", PERIODS, seed=1))
    result = analysis.analyse(path, fmt=reading.detect_format(path, path.name))
    assert result.report["processes"] == 300
    by_quarter = {period["start"]: period["values"] for period in result.report["periods"]}
    first, second = by_quarter["2025-01-01"], by_quarter["2025-10-01"]
    assert second["mean_tenderers"] > first["mean_tenderers"]
    assert second["single_bid_share"] < first["single_bid_share"]
    stages = {stage["stage"]: stage["processes"] for stage in result.report["stages"]}
    assert stages["tender"] == stages["award"] == stages["contract"] == 300
    assert 0 < stages["implementation"] < 300


def test_the_spanish_contracts_spreadsheet_reads_with_its_suggested_columns(tmp_path):
    path = tmp_path / "contratos.csv"
    data.write_contracts_spreadsheet(path, data.releases("VS", PERIODS, language="es", seed=2))
    columns = reading.spreadsheet_columns(path, reading.DataFormat.CSV)
    mapping = reading.validate_mapping(reading.suggest_mapping(columns), columns)
    assert set(mapping) >= {"ocid", "method", "tenderers", "award_date", "supplier_id", "award_value"}
    result = analysis.analyse(path, fmt=reading.DataFormat.CSV, mapping=mapping)
    assert result.report["processes"] == 300
    assert not {"unreadable_date", "unreadable_value"} & {p["code"] for p in result.report["problems"]}


def test_the_writers_stream(tmp_path):
    path = tmp_path / "lines.jsonl"
    data.write_json_lines(path, data.releases("ocds-demo", PERIODS[:1], seed=1))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 300  # a tender and an award release per process
    assert json.loads(lines[0])["tag"] == ["tender"]


def test_a_file_of_100000_processes_is_read_within_the_workers_memory(tmp_path):
    """Generated and read in a fresh interpreter, whose peak resident memory is the worker's (its
    VmHWM: getrusage's maxrss would count the memory of the pytest process it was started from)."""
    script = textwrap.dedent(
        rf"""
        import datetime, os, re, django
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
        django.setup()
        from cms.demo import procurement_data as data
        from cohorts.opendata import analysis
        profile = data.Profile(2.5, 0.2, 0.2, 0.1, 30)
        period = data.Period(datetime.date(2022, 1, 1), datetime.date(2025, 1, 1), 100_000, profile)
        path = {str(tmp_path / "large.jsonl")!r}
        data.write_json_lines(path, data.releases("ocds-large", [period], seed=3))
        result = analysis.analyse(path, fmt="jsonl")
        with open("/proc/self/status") as status:
            peak = re.search(r"VmHWM:\s+(\d+) kB", status.read()).group(1)
        print(result.report["processes"], os.path.getsize(path), peak)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)  # noqa: S603
    processes, size, peak_kib = (int(value) for value in run.stdout.split())
    assert processes == 100_000
    assert size > 100 * 1024 * 1024
    assert peak_kib <= 250 * 1024, run.stdout


def test_tenders_that_list_who_bid_name_the_winner_among_them():
    listed = uncounted = 0
    winners = {}
    tenders = {}
    for release in data.releases("ocds-demo", PERIODS, seed=6):
        if "tender" in release:
            tenders[release["ocid"]] = release
        else:
            winners[release["ocid"]] = release["awards"][0]["suppliers"][0]["id"]
    for ocid, release in tenders.items():
        bidders = release["tender"].get("tenderers")
        if bidders is None:
            assert "numberOfTenderers" in release["tender"]
            continue
        listed += 1
        ids = [bidder["id"] for bidder in bidders]
        assert len(set(ids)) == len(ids)
        assert release["tender"].get("numberOfTenderers", len(ids)) == len(ids)
        uncounted += "numberOfTenderers" not in release["tender"]
        assert winners[ocid] in ids
        tenderer_parties = {party["id"] for party in release["parties"] if party["roles"] == ["tenderer"]}
        assert tenderer_parties == set(ids)
    assert 0.35 < listed / len(tenders) < 0.65
    assert uncounted > 0  # some publishers list the bidders without counting them


def test_the_analysis_counts_the_bidders_of_a_tender_that_only_lists_them(tmp_path):
    path = tmp_path / "city.jsonl"
    data.write_json_lines(path, data.releases("ocds-demo", PERIODS, seed=6))
    result = analysis.analyse(path, fmt=reading.DataFormat.JSON_LINES)
    assert len(result.processes) == 300
    assert all(process.tenderers for process in result.processes)


def test_every_method_of_the_codelist_is_used_and_the_spreadsheet_names_read_back_as_it():
    methods = {
        release["tender"]["procurementMethod"]
        for release in data.releases("ocds-demo", PERIODS, seed=1)
        if "tender" in release
    }
    assert methods == {"open", "selective", "limited", "direct"}
    for code, label in data.SPANISH_METHODS.items():
        assert reading.procurement_method(label) == code, label


def test_a_few_awards_come_before_the_tender_closes_and_a_few_suppliers_have_no_tax_number():
    """The data problems the analysis is to find, as cities have them: rare, not absent."""
    closes, early, suppliers = {}, 0, {}
    for release in data.releases("ocds-demo", PERIODS * 4, seed=1):
        if "tender" in release:
            closes[release["ocid"]] = release["tender"]["tenderPeriod"]["endDate"]
            continue
        early += release["awards"][0]["date"] < closes[release["ocid"]]
        for party in release["parties"]:
            suppliers[party["id"]] = "identifier" in party
    assert 0 < early < 0.05 * len(closes)
    assert 0 < list(suppliers.values()).count(False) < 0.1 * len(suppliers)


@pytest.mark.parametrize(
    "write", [data.write_json_lines, data.write_release_package, data.write_contracts_spreadsheet]
)
def test_the_writers_hold_one_process_at_a_time(tmp_path, write):
    """A writer holds one process at a time (and the city's supplier pool): at its peak a small
    part of the 12 MB the 4,000 releases of these 2,000 processes take when gathered in a list."""
    path = tmp_path / "out"
    period = data.Period(D(2022, 1, 1), D(2025, 1, 1), 2_000, STRONG)
    tracemalloc.start()
    try:
        write(path, data.releases("ocds-demo", [period], seed=1))
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert path.stat().st_size > 200 * 1024
    assert peak < 512 * 1024
