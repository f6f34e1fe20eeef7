"""The data report and indicators read from a city's own procurement data, in every form cities publish."""

import codecs
import datetime
import json
import zipfile

import pytest
from openpyxl import Workbook

from cohorts.opendata import analysis, evidence, indicators, reading
from cohorts.opendata.reading import DataFileError, DataFormat
from sprints.models import DataEvidence

D = datetime.date


def release(ocid, release_id, date, **fields):
    return {"ocid": ocid, "id": release_id, "date": date, "tag": ["tender"], **fields}


def tender(tender_id, *, method="open", tenderers=None, start=None, end=None, value=None):
    data = {
        "id": tender_id,
        "procurementMethod": method,
        "tenderPeriod": {"startDate": start, "endDate": end},
    }
    if tenderers is not None:
        data["numberOfTenderers"] = tenderers
    if value is not None:
        data["value"] = {"amount": value, "currency": "USD"}
    return data


def award(award_id, date, supplier, *, amount=100.0, status="active"):
    return {
        "id": award_id,
        "date": date,
        "status": status,
        "value": {"amount": amount, "currency": "USD"},
        "suppliers": [{"id": supplier, "name": supplier.title()}],
    }


def party(supplier, tax_id=None):
    data = {"id": supplier, "name": supplier.title(), "roles": ["supplier"]}
    if tax_id:
        data["identifier"] = {"scheme": "US-EIN", "id": tax_id}
    return data


#: Six processes over two quarters of 2024, with their facts worked out by hand below.
#: Q1: a (open, 3 tenderers, closes 01-31, award 02-10 to acme: first ever), b (direct, 1 tenderer,
#:     closes 02-15, award 02-20 to acme again), c (open, 1 tenderer, closes 03-01, award 03-31 to bolt).
#: Q2: d (open, 4 tenderers, closes 04-20, award 04-30 to bolt: known since Q1), e (selective,
#:     2 tenderers, closes 05-01, award 05-21 to cato: new), f (open, tenderers unknown, no award).
PROCESSES = [
    ("a", tender("a", tenderers=3, start="2024-01-02", end="2024-01-31"), award("a1", "2024-02-10", "acme")),
    (
        "b",
        tender("b", method="direct", tenderers=1, start="2024-02-01", end="2024-02-15"),
        award("b1", "2024-02-20", "acme"),
    ),
    ("c", tender("c", tenderers=1, start="2024-02-20", end="2024-03-01"), award("c1", "2024-03-31", "bolt")),
    ("d", tender("d", tenderers=4, start="2024-04-01", end="2024-04-20"), award("d1", "2024-04-30", "bolt")),
    (
        "e",
        tender("e", method="selective", tenderers=2, start="2024-04-10", end="2024-05-01"),
        award("e1", "2024-05-21", "cato"),
    ),
    ("f", tender("f", start="2024-06-01", end="2024-06-30"), None),
]
PARTIES = [party("acme", "11-111"), party("bolt", "22-222"), party("cato", "33-333")]


def tender_releases():
    return [
        release(f"ocds-x-{ocid}", f"{ocid}-tender", data["tenderPeriod"]["startDate"], tender=data)
        for ocid, data, _award in PROCESSES
    ]


def award_releases():
    return [
        release(
            f"ocds-x-{ocid}", f"{ocid}-award", data["date"], tag=["award"], awards=[data], parties=PARTIES
        )
        for ocid, _tender, data in PROCESSES
        if data
    ]


def compiled_releases():
    compiled = []
    for ocid, data, award_data in PROCESSES:
        item = release(
            f"ocds-x-{ocid}",
            f"{ocid}-compiled",
            data["tenderPeriod"]["endDate"],
            tender=data,
            tag=["compiled"],
            parties=PARTIES,
        )
        if award_data:
            item["awards"] = [award_data]
        compiled.append(item)
    return json.loads(json.dumps(compiled))  # copies: tests change them


