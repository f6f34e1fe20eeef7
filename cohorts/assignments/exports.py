"""Exporters: PDF (WeasyPrint) for every kind, Excel and CSV for the tabular ones."""

import csv
import io

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from cms.spreadsheets import safe_cell
from cohorts.assignments.kinds import KINDS


def filename(template, team, label, extension):
    return f"{slugify(template.title)}-{slugify(team.name)}-{slugify(label)}.{extension}"


def _disposition(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def pdf_bytes(request, **context):
    from weasyprint import HTML  # imported lazily: it loads Pango on import

    html = render_to_string(
        "cohorts/assignments/export_pdf.html",
        {**context, "spec": KINDS[context["template"].kind]},
        request=request,
    )
    # No base URL: the PDF template inlines its styles and fetches nothing over the network.
    return HTML(string=html).write_pdf()


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
    response = HttpResponse(data, content_type="application/pdf")
    return _disposition(response, filename(template, team, label, "pdf"))


def _cell(value):
    return value if isinstance(value, int) else safe_cell(str(value or ""))


def xlsx_bytes(content, kind):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in KINDS[kind].tables(content):
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 28
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def xlsx_response(*, template, team, label, content):
    response = HttpResponse(
        xlsx_bytes(content, template.kind),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _disposition(response, filename(template, team, label, "xlsx"))


def csv_text(content, kind):
    """The kind's main table (the first one) as CSV."""
    table = KINDS[kind].tables(content)[0]
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(table.headers)
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    return stream.getvalue()


def csv_response(*, template, team, label, content):
    response = HttpResponse(
        "\ufeff" + csv_text(content, template.kind), content_type="text/csv; charset=utf-8"
    )
    return _disposition(response, filename(template, team, label, "csv"))
