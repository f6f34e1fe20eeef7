"""Drafts, submits, feedback and attachments: the services in cohorts.submissions."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.assignments.models import FeedbackDecision, RefusedDraft, SubmissionStatus, SubmissionVersion
from cohorts.assignments.services import (
    CANNOT_DECIDE,
    CANNOT_SUBMIT,
    FEEDBACK_REQUIRED,
    FILE_TOO_LARGE,
    FILE_TYPE_NOT_ALLOWED,
    NOT_A_MEMBER,
    NOT_A_REVIEWER,
    NOT_EDITABLE,
    NOT_LATEST_VERSION,
    STALE_REVISION,
    attachment_add,
    attachment_remove,
    feedback_give,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db

STAGES = {"vendor_persona": "", "stages": [{"name": "Find the notice"}]}


def messages_of(error):
    return [str(message) for message in error.value.messages]


@pytest.fixture
def member():
    return f.MembershipFactory(user__preferred_language="es")


@pytest.fixture
def submission(member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program)
    return submission_for(team=member.team, template=template)


@pytest.fixture
def coach(member):
    return f.CoachAssignmentFactory(team=member.team).coach


def test_save_draft_validates_content_and_raises_the_revision(submission, member):
    submission_save_draft(submission=submission, content=STAGES, revision=0, user=member.user)
    submission.refresh_from_db()
    assert submission.revision == 1
    assert submission.content["stages"][0]["name"] == "Find the notice"
    assert submission.updated_by == member.user


def test_save_draft_rejects_invalid_content(submission, member):
    with pytest.raises(ValidationError, match=r"stages\.0\.name"):
        submission_save_draft(
            submission=submission, content={"stages": [{"name": ""}]}, revision=0, user=member.user
        )


def test_stale_save_is_refused_and_both_versions_are_kept(submission, member):
    teammate = f.MembershipFactory(team=member.team).user
    submission_save_draft(submission=submission, content=STAGES, revision=0, user=teammate)
    mine = {"vendor_persona": "Small firm", "stages": [{"name": "Register as a vendor"}]}
    with pytest.raises(ValidationError) as error:
        submission_save_draft(submission=submission, content=mine, revision=0, user=member.user)
    assert messages_of(error) == [str(STALE_REVISION)]
    submission.refresh_from_db()
    assert submission.content["stages"][0]["name"] == "Find the notice"  # the teammate's save stands
    refused = RefusedDraft.objects.get(submission=submission)
    assert refused.user == member.user
    assert refused.content["stages"][0]["name"] == "Register as a vendor"  # and mine is kept
    assert refused.based_on_revision == 0


def test_only_members_save_and_submit(submission, coach):
    with pytest.raises(ValidationError) as error:
        submission_save_draft(submission=submission, content=STAGES, revision=0, user=coach)
    assert messages_of(error) == [str(NOT_A_MEMBER)]
    with pytest.raises(ValidationError) as error:
        submission_submit(submission=submission, user=coach)
    assert messages_of(error) == [str(NOT_A_MEMBER)]


def test_submit_stores_an_immutable_version_with_the_attachments(submission, member):
    submission_save_draft(submission=submission, content=STAGES, revision=0, user=member.user)
    kept = attachment_add(
        submission=submission, file=SimpleUploadedFile("a.pdf", b"%PDF-1"), user=member.user
    )
    gone = attachment_add(submission=submission, file=SimpleUploadedFile("b.txt", b"hi"), user=member.user)
    attachment_remove(attachment=gone, user=member.user)
    version = submission_submit(submission=submission, user=member.user)
    submission.refresh_from_db()
    assert version.number == 1
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.version_number == 1
    assert version.content == submission.content
    assert list(version.attachments.all()) == [kept]
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert ModelLogEntry.objects.filter(action="ruta.submission.submitted").exists()


def test_submitted_work_cannot_be_edited_or_resubmitted(submission, member):
    submission_submit(submission=submission, user=member.user)
    submission.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        submission_save_draft(
            submission=submission, content=STAGES, revision=submission.revision, user=member.user
        )
    assert messages_of(error) == [str(NOT_EDITABLE)]
    with pytest.raises(ValidationError) as error:
        submission_submit(submission=submission, user=member.user)
    assert messages_of(error) == [str(CANNOT_SUBMIT)]


def test_changes_requested_lets_the_team_revise_and_resubmit_a_new_version(submission, member, coach):
    first = submission_submit(submission=submission, user=member.user)
    feedback_give(version=first, author=coach, decision=FeedbackDecision.CHANGES_REQUESTED, body="Add award.")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED
    submission_save_draft(
        submission=submission, content=STAGES, revision=submission.revision, user=member.user
    )
    second = submission_submit(submission=submission, user=member.user)
    assert second.number == 2
    first.refresh_from_db()
    assert first.content["stages"] == []  # the first version is untouched
    assert SubmissionVersion.objects.filter(submission=submission).count() == 2


def test_feedback_emails_the_team_in_each_members_language(submission, member, coach):
    english = f.MembershipFactory(team=member.team, user__preferred_language="en").user
    version = submission_submit(submission=submission, user=member.user)
    mail.outbox.clear()
    feedback_give(
        version=version, author=coach, decision=FeedbackDecision.CHANGES_REQUESTED, body="Más etapas."
    )
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert set(subjects) == {member.user.email, english.email}
    assert subjects[english.email].startswith("[Ruta] Changes requested")
    assert "Más etapas." in mail.outbox[0].body


def test_accepting_needs_the_latest_submitted_version(submission, member, coach):
    first = submission_submit(submission=submission, user=member.user)
    feedback_give(version=first, author=coach, decision=FeedbackDecision.CHANGES_REQUESTED, body="More.")
    with pytest.raises(ValidationError) as error:
        feedback_give(version=first, author=coach, decision=FeedbackDecision.ACCEPTED, body="Fine.")
    assert messages_of(error) == [str(CANNOT_DECIDE)]
    second = submission_submit(submission=submission, user=member.user)
    with pytest.raises(ValidationError) as error:
        feedback_give(version=first, author=coach, decision=FeedbackDecision.ACCEPTED, body="Fine.")
    assert messages_of(error) == [str(NOT_LATEST_VERSION)]
    feedback_give(version=first, author=coach, decision=FeedbackDecision.COMMENT, body="Older note.")
    feedback_give(version=second, author=coach, decision=FeedbackDecision.ACCEPTED, body="Fine.")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("coach", True), ("staff", True), ("member", False), ("other_coach", False), ("former_coach", False)],
)
def test_who_may_give_feedback(submission, member, who, allowed):
    version = submission_submit(submission=submission, user=member.user)
    users = {
        "coach": lambda: f.CoachAssignmentFactory(team=member.team).coach,
        "staff": lambda: f.StaffUserFactory(),
        "member": lambda: member.user,
        "other_coach": lambda: f.CoachAssignmentFactory(team=f.TeamFactory(cohort=member.team.cohort)).coach,
        "former_coach": lambda: (
            f.CoachAssignmentFactory(
                team=member.team, role="supporting", ends_on=member.team.cohort.start_date
            ).coach
        ),
    }
    author = users[who]()
    if allowed:
        feedback_give(version=version, author=author, decision=FeedbackDecision.ACCEPTED, body="Good.")
        submission.refresh_from_db()
        assert submission.status == SubmissionStatus.ACCEPTED
    else:
        with pytest.raises(ValidationError) as error:
            feedback_give(version=version, author=author, decision=FeedbackDecision.ACCEPTED, body="Good.")
        assert messages_of(error) == [str(NOT_A_REVIEWER)]


def test_feedback_needs_a_body(submission, member, coach):
    version = submission_submit(submission=submission, user=member.user)
    with pytest.raises(ValidationError) as error:
        feedback_give(version=version, author=coach, decision=FeedbackDecision.COMMENT, body="  ")
    assert messages_of(error) == [str(FEEDBACK_REQUIRED)]


@override_settings(SUBMISSION_UPLOAD_MAX_BYTES=10)
def test_uploads_respect_the_size_limit_and_allowed_types(member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=AssignmentKind.DOCUMENT)
    submission = submission_for(team=member.team, template=template)
    with pytest.raises(ValidationError) as error:
        attachment_add(submission=submission, file=SimpleUploadedFile("big.pdf", b"x" * 11), user=member.user)
    assert messages_of(error) == [str(FILE_TOO_LARGE % {"limit": 0.0})]
    with pytest.raises(ValidationError) as error:
        attachment_add(submission=submission, file=SimpleUploadedFile("run.exe", b"x"), user=member.user)
    assert "not accepted" in messages_of(error)[0]
    assert str(FILE_TYPE_NOT_ALLOWED).startswith("This type")
