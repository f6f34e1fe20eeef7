"""Reading the procurement data cities publish: which form a file is in, and its spreadsheet columns.

Cities publish OCDS release or record packages, line-delimited OCDS JSON, or a spreadsheet of their
contracts. A spreadsheet's columns are mapped once to the fields Ruta reads (the team confirms a
suggestion); its rows then become OCDS releases, so every form goes through the same analysis.
"""

import codecs
import csv
import datetime
import re
import unicodedata
import zipfile
from decimal import Decimal, InvalidOperation

import charset_normalizer
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

SAMPLE_BYTES = 64 * 1024


class DataFormat(models.TextChoices):
    OCDS_JSON = "ocds_json", _("OCDS JSON (a release or record package)")
    JSON_LINES = "jsonl", _("Line-delimited OCDS JSON")
    CSV = "csv", _("Spreadsheet (CSV)")
    XLSX = "xlsx", _("Spreadsheet (Excel)")


SPREADSHEETS = (DataFormat.CSV, DataFormat.XLSX)


class DataFileError(ValueError):
    """A file Ruta cannot read, with a message (translated) that says why and what to do."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


TOO_LARGE = _(
    "The file is larger than Ruta accepts. Split it by year, or give the address of your open data."
)
EMPTY = _("The file is empty.")
NOT_UTF8 = _(
    "The file is not encoded as UTF-8, which JSON requires. Save or export it again as UTF-8 and "
    "upload it once more."
)
UNKNOWN_ENCODING = _("Ruta cannot tell how the text of this file is encoded. Save it as UTF-8 and try again.")
NOT_RECOGNISED = _(
    "Ruta does not recognise this file. Upload OCDS JSON (a release or record package, or one "
    "release per line), or a spreadsheet of your contracts as CSV or Excel (.xlsx)."
)
NOT_JSON = _("The file is not valid JSON: {detail}. Check that it was saved whole.")
NOT_OCDS = _(
    "The file is JSON but not OCDS: Ruta found no releases or records in it. Upload a release "
    "package, a record package or one release per line."
)
BROKEN_SPREADSHEET = _("Ruta cannot open this spreadsheet. Save it again as .xlsx or CSV and try once more.")
NO_COLUMNS = _(
    "Ruta found no column headings in the first row of the spreadsheet. Put one heading per column "
    "in the first row (for example “Process number”, “Supplier”, “Award date”)."
)
MAPPING_INCOMPLETE = _("Choose a column for: {fields}.")
MAPPING_NEEDS_DATE = _("Choose a column for at least one date (tender, award or contract).")
MAPPING_UNKNOWN_COLUMN = _("The spreadsheet has no column “{column}”. Choose one of its columns.")


def max_bytes():
    return settings.OPEN_DATA_MAX_BYTES


# --- Which form a file is in --------------------------------------------------------------------


def _head(path):
    with open(path, "rb") as handle:
        return handle.read(SAMPLE_BYTES)


def _decodes_as_utf8(sample):
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)  # a character cut at the sample's end is not an error
    except UnicodeDecodeError:
        return False
    return True


def _check_xlsx(path):
    """An .xlsx is a zip: refuse one that is not a workbook or that unpacks to far more than allowed."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise DataFileError(BROKEN_SPREADSHEET, "broken_spreadsheet") from error
    if not any(member.filename == "xl/workbook.xml" for member in members):
        raise DataFileError(NOT_RECOGNISED, "not_recognised")
    if sum(member.file_size for member in members) > 10 * max_bytes():
        raise DataFileError(TOO_LARGE, "too_large")


