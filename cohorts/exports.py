"""PDF and spreadsheet rendering and file downloads, one place for every export.

The PDF report of a team's progress and of an assignment render through ``render_pdf``; the
cohort's progress workbook and an assignment's tables (Excel, CSV) through the spreadsheet
helpers here.

Download names go through ``content_disposition_header``, so a Spanish name ("año", "señal")
reaches the browser intact (RFC 6266 ``filename*``) instead of being mangled or breaking the
header. WeasyPrint is imported lazily (it loads Pango on import) and renders with one font
configuration per process: making a new one for every document leaked memory (issue #17).
"""

import csv
import io
import threading

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from accounts.spreadsheets import safe_cell, safe_row
from cohorts.assignments.kinds import KINDS
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
    styles and images and fetch nothing over the network."""
    from weasyprint import HTML  # imported lazily: it loads Pango on import

    html = render_to_string(template_name, context, request=request)
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


def assignment_xlsx_bytes(content, kind, team=None):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in _tables(content, kind, team):
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(table.headers)
        bold_header(sheet)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 28
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_bytes(workbook)


def assignment_xlsx_response(*, template, team, label, content):
    return attachment(
        assignment_xlsx_bytes(content, template.kind, team),
        content_type=XLSX,
        filename=assignment_filename(template, team, label, "xlsx"),
    )


def assignment_csv_text(content, kind, team=None):
    """The kind's main table (the first one) as CSV."""
    table = _tables(content, kind, team)[0]
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(table.headers)
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    return stream.getvalue()


def assignment_csv_response(*, template, team, label, content):
    return attachment(
        "\ufeff" + assignment_csv_text(content, template.kind, team),
        content_type="text/csv; charset=utf-8",
        filename=assignment_filename(template, team, label, "csv"),
    )
