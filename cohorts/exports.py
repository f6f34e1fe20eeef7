"""PDF and spreadsheet rendering and file downloads, one place for every export.

The PDF report of a team's progress and of an assignment render through ``render_pdf``; the
cohort's progress workbook and an assignment's tables (Excel, CSV) through the spreadsheet
helpers here. Every assignment spreadsheet (and a comparison of two versions) begins with a
header block naming the team, its program and cohort, the assignment, the version and its date.

Download names go through ``content_disposition_header``, so a Spanish name ("año", "señal")
reaches the browser intact (RFC 6266 ``filename*``) instead of being mangled or breaking the
header. WeasyPrint is imported lazily (it loads Pango on import) and renders with one font
configuration per process: making a new one for every document leaked memory (issue #17).
"""

import csv
import hashlib
import io
import threading

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from accounts.spreadsheets import safe_cell, safe_row
from cohorts.assignments.kinds import KINDS, Table
from cohorts.assignments.selectors import source_contents
from cohorts.models import Team
from cohorts.progress.models import CriterionProgress
from cohorts.progress.rules import criterion_is_met
from cohorts.progress.selectors import cohort_heatmap

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# One FontConfiguration for the process, made on first use. WeasyPrint does not promise that
# sharing it between threads is safe, so renders with it take turns within a process.
_pdf_lock = threading.Lock()
_font_config = None


def filename_part(text):
    """A piece of a download name: the text slugified, accented letters kept."""
    return slugify(text, allow_unicode=True)


def attachment(content, *, content_type, filename):
    """A response that downloads `content` as `filename` (any characters)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _font_configuration():
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def render_pdf(template_name, context, *, request=None) -> bytes:
    """The template rendered to HTML, then to PDF. No base URL: the PDF templates inline their
    styles and images and fetch nothing over the network.

    Laying out a PDF costs a hundred times more than rendering its HTML, and the same HTML always
    makes the same PDF: PDFs are kept in the cache under a digest of their HTML, so a report asked
    for again, by anyone, on any instance, is laid out once until what it shows changes."""
    html = render_to_string(template_name, context, request=request)
    seconds = settings.PDF_CACHE_SECONDS
    if not seconds:
        return _html_to_pdf(html)
    key = "pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        pdf = _html_to_pdf(html)
        cache.set(key, pdf, timeout=seconds)
    return pdf


def _html_to_pdf(html) -> bytes:
    from weasyprint import HTML  # imported lazily: it loads Pango on import

    with _pdf_lock:
        return HTML(string=html).write_pdf(font_config=_font_configuration())


def workbook_bytes(workbook) -> bytes:
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def bold_header(sheet):
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def cohort_progress_xlsx(cohort) -> bytes:
    """Every team's RDC progress in a cohort: a summary sheet (verified and met per criterion)
    and one row per team × checklist item (status, verification and evidence count)."""
    teams = Team.objects.filter(cohort=cohort, archived_at=None).order_by("name")
    criteria, _items, rows = cohort_heatmap(teams, cohort=cohort)
    progress_rows = {
        (p.team_id, p.item_id): p
        for p in CriterionProgress.objects.filter(team__cohort=cohort)
        .select_related("verified_by")
        .prefetch_related("evidence")
    }
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Summary")[:31]
    summary.append(
        [_("Team"), _("City")]
        + [f"{c.code} {_('verified')}" for c in criteria]
        + [f"{c.code} {_('met')}" for c in criteria]
    )
    detail = workbook.create_sheet(_("Items")[:31])
    detail.append(
        [
            _("Team"),
            _("Criterion"),
            _("Item"),
            _("Status"),
            _("Verified"),
            _("Verified by"),
            _("Verified at"),
            _("Coach's comment"),
            _("Evidence"),
        ]
    )
    for row in rows:
        counts, met = [], []
        for criterion in criteria:
            cells = [cell for cell in row.cells if cell.item.criterion_id == criterion.pk]
            verified = sum(1 for cell in cells if cell.is_verified)
            counts.append(f"{verified}/{len(cells)}")
            met.append(
                _("yes")
                if criterion_is_met(
                    verified_count=verified, item_count=len(cells), required_count=criterion.required_count
                )
                else _("no")
            )
        summary.append(safe_row([row.team.name, row.team.city, *counts, *met]))
        for cell in row.cells:
            progress = progress_rows.get((row.team.pk, cell.item.pk))
            evidence = [e for e in progress.evidence.all() if not e.removed_at] if progress else []
            detail.append(
                safe_row(
                    [
                        row.team.name,
                        cell.item.criterion.code,
                        cell.item.text,
                        str(cell.status_label),
                        _("yes") if cell.is_verified else _("no"),
                        (progress.verified_by.get_full_name() or progress.verified_by.email)
                        if progress and progress.verified_by
                        else "",
                        progress.verified_at.strftime("%Y-%m-%d %H:%M")
                        if progress and progress.verified_at
                        else "",
                        progress.coach_comment if progress else "",
                        len(evidence),
                    ]
                )
            )
    for sheet in (summary, detail):
        bold_header(sheet)
    return workbook_bytes(workbook)


# Assignments: PDF for every kind, Excel and CSV for the tabular ones.


def assignment_filename(template, team, label, extension):
    parts = (filename_part(text) for text in (template.title, team.name, label))
    return f"{'-'.join(parts)}.{extension}"


def assignment_pdf_bytes(request, **context):
    return render_pdf(
        "cohorts/assignments/export_pdf.html",
        {**context, "spec": KINDS[context["template"].kind]},
        request=request,
    )


def assignment_pdf_response(request, *, team, template, label, **context):
    """The content as a PDF download; `context` holds the submission, content and attachments."""
    data = assignment_pdf_bytes(request, team=team, template=template, label=label, **context)
    return attachment(data, content_type=PDF, filename=assignment_filename(template, team, label, "pdf"))


def _cell(value):
    return value if isinstance(value, int) else safe_cell(str(value or ""))


def _tables(content, kind, team):
    """The kind's tables; a kind that links to other deliverables reads the team's current ones."""
    spec = KINDS[kind]
    sources = source_contents(team, spec.sources) if team is not None else {}
    return spec.export_tables(content, sources)


def export_header(*, team, template, version, when=None):
    """The block every assignment spreadsheet begins with: (label, value) rows naming the team, its
    program and cohort, the assignment, the version (or "Current draft") and its date, written in
    the active language and time zone."""
    when = when or timezone.now()
    return [
        (_("Team"), team.name),
        (_("Program"), team.cohort.program.name),
        (_("Cohort"), team.cohort.name),
        (_("Assignment"), template.title),
        (_("Version"), version),
        (_("Date"), date_format(timezone.localtime(when), "DATE_FORMAT")),
    ]


def _header_rows(header):
    return [[_cell(label), _cell(value)] for label, value in header]


def tables_xlsx_bytes(tables, header=()) -> bytes:
    """One sheet per table, each beginning with the header block, then the table's bold headers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=str(table.title)[:31])
        for row in _header_rows(header):
            sheet.append(row)
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        if header:
            sheet.append([])
        sheet.append([_cell(h) for h in table.headers])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 28
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_bytes(workbook)