def detect_format(path, name="") -> str:
    """The form of the file at `path` (its `name` as uploaded helps for CSV), or a DataFileError."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
    if size == 0:
        raise DataFileError(EMPTY, "empty")
    if size > max_bytes():
        raise DataFileError(TOO_LARGE, "too_large")
    head = _head(path)
    if head.startswith(b"PK\x03\x04"):
        _check_xlsx(path)
        return DataFormat.XLSX
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text_start = head[2:].decode(
            "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be", "ignore"
        )
        if text_start.lstrip()[:1] in ("{", "["):
            raise DataFileError(NOT_UTF8, "not_utf8")
    stripped = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if stripped[:1] in (b"{", b"["):
        if not _decodes_as_utf8(head):
            raise DataFileError(NOT_UTF8, "not_utf8")
        lines = [line for line in stripped.splitlines() if line.strip()]
        if len(lines) > 1 and lines[0].rstrip().endswith(b"}") and lines[1].lstrip().startswith(b"{"):
            return DataFormat.JSON_LINES
        return DataFormat.OCDS_JSON
    if b"\x00" in head:
        raise DataFileError(NOT_RECOGNISED, "not_recognised")
    if name.lower().endswith((".json", ".jsonl")):  # named JSON but is not: never read as a spreadsheet
        raise DataFileError(NOT_JSON.format(detail=_("it does not begin with { or [")), "not_json")
    if name.lower().endswith((".csv", ".txt", ".tsv")) or _sniff_dialect(_decode_sample(head)):
        return DataFormat.CSV
    raise DataFileError(NOT_RECOGNISED, "not_recognised")


# --- Spreadsheets --------------------------------------------------------------------------------


def _text_encoding(sample):
    if _decodes_as_utf8(sample):
        return "utf-8-sig"
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise DataFileError(UNKNOWN_ENCODING, "unknown_encoding")
    return best.encoding


def _decode_sample(sample):
    try:
        return sample.decode(_text_encoding(sample), "ignore")
    except DataFileError:
        return ""


def _sniff_dialect(text):
    try:
        return csv.Sniffer().sniff(text.split("\n", 20)[0] if text else "", delimiters=",;\t|")
    except csv.Error:
        return None


def _csv_rows(path):
    head = _head(path)
    encoding = _text_encoding(head)
    dialect = _sniff_dialect(head.decode(encoding, "ignore")) or csv.excel
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        yield from csv.reader(handle, dialect)


def _xlsx_rows(path):
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise DataFileError(BROKEN_SPREADSHEET, "broken_spreadsheet") from error
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield ["" if value is None else value for value in row]
    finally:
        workbook.close()


def spreadsheet_rows(path, fmt):
    """The spreadsheet's column headings and an iterator over its rows as {heading: value}."""
    rows = _xlsx_rows(path) if fmt == DataFormat.XLSX else _csv_rows(path)
    columns = []
    for row in rows:
        if any(str(value).strip() for value in row):
            columns = [str(value).strip() for value in row]
            break
    if not any(re.search(r"[^\W\d_]", column) for column in columns):  # a heading has letters
        raise DataFileError(NO_COLUMNS, "no_columns")

    def records():
        for row in rows:
            if any(str(value).strip() for value in row):
                yield dict(zip(columns, row, strict=False))

    return columns, records()


def spreadsheet_columns(path, fmt) -> list[str]:
    columns, _records = spreadsheet_rows(path, fmt)
    return [column for column in columns if column]


#: The fields Ruta reads from a contracts spreadsheet, and the headings cities use for them.
SPREADSHEET_FIELDS = [
    ("ocid", _("Process identifier")),
    ("title", _("Title")),
    ("method", _("Procurement method")),
    ("tender_start", _("Tender start date")),
    ("tender_end", _("Tender closing date")),
    ("tenderers", _("Number of tenderers")),
    ("tender_value", _("Estimated value")),
    ("award_date", _("Award date")),
    ("supplier_name", _("Supplier name")),
    ("supplier_id", _("Supplier identifier")),
    ("award_value", _("Award value")),
    ("contract_date", _("Contract signature date")),
    ("contract_value", _("Contract value")),
    ("currency", _("Currency")),
]
REQUIRED_SPREADSHEET_FIELDS = ("ocid",)
DATE_FIELDS = ("tender_start", "tender_end", "award_date", "contract_date")

