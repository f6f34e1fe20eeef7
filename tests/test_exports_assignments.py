"""An assignment's Excel and CSV carry all of its content under a header block (team, program and
cohort, assignment, version or draft, date in the reader's language); the compare page exports the
comparison in the same formats; the export links say whether they export the draft or a version (#18)."""

import copy
import csv
import datetime
import io
import itertools

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from cms.demo import factories as f
from cohorts.assignments.kinds import KINDS
from cohorts.assignments.models import FeedbackDecision
from cohorts.assignments.services import (
    feedback_give,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from sprints.models import AssignmentKind as K
from sprints.schemas import validate_content
from tests.export_helpers import header_block
from tests.test_assignment_kinds_design import VALID as DESIGN_VALID
from tests.test_assignment_kinds_diagnostic import DIAGNOSTIC, demo_content

pytestmark = pytest.mark.django_db

SPRINT_VALID = {
    K.VENDOR_JOURNEY_MAP: {
        "vendor_persona": "A small local supplier",
        "stages": [
            {
                "name": "Find the notice",
                "vendor_actions": "Searches",
                "touchpoints": "Portal",
                "pain_points": "Hard to search",
                "opportunities": "Alerts",
            }
        ],
    },
    K.DATA_SYSTEMS_MAP: {
        "systems": [
            {
                "name": "Portal",
                "owner": "Procurement",
                "data_held": "Notices",
                "stages": ["tender"],
                "format": "HTML",
                "published": "internal",
                "published_note": "Intranet",
                "quality_issues": "Duplicates",
                "linked_systems": ["ERP"],
                "ocds_fields": ["tender/title"],
            }
        ]
    },
    K.STAKEHOLDER_INTERVIEWS: {
        "interviews": [
            {
                "interviewee_type": "Vendor",
                "date": "2027-01-05",
                "findings": "Late pay",
                "pain_points": "Forms",
            }
        ]
    },
    K.PILOT_PLAN: {
        "problem": "Few bids",
        "solution": "Outreach",
        "tasks": [{"description": "Call vendors", "owner": "Ana", "due_date": "2027-02-01"}],
        "indicators": [{"name": "Bids", "baseline": "2", "target": "5"}],
    },
}

#: Keys whose values are ids, links to other rows, choices, dates or web addresses: shown as labels,
#: titles or dates, never as the stored text.
NOT_FREE_TEXT = {
    "id",
    "contact",
    "challenge_area",
    "opportunity",
    "depends_on",
    "findings_ids",
    "user_type",
    "formats",
    "method",
    "status",
    "horizon",
    "owner_side",
    "stage",
    "stages",
    "sections",
    "published",
    "published_url",
    "issue_focus",
    "date",
    "due_date",
    "start",
    "end",
    "as_of",
}


def valid_content(kind):
    if kind in SPRINT_VALID:
        return SPRINT_VALID[kind]
    if kind in DESIGN_VALID:
        return DESIGN_VALID[kind]
    return demo_content(kind)


def marked(content, kind):
    """The content with every free text replaced by a marker of its own; the markers."""
    counter = itertools.count(1)
    markers = []

    def mark(value, key):
        if isinstance(value, dict):
            return {k: mark(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(item, key) for item in value]
        if key in NOT_FREE_TEXT or (kind == K.OCDS_WORK_PLAN and key == "findings"):
            return value
        if isinstance(value, str) and value:
            markers.append(f"zq{next(counter)}x")
            return markers[-1]
        return value

    return validate_content(kind, mark(copy.deepcopy(content), None)), markers


TABULAR = [kind for kind, spec in KINDS.items() if spec.is_tabular]


def export(client, member, template, fmt, query=""):
    response = client.get(
        reverse("cohorts:assignment_export", args=[member.team.pk, template.pk, fmt]) + query
    )
    assert response.status_code == 200
    return response


def xlsx_texts(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return [" ".join(str(cell.value) for row in sheet.iter_rows() for cell in row) for sheet in workbook]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_every_tabular_kind_is_covered():
    assert {*SPRINT_VALID, *DESIGN_VALID, *DIAGNOSTIC} >= set(TABULAR)


@pytest.mark.parametrize("kind", TABULAR)
def test_every_kinds_excel_and_csv_carry_all_of_its_text(client, member, kind):
    content, markers = marked(valid_content(kind), kind)
    assert len(markers) >= 2
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind)
    submission_save_draft(
        submission=submission_for(team=member.team, template=template),
        content=content,
        revision=0,
        user=member.user,
    )
    client.force_login(member.user)
    workbook = " ".join(xlsx_texts(export(client, member, template, "xlsx")))
    table = " ".join(cell for row in csv_rows(export(client, member, template, "csv")) for cell in row)
    assert [m for m in markers if m not in workbook] == []
    assert [m for m in markers if m not in table] == []


@pytest.fixture
def journey(member):
    member.team.name = "Señal Pública"
    member.team.save()
    cohort = member.team.cohort
    template = f.AssignmentTemplateFactory(program=cohort.program, kind=K.VENDOR_JOURNEY_MAP, title="Journey")
    submission = submission_for(team=member.team, template=template)
    with time_machine.travel(datetime.datetime(2027, 3, 5, 15, tzinfo=datetime.UTC), tick=False):
        submission_save_draft(
            submission=submission,
            content={"vendor_persona": "First-time bidder", "stages": [{"name": "Find the notice"}]},
            revision=0,
            user=member.user,
        )
        submission_submit(submission=submission, user=member.user)
    return template


header = header_block


def test_excel_and_csv_begin_with_the_header_block(client, member, journey):
    client.force_login(member.user)
    cohort = member.team.cohort
    response = export(client, member, journey, "xlsx", "?version=1")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    block = header([[cell.value for cell in row] for row in sheet.iter_rows()])
    assert block["Team"] == "Señal Pública"
    assert block["Assignment"] == "Journey"
    assert block["Version"] == "Version 1"
    assert block["Date"] == "March 5, 2027"
    assert block["Program"] == cohort.program.name
    assert block["Cohort"] == cohort.name
    rows = csv_rows(export(client, member, journey, "csv", "?version=1"))
    assert header(rows) == block
    # the persona and the stages follow the header
    text = " ".join(cell for row in rows for cell in row)
    assert "First-time bidder" in text and "Find the notice" in text


def test_the_header_block_reads_in_spanish_with_a_spanish_date(client, member, journey):
    client.force_login(member.user)
    with translation.override("es"):
        path = reverse("cohorts:assignment_export", args=[member.team.pk, journey.pk, "csv"])
    rows = csv_rows(client.get(path + "?version=1"))
    block = header(rows)
    assert block["Equipo"] == "Señal Pública"
    assert block["Versión"] == "Versión 1"
    assert block["Fecha"] == "5 de marzo de 2027"


def test_a_draft_is_labelled_draft_in_the_header(client, member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=K.PILOT_PLAN)
    submission_save_draft(
        submission=submission_for(team=member.team, template=template),
        content={"problem": "Few bids"},
        revision=0,
        user=member.user,
    )
    client.force_login(member.user)
    block = header(csv_rows(export(client, member, template, "csv")))
    assert block["Version"] == "Current draft"


# The export label


def editor_page(client, member, template):
    return client.get(reverse("cohorts:assignment", args=[member.team.pk, template.pk])).text


def test_the_export_label_says_draft_only_for_a_draft(client, member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=K.VENDOR_JOURNEY_MAP)
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission, content={"stages": [{"name": "Bid"}]}, revision=0, user=member.user
    )
    client.force_login(member.user)
    assert "Export the draft" in editor_page(client, member, template)
    submission_submit(submission=submission, user=member.user)
    page = editor_page(client, member, template)
    assert "Export the draft" not in page
    assert "Export version 1" in page
    assert "export.csv?version=1" in page


def test_exporting_submitted_work_without_a_version_exports_the_version(client, member, journey):
    client.force_login(member.user)
    block = header(csv_rows(export(client, member, journey, "csv")))
    assert block["Version"] == "Version 1"


# The comparison


def two_versions(member):
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=K.VENDOR_JOURNEY_MAP, title="Journey"
    )
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission,
        content={"vendor_persona": "First-time bidder", "stages": [{"name": "Find the notice"}]},
        revision=0,
        user=member.user,
    )
    submission_submit(submission=submission, user=member.user)
    feedback_give(
        version=submission.versions.get(),
        author=f.StaffUserFactory(),
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="More stages.",
    )
    submission.refresh_from_db()
    submission_save_draft(
        submission=submission,
        content={"vendor_persona": "Repeat bidder", "stages": [{"name": "Find the notice"}, {"name": "Bid"}]},
        revision=submission.revision,
        user=member.user,
    )
    submission_submit(submission=submission, user=member.user)
    return template


