"""Every download is named through one helper: a Spanish name keeps its "ñ" and accents (RFC 6266
``filename*``), and PDFs render with one WeasyPrint font configuration per process (issue #17)."""

import uuid

import pytest
import weasyprint.document
import weasyprint.text.fonts
from django.urls import reverse

from cms.demo import factories as f
from cohorts import exports
from cohorts.assignments.services import submission_for, submission_save_draft
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db


def test_attachment_encodes_a_non_ascii_filename():
    response = exports.attachment(b"%PDF", content_type=exports.PDF, filename="informe-año-señal.pdf")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''informe-a%C3%B1o-se%C3%B1al.pdf"
    assert response["Content-Type"] == "application/pdf"


def test_attachment_keeps_a_plain_filename_quoted():
    response = exports.attachment("x", content_type="text/csv", filename="report-2027.csv")
    assert response["Content-Disposition"] == 'attachment; filename="report-2027.csv"'


def test_cohort_progress_export_keeps_the_spanish_cohort_name(client, staff_user):
    cohort = f.CohortFactory(name="Compras Año 2027")
    client.force_login(staff_user)
    response = client.get(reverse("cohorts_progress_export", args=[cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''rdc-progress-compras-a%C3%B1o-2027.xlsx"
    )


def test_assignment_export_keeps_the_spanish_team_name(client):
    member = f.MembershipFactory(team__name="Señal Pública")
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP, title="Recorrido"
    )
    submission_save_draft(
        submission=submission_for(team=member.team, template=template),
        content={"stages": [{"name": "Licitación"}]},
        revision=0,
        user=member.user,
    )
    client.force_login(member.user)
    response = client.get(reverse("cohorts:assignment_export", args=[member.team.pk, template.pk, "csv"]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''recorrido-se%C3%B1al-p%C3%BAblica-")
    assert disposition.endswith(".csv")


def test_session_calendar_download_keeps_the_accented_title(client):
    member = f.MembershipFactory()
    session = f.SessionFactory(cohort=member.team.cohort, title="Reunión del año")
    client.force_login(member.user)
    response = client.get(reverse("cohorts:team_session_ics", args=[member.team.pk, session.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''reuni%C3%B3n-del-a%C3%B1o.ics"


def test_pdfs_share_one_font_configuration(monkeypatch, settings):
    settings.PDF_CACHE_SECONDS = 0  # every render lays out
    made = []

    class CountingFontConfiguration(weasyprint.text.fonts.FontConfiguration):
        def __init__(self, *args, **kwargs):
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(weasyprint.text.fonts, "FontConfiguration", CountingFontConfiguration)
    monkeypatch.setattr(weasyprint.document, "FontConfiguration", CountingFontConfiguration)
    monkeypatch.setattr(exports, "_font_config", None)
    for _ in range(3):
        assert exports.render_pdf("cohorts/progress/report_pdf.html", {}).startswith(b"%PDF")
    assert len(made) == 1


def test_a_pdf_is_laid_out_once_for_the_same_html(monkeypatch, settings):
    settings.PDF_CACHE_SECONDS = 60
    laid_out = []
    lay_out = exports._html_to_pdf
    monkeypatch.setattr(exports, "_html_to_pdf", lambda html: laid_out.append(html) or lay_out(html))
    team = {"name": f"Riverton {uuid.uuid4()}"}  # HTML no earlier test has rendered

    first = exports.render_pdf("cohorts/progress/report_pdf.html", {"team": team})
    again = exports.render_pdf("cohorts/progress/report_pdf.html", {"team": team})
    changed = exports.render_pdf("cohorts/progress/report_pdf.html", {"team": {"name": "Bayview"}})

    assert first == again and first.startswith(b"%PDF")
    assert changed != first
    assert len(laid_out) == 2