_SYNONYMS = {
    "ocid": [
        "ocid",
        "process id",
        "process number",
        "procurement id",
        "tender id",
        "contract number",
        "reference",
        "numero de proceso",
        "id del proceso",
        "expediente",
        "numero de expediente",
        "numero de contrato",
        "folio",
        "referencia",
    ],
    "title": ["title", "description", "object", "titulo", "descripcion", "objeto", "objeto del contrato"],
    "method": [
        "procurement method",
        "method",
        "procedure",
        "procedure type",
        "modalidad",
        "metodo",
        "procedimiento",
        "tipo de procedimiento",
        "modalidad de contratacion",
    ],
    "tender_start": [
        "tender start",
        "publication date",
        "date published",
        "fecha de publicacion",
        "fecha de inicio",
        "fecha de convocatoria",
    ],
    "tender_end": [
        "tender end",
        "closing date",
        "bid deadline",
        "tender close",
        "fecha de cierre",
        "fecha de apertura",
        "fecha limite",
        "fecha de presentacion de ofertas",
    ],
    "tenderers": [
        "number of tenderers",
        "tenderers",
        "bids",
        "number of bids",
        "offers",
        "numero de ofertas",
        "ofertas",
        "numero de oferentes",
        "oferentes",
        "numero de propuestas",
        "propuestas",
        "licitantes",
    ],
    "tender_value": [
        "estimated value",
        "budget",
        "tender value",
        "valor estimado",
        "presupuesto",
        "monto estimado",
        "presupuesto oficial",
    ],
    "award_date": ["award date", "date awarded", "fecha de adjudicacion", "fecha del fallo", "fallo"],
    "supplier_name": [
        "supplier",
        "supplier name",
        "vendor",
        "vendor name",
        "contractor",
        "proveedor",
        "nombre del proveedor",
        "contratista",
        "razon social",
        "adjudicatario",
    ],
    "supplier_id": [
        "supplier id",
        "supplier identifier",
        "vendor id",
        "tax id",
        "ein",
        "rfc",
        "nit",
        "rut",
        "cuit",
        "ruc",
        "cif",
        "rfc/nit del proveedor",
        "id del proveedor",
        "identificacion del proveedor",
        "nit del proveedor",
        "rfc del proveedor",
    ],
    "award_value": [
        "award value",
        "awarded amount",
        "amount",
        "value",
        "monto",
        "monto adjudicado",
        "valor adjudicado",
        "importe",
        "valor",
    ],
    "contract_date": [
        "contract date",
        "date signed",
        "signature date",
        "fecha de firma",
        "fecha del contrato",
        "fecha de suscripcion",
    ],
    "contract_value": [
        "contract value",
        "contract amount",
        "valor del contrato",
        "monto del contrato",
        "importe del contrato",
    ],
    "currency": ["currency", "moneda", "divisa"],
}


def _normalised(text):
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9/]+", " ", text).strip()


def suggest_mapping(columns) -> dict[str, str]:
    """For each field, the column whose heading names it (exactly first, then as a part), if any."""
    normalised = {column: _normalised(column) for column in columns if column}
    mapping, taken = {}, set()
    for exact in (True, False):
        for field, names in _SYNONYMS.items():
            if field in mapping:
                continue
            for column, heading in normalised.items():
                if column in taken:
                    continue
                if any(
                    heading == name if exact else re.search(rf"\b{re.escape(name)}\b", heading)
                    for name in names
                ):
                    mapping[field] = column
                    taken.add(column)
                    break
    return mapping


def validate_mapping(mapping, columns) -> dict[str, str]:
    """The mapping without blank choices, or a DataFileError saying what is missing or wrong."""
    mapping = {field: column for field, column in mapping.items() if column}
    labels = dict(SPREADSHEET_FIELDS)
    if missing := [str(labels[field]) for field in REQUIRED_SPREADSHEET_FIELDS if field not in mapping]:
        raise DataFileError(MAPPING_INCOMPLETE.format(fields=", ".join(missing)), "mapping_incomplete")
    if not any(field in mapping for field in DATE_FIELDS):
        raise DataFileError(MAPPING_NEEDS_DATE, "mapping_needs_date")
    for field, column in mapping.items():
        if field not in labels or column not in columns:
            raise DataFileError(MAPPING_UNKNOWN_COLUMN.format(column=column), "mapping_unknown_column")
    return mapping


# --- Values as cities write them -------------------------------------------------------------

_METHODS = {
    "direct": [
        "direct",
        "directa",
        "sole source",
        "single source",
        "adjudicacion directa",
        "contratacion directa",
        "no competitive",
        "non competitive",
    ],
    "limited": ["limited", "limitada", "negotiated", "negociado", "cuando menos tres", "menor cuantia"],
    "selective": ["selective", "selectiva", "restricted", "restringida", "invitacion", "invitation"],
    "open": ["open", "abierta", "abierto", "publica", "public", "competitive", "competitiva", "licitacion"],
}


