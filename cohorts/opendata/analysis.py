"""The data report of a city's procurement data: stage coverage, key fields, freshness, problems and
the facts the indicators are computed from.

A file is read as a stream (ijson), never whole. Releases are compiled per process (ocdsmerge),
through a temporary file indexed by ocid so that memory holds only the facts of each process. Field
coverage is counted by `ocdscardinal`, the Open Contracting Partnership's coverage tool.
"""

import datetime
import functools
import json
import tempfile
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ijson
import ocdscardinal
import ocdsmerge
from django.utils.translation import gettext_lazy as _

from cohorts.opendata import indicators
from cohorts.opendata.reading import (
    NOT_JSON,
    NOT_OCDS,
    SPREADSHEETS,
    DataFileError,
    DataFormat,
    iso_date,
    spreadsheet_releases,
)

STAGES = ("planning", "tender", "award", "contract", "implementation")
STAGE_LABELS = {
    "planning": _("Planning"),
    "tender": _("Tender"),
    "award": _("Award"),
    "contract": _("Contract"),
    "implementation": _("Implementation"),
}

#: Per stage, the path whose count is the stage's total (an object, or each element of an array),
#: and the key fields whose presence the report shows.
STAGE_FIELDS = {
    "planning": (
        "/planning",
        [("identifier", "/planning/budget/id"), ("value", "/planning/budget/amount/amount")],
    ),
    "tender": (
        "/tender",
        [
            ("identifier", "/tender/id"),
            ("date", "/tender/tenderPeriod/endDate"),
            ("value", "/tender/value/amount"),
            ("tenderers", "/tender/numberOfTenderers"),
            ("method", "/tender/procurementMethod"),
        ],
    ),
    "award": (
        "/awards[]",
        [
            ("identifier", "/awards[]/id"),
            ("date", "/awards[]/date"),
            ("value", "/awards[]/value/amount"),
            ("suppliers", "/awards[]/suppliers[]"),
        ],
    ),
    "contract": (
        "/contracts[]",
        [
            ("identifier", "/contracts[]/id"),
            ("date", "/contracts[]/dateSigned"),
            ("value", "/contracts[]/value/amount"),
        ],
    ),
    "implementation": (
        "/contracts[]/implementation",
        [
            ("identifier", "/contracts[]/implementation/transactions[]/id"),
            ("date", "/contracts[]/implementation/transactions[]/date"),
            ("value", "/contracts[]/implementation/transactions[]/value/amount"),
        ],
    ),
}
FIELD_LABELS = {
    "identifier": _("Identifiers"),
    "date": _("Dates"),
    "value": _("Values"),
    "suppliers": _("Suppliers"),
    "tenderers": _("Number of tenderers"),
    "method": _("Procurement method"),
}
PROBLEM_LABELS = {
    "award_before_tender_close": _("An award is dated before its tender closed."),
    "negative_value": _("A value is negative."),
    "missing_award_value": _("An award has no value."),
    "duplicate_identifier": _("An identifier is used twice (a release, a process or an award)."),
    "supplier_without_identifier": _("A supplier has no identifier, such as a tax number."),
    "unreadable_date": _("A date could not be read."),
    "unreadable_value": _("A number could not be read."),
    "missing_identifier": _("A row has no process identifier."),
}
INACTIVE_AWARD = {"cancelled", "unsuccessful"}
EXAMPLES = 5
PROGRESS_EVERY = 2000


@dataclass(slots=True)
class Process:
    ocid: str
    stages: frozenset
    reference_on: datetime.date | None
    method: str
    tenderers: int | None
    tender_end: datetime.date | None
    first_award_on: datetime.date | None

    @property
    def days_to_award(self):
        return indicators.days_to_award(self)


@dataclass(slots=True)
class Award:
    ocid: str
    awarded_on: datetime.date | None
    supplier_debut_on: datetime.date | None = None