@pytest.fixture
def write(tmp_path):
    def write(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        return path

    return write


def analyse(path, **kwargs):
    fmt = reading.detect_format(path, path.name)
    return analysis.analyse(path, fmt=fmt, **kwargs)


def by_ocid(result):
    return {process.ocid.removeprefix("ocds-x-"): process for process in result.processes}


def assert_the_six_processes(result):
    processes = by_ocid(result)
    assert sorted(processes) == ["a", "b", "c", "d", "e", "f"]
    assert processes["a"].stages == {"tender", "award"}
    assert processes["f"].stages == {"tender"}
    assert processes["b"].method == "direct"
    assert processes["b"].tenderers == 1
    assert processes["a"].reference_on == D(2024, 1, 2)
    assert processes["c"].days_to_award == 30
    debuts = {award.ocid.removeprefix("ocds-x-"): award.supplier_debut_on for award in result.awards}
    assert debuts == {
        "a": D(2024, 2, 10),
        "b": D(2024, 2, 10),
        "c": D(2024, 3, 31),
        "d": D(2024, 3, 31),
        "e": D(2024, 5, 21),
    }


# --- Every form cities publish --------------------------------------------------------------------


def test_a_release_package_with_several_releases_per_process_is_compiled(write):
    path = write(
        "package.json", {"uri": "https://example.org", "releases": award_releases() + tender_releases()}
    )
    result = analyse(path)
    assert reading.detect_format(path, path.name) == DataFormat.OCDS_JSON
    assert result.report["releases"] == 11
    assert result.report["processes"] == 6
    assert_the_six_processes(result)


def test_a_record_package_uses_each_compiled_release(write):
    records = [{"ocid": item["ocid"], "compiledRelease": item} for item in compiled_releases()]
    result = analyse(write("records.json", {"records": records}))
    assert_the_six_processes(result)


def test_a_record_without_compiled_release_is_compiled_from_its_releases(write):
    releases = tender_releases() + award_releases()
    records = [
        {"ocid": ocid, "releases": [r for r in releases if r["ocid"] == ocid]}
        for ocid in sorted({r["ocid"] for r in releases})
    ]
    assert_the_six_processes(analyse(write("records.json", {"records": records})))


def test_line_delimited_releases(write):
    lines = "\n".join(json.dumps(item) for item in tender_releases() + award_releases()) + "\n"
    path = write("data.jsonl", lines)
    assert reading.detect_format(path, path.name) == DataFormat.JSON_LINES
    assert_the_six_processes(analyse(path))


def test_line_delimited_release_packages(write):
    lines = "\n".join(json.dumps({"releases": [item]}) for item in tender_releases() + award_releases())
    assert_the_six_processes(analyse(write("packages.jsonl", lines)))


def test_an_array_of_compiled_releases_and_a_single_release(write):
    assert_the_six_processes(analyse(write("array.json", compiled_releases())))
    single = analyse(write("one.json", compiled_releases()[0]))
    assert [process.ocid for process in single.processes] == ["ocds-x-a"]


SPANISH_HEADINGS = [
    "Número de proceso",
    "Objeto",
    "Modalidad",
    "Fecha de publicación",
    "Fecha de cierre",
    "Número de ofertas",
    "Fecha de adjudicación",
    "Proveedor",
    "RFC del proveedor",
    "Monto adjudicado",
]
SPANISH_ROWS = [
    [
        "A-1",
        "Papelería",
        "Licitación pública",
        "02/01/2024",
        "31/01/2024",
        "3",
        "10/02/2024",
        "Acme",
        "11-111",
        "1.234,50",
    ],
    [
        "B-1",
        "Limpieza",
        "Adjudicación directa",
        "01/02/2024",
        "15/02/2024",
        "1",
        "20/02/2024",
        "Acme",
        "11-111",
        "900",
    ],
    ["C-1", "Obras", "Licitación pública", "20/02/2024", "01/03/2024", "1", "31/03/2024", "Bolt", "", "-10"],
]


def test_a_spanish_contracts_spreadsheet_in_windows_encoding_is_read_through_its_mapping(write):
    text = "\n".join(";".join(row) for row in [SPANISH_HEADINGS, *SPANISH_ROWS])
    path = write("contratos.csv", text.encode("cp1252"))
    assert reading.detect_format(path, path.name) == DataFormat.CSV
    columns = reading.spreadsheet_columns(path, DataFormat.CSV)
    assert columns == SPANISH_HEADINGS
    mapping = reading.suggest_mapping(columns)
    assert mapping == {
        "ocid": "Número de proceso",
        "title": "Objeto",
        "method": "Modalidad",
        "tender_start": "Fecha de publicación",
        "tender_end": "Fecha de cierre",
        "tenderers": "Número de ofertas",
        "award_date": "Fecha de adjudicación",
        "supplier_name": "Proveedor",
        "supplier_id": "RFC del proveedor",
        "award_value": "Monto adjudicado",
    }
    result = analysis.analyse(path, fmt=DataFormat.CSV, mapping=reading.validate_mapping(mapping, columns))
    processes = {process.ocid: process for process in result.processes}
    assert processes["A-1"].method == "open"
    assert processes["B-1"].method == "direct"
    assert processes["A-1"].tender_end == D(2024, 1, 31)
    assert processes["C-1"].days_to_award == 30
    problems = {problem["code"]: problem for problem in result.report["problems"]}
    assert problems["negative_value"]["examples"] == ["C-1"]
    assert problems["supplier_without_identifier"]["examples"] == ["C-1"]
    award_stage = next(stage for stage in result.report["stages"] if stage["stage"] == "award")
    assert award_stage["processes"] == 3


def test_an_excel_workbook_with_several_rows_per_process(write, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Process ID", "Award date", "Supplier", "Supplier ID", "Amount", "Number of bids"])
    sheet.append(["P-1", datetime.datetime(2024, 5, 2), "Acme", "11-111", 10, 2])
    sheet.append(["P-1", datetime.datetime(2024, 5, 3), "Bolt", "22-222", 20, 2])
    sheet.append(["P-2", "not a date", "Cato", "33-333", "n/a", 1])
    path = tmp_path / "contracts.xlsx"
    workbook.save(path)
    assert reading.detect_format(path, path.name) == DataFormat.XLSX
    columns = reading.spreadsheet_columns(path, DataFormat.XLSX)
    mapping = reading.validate_mapping(reading.suggest_mapping(columns), columns)
    assert mapping["award_value"] == "Amount"
    result = analysis.analyse(path, fmt=DataFormat.XLSX, mapping=mapping)
    assert result.report["processes"] == 2
    assert len([award for award in result.awards if award.ocid == "P-1"]) == 2
    codes = {problem["code"] for problem in result.report["problems"]}
    assert {"unreadable_date", "unreadable_value"} <= codes


def test_a_mapping_must_name_the_identifier_and_a_date():
    columns = ["Id", "Supplier", "Date"]
    with pytest.raises(DataFileError) as missing:
        reading.validate_mapping({"supplier_name": "Supplier"}, columns)
    assert missing.value.code == "mapping_incomplete"
    with pytest.raises(DataFileError) as dateless:
        reading.validate_mapping({"ocid": "Id"}, columns)
    assert dateless.value.code == "mapping_needs_date"
    with pytest.raises(DataFileError) as unknown:
        reading.validate_mapping({"ocid": "Id", "award_date": "Fecha"}, columns)
    assert unknown.value.code == "mapping_unknown_column"


def test_values_and_dates_as_cities_write_them():
    assert reading.amount("1.234.567,89") == 1234567.89
    assert reading.amount("$ 1,234.50") == 1234.5
    assert reading.amount("1,5") == 1.5
    assert reading.amount("1.234.567") == 1234567
    assert reading.iso_date("31/12/2024") == "2024-12-31"
    assert reading.iso_date("2024-12-31T10:00:00Z") == "2024-12-31"
    assert reading.procurement_method("Invitación a cuando menos tres personas") == "limited"
    assert reading.procurement_method("Sole source") == "direct"


# --- The report ---------------------------------------------------------------------------------


def test_stage_coverage_and_key_fields_are_counted_by_ocdscardinal(write):
    result = analyse(write("compiled.json", compiled_releases()))
    stages = {stage["stage"]: stage for stage in result.report["stages"]}
    assert stages["tender"]["processes"] == 6
    assert stages["award"]["processes"] == 5
    assert stages["award"]["share"] == round(5 / 6, 4)
    assert stages["contract"]["processes"] == 0
    tender_fields = {field["key"]: field for field in stages["tender"]["fields"]}
    assert tender_fields["tenderers"]["present"] == 5
    assert tender_fields["tenderers"]["share"] == round(5 / 6, 4)
    assert tender_fields["value"]["present"] == 0
    assert result.report["earliest"] == "2024-01-02"
    assert result.report["latest"] == "2024-06-30"


def test_plain_language_problems(write):
    items = compiled_releases()[:2]
    items[0]["awards"][0]["date"] = "2024-01-15"  # before the tender closed on 01-31
    items[0]["awards"].append({"id": "a1", "date": "2024-02-01", "suppliers": [{"name": "Nameless Ltd"}]})
    items[1]["tender"]["value"] = {"amount": -5}
    items.append(dict(items[1]))  # the same ocid twice
    result = analyse(write("problems.json", items))
    problems = {
        problem["code"]: (problem["count"], problem["examples"]) for problem in result.report["problems"]
    }
    assert problems == {
        "award_before_tender_close": (1, ["ocds-x-a"]),
        "negative_value": (1, ["ocds-x-b"]),
        "missing_award_value": (1, ["ocds-x-a"]),
        "duplicate_identifier": (2, ["ocds-x-b", "ocds-x-a"]),
        "supplier_without_identifier": (1, ["ocds-x-a"]),
    }
    assert set(problems) <= set(analysis.PROBLEM_LABELS)


def test_progress_is_reported_while_reading(write, monkeypatch):
    monkeypatch.setattr(analysis, "PROGRESS_EVERY", 2)
    calls = []
    path = write("package.json", {"releases": tender_releases() + award_releases()})
    analyse(path, on_progress=lambda done, total, items: calls.append((done, total, items)))
    assert [items for _done, _total, items in calls] == [2, 4, 6, 8, 10, 11]
    assert calls[-1][0] == calls[-1][1] == path.stat().st_size


# --- Indicators, against the values worked out by hand ------------------------------------------


def test_indicators_per_period_match_hand_computed_values(write):
    result = analyse(write("compiled.json", compiled_releases()))
    q1 = indicators.compute(result.processes, result.awards, D(2024, 1, 1), D(2024, 4, 1))
    # Q1: tenderers 3, 1, 1 → mean 1.67; single bid 2 of 3; open 2 of 3; awards a1 (acme new), b1
    # (acme, debut 02-10 ≥ 01-01: new in the period), c1 (bolt new) → 3 of 3; waits 10, 5, 30 → 10.
    assert q1 == {
        "mean_tenderers": 1.67,
        "single_bid_share": 66.67,
        "open_procedure_share": 66.67,
        "new_supplier_share": 100.0,
        "median_days_to_award": 10.0,
    }
    q2 = indicators.compute(result.processes, result.awards, D(2024, 4, 1), D(2024, 7, 1))
    # Q2: tenderers 4, 2 (f unknown) → 3; single 0 of 2; open d, f of d, e, f → 2 of 3; awards d1
    # (bolt, debut 03-31: not new), e1 (cato new) → 1 of 2; waits 10, 20 → 15.
    assert q2 == {
        "mean_tenderers": 3.0,
        "single_bid_share": 0.0,
        "open_procedure_share": 66.67,
        "new_supplier_share": 50.0,
        "median_days_to_award": 15.0,
    }
    assert [period["values"] for period in result.report["periods"]] == [q1, q2]
    assert [period["start"] for period in result.report["periods"]] == ["2024-01-01", "2024-04-01"]


def test_a_period_without_data_has_no_values():
    assert set(indicators.compute([], [], D(2024, 1, 1), D(2024, 4, 1)).values()) == {None}


def test_quarters_cover_the_data_and_keep_the_last_twelve():
    assert indicators.quarters(D(2023, 11, 5), D(2024, 2, 1)) == [
        (D(2023, 10, 1), D(2024, 1, 1)),
        (D(2024, 1, 1), D(2024, 4, 1)),
    ]
    assert len(indicators.quarters(D(2010, 1, 1), D(2024, 1, 1))) == 12


def test_every_metric_is_labelled():
    assert set(indicators.METRICS) == set(indicators.measure([], [], D(2024, 1, 1)))


# --- Bad and hostile files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.json", b"", "empty"),
        ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not_recognised"),
        ("utf16.json", codecs.BOM_UTF16_LE + '{"releases": []}'.encode("utf-16-le"), "not_utf8"),
        ("latin1.json", '{"releases": [{"ocid": "ñ"}]}'.encode("latin-1"), "not_utf8"),
        ("notes.pdf", b"%PDF-1.7 some text without delimiters", "not_recognised"),
    ],
)
def test_files_that_are_not_procurement_data_are_refused_with_a_reason(write, name, content, code):
    with pytest.raises(DataFileError) as error:
        reading.detect_format(write(name, content), name)
    assert error.value.code == code
    assert str(error.value.message)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('{"releases": [{"ocid": "a", "id": "1", "date": "2024-01-01"}, {"ocid": ', "not_json"),
        ('{"publisher": {"name": "A city"}, "version": "1.1"}', "not_ocds"),
        ('{"releases": []}', "not_ocds"),
        ("[1, 2, 3]", "not_ocds"),
    ],
)
def test_broken_or_empty_json_is_refused(write, content, code):
    with pytest.raises(DataFileError) as error:
        analyse(write("data.json", content))
    assert error.value.code == code