def tables_csv_text(tables, header=()) -> str:
    """The header block, then every table (each under its title when there are several)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerows(_header_rows(header))
    for table in tables:
        if header or stream.tell():
            writer.writerow([])
        if len(tables) > 1:
            writer.writerow([_cell(table.title)])
        writer.writerow([_cell(h) for h in table.headers])
        writer.writerows([_cell(value) for value in row] for row in table.rows)
    return stream.getvalue()


def assignment_xlsx_bytes(content, kind, team=None, header=()):
    return tables_xlsx_bytes(_tables(content, kind, team), header)


def assignment_xlsx_response(*, template, team, label, content, header=()):
    return attachment(
        assignment_xlsx_bytes(content, template.kind, team, header),
        content_type=XLSX,
        filename=assignment_filename(template, team, label, "xlsx"),
    )


def assignment_csv_text(content, kind, team=None, header=()):
    """Every table of the kind, after the header block, as CSV."""
    return tables_csv_text(_tables(content, kind, team), header)


def csv_response(text, *, filename):
    """A CSV download Excel opens as UTF-8 (the byte order mark)."""
    return attachment("\ufeff" + text, content_type="text/csv; charset=utf-8", filename=filename)


def assignment_csv_response(*, template, team, label, content, header=()):
    return csv_response(
        assignment_csv_text(content, template.kind, team, header),
        filename=assignment_filename(template, team, label, "csv"),
    )


# Comparisons of two versions: a row per field, a column per version.

CHANGE_LABELS = {
    "same": _lazy("unchanged"),
    "changed": _lazy("changed"),
    "added": _lazy("added"),
    "removed": _lazy("removed"),
}


def comparison_table(sections, label_a, label_b):
    """The sections of ``compare.diff`` as one table: section, row, field, each version, change."""
    return Table(
        title=_("Comparison"),
        headers=[_("Section"), _("Row"), _("Field"), label_a, label_b, _("Change")],
        rows=[
            [
                str(section["title"] or ""),
                str(item["title"] or ""),
                str(row["label"]),
                row["old"],
                row["new"],
                str(CHANGE_LABELS[row["status"]]),
            ]
            for section in sections
            for item in section["items"]
            for row in item["fields"]
        ],
    )


def comparison_header(*, team, template, label_a, label_b):
    return [
        (_("Team"), team.name),
        (_("Program"), team.cohort.program.name),
        (_("Cohort"), team.cohort.name),
        (_("Assignment"), template.title),
        (_("Compared"), f"{label_a} → {label_b}"),
        (_("Date"), date_format(timezone.localtime(timezone.now()), "DATE_FORMAT")),
    ]


def comparison_response(request, fmt, *, team, template, label_a, label_b, sections):
    """The comparison of two versions as a PDF, an Excel workbook or a CSV download."""
    header = comparison_header(team=team, template=template, label_a=label_a, label_b=label_b)
    name = assignment_filename(template, team, f"{label_a}-{label_b}", fmt)
    if fmt == "pdf":
        data = render_pdf(
            "cohorts/assignments/compare_pdf.html",
            {
                "team": team,
                "template": template,
                "header": header,
                "sections": sections,
                "label_a": label_a,
                "label_b": label_b,
            },
            request=request,
        )
        return attachment(data, content_type=PDF, filename=name)
    table = comparison_table(sections, label_a, label_b)
    if fmt == "xlsx":
        return attachment(tables_xlsx_bytes([table], header), content_type=XLSX, filename=name)
    return csv_response(tables_csv_text([table], header), filename=name)