@dataclass
class Analysis:
    report: dict
    processes: list = field(default_factory=list)
    awards: list = field(default_factory=list)


class _Problems:
    def __init__(self):
        self.counts = defaultdict(int)
        self.examples = defaultdict(list)

    def add(self, code, ocid):
        self.counts[code] += 1
        if len(self.examples[code]) < EXAMPLES and ocid not in self.examples[code]:
            self.examples[code].append(ocid)

    def report(self):
        return [
            {"code": code, "count": self.counts[code], "examples": self.examples[code]}
            for code in PROBLEM_LABELS
            if self.counts[code]
        ]


class _Progress:
    """A file reader that counts the bytes read, for the progress bar."""

    def __init__(self, handle, total, on_progress):
        self.handle, self.total, self.on_progress = handle, total, on_progress
        self.done = 0
        self.items = 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.done += len(data)
        return data

    def readline(self):
        data = self.handle.readline()
        self.done += len(data)
        return data

    def item_read(self):
        self.items += 1
        if self.on_progress and self.items % PROGRESS_EVERY == 0:
            self.on_progress(self.done, self.total, self.items)


# --- Reading every form as releases and compiled releases -----------------------------------------


def _json_shape(handle):
    """Where a JSON document keeps its releases: "releases", "records", a top-level array, or a
    single release; read from its first events only."""
    try:
        for prefix, event, value in ijson.parse(handle):
            if prefix == "" and event == "start_array":
                return "item"
            if prefix == "" and event == "map_key" and value in ("releases", "records"):
                return value
            if prefix == "" and event == "map_key" and value == "ocid":
                return "release"
    except ijson.JSONError as error:
        raise DataFileError(NOT_JSON.format(detail=str(error)[:120]), "not_json") from error
    raise DataFileError(NOT_OCDS, "not_ocds")


def _from_record(record):
    if isinstance(record.get("compiledRelease"), dict):
        yield "compiled", record["compiledRelease"]
        return
    for release in record.get("releases") or []:
        if isinstance(release, dict) and release.get("ocid") and "url" not in release:
            yield "release", release


def _from_object(item):
    """A line or an array element: a package, a record, a compiled release or a release."""
    if not isinstance(item, dict):
        return
    if isinstance(item.get("records"), list):
        for record in item["records"]:
            if isinstance(record, dict):
                yield from _from_record(record)
    elif isinstance(item.get("releases"), list) and not item.get("ocid"):
        for release in item["releases"]:
            if isinstance(release, dict):
                yield "release", release
    elif "compiledRelease" in item or (item.get("ocid") and isinstance(item.get("releases"), list)):
        yield from _from_record(item)
    elif item.get("ocid"):
        yield ("compiled" if "compiled" in (item.get("tag") or []) else "release"), item


def _ocds_json(path, progress):
    with open(path, "rb") as handle:
        shape = _json_shape(handle)
    with open(path, "rb") as handle:
        progress.handle = handle
        prefix = {"releases": "releases.item", "records": "records.item", "item": "item", "release": ""}[
            shape
        ]
        try:
            for item in ijson.items(progress, prefix, use_float=True):
                progress.item_read()
                if shape == "records":
                    yield from _from_record(item) if isinstance(item, dict) else ()
                elif shape == "releases" and isinstance(item, dict):
                    yield "release", item
                else:
                    yield from _from_object(item)
        except ijson.JSONError as error:
            raise DataFileError(NOT_JSON.format(detail=str(error)[:120]), "not_json") from error