def test_a_broken_line_says_which(write):
    path = write("data.jsonl", json.dumps(compiled_releases()[0]) + "\n" + '{"ocid": "b",' + "\n{}\n")
    with pytest.raises(DataFileError) as error:
        analysis.analyse(path, fmt=DataFormat.JSON_LINES)
    assert error.value.code == "not_json"
    assert "2" in str(error.value.message)


def test_a_spreadsheet_without_headings_or_recognisable_columns(write):
    blank = write("blank.csv", "\n\n;;\n")
    with pytest.raises(DataFileError) as error:
        reading.spreadsheet_columns(blank, DataFormat.CSV)
    assert error.value.code == "no_columns"
    columns = reading.spreadsheet_columns(write("odd.csv", "foo,bar,baz\n1,2,3\n"), DataFormat.CSV)
    assert reading.suggest_mapping(columns) == {}
    with pytest.raises(DataFileError):
        reading.validate_mapping(reading.suggest_mapping(columns), columns)


def test_text_named_json_is_refused_as_json_not_read_as_a_spreadsheet(write):
    with pytest.raises(DataFileError) as error:
        reading.detect_format(write("data.json", "id,name\n1,Acme\n"), "data.json")
    assert error.value.code == "not_json"


def test_a_file_over_the_limit_is_refused_before_it_is_read(write, settings):
    settings.OPEN_DATA_MAX_BYTES = 100
    with pytest.raises(DataFileError) as error:
        reading.detect_format(write("big.json", {"releases": compiled_releases()}), "big.json")
    assert error.value.code == "too_large"


