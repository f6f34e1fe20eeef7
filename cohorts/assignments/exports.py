"""Exporters: PDF (WeasyPrint) for every kind, Excel and CSV for the tabular ones."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment

from accounts.spreadsheets import safe_cell
from cohorts import exports
from cohorts.assignments.kinds import KINDS


def filename(template, team, label, extension):
    parts = (exports.filename_part(text) for text in (template.title, team.name, label))
    return f"{'-'.join(parts)}.{extension}"


def pdf_bytes(request, **context):
    return exports.render_pdf(
        "cohorts/assignments/export_pdf.html",
        {**context, "spec": KINDS[context["template"].kind]},
        request=request,
    )


def pdf_response(request, *, team, template, submission, label, content, attachments):
    data = pdf_bytes(
        request,
        team=team,
        template=template,
        submission=submission,
        label=label,
        content=content,
        attachments=attachments,
    )
    return exports.attachment(data, content_type=exports.PDF, filename=filename(template, team, label, "pdf"))


def _cell(value):
    return value if isinstance(value, int) else safe_cell(str(value or ""))


def xlsx_bytes(content, kind):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in KINDS[kind].tables(content):
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(table.headers)
        exports.bold_header(sheet)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 28
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return exports.workbook_bytes(workbook)


def xlsx_response(*, template, team, label, content):
    return exports.attachment(
        xlsx_bytes(content, template.kind),
        content_type=exports.XLSX,
        filename=filename(template, team, label, "xlsx"),
    )


def csv_text(content, kind):
    """The kind's main table (the first one) as CSV."""
    table = KINDS[kind].tables(content)[0]
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(table.headers)
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    return stream.getvalue()


def csv_response(*, template, team, label, content):
    return exports.attachment(
        "\ufeff" + csv_text(content, template.kind),
        content_type="text/csv; charset=utf-8",
        filename=filename(template, team, label, "csv"),
    )