def procurement_method(value) -> str:
    """An OCDS procurement method code for what a city wrote ("Licitación pública" is open), or ""."""
    text = _normalised(value or "")
    if not text:
        return ""
    for code, words in _METHODS.items():
        if any(re.search(rf"\b{re.escape(word)}\b", text) for word in words):
            return code
    return ""


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def iso_date(value):
    """The date a cell or an OCDS field holds as "YYYY-MM-DD"; None when empty; ValueError if unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    if match := _DAY_FIRST.match(text):  # 31/12/2024: how the cities we work with write dates
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day).isoformat()
    return datetime.date.fromisoformat(text[:10]).isoformat()


def amount(value):
    """A number as a city wrote it ("1.234.567,89", "$ 1,234.50", 1234.5), or None; ValueError if not."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float | Decimal):
        return float(value)
    text = re.sub(r"[^\d,.\-]", "", str(value))
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    elif "," in text:
        whole, _sep, fraction = text.rpartition(",")
        text = f"{whole.replace(',', '')}.{fraction}" if len(fraction) != 3 else text.replace(",", "")
    try:
        return float(Decimal(text))
    except InvalidOperation as error:
        raise ValueError(value) from error


def _cell(value):
    return value.strip() if isinstance(value, str) else value


def spreadsheet_releases(path, fmt, mapping):
    """Each row as an OCDS release of its process (rows sharing an identifier are one process:
    its lots or several awards), with the codes of the cells that could not be read."""
    _columns, records = spreadsheet_rows(path, fmt)
    for number, record in enumerate(records, start=2):
        row = {field: _cell(record.get(column, "")) for field, column in mapping.items()}
        problems = []

        def read(field, parse, _row=row, _problems=problems):
            try:
                return parse(_row.get(field))
            except (ValueError, TypeError):
                _problems.append("unreadable_date" if field in DATE_FIELDS else "unreadable_value")
                return None

        ocid = str(row.get("ocid") or "").strip()
        if not ocid:
            problems.append("missing_identifier")
            ocid = f"row-{number}"
        dates = {field: read(field, iso_date) for field in DATE_FIELDS}
        currency = str(row.get("currency") or "").strip().upper()[:3] or None
        release = {"ocid": ocid, "id": f"{ocid}-row-{number}", "tag": ["tender"], "tender": {"id": ocid}}
        release["date"] = max((date for date in dates.values() if date), default=None)
        tender = release["tender"]
        if title := str(row.get("title") or "").strip():
            tender["title"] = title
        if method := procurement_method(row.get("method")):
            tender["procurementMethod"] = method
        if dates["tender_start"] or dates["tender_end"]:
            tender["tenderPeriod"] = {"startDate": dates["tender_start"], "endDate": dates["tender_end"]}
        tenderers = read("tenderers", amount)
        if tenderers is not None:
            tender["numberOfTenderers"] = int(tenderers)
        if (value := read("tender_value", amount)) is not None:
            tender["value"] = {"amount": value, "currency": currency}
        supplier_name = str(row.get("supplier_name") or "").strip()
        supplier_id = str(row.get("supplier_id") or "").strip()
        award_value = read("award_value", amount)
        if supplier_name or supplier_id or dates["award_date"] or award_value is not None:
            award = {"id": f"{number}", "status": "active", "date": dates["award_date"]}
            if supplier_name or supplier_id:
                party_id = f"supplier-{supplier_id or _normalised(supplier_name)}"
                party = {"id": party_id, "name": supplier_name, "roles": ["supplier"]}
                if supplier_id:
                    party["identifier"] = {"id": supplier_id}
                release["parties"] = [party]
                award["suppliers"] = [{"id": party_id, "name": supplier_name}]
            if award_value is not None:
                award["value"] = {"amount": award_value, "currency": currency}
            release["awards"] = [award]
            release["tag"] = ["award"]
            contract_value = read("contract_value", amount)
            if dates["contract_date"] or contract_value is not None:
                contract = {"id": f"{number}", "awardID": award["id"], "dateSigned": dates["contract_date"]}
                if contract_value is not None:
                    contract["value"] = {"amount": contract_value, "currency": currency}
                release["contracts"] = [contract]
                release["tag"] = ["contract"]
        yield release, problems
