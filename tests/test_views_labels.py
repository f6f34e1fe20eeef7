"""Labels people read (issue 18): page titles name the site once, session times name the zone
right for each date, "Last saved" follows the team's edits, the Assignments list says the kind
only where it tells more than the title, and file evidence shows its file name."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.demo import factories as f
from cohorts.assignments.models import Submission
from cohorts.assignments.services import feedback_give, submission_save_draft, submission_submit
from cohorts.progress.models import EvidenceKind
from cohorts.progress.services import evidence_add
from cohorts.templatetags.schedule_tags import session_time_summary
from sprints.models import AssignmentKind
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def title(response):
    return " ".join(soup(response).title.get_text().split())


# Page titles: the site's name once.


def test_home_page_title_names_the_site_once(client, home_page):
    response = client.get("/en/")
    assert title(response) == "Ruta"


def test_a_page_title_ends_with_the_site_name_once(client, home_page):
    page = f.StandardPageFactory(parent=home_page, title="About")
    response = client.get(page.url)
    assert title(response) == "About · Ruta"


def test_sign_in_page_title_names_the_site_once(client, home_page):
    assert title(client.get(reverse("account_login"))) == "Sign In · Ruta"


# Session times: the zone's abbreviation only where it holds for every session.


def test_a_cohort_across_a_daylight_saving_change_shows_no_fixed_abbreviation():
    """February to May in New York: EST at first, EDT from March; never "EST" throughout."""
    cohort = f.CohortFactory.build(
        program=f.ProgramFactory.build(duration_weeks=16),
        start_date=datetime.date(2027, 2, 1),
        time_zone="America/New_York",
        weekday=2,
        local_time=datetime.time(11, 0),
    )
    summary = session_time_summary(cohort)
    assert summary["zone_abbreviation"] == ""
    assert summary["zone"] == "America/New York"


def test_a_cohort_within_one_offset_keeps_its_abbreviation():
    cohort = f.CohortFactory.build(
        program=f.ProgramFactory.build(duration_weeks=12),
        start_date=datetime.date(2027, 4, 5),
        time_zone="America/New_York",
        weekday=2,
        local_time=datetime.time(11, 0),
    )
    assert session_time_summary(cohort)["zone_abbreviation"] == "EDT"


def test_program_page_cohort_card_says_the_zone_not_est_for_a_february_to_may_cohort(client, program_index):
    program = f.ProgramFactory(duration_weeks=16)
    page = f.ProgramPageFactory(parent=program_index, program=program, title="Spring sprint")
    f.CohortFactory(program=program, start_date=datetime.date(2027, 2, 1), time_zone="America/New_York")

    with time_machine.travel(datetime.datetime(2027, 1, 1, 12, tzinfo=datetime.UTC), tick=False):
        html = " ".join(soup(client.get(page.url)).get_text().split())
    assert "EST" not in html and "EDT" not in html
    assert "at 11 a.m. (America/New York)" in html


# "Last saved": the team's edits, never the coach's feedback.


def test_last_saved_does_not_move_when_the_coach_gives_feedback(client, member):
    team = member.team
    coach = make_coach(email="coach@example.com")
    f.CoachAssignmentFactory(team=team, coach=coach)
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.DOCUMENT)
    submission = f.SubmissionFactory(team=team, template=template)

    with time_machine.travel(datetime.datetime(2027, 2, 3, 15, tzinfo=datetime.UTC), tick=False):
        submission_save_draft(
            submission=submission, content={"body": "Our plan"}, revision=0, user=member.user
        )
        version = submission_submit(submission=submission, user=member.user)
    saved_at = Submission.objects.get(pk=submission.pk).updated_at
    with time_machine.travel(datetime.datetime(2027, 2, 9, 9, tzinfo=datetime.UTC), tick=False):
        feedback_give(version=version, author=coach, decision="changes_requested", body="Add the dates.")
    submission.refresh_from_db()
    assert submission.status == "changes_requested"
    assert submission.updated_at == saved_at
    client.force_login(member.user)
    page = client.get(reverse("cohorts:assignment", args=[team.pk, template.pk])).content.decode()
    assert "February 3, 2027" in page and "February 9, 2027" not in page.split("Last saved by", 1)[1][:80]


# The Assignments list: the kind beside the title only when it says something else.


def test_assignments_list_says_the_kind_only_when_it_is_not_the_title(client, member):
    program = member.team.cohort.program
    f.AssignmentTemplateFactory(
        program=program, title="Vendor journey map", kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )
    f.AssignmentTemplateFactory(
        program=program, title="Our pilot", kind=AssignmentKind.PILOT_PLAN, due_week=3
    )
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:assignment_list", args=[member.team.pk])))
    assert [" ".join(th.get_text().split()) for th in page.select("thead th")] == [
        "Assignment",
        "Due",
        "Status",
    ]
    cells = sorted(" ".join(row.td.get_text(" ").split()) for row in page.select("tbody tr"))
    assert cells == ["Our pilot Pilot plan", "Vendor journey map"]


# File evidence: its file name, not the storage folder.


def test_file_evidence_shows_its_file_name_without_the_storage_folder(client, member):
    team = member.team
    item = f.ChecklistItemFactory()
    evidence_add(
        team=team,
        item=item,
        user=member.user,
        kind=EvidenceKind.FILE,
        file=SimpleUploadedFile("awards.csv", b"id,amount\n1,100\n", content_type="text/csv"),
    )
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:team_progress", args=[team.pk])))
    links = [a.get_text() for a in page.select("a[href*='evidence']") if "awards" in a.get_text()]
    assert links == ["awards.csv"]


# "Next cohort": never a cohort already under way (the home page lists the same program cards).


def test_home_page_calls_a_running_cohort_under_way_not_next(client, home_page):
    program = f.ProgramFactory()
    f.ProgramPageFactory(parent=home_page, program=program, title="Running sprint")
    f.CohortFactory(program=program, start_date=datetime.date(2027, 2, 1))
    with time_machine.travel(datetime.datetime(2027, 2, 10, 12, tzinfo=datetime.UTC), tick=False):
        card = soup(client.get("/en/")).select_one(".program-card")
    text = " ".join(card.get_text().split())
    assert "Cohort under way" in text and "Next cohort" not in text


def test_two_evidence_files_of_the_same_name_both_show_and_download_as_uploaded(client, member):
    """Storage renames the second "awards.csv" (awards_AbC123.csv): people still see, and download,
    the name they chose."""
    team = member.team
    item = f.ChecklistItemFactory()
    added = [
        evidence_add(
            team=team,
            item=item,
            user=member.user,
            kind=EvidenceKind.FILE,
            file=SimpleUploadedFile("awards.csv", content, content_type="text/csv"),
        )
        for content in (b"id,amount\n1,100\n", b"id,amount\n2,200\n")
    ]
    first, second = added
    assert first.file.name != second.file.name  # the storage told them apart
    assert [evidence.original_name for evidence in added] == ["awards.csv", "awards.csv"]
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:team_progress", args=[team.pk])))
    links = [a.get_text() for a in page.select("a[href*='evidence']") if "awards" in a.get_text()]
    assert links == ["awards.csv", "awards.csv"]
    for evidence, content in zip(added, (b"1,100", b"2,200"), strict=True):
        response = client.get(reverse("cohorts:evidence_download", args=[team.pk, evidence.pk]))
        assert 'filename="awards.csv"' in response["Content-Disposition"]
        assert content in b"".join(response.streaming_content)
