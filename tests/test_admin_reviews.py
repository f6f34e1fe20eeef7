"""Coaches and staff review submitted assignments in the admin: queue, review page, feedback."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.assignments.models import Feedback, FeedbackDecision, SubmissionStatus
from cohorts.assignments.services import submission_for, submission_save_draft, submission_submit
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db


def admin_coach(team):
    """A coach as the demo makes them: admin access through the Coaches group, no model permissions."""
    group, _created = Group.objects.get_or_create(name="Coaches")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    coach = f.CoachAssignmentFactory(team=team, coach__is_staff=False).coach
    coach.groups.add(group)
    return coach


@pytest.fixture
def submitted(member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, title="Journey map")
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission, content={"stages": [{"name": "Find the notice"}]}, revision=0, user=member.user
    )
    submission_submit(submission=submission, user=member.user)
    submission.refresh_from_db()
    return submission


def review_url(submission):
    return reverse("cohorts_submission_review", args=[submission.pk])


def test_coach_sees_the_queue_of_their_teams_only(client, submitted):
    coach = admin_coach(submitted.team)
    other_team = f.TeamFactory(cohort=submitted.team.cohort)
    other = submission_for(
        team=other_team,
        template=f.AssignmentTemplateFactory(program=other_team.cohort.program, title="Elsewhere"),
    )
    other_member = f.MembershipFactory(team=other_team)
    submission_submit(submission=other, user=other_member.user)
    client.force_login(coach)
    page = client.get(reverse("cohorts_review_queue")).text
    assert review_url(submitted) in page
    assert review_url(other) not in page
    assert "Reviews" in client.get(reverse("wagtailadmin_home")).text


def test_review_page_renders_the_version_with_the_workspace_renderer(client, submitted):
    client.force_login(admin_coach(submitted.team))
    page = client.get(review_url(submitted)).text
    assert "journey-grid" in page and "Find the notice" in page


def test_coach_requests_changes_and_the_team_is_told(client, submitted, mailoutbox):
    coach = admin_coach(submitted.team)
    client.force_login(coach)
    response = client.post(
        review_url(submitted), {"decision": "changes_requested", "body": "Add the award stage."}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.CHANGES_REQUESTED
    feedback = Feedback.objects.get()
    assert (feedback.author, feedback.version.number) == (coach, 1)
    assert mailoutbox and "Add the award stage." in mailoutbox[-1].body
    assert ModelLogEntry.objects.filter(action="ruta.submission.changes_requested").exists()


def test_staff_accepts_and_a_refused_decision_shows_the_reason(staff_client, submitted):
    staff_client.post(review_url(submitted), {"decision": "accepted", "body": "Well done."})
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.ACCEPTED
    response = staff_client.post(
        review_url(submitted), {"decision": "accepted", "body": "Again."}, follow=True
    )
    assert "Only submitted work can be accepted" in response.text
    assert Feedback.objects.filter(decision=FeedbackDecision.ACCEPTED).count() == 1


@pytest.mark.parametrize("who", ["other_coach", "member"])
def test_others_get_404_or_no_admin(client, submitted, who):
    if who == "other_coach":
        user = admin_coach(f.TeamFactory(cohort=submitted.team.cohort))
        client.force_login(user)
        assert client.get(review_url(submitted), follow=True).status_code == 404
        assert (
            client.post(review_url(submitted), {"decision": "comment", "body": "x"}, follow=True).status_code
            == 404
        )
    else:
        client.force_login(submitted.team.memberships.get().user)
        assert client.get(review_url(submitted)).status_code in (302, 403)
    assert not Feedback.objects.exists()


def test_submission_listing_links_to_the_review(staff_client, submitted):
    listing = staff_client.get(reverse("submission:index")).text
    assert review_url(submitted) in listing


# The review page offers the participant side's exports (issue #18)


def export_links(page):
    soup = BeautifulSoup(page, "html.parser")
    return {a.get_text(strip=True): a["href"] for a in soup.select("a[href*='/export.']")}


@pytest.mark.parametrize("reader", ["coach", "staff"])
def test_the_review_page_offers_pdf_excel_and_csv_of_the_version(client, submitted, staff_user, reader):
    user = admin_coach(submitted.team) if reader == "coach" else staff_user
    client.force_login(user)
    links = export_links(client.get(review_url(submitted)).text)
    assert set(links) == {"PDF", "Excel", "CSV"}
    expected = {"PDF": "application/pdf", "Excel": "spreadsheetml", "CSV": "text/csv"}
    for label, href in links.items():
        assert href.endswith("?version=1")
        response = client.get(href)
        assert response.status_code == 200, label
        assert expected[label] in response["Content-Type"]
    assert "Find the notice" in client.get(links["CSV"]).content.decode()


def test_the_exports_of_the_review_page_are_refused_to_another_teams_coach(client, submitted):
    client.force_login(admin_coach(submitted.team))
    links = export_links(client.get(review_url(submitted)).text)
    client.force_login(admin_coach(f.TeamFactory(cohort=submitted.team.cohort)))
    for href in links.values():
        assert client.get(href).status_code == 404


def test_a_document_has_only_its_pdf_on_the_review_page(client, member, staff_user):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=AssignmentKind.DOCUMENT)
    submission = submission_for(team=member.team, template=template)
    submission_save_draft(
        submission=submission, content={"body": "Our plan.", "links": []}, revision=0, user=member.user
    )
    submission_submit(submission=submission, user=member.user)
    client.force_login(staff_user)
    assert set(export_links(client.get(review_url(submission)).text)) == {"PDF"}
