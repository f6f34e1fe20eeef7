"""Past teams: members of a withdrawn or declined (archived) team read and export their work, read-only."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from cms.demo import factories as f
from cohorts.assignments.models import Submission
from cohorts.assignments.services import (
    NOT_A_MEMBER,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from cohorts.policies import can_edit_team_work, readable_teams_for, teams_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def past():
    """A member of a team whose place was given up, with a draft and a submitted version."""
    membership = f.MembershipFactory()
    template = f.AssignmentTemplateFactory(program=membership.team.cohort.program, title="Vendor journey")
    submission = submission_for(team=membership.team, template=template)
    submission_save_draft(
        submission=submission,
        content={"stages": [{"name": "Find the notice", "pain_points": "Hard to search"}]},
        revision=0,
        user=membership.user,
    )
    submission_submit(submission=submission, user=membership.user)
    membership.team.archived_at = timezone.now()
    membership.team.save(update_fields=["archived_at"])
    membership.template = template
    return membership


def url(name, membership, *args):
    return reverse(f"cohorts:{name}", args=[membership.team.pk, membership.template.pk, *args])


def test_policies_make_past_teams_readable_but_not_editable(past):
    assert not teams_for(past.user).filter(pk=past.team.pk).exists()
    assert readable_teams_for(past.user).filter(pk=past.team.pk).exists()
    assert not can_edit_team_work(past.user, past.team)
    assert not readable_teams_for(f.UserFactory()).filter(pk=past.team.pk).exists()


def test_workspace_picker_lists_past_teams(client, past):
    current = f.MembershipFactory(user=past.user)
    client.force_login(past.user)

    response = client.get(reverse("cohorts:workspace"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Past teams" in page
    assert reverse("cohorts:assignment_list", args=[past.team.pk]) in page
    assert f'href="{reverse("cohorts:team_home", args=[current.team.pk])}"' in page
    assert f'href="{reverse("cohorts:team_home", args=[past.team.pk])}"' not in page


def test_only_a_past_team_shows_the_picker_rather_than_nothing(client, past):
    client.force_login(past.user)
    page = client.get(reverse("cohorts:workspace")).content.decode()
    assert reverse("cohorts:assignment_list", args=[past.team.pk]) in page


def test_member_reads_the_past_teams_assignments_read_only(client, past):
    client.force_login(past.user)

    listing = client.get(reverse("cohorts:assignment_list", args=[past.team.pk]))
    editor = client.get(url("assignment", past))
    history = client.get(url("assignment_history", past))

    assert listing.status_code == editor.status_code == history.status_code == 200
    assert "Vendor journey" in listing.content.decode()
    assert "data-assignment-form" not in editor.content.decode()
    assert "Find the notice" in history.content.decode()
    # The workspace pages that are not about their work stay closed.
    assert client.get(reverse("cohorts:team_home", args=[past.team.pk])).status_code == 404


def test_member_exports_the_past_teams_work(client, past):
    client.force_login(past.user)

    pdf = client.get(url("assignment_export", past, "pdf") + "?version=1")
    xlsx = client.get(url("assignment_export", past, "xlsx"))
    csv_response = client.get(url("assignment_export", past, "csv"))

    assert pdf.status_code == xlsx.status_code == csv_response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Find the notice" in text
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cells = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert "Find the notice" in cells
    assert "Find the notice" in [
        value for row in csv.reader(io.StringIO(csv_response.content.decode())) for value in row
    ]


def test_member_cannot_edit_a_past_teams_work(client, past):
    client.force_login(past.user)
    submission = Submission.objects.get(team=past.team, template=past.template)
    revision = submission.revision

    saved = client.post(url("assignment", past), {"revision": str(revision)})
    submitted = client.post(url("assignment_submit", past), {"revision": str(revision)})

    assert saved.status_code == submitted.status_code == 404
    submission.refresh_from_db()
    assert submission.revision == revision
    with pytest.raises(ValidationError) as error:
        submission_save_draft(submission=submission, content={}, revision=revision, user=past.user)
    assert error.value.messages == [str(NOT_A_MEMBER)]


def test_an_assignment_never_started_is_404_and_creates_nothing(client, past):
    other = f.AssignmentTemplateFactory(program=past.team.cohort.program)
    client.force_login(past.user)

    response = client.get(reverse("cohorts:assignment", args=[past.team.pk, other.pk]))

    assert response.status_code == 404
    assert not Submission.objects.filter(team=past.team, template=other).exists()


@pytest.mark.parametrize("who", ["stranger", "member_of_another_team"])
def test_others_still_get_404_on_a_past_team(client, past, who):
    user = f.UserFactory() if who == "stranger" else f.MembershipFactory(team__cohort=past.team.cohort).user
    client.force_login(user)

    for address in (
        reverse("cohorts:assignment_list", args=[past.team.pk]),
        url("assignment", past),
        url("assignment_history", past),
        url("assignment_export", past, "pdf"),
        url("assignment_export", past, "csv"),
    ):
        assert client.get(address).status_code == 404, address