def _json_lines(path, progress):
    with open(path, "rb") as handle:
        progress.handle = handle
        for number, line in enumerate(iter(progress.readline, b""), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as error:
                detail = _("line {number}").format(number=number)
                raise DataFileError(NOT_JSON.format(detail=detail), "not_json") from error
            progress.item_read()
            yield from _from_object(item)


def _spreadsheet(path, fmt, mapping, progress, problems):
    """A spreadsheet's rows as releases; its progress counts rows (the reader keeps its own file)."""
    for release, row_problems in spreadsheet_releases(path, fmt, mapping):
        progress.item_read()
        for code in row_problems:
            problems.add(code, release["ocid"])
        yield "release", release


# --- Compiling releases per process ------------------------------------------------------------


class _Compiler:
    """Collects releases and compiled releases; yields one compiled release per process.

    Releases go to a temporary file and an index of their offsets per ocid, so a process's
    releases are read back and merged together however the file orders them."""

    def __init__(self, directory, problems):
        self.releases = open(Path(directory) / "releases.jsonl", "w+b")  # noqa: SIM115 (closed in compiled())
        self.offsets = defaultdict(list)
        self.compiled_path = Path(directory) / "compiled.jsonl"
        self.compiled = open(self.compiled_path, "wb")  # noqa: SIM115
        self.compiled_ocids = set()
        self.problems = problems
        self.count = 0
        self.merger = ocdsmerge.Merger(merge_rules={})

    def add(self, kind, release):
        ocid = release.get("ocid")
        if not isinstance(ocid, str) or not ocid:
            return
        self.count += 1
        if kind == "compiled":
            if ocid in self.compiled_ocids or ocid in self.offsets:
                self.problems.add("duplicate_identifier", ocid)
                return
            self.compiled_ocids.add(ocid)
            self._write_compiled(release)
            return
        if ocid in self.compiled_ocids:
            self.problems.add("duplicate_identifier", ocid)
            return
        line = json.dumps(release, separators=(",", ":")).encode() + b"\n"
        self.offsets[ocid].append((self.releases.tell(), len(line)))
        self.releases.write(line)

    def _write_compiled(self, compiled):
        self.compiled.write(json.dumps(compiled, separators=(",", ":")).encode() + b"\n")

    def _merged(self, ocid, offsets):
        releases = []
        for offset, length in offsets:
            self.releases.seek(offset)
            releases.append(json.loads(self.releases.read(length)))
        if len(releases) == 1:
            return releases[0]
        ids = [release.get("id") for release in releases]
        if len(set(ids)) < len(ids):
            self.problems.add("duplicate_identifier", ocid)
        for release in releases:
            if not isinstance(release.get("date"), str):
                release["date"] = ""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                compiled = self.merger.create_compiled_release(releases)
            except ocdsmerge.exceptions.OCDSMergeError:
                compiled = releases[-1]
        if caught:
            self.problems.add("duplicate_identifier", ocid)
        return compiled

    def compiled_path_ready(self):
        """Write the merged processes after those compiled already; the path of the compiled file."""
        for ocid, offsets in self.offsets.items():
            self._write_compiled(self._merged(ocid, offsets))
        self.releases.close()
        self.compiled.close()
        self.offsets.clear()
        return self.compiled_path


# --- The facts of a process ----------------------------------------------------------------


def _non_empty(value):
    if isinstance(value, dict):
        return any(_non_empty(child) for child in value.values())
    if isinstance(value, list):
        return any(_non_empty(child) for child in value)
    return value not in (None, "")


@functools.cache
def _day(text):
    """One shared object per date: 100,000 processes share a few thousand dates."""
    return datetime.date.fromisoformat(text)


def _date(value, ocid, problems):
    try:
        text = iso_date(value)
    except (ValueError, TypeError):
        problems.add("unreadable_date", ocid)
        return None
    return _day(text) if text else None


def _dict(value):
    return value if isinstance(value, dict) else {}


def _list(value):
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _amounts(compiled):
    yield _dict(_dict(_dict(compiled.get("planning")).get("budget")).get("amount")).get("amount")
    yield _dict(_dict(compiled.get("tender")).get("value")).get("amount")
    for award in _list(compiled.get("awards")):
        yield _dict(award.get("value")).get("amount")
    for contract in _list(compiled.get("contracts")):
        yield _dict(contract.get("value")).get("amount")
        for transaction in _list(_dict(contract.get("implementation")).get("transactions")):
            yield _dict(transaction.get("value")).get("amount")


def _supplier_key(reference, parties):
    party = parties.get(reference.get("id")) or {}
    identifier = _dict(party.get("identifier")) or _dict(reference.get("identifier"))
    if identifier.get("id"):
        return f"{identifier.get('scheme') or ''}/{identifier['id']}".lower(), True
    name = (reference.get("name") or party.get("name") or "").strip().lower()
    return (f"name:{name}" if name else f"ref:{reference.get('id')}"), False


def _facts(compiled, problems, latest):
    """The process's facts, its awards with the keys of their suppliers, and its problems."""
    ocid = compiled["ocid"]
    tender = _dict(compiled.get("tender"))
    period = _dict(tender.get("tenderPeriod"))
    contracts = _list(compiled.get("contracts"))
    stages = tuple(
        stage
        for stage, present in (
            ("planning", _non_empty(compiled.get("planning"))),
            ("tender", _non_empty(tender)),
            ("award", _non_empty(compiled.get("awards"))),
            ("contract", _non_empty(contracts)),
            ("implementation", any(_non_empty(contract.get("implementation")) for contract in contracts)),
        )
        if present
    )
    tender_start = _date(period.get("startDate"), ocid, problems)
    tender_end = _date(period.get("endDate"), ocid, problems)
    published = _date(tender.get("datePublished"), ocid, problems)
    tenderers = tender.get("numberOfTenderers")
    if isinstance(tenderers, int | float) and tenderers >= 0:
        tenderers = int(tenderers)
    elif _list(tender.get("tenderers")):
        tenderers = len(_list(tender.get("tenderers")))
    else:
        tenderers = None
    method = tender.get("procurementMethod")
    method = (
        method.lower()
        if isinstance(method, str) and method.lower() in ("open", "selective", "limited", "direct")
        else ""
    )

    parties = {party.get("id"): party for party in _list(compiled.get("parties"))}
    awards, award_ids, missing_supplier_id = [], [], False
    for award in _list(compiled.get("awards")):
        award_ids.append(award.get("id"))
        if award.get("status") in INACTIVE_AWARD:
            continue
        awarded_on = _date(award.get("date"), ocid, problems)
        if not _non_empty(_dict(award.get("value")).get("amount")):
            problems.add("missing_award_value", ocid)
        keys = []
        for reference in _list(award.get("suppliers")):
            key, identified = _supplier_key(reference, parties)
            keys.append(key)
            missing_supplier_id = missing_supplier_id or not identified
        awards.append((Award(ocid, awarded_on), tuple(keys)))
    if missing_supplier_id:
        problems.add("supplier_without_identifier", ocid)
    if len(set(award_ids)) < len(award_ids):
        problems.add("duplicate_identifier", ocid)
    award_dates = [award.awarded_on for award, _keys in awards if award.awarded_on]
    first_award_on = min(award_dates, default=None)
    if tender_end and any(day < tender_end for day in award_dates):
        problems.add("award_before_tender_close", ocid)
    if any(isinstance(value, int | float) and value < 0 for value in _amounts(compiled)):
        problems.add("negative_value", ocid)
    signed = [_date(contract.get("dateSigned"), ocid, problems) for contract in contracts]
    released = _date(compiled.get("date"), ocid, problems)
    known = [day for day in (tender_start, published, tender_end, *award_dates, *signed) if day]
    if day := max(known, default=released):
        latest[0] = max(latest[0], day) if latest[0] else day
    first_signed = min((day for day in signed if day), default=None)
    reference_on = next(
        (day for day in (tender_start, published, tender_end, first_award_on, first_signed) if day), released
    )
    process = Process(ocid, _stage_set(stages), reference_on, method, tenderers, tender_end, first_award_on)
    return process, awards


@functools.cache
def _stage_set(stages):
    return frozenset(stages)


# --- The report --------------------------------------------------------------------------------


def _coverage(counts, processes, stage_counts):
    stages = []
    for stage in STAGES:
        root, fields = STAGE_FIELDS[stage]
        total = counts.get(root, 0)
        stages.append(
            {
                "stage": stage,
                "processes": stage_counts[stage],
                "share": round(stage_counts[stage] / processes, 4) if processes else 0,
                "fields": [
                    {
                        "key": key,
                        "path": path,
                        "present": counts.get(path, 0),
                        "share": round(min(counts.get(path, 0), total) / total, 4) if total else 0,
                    }
                    for key, path in fields
                ],
            }
        )
    return stages


def _periods(processes, awards, earliest, latest):
    if earliest is None or latest is None:
        return []
    periods = indicators.quarters(earliest, latest)
    if not periods:
        return []
    first = periods[0][0]
    by_quarter_processes, by_quarter_awards = defaultdict(list), defaultdict(list)
    for process in processes:
        if process.reference_on and process.reference_on >= first:
            by_quarter_processes[indicators.quarter_start(process.reference_on)].append(process)
    for award in awards:
        if award.awarded_on and award.awarded_on >= first:
            by_quarter_awards[indicators.quarter_start(award.awarded_on)].append(award)
    return [
        {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "processes": len(by_quarter_processes[start]),
            "values": indicators.measure(by_quarter_processes[start], by_quarter_awards[start], start),
        }
        for start, end in periods
    ]


def analyse(path, *, fmt, mapping=None, on_progress=None) -> Analysis:
    """Read the file at `path` in the form `fmt` (a spreadsheet with its confirmed `mapping`) and
    report on it. Raises DataFileError when the file cannot be read as that form."""
    path = Path(path)
    problems = _Problems()
    progress = _Progress(None, path.stat().st_size, on_progress)
    if fmt in SPREADSHEETS:
        items = _spreadsheet(path, fmt, mapping or {}, progress, problems)
    elif fmt == DataFormat.JSON_LINES:
        items = _json_lines(path, progress)
    else:
        items = _ocds_json(path, progress)

    with tempfile.TemporaryDirectory(prefix="ruta-ocds-") as directory:
        compiler = _Compiler(directory, problems)
        for kind, release in items:
            compiler.add(kind, release)
        if compiler.count == 0:
            raise DataFileError(NOT_OCDS, "not_ocds")
        compiled_path = compiler.compiled_path_ready()
        if on_progress:
            on_progress(progress.total, progress.total, progress.items)
        processes, awards, supplier_keys, latest = [], [], [], [None]
        stage_counts = dict.fromkeys(STAGES, 0)
        with open(compiled_path, "rb") as handle:
            for line in handle:
                process, process_awards = _facts(json.loads(line), problems, latest)
                processes.append(process)
                for stage in process.stages:
                    stage_counts[stage] += 1
                for award, keys in process_awards:
                    awards.append(award)
                    supplier_keys.append(keys)
        counts = ocdscardinal.coverage(str(compiled_path))

    debut = {}
    for award, keys in zip(awards, supplier_keys, strict=True):
        for key in keys:
            if award.awarded_on and (key not in debut or award.awarded_on < debut[key]):
                debut[key] = award.awarded_on
    for award, keys in zip(awards, supplier_keys, strict=True):
        firsts = [debut[key] for key in keys if key in debut]
        award.supplier_debut_on = max(firsts) if firsts else None
    del supplier_keys, debut

    references = [process.reference_on for process in processes if process.reference_on]
    earliest = min(references, default=None)
    latest = latest[0]
    report = {
        "processes": len(processes),
        "releases": compiler.count,
        "earliest": earliest.isoformat() if earliest else None,
        "latest": latest.isoformat() if latest else None,
        "stages": _coverage(counts, len(processes), stage_counts),
        "problems": problems.report(),
        "periods": _periods(processes, awards, earliest, latest),
    }
    return Analysis(report=report, processes=processes, awards=awards)
