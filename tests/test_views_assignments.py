"""The workspace assignment pages: editors for each kind, submit, history, compare, exports and files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from cms.demo import factories as f
from cohorts.assignments.models import FeedbackDecision, RefusedDraft, SubmissionStatus
from cohorts.assignments.services import (
    feedback_give,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from sprints.models import AssignmentKind
from tests.export_helpers import csv_tables, sheet_table, sheet_values

pytestmark = pytest.mark.django_db


def template_for(member, kind=AssignmentKind.VENDOR_JOURNEY_MAP, **kwargs):
    return f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind, **kwargs)


def url(name, team, template, *args):
    return reverse(f"cohorts:{name}", args=[team.pk, template.pk, *args])


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, items):
    data = management(prefix, len(items))
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


POSTS = {
    AssignmentKind.VENDOR_JOURNEY_MAP: (
        {
            "main-vendor_persona": "First-time bidder",
            **rows(
                "stages",
                [
                    {"name": "Award", "pain_points": "Slow award notices", "ORDER": "2"},
                    {"name": "Find the notice", "touchpoints": "Portal", "ORDER": "1"},
                    {"name": "Removed", "DELETE": "on", "ORDER": "3"},
                ],
            ),
        },
        lambda c: [s["name"] for s in c["stages"]] == ["Find the notice", "Award"],
    ),
    AssignmentKind.DATA_SYSTEMS_MAP: (
        rows(
            "systems",
            [
                {
                    "name": "e-Procurement portal",
                    "stages": ["tender", "award"],
                    "published_where": "https://portal.example.gov",
                    "linked_systems": "ERP\nBudget",
                    "ocds_fields": "tender/title, awards/value",
                }
            ],
        ),
        lambda c: (
            c["systems"][0]["stages"] == ["tender", "award"]
            and c["systems"][0]["linked_systems"] == ["ERP", "Budget"]
            and c["systems"][0]["ocds_fields"] == ["tender/title", "awards/value"]
        ),
    ),
    AssignmentKind.STAKEHOLDER_INTERVIEWS: (
        rows(
            "interviews",
            [
                {"interviewee_type": "Vendor", "date": "2027-03-02", "pain_points": "Late payment"},
                {"interviewee_type": "vendor", "findings": "Prefers email"},
            ],
        ),
        lambda c: [i["date"] for i in c["interviews"]] == ["2027-03-02", None],
    ),
    AssignmentKind.PILOT_PLAN: (
        {
            "main-problem": "Few bids",
            "main-solution": "Vendor outreach",
            **rows("tasks", [{"description": "Call vendors", "owner": "Ana", "due_date": "2027-04-01"}]),
            **rows("indicators", [{"name": "Bids per tender", "baseline": "1.4", "target": "3"}]),
        },
        lambda c: c["tasks"][0]["due_date"] == "2027-04-01" and c["indicators"][0]["target"] == "3",
    ),
    AssignmentKind.DOCUMENT: (
        {"main-body": "Our baseline.\n\n- one\n- two", "main-links": "https://example.org/report"},
        lambda c: c["links"] == ["https://example.org/report"] and c["body"].startswith("Our baseline"),
    ),
}


@pytest.mark.parametrize("kind", list(POSTS))
def test_each_editor_saves_and_reloads(client, member, kind):
    template = template_for(member, kind)
    client.force_login(member.user)
    editor = client.get(url("assignment", member.team, template))
    assert editor.status_code == 200
    assert 'name="revision" value="0"' in editor.text
    data, check = POSTS[kind]
    response = client.post(url("assignment", member.team, template), {"revision": "0", **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = submission_for(team=member.team, template=template)
    assert submission.revision == 1
    assert check(submission.content), submission.content
    reloaded = client.get(url("assignment", member.team, template)).text
    assert 'name="revision" value="1"' in reloaded
    assert "Draft saved." in reloaded


def test_journey_map_rows_are_prefilled_on_reload(client, member):
    template = template_for(member)
    client.force_login(member.user)
    data, _check = POSTS[AssignmentKind.VENDOR_JOURNEY_MAP]
    client.post(url("assignment", member.team, template), {"revision": "0", **data})
    page = client.get(url("assignment", member.team, template)).text
    assert 'name="stages-0-name" value="Find the notice"' in page
    assert 'name="stages-1-name" value="Award"' in page
    assert 'name="stages-TOTAL_FORMS" value="2"' in page


def test_invalid_rows_keep_what_was_typed_and_save_nothing(client, member):
    template = template_for(member)
    client.force_login(member.user)
    data = {"revision": "0", **rows("stages", [{"name": "", "vendor_actions": "Reads the notice"}])}
    response = client.post(url("assignment", member.team, template), data)
    assert response.status_code == 400
    assert "Reads the notice" in response.text
    assert submission_for(team=member.team, template=template).revision == 0


def test_stale_save_is_refused_keeping_my_copy_beside_the_current_one(client, member):
    template = template_for(member)
    teammate = f.MembershipFactory(team=member.team).user
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission, content={"stages": [{"name": "Teammate stage"}]}, revision=0, user=teammate
    )
    client.force_login(member.user)
    data = {"revision": "0", **rows("stages", [{"name": "My stage"}])}
    response = client.post(url("assignment", member.team, template), data)
    assert response.status_code == 409
    assert "saved this assignment after you opened it" in response.text
    assert 'value="My stage"' in response.text  # what I typed is still in the form
    assert "Teammate stage" in response.text  # the current saved version is shown beside it
    assert 'name="revision" value="1"' in response.text  # saving again after merging is possible
    assert RefusedDraft.objects.get().content["stages"] == [
        {"name": "My stage", "vendor_actions": "", "touchpoints": "", "pain_points": "", "opportunities": ""}
    ]


def test_autosave_answers_json_and_a_stale_one_is_kept(client, member):
    template = template_for(member)
    client.force_login(member.user)
    data = {"revision": "0", "autosave": "1", **rows("stages", [{"name": "Typed then left"}])}
    response = client.post(url("assignment", member.team, template), data)
    assert response.json() == {"saved": True, "error": None, "revision": 1}
    response = client.post(url("assignment", member.team, template), data)  # still revision 0: stale
    assert response.status_code == 409
    assert response.json()["saved"] is False
    refused = RefusedDraft.objects.get()
    page = client.get(url("assignment", member.team, template)).text
    assert "was refused because a teammate had saved first" in page
    reopened = client.get(url("assignment", member.team, template) + f"?from_refused={refused.pk}").text
    assert 'value="Typed then left"' in reopened


def test_submit_saves_then_makes_a_version_and_locks_the_editor(client, member):
    template = template_for(member)
    client.force_login(member.user)
    data = {"revision": "0", "submit": "1", **rows("stages", [{"name": "Find the notice"}])}
    response = client.post(url("assignment_submit", member.team, template), data)
    assert response.status_code == 302
    submission = submission_for(team=member.team, template=template)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.versions.get().content["stages"][0]["name"] == "Find the notice"
    page = client.get(url("assignment", member.team, template)).text
    assert "data-assignment-form" not in page
    assert "Find the notice" in page


def test_team_sees_feedback_on_the_version_and_history_and_can_revise(client, member):
    template = template_for(member)
    submission = submission_for(team=member.team, template=template)
    version = submission_submit(submission=submission, user=member.user)
    coach = f.CoachAssignmentFactory(team=member.team).coach
    feedback_give(
        version=version, author=coach, decision=FeedbackDecision.CHANGES_REQUESTED, body="Add award."
    )
    client.force_login(member.user)
    page = client.get(url("assignment", member.team, template)).text
    assert "Add award." in page and "Feedback on version 1" in page
    assert "data-assignment-form" in page  # editable again
    history = client.get(url("assignment_history", member.team, template)).text
    assert "Add award." in history and "Version 1" in history


def test_compare_shows_row_by_row_changes(client, member):
    template = template_for(member)
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission,
        content={"stages": [{"name": "Find", "pain_points": "slow portal"}]},
        revision=0,
        user=member.user,
    )
    version = submission_submit(submission=submission, user=member.user)
    feedback_give(
        version=version,
        author=f.StaffUserFactory(),
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="More.",
    )
    submission.refresh_from_db()
    submission_save_draft(
        submission=submission,
        content={"stages": [{"name": "Find", "pain_points": "very slow portal"}, {"name": "Bid"}]},
        revision=submission.revision,
        user=member.user,
    )
    submission_submit(submission=submission, user=member.user)
    client.force_login(member.user)
    page = client.get(url("assignment_compare", member.team, template) + "?a=1&b=2").text
    assert "<ins>very</ins>" in page
    assert "Stage 2 — added" in page
    assert client.get(url("assignment_compare", member.team, template) + "?a=1&b=7").status_code == 404


def test_pdf_export_of_draft_and_version(client, member):
    template = template_for(member, title="Vendor journey")
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission, content={"stages": [{"name": "Find the notice"}]}, revision=0, user=member.user
    )
    submission_submit(submission=submission, user=member.user)
    client.force_login(member.user)
    for query in ("", "?version=1"):
        response = client.get(url("assignment_export", member.team, template, "pdf") + query)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        data = response.content
        assert data.startswith(b"%PDF")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "Find the notice" in text


def test_pdf_follows_the_language_of_the_page(client, member):
    template = template_for(member, kind=AssignmentKind.DATA_SYSTEMS_MAP)
    client.force_login(member.user)
    with translation.override("es"):
        spanish = url("assignment_export", member.team, template, "pdf")
    assert spanish.startswith("/es/")
    response = client.get(spanish)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Borrador" in text  # the status, in the page's language


def journey_with_stages(member):
    template = template_for(member, title="Vendor journey")
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission,
        content={
            "stages": [
                {"name": "Find the notice", "pain_points": "Hard to search"},
                {"name": "Bid", "opportunities": "Templates, in plain language"},
            ]
        },
        revision=0,
        user=member.user,
    )
    return template


def test_excel_export_reads_back(client, member):
    template = journey_with_stages(member)
    client.force_login(member.user)
    response = client.get(url("assignment_export", member.team, template, "xlsx"))
    assert response.status_code == 200
    values = sheet_values(load_workbook(io.BytesIO(response.content))["Vendor journey map"])
    assert values[0] == ["#", "Stage", "Vendor actions", "Touchpoints", "Pain points", "Opportunities"]
    assert values[1][:2] == [1, "Find the notice"] and values[1][4] == "Hard to search"
    assert values[2][1] == "Bid"


def test_data_systems_excel_has_the_coverage_sheet(client, member):
    template = template_for(member, kind=AssignmentKind.DATA_SYSTEMS_MAP)
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission,
        content={"systems": [{"name": "Portal", "stages": ["tender"], "published_where": "portal.gov"}]},
        revision=0,
        user=member.user,
    )
    client.force_login(member.user)
    workbook = load_workbook(
        io.BytesIO(client.get(url("assignment_export", member.team, template, "xlsx")).content)
    )
    assert workbook.sheetnames == ["Data systems", "Coverage by stage"]
    coverage = {row[0].value: row[3].value for row in sheet_table(workbook["Coverage by stage"])[1:]}
    assert coverage["Tender"] is None
    assert coverage["Award"] == "No system holds data for this stage."
    page = client.get(url("assignment", member.team, template)).text
    assert "Coverage by procurement stage" in page  # the editor previews the saved draft's coverage
    assert "No system holds data for this stage." in page


def test_csv_export_reads_back(client, member):
    template = journey_with_stages(member)
    client.force_login(member.user)
    response = client.get(url("assignment_export", member.team, template, "csv"))
    table = csv_tables(response.content.decode("utf-8-sig"))["Vendor journey map"]
    assert table[0][1] == "Stage"
    assert table[2][5] == "Templates, in plain language"


def test_document_kind_has_no_spreadsheet_export(client, member):
    template = template_for(member, kind=AssignmentKind.DOCUMENT)
    client.force_login(member.user)
    assert client.get(url("assignment_export", member.team, template, "xlsx")).status_code == 404


def test_document_upload_download_and_soft_remove(client, member):
    template = template_for(member, kind=AssignmentKind.DOCUMENT)
    client.force_login(member.user)
    upload = SimpleUploadedFile("baseline.pdf", b"%PDF-1.4 report", content_type="application/pdf")
    response = client.post(
        url("assignment", member.team, template),
        {"revision": "0", "main-body": "See file", "main-links": "", "files": upload},
    )
    assert response.status_code == 302
    submission = submission_for(team=member.team, template=template)
    attachment = submission.attachments.get()
    download = reverse("cohorts:attachment_download", args=[member.team.pk, attachment.pk])
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"
    submission_submit(submission=submission, user=member.user)
    feedback_give(
        version=submission.versions.get(),
        author=f.StaffUserFactory(),
        decision=FeedbackDecision.CHANGES_REQUESTED,
        body="Update it.",
    )
    remove = reverse("cohorts:attachment_remove", args=[member.team.pk, attachment.pk])
    assert client.post(remove).status_code == 302
    attachment.refresh_from_db()
    assert attachment.removed_at is not None
    assert list(submission.versions.get().attachments.all()) == [attachment]  # the version keeps it
    assert client.get(download).status_code == 200  # still readable through the version


def test_upload_of_a_disallowed_type_is_refused_with_a_message(client, member):
    template = template_for(member, kind=AssignmentKind.DOCUMENT)
    client.force_login(member.user)
    upload = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        url("assignment", member.team, template),
        {"revision": "0", "main-body": "x", "main-links": "", "files": upload},
    )
    assert response.status_code in (400, 409)
    assert "This type of file is not accepted" in response.text


@pytest.mark.parametrize(
    "name",
    [
        "assignment",
        "assignment_history",
        "assignment_compare",
        "assignment_export_pdf",
        "assignment_export_csv",
        "attachment_download",
    ],
)
def test_another_teams_submissions_files_and_exports_are_404(client, member, name):
    other = f.MembershipFactory(team=f.TeamFactory(cohort=member.team.cohort))
    template = template_for(member, kind=AssignmentKind.DOCUMENT)
    submission = submission_for(team=member.team, template=template)
    from cohorts.assignments.services import attachment_add

    attachment = attachment_add(
        submission=submission, file=SimpleUploadedFile("a.txt", b"secret"), user=member.user
    )
    urls = {
        "assignment": url("assignment", member.team, template),
        "assignment_history": url("assignment_history", member.team, template),
        "assignment_compare": url("assignment_compare", member.team, template),
        "assignment_export_pdf": url("assignment_export", member.team, template, "pdf"),
        "assignment_export_csv": url("assignment_export", member.team, template, "csv"),
        "attachment_download": reverse("cohorts:attachment_download", args=[member.team.pk, attachment.pk]),
    }
    client.force_login(other.user)
    assert client.get(urls[name]).status_code == 404
    # and through their own team's URL, another team's file is not found either
    own = reverse("cohorts:attachment_download", args=[other.team.pk, attachment.pk])
    assert client.get(own).status_code == 404


def test_a_template_of_another_program_is_404(client, member):
    template = f.AssignmentTemplateFactory()
    client.force_login(member.user)
    assert client.get(url("assignment", member.team, template)).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("coach", 200), ("staff", 200)])
def test_coaches_and_staff_read_but_do_not_edit(client, member, who, status):
    template = template_for(member)
    user = f.CoachAssignmentFactory(team=member.team).coach if who == "coach" else f.StaffUserFactory()
    client.force_login(user)
    page = client.get(url("assignment", member.team, template))
    assert page.status_code == status
    assert "data-assignment-form" not in page.text
    assert client.post(url("assignment", member.team, template), {"revision": "0"}).status_code == 404


def test_assignments_list_shows_due_week_and_status(client, member):
    template = template_for(member, title="Journey", due_week=3)
    submission_submit(submission=submission_for(team=member.team, template=template), user=member.user)
    client.force_login(member.user)
    page = client.get(reverse("cohorts:assignment_list", args=[member.team.pk])).text
    assert "Journey" in page and "Week 3" in page and "Submitted" in page


@pytest.mark.parametrize("name", ["assignment_history", "assignment", "assignment_compare"])
def test_pages_run_a_bounded_number_of_queries(client, member, name):
    def build(count):
        template = template_for(member)
        submission = submission_for(team=member.team, template=template)
        staff = f.StaffUserFactory()
        for number in range(count):
            submission.refresh_from_db()
            submission_save_draft(
                submission=submission,
                content={"stages": [{"name": f"Stage {i}"} for i in range(number + 1)]},
                revision=submission.revision,
                user=member.user,
            )
            version = submission_submit(submission=submission, user=member.user)
            feedback_give(version=version, author=staff, decision=FeedbackDecision.COMMENT, body="Noted.")
            feedback_give(
                version=version, author=staff, decision=FeedbackDecision.CHANGES_REQUESTED, body="Again."
            )
        return template

    client.force_login(member.user)
    small, large = build(1), build(6)
    counts = []
    for template in (small, large):
        with CaptureQueriesContext(connection) as queries:
            query = "?a=1&b=draft" if name == "assignment_compare" else ""
            assert client.get(url(name, member.team, template) + query).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
