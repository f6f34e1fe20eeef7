"""The Wagtail admin never bypasses a service (issue #11 "Trust" §3).

Every record whose state a service owns is either read-only in the generic admin (listing,
inspect and history; no add, edit or delete, and a button to the flow that changes it) or
saved through its service, with the service's validation, history entry and notifications.
One test per viewset: it tries the bypass through the generic add/edit/delete POST.
"""

import datetime
from unittest import mock

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.demo import factories
from coaching import services as coaching_services
from coaching.models import CoachAssignment, CoachRole
from cohorts.assignments.models import (
    Feedback,
    FeedbackDecision,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.progress import services as progress_rules
from cohorts.progress.models import CriterionProgress, Evidence, Measurement, ProgressStatus
from cohorts.registration.models import Registration, RegistrationStatus
from cohorts.schedule.models import Attendance, AttendanceStatus, SessionStatus
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def generic_url(name, view, obj=None):
    """The path Wagtail's ModelViewSet gives a generic view, whether or not it is still routed."""
    index = reverse(f"{name}:index")
    return f"{index}{view}/{obj.pk}/" if obj is not None else f"{index}{view}/"


def assert_generic_writes_refused(client, name, obj, data):
    """The generic add, edit and delete views are gone: a POST to any of them finds nothing (the
    language middleware first redirects an unknown path to its /en/ twin, which is not found)."""
    for url in [generic_url(name, "new"), generic_url(name, "edit", obj), generic_url(name, "delete", obj)]:
        assert client.post(url, data, follow=True).status_code == 404, url
    for view in ["index", "inspect", "history"]:
        args = [obj.pk] if view != "index" else []
        assert client.get(reverse(f"{name}:{view}", args=args)).status_code == 200, view


def log_actions(obj):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def submitted_version():
    submission = factories.SubmissionFactory(status=SubmissionStatus.SUBMITTED, version_number=1)
    factories.MembershipFactory(team=submission.team)
    version = factories.SubmissionVersionFactory(submission=submission, number=1)
    return submission, version


def test_registration_changes_only_through_its_decisions(staff_client):
    registration = factories.RegistrationMemberFactory().registration

    assert_generic_writes_refused(
        staff_client,
        "registration",
        registration,
        {"cohort": registration.cohort_id, "team_name": "Renamed", "status": RegistrationStatus.ACCEPTED},
    )
    registration.refresh_from_db()
    assert (registration.team_name, registration.status) != ("Renamed", RegistrationStatus.ACCEPTED)
    assert registration.status == RegistrationStatus.SUBMITTED
    assert Registration.objects.count() == 1
    # The decisions stay: the inspect page links the decide view, which goes through the services.
    page = staff_client.get(reverse("registration:inspect", args=[registration.pk])).content.decode()
    assert reverse("registration:decide", args=[registration.pk]) in page


def test_attendance_is_taken_only_through_the_roster(staff_client, staff_user):
    record = factories.AttendanceFactory()
    cancelled = factories.SessionFactory(cohort=record.session.cohort, status=SessionStatus.CANCELLED)

    assert_generic_writes_refused(
        staff_client,
        "attendance",
        record,
        {"session": cancelled.pk, "membership": record.membership_id, "status": AttendanceStatus.ABSENT},
    )
    assert not Attendance.objects.filter(session=cancelled).exists()
    record.refresh_from_db()
    assert record.status == AttendanceStatus.PRESENT
    # The listing and the record point to the roster, which records through attendance_record.
    assert (
        reverse("cohorts_attendance_sessions")
        in staff_client.get(reverse("attendance:index")).content.decode()
    )
    # Once the session has started, that is (issue #18).
    with time_machine.travel(record.session.starts_at, tick=False):
        staff_client.force_login(staff_user)  # signed in again: the session cookie is dated
        inspect = staff_client.get(reverse("attendance:inspect", args=[record.pk])).content.decode()
    assert reverse("cohorts_take_attendance", args=[record.session_id]) in inspect


def test_submission_status_changes_only_through_feedback(staff_client):
    draft = factories.SubmissionFactory(status=SubmissionStatus.DRAFT)

    assert_generic_writes_refused(
        staff_client,
        "submission",
        draft,
        {"team": draft.team_id, "template": draft.template_id, "status": SubmissionStatus.ACCEPTED},
    )
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.DRAFT
    assert Submission.objects.count() == 1
    assert reverse("cohorts_review_queue") in staff_client.get(reverse("submission:index")).content.decode()


def test_submission_versions_are_never_written_in_the_admin(staff_client):
    submission, version = submitted_version()

    assert_generic_writes_refused(
        staff_client,
        "submissionversion",
        version,
        {"submission": submission.pk, "number": 7, "content": "{}"},
    )
    version.refresh_from_db()
    assert version.number == 1
    assert SubmissionVersion.objects.count() == 1
    inspect = staff_client.get(reverse("submissionversion:inspect", args=[version.pk])).content.decode()
    assert reverse("cohorts_submission_review", args=[submission.pk]) in inspect


def test_feedback_is_given_only_through_the_review_page(staff_client, staff_user):
    submission, version = submitted_version()
    feedback = factories.FeedbackFactory(version=version)

    assert_generic_writes_refused(
        staff_client,
        "feedback",
        feedback,
        {"version": version.pk, "decision": FeedbackDecision.ACCEPTED, "body": "Well done."},
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert Feedback.objects.count() == 1
    assert not mail.outbox
    assert reverse("cohorts_review_queue") in staff_client.get(reverse("feedback:index")).content.decode()
    inspect = staff_client.get(reverse("feedback:inspect", args=[feedback.pk])).content.decode()
    assert reverse("cohorts_submission_review", args=[submission.pk]) in inspect


def test_criterion_progress_is_verified_only_through_the_verify_page(staff_client, staff_user):
    progress = factories.CriterionProgressFactory(status=ProgressStatus.IN_PROGRESS)

    assert_generic_writes_refused(
        staff_client,
        "criterionprogress",
        progress,
        {
            "team": progress.team_id,
            "item": progress.item_id,
            "status": ProgressStatus.MET,
            "verified_by": staff_user.pk,
            "verified_at": "2027-03-01 10:00",
        },
    )
    progress.refresh_from_db()
    assert (progress.status, progress.verified_at, progress.verified_by) == (
        ProgressStatus.IN_PROGRESS,
        None,
        None,
    )
    assert CriterionProgress.objects.count() == 1
    index = staff_client.get(reverse("criterionprogress:index")).content.decode()
    assert reverse("cohorts_verify_queue") in index
    progress.status = ProgressStatus.MET
    progress.save()
    inspect = staff_client.get(reverse("criterionprogress:inspect", args=[progress.pk])).content.decode()
    assert reverse("cohorts_progress_verify", args=[progress.pk]) in inspect


def test_evidence_is_never_written_in_the_admin(staff_client):
    evidence = factories.EvidenceFactory()

    assert_generic_writes_refused(
        staff_client,
        "evidence",
        evidence,
        {"progress": evidence.progress_id, "kind": "link", "url": "https://example.org/other", "note": ""},
    )
    evidence.refresh_from_db()
    assert evidence.url == "https://data.city.example.gov/procurement"
    assert Evidence.objects.count() == 1
    inspect = staff_client.get(reverse("evidence:inspect", args=[evidence.pk])).content.decode()
    assert reverse("cohorts_progress_verify", args=[evidence.progress_id]) in inspect


def test_measurement_added_in_the_admin_goes_through_measurement_record(staff_client, staff_user):
    indicator = factories.IndicatorFactory()
    existing = factories.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 3, 1))
    data = {
        "indicator": indicator.pk,
        "measured_on": "2027-04-01",
        "value": "4.5",
        "note": "  From the portal.  ",
    }

    with mock.patch.object(
        progress_rules, "measurement_record", wraps=progress_rules.measurement_record
    ) as service:
        response = staff_client.post(reverse("measurement:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    service.assert_called_once()
    measurement = Measurement.objects.get(measured_on=datetime.date(2027, 4, 1))
    assert (measurement.recorded_by, measurement.note) == (staff_user, "From the portal.")
    assert log_actions(measurement) == ["wagtail.create"]

    # The service's validation shows on the form: one measurement per indicator and date.
    response = staff_client.post(reverse("measurement:add"), {**data, "measured_on": "2027-03-01"})
    assert response.status_code == 200
    assert "This indicator already has a measurement on this date." in str(response.context["form"].errors)
    # A recorded measurement is kept as recorded.
    for url in [generic_url("measurement", "edit", existing), generic_url("measurement", "delete", existing)]:
        assert staff_client.post(url, {**data, "value": "99"}, follow=True).status_code == 404
    existing.refresh_from_db()
    assert existing.value == 3


def test_coach_assignment_is_created_and_ended_through_the_coaching_services(staff_client, staff_user):
    team = factories.TeamFactory()
    coach, other = factories.StaffUserFactory(), factories.StaffUserFactory()
    today = timezone.localdate()
    starts_on, ends_on = today - datetime.timedelta(days=60), today - datetime.timedelta(days=1)

    with mock.patch.object(
        coaching_services, "coach_assign", wraps=coaching_services.coach_assign
    ) as service:
        response = staff_client.post(
            reverse("coachassignment:add"),
            {"team": team.pk, "coach": coach.pk, "role": CoachRole.LEAD, "starts_on": starts_on.isoformat()},
        )
    assert response.status_code == 302, response.context["form"].errors
    service.assert_called_once()
    assignment = CoachAssignment.objects.get(team=team)
    assert (assignment.coach, assignment.starts_on, assignment.ends_on) == (
        coach,
        starts_on,
        None,
    )
    assert log_actions(assignment) == ["wagtail.create"]

    # Validation from the service: a team has one lead coach at a time.
    response = staff_client.post(
        reverse("coachassignment:add"),
        {"team": team.pk, "coach": other.pk, "role": CoachRole.LEAD, "starts_on": starts_on.isoformat()},
    )
    assert response.status_code == 200
    assert "The team already has a lead coach." in str(response.context["form"].errors)
    assert CoachAssignment.objects.count() == 1

    # Editing ends the assignment through its service; nothing else about it changes, and it
    # cannot end in the future (an ended coach loses the team at once).
    future = {"ends_on": (today + datetime.timedelta(days=30)).isoformat()}
    response = staff_client.post(reverse("coachassignment:edit", args=[assignment.pk]), future)
    assert response.status_code == 200
    assert str(coaching_services.ENDS_IN_FUTURE) in str(response.context["form"].errors["ends_on"])
    with mock.patch.object(
        coaching_services, "coach_assignment_end", wraps=coaching_services.coach_assignment_end
    ) as service:
        response = staff_client.post(
            reverse("coachassignment:edit", args=[assignment.pk]),
            {"ends_on": ends_on.isoformat(), "coach": other.pk, "team": factories.TeamFactory().pk},
        )
    assert response.status_code == 302, response.context["form"].errors
    service.assert_called_once()
    assignment.refresh_from_db()
    assert (assignment.team, assignment.coach, assignment.ends_on) == (
        team,
        coach,
        ends_on,
    )
    assert log_actions(assignment) == ["wagtail.create", "ruta.coach_assignment.ended"]

    # An ended assignment cannot be ended again, and no assignment is deleted.
    response = staff_client.post(
        reverse("coachassignment:edit", args=[assignment.pk]), {"ends_on": today.isoformat()}
    )
    assert response.status_code == 200
    assert str(coaching_services.ASSIGNMENT_ENDED) in str(response.context["form"].errors)
    edit_url = reverse("coachassignment:edit", args=[assignment.pk])
    assert edit_url not in staff_client.get(reverse("coachassignment:index")).content.decode()
    inspect = staff_client.get(reverse("coachassignment:inspect", args=[assignment.pk])).content.decode()
    assert edit_url not in inspect
    delete_url = generic_url("coachassignment", "delete", assignment)
    assert staff_client.post(delete_url, follow=True).status_code == 404
    assert CoachAssignment.objects.filter(pk=assignment.pk, ends_on=ends_on).exists()


def test_announcement_is_sent_only_through_the_send_page(staff_client, staff_user):
    member = factories.MembershipFactory()
    draft = factories.AnnouncementFactory(cohort=member.team.cohort)

    # Adding or editing a draft never sends it, whatever the POST says about sent_at.
    data = {
        "cohort": draft.cohort_id,
        "role": "",
        "title_en": "Week 3 moves",
        "title_es": "La semana 3 cambia",
        "body_en": "Thursday this week.",
        "body_es": "El jueves esta semana.",
        "sent_at": "2027-03-01 10:00",
    }
    assert staff_client.post(reverse("announcement:edit", args=[draft.pk]), data).status_code == 302
    assert staff_client.post(reverse("announcement:add"), data).status_code == 302
    assert not Notification.objects.exists()
    assert not mail.outbox
    for announcement in type(draft).objects.all():
        assert announcement.sent_at is None

    # Sending goes through announcement_send: notified, logged, then locked against edits.
    response = staff_client.post(reverse("announcement:send", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.sent_at is not None
    assert Notification.objects.filter(user=member.user).count() == 1
    assert "ruta.announcement.sent" in log_actions(draft)
    response = staff_client.post(
        reverse("announcement:edit", args=[draft.pk]), {**data, "title_en": "Changed after sending"}
    )
    assert response.status_code == 302
    assert staff_client.post(reverse("announcement:delete", args=[draft.pk])).status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Week 3 moves"