def compare_export(client, member, template, fmt, query="?a=1&b=2"):
    return client.get(
        reverse("cohorts:assignment_compare_export", args=[member.team.pk, template.pk, fmt]) + query
    )


def test_the_compare_page_offers_pdf_excel_and_csv_of_the_comparison(client, member):
    template = two_versions(member)
    client.force_login(member.user)
    page = client.get(reverse("cohorts:assignment_compare", args=[member.team.pk, template.pk]) + "?a=1&b=2")
    for fmt in ("pdf", "xlsx", "csv"):
        link = reverse("cohorts:assignment_compare_export", args=[member.team.pk, template.pk, fmt])
        assert f'href="{link}?a=1&amp;b=2"' in page.text


def test_the_comparison_csv_has_a_row_per_field_and_a_column_per_version(client, member):
    template = two_versions(member)
    client.force_login(member.user)
    response = compare_export(client, member, template, "csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"') or ".csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    block = header(rows)
    assert block["Team"] == member.team.name and block["Assignment"] == "Journey"
    columns = rows[len(block) + 1]
    assert columns == ["Section", "Row", "Field", "Version 1", "Version 2", "Change"]
    body = rows[len(block) + 2 :]
    assert ["", "", "Vendor persona", "First-time bidder", "Repeat bidder", "changed"] in body
    assert ["Stages", "Stage 2", "Stage", "", "Bid", "added"] in body


def test_the_comparison_excel_and_pdf(client, member):
    template = two_versions(member)
    client.force_login(member.user)
    workbook = load_workbook(io.BytesIO(compare_export(client, member, template, "xlsx").content))
    text = " ".join(str(cell.value) for row in workbook.worksheets[0].iter_rows() for cell in row)
    assert "Repeat bidder" in text and "First-time bidder" in text
    pdf = compare_export(client, member, template, "pdf")
    assert pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Repeat bidder" in text and "Version 2" in text


def test_the_comparison_of_another_team_or_a_missing_version_is_404(client, member):
    template = two_versions(member)
    client.force_login(f.MembershipFactory().user)
    assert compare_export(client, member, template, "csv").status_code == 404
    client.force_login(member.user)
    assert compare_export(client, member, template, "csv", "?a=1&b=9").status_code == 404
    assert compare_export(client, member, template, "docx").status_code == 404


# The PDF's date is the version's, not the day of the export (issue #18)


def pdf_text(response):
    assert response.content.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


LATER = datetime.datetime(2027, 4, 20, 15, tzinfo=datetime.UTC)


def test_the_pdf_is_dated_when_the_version_was_submitted_and_says_when_it_was_exported(
    client, member, journey
):
    with time_machine.travel(LATER, tick=False):
        client.force_login(member.user)
        text = pdf_text(export(client, member, journey, "pdf", "?version=1"))
    assert "Submitted on March 5, 2027" in text
    assert "Exported on April 20, 2027" in text
    assert text.count("April 20, 2027") == 1


def test_the_pdf_of_a_draft_is_dated_when_it_was_last_saved(client, member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=K.PILOT_PLAN)
    with time_machine.travel(datetime.datetime(2027, 3, 5, 15, tzinfo=datetime.UTC), tick=False):
        submission_save_draft(
            submission=submission_for(team=member.team, template=template),
            content={"problem": "Few bids"},
            revision=0,
            user=member.user,
        )
    with time_machine.travel(LATER, tick=False):
        client.force_login(member.user)
        text = pdf_text(export(client, member, template, "pdf"))
    assert "Saved on March 5, 2027" in text
    assert "Exported on April 20, 2027" in text


def test_the_pdf_dates_read_in_spanish(client, member, journey):
    with translation.override("es"):
        path = reverse("cohorts:assignment_export", args=[member.team.pk, journey.pk, "pdf"])
    with time_machine.travel(LATER, tick=False):
        client.force_login(member.user)
        text = pdf_text(client.get(path + "?version=1"))
    assert "Enviada el 5 de marzo de 2027" in text
    assert "Exportado el 20 de abril de 2027" in text