def test_a_zip_bomb_posing_as_a_workbook_is_refused(tmp_path, settings):
    settings.OPEN_DATA_MAX_BYTES = 10_000
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 1_000_000)
    with pytest.raises(DataFileError) as error:
        reading.detect_format(path, path.name)
    assert error.value.code == "too_large"


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DataFileError) as error:
        reading.detect_format(path, path.name)
    assert error.value.code == "not_recognised"


# --- What a report supports as RDC evidence ------------------------------------------------------


def test_a_report_supports_the_items_its_data_shows(write):
    report = analyse(write("compiled.json", compiled_releases())).report
    reasons = evidence.supported(report, as_of=D(2024, 7, 15))
    assert set(reasons) == {"published", "up_to_date", "stages", "identifiers", "participation"}
    assert "6" in reasons["published"]
    assert "Tender, Award" in reasons["stages"]


def test_old_single_stage_data_with_unidentified_suppliers_supports_less(write):
    items = compiled_releases()
    for item in items:
        item.pop("awards", None)
        item.pop("parties", None)
        item["tender"].pop("numberOfTenderers", None)
    items[0]["awards"] = [{"id": "x", "date": "2024-02-01", "suppliers": [{"name": "Nameless"}]}]
    items[1]["awards"] = [{"id": "y", "date": "2024-02-01", "suppliers": [{"name": "Nameless too"}]}]
    report = analyse(write("tenders.json", items)).report
    assert set(evidence.supported(report, as_of=D(2025, 1, 1))) == {"published", "stages"}
    items = [item for item in items if "awards" not in item]
    report = analyse(write("tenders.json", items)).report
    assert set(evidence.supported(report, as_of=D(2025, 1, 1))) == {"published", "identifiers"}


def test_every_data_evidence_kind_has_a_check():
    assert set(evidence._CHECKS) == set(DataEvidence)


def test_periods_of_each_cadence_and_only_complete_ones():
    assert indicators.periods(D(2024, 1, 15), D(2024, 3, 31), months=1, complete=True) == [
        (D(2024, 1, 1), D(2024, 2, 1)),
        (D(2024, 2, 1), D(2024, 3, 1)),
        (D(2024, 3, 1), D(2024, 4, 1)),
    ]
    assert indicators.periods(D(2023, 5, 1), D(2024, 6, 29), months=3, complete=True) == [
        (D(2023, 4, 1), D(2023, 7, 1)),
        (D(2023, 7, 1), D(2023, 10, 1)),
        (D(2023, 10, 1), D(2024, 1, 1)),
        (D(2024, 1, 1), D(2024, 4, 1)),
    ]
    assert indicators.periods(D(2022, 12, 31), D(2024, 12, 31), months=12, limit=2) == [
        (D(2023, 1, 1), D(2024, 1, 1)),
        (D(2024, 1, 1), D(2025, 1, 1)),
    ]
