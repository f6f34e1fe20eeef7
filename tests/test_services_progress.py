"""Evidence, status marks, verification and return: the services in cohorts.progress."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.assignments.services import FILE_TYPE_NOT_ALLOWED
from cohorts.personal_data import user_data
from cohorts.progress.models import CriterionProgress, EvidenceKind, ProgressStatus
from cohorts.progress.selectors import team_progress_history
from cohorts.progress.services import (
    CANNOT_RECORD_MEASUREMENT,
    COMMENT_REQUIRED,
    NOT_A_MEMBER,
    NOT_A_REVIEWER,
    NOT_MET,
    SUBMISSION_NOT_TEAMS,
    evidence_add,
    evidence_remove,
    measurement_record,
    progress_mark,
    progress_return,
    progress_verify,
)
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(team_a, member_a, coach):
    """Team A of the shared world, its member and coach, and an RDC7 item."""
    item = f.ChecklistItemFactory(criterion=f.CriterionFactory(code="RDC7", required_count=1))
    return team_a, member_a, coach, item


def _actions(progress):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CriterionProgress), object_id=str(progress.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )


def test_member_attaches_the_teams_submission_and_the_item_starts(setup):
    team, member, _coach, item = setup
    submission = f.SubmissionFactory(team=team)
    evidence = evidence_add(
        team=team, item=item, user=member, kind=EvidenceKind.SUBMISSION, submission=submission
    )
    progress = evidence.progress
    assert progress.status == ProgressStatus.IN_PROGRESS
    assert _actions(progress) == [("ruta.progress.evidence_added", member.pk)]


def test_evidence_cannot_be_another_teams_submission(setup):
    team, member, _coach, item = setup
    other = f.SubmissionFactory()
    with pytest.raises(ValidationError) as error:
        evidence_add(team=team, item=item, user=member, kind=EvidenceKind.SUBMISSION, submission=other)
    assert error.value.messages == [str(SUBMISSION_NOT_TEAMS)]


def test_participant_cannot_add_evidence_to_another_team(setup):
    _team, member, _coach, item = setup
    other_team = f.TeamFactory()
    with pytest.raises(ValidationError) as error:
        evidence_add(team=other_team, item=item, user=member, kind=EvidenceKind.LINK, url="https://x.example")
    assert error.value.messages == [str(NOT_A_MEMBER)]


def test_coach_cannot_edit_evidence_or_status(setup):
    team, _member, coach, item = setup
    with pytest.raises(ValidationError):
        evidence_add(team=team, item=item, user=coach, kind=EvidenceKind.LINK, url="https://x.example")
    with pytest.raises(ValidationError):
        progress_mark(team=team, item=item, user=coach, status=ProgressStatus.MET)


def test_file_evidence_is_validated_like_attachments(setup):
    team, member, _coach, item = setup
    bad = SimpleUploadedFile("macro.exe", b"MZ")
    with pytest.raises(ValidationError) as error:
        evidence_add(team=team, item=item, user=member, kind=EvidenceKind.FILE, file=bad)
    assert "not accepted" in error.value.messages[0]
    assert str(FILE_TYPE_NOT_ALLOWED).split(":")[0] in error.value.messages[0]
    good = SimpleUploadedFile("open-data-policy.pdf", b"%PDF-1.4")
    evidence = evidence_add(
        team=team, item=item, user=member, kind=EvidenceKind.FILE, file=good, note="Policy"
    )
    assert evidence.file.name.endswith(".pdf")


def test_a_members_data_export_names_the_evidence_files_they_uploaded(setup):
    team, member, _coach, item = setup
    upload = SimpleUploadedFile("open-data-policy.pdf", b"%PDF-1.4")
    evidence_add(team=team, item=item, user=member, kind=EvidenceKind.FILE, file=upload)
    evidence_add(team=team, item=item, user=member, kind=EvidenceKind.LINK, url="https://x.example")

    exported = user_data(member)["evidence"]

    assert sorted((entry["kind"], entry["file_name"], entry["url"]) for entry in exported) == [
        ("file", "open-data-policy.pdf", ""),
        ("link", "", "https://x.example"),
    ]


def test_removing_evidence_is_soft_and_logged(setup):
    team, member, _coach, item = setup
    evidence = evidence_add(
        team=team, item=item, user=member, kind=EvidenceKind.LINK, url="https://x.example"
    )
    evidence_remove(evidence=evidence, user=member)
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    assert _actions(evidence.progress)[-1] == ("ruta.progress.evidence_removed", member.pk)


def test_participant_cannot_verify(setup):
    team, member, _coach, item = setup
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)
    with pytest.raises(ValidationError) as error:
        progress_verify(progress=progress, coach=member)
    assert error.value.messages == [str(NOT_A_REVIEWER)]


def test_coach_verifies_only_for_assigned_teams(setup):
    _team, _member, _coach, item = setup
    other_team = f.TeamFactory()
    other_member = f.MembershipFactory(team=other_team).user
    progress = progress_mark(team=other_team, item=item, user=other_member, status=ProgressStatus.MET)
    coach = make_coach()
    coached_team(coach)
    with pytest.raises(ValidationError) as error:
        progress_verify(progress=progress, coach=coach)
    assert error.value.messages == [str(NOT_A_REVIEWER)]


def test_staff_can_verify_any_team(setup, staff_user):
    team, member, _coach, item = setup
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=staff_user)
    progress.refresh_from_db()
    assert progress.verified_by == staff_user


def test_verify_needs_the_item_marked_met(setup):
    team, member, coach, item = setup
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.IN_PROGRESS)
    with pytest.raises(ValidationError) as error:
        progress_verify(progress=progress, coach=coach)
    assert error.value.messages == [str(NOT_MET)]


def test_verify_and_return_are_recorded_with_who_and_emailed(setup):
    team, member, coach, item = setup
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)
    progress = progress_verify(progress=progress, coach=coach, comment="Portal is public.")
    assert progress.verified_by == coach and progress.verified_at is not None
    assert [m.to for m in mail.outbox] == [[member.email]]

    with pytest.raises(ValidationError) as error:
        progress_return(progress=progress, coach=coach, comment=" ")
    assert error.value.messages == [str(COMMENT_REQUIRED)]

    progress = progress_return(progress=progress, coach=coach, comment="The link is broken.")
    assert progress.status == ProgressStatus.IN_PROGRESS
    assert progress.verified_at is None and progress.verified_by is None
    assert progress.coach_comment == "The link is broken."
    assert len(mail.outbox) == 2
    assert _actions(progress) == [
        ("ruta.progress.marked", member.pk),
        ("ruta.progress.verified", coach.pk),
        ("ruta.progress.returned", coach.pk),
    ]
    history = list(team_progress_history(team))
    assert history[0].action == "ruta.progress.returned"
    assert "The link is broken." in history[0].message


def test_unmarking_a_verified_item_drops_the_verification(setup):
    team, member, coach, item = setup
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=coach)
    progress = progress_mark(team=team, item=item, user=member, status=ProgressStatus.IN_PROGRESS)
    assert progress.verified_at is None


def test_measurements_are_recorded_by_members_or_staff_and_logged(setup, staff_user):
    team, member, coach, _item = setup
    indicator = f.IndicatorFactory(team=team)
    for outsider in [coach, f.MembershipFactory().user]:
        with pytest.raises(ValidationError) as error:
            measurement_record(
                indicator=indicator, user=outsider, measured_on=datetime.date(2027, 3, 1), value=Decimal("3")
            )
        assert error.value.messages == [str(CANNOT_RECORD_MEASUREMENT)]
    assert not indicator.measurements.exists()

    for user, day in [(member, 1), (staff_user, 2)]:
        measurement = measurement_record(
            indicator=indicator, user=user, measured_on=datetime.date(2027, 3, day), value=Decimal("3")
        )
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(measurement), object_id=str(measurement.pk)
        )
        assert list(entries.values_list("action", "user_id")) == [("wagtail.create", user.pk)]
