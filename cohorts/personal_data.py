"""A person's applications, memberships and team work in their data export, and what their account's
deletion removes or anonymises."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from accounts.models import DELETED_USER_NAME
from cohorts.assignments.models import Feedback, RefusedDraft, SubmissionAttachment, SubmissionVersion
from cohorts.checkins.models import CheckIn
from cohorts.models import Membership
from cohorts.opendata.models import DataImport
from cohorts.peers.models import PeerMessage
from cohorts.progress.models import Evidence, Measurement
from cohorts.registration.models import Registration, RegistrationMember
from cohorts.schedule.models import Attendance, CalendarFeed, ScheduleVote


def user_data(user) -> dict:
    registrations = (
        Registration.objects.filter(applicant=user)
        .select_related("cohort__program", "focus_area")
        .prefetch_related(
            Prefetch(
                "members", queryset=RegistrationMember.objects.select_related("role").order_by("sort_order")
            ),
            "answers",
        )
        .order_by("created_at", "pk")
    )
    return {
        "applications": [
            {
                "program": registration.cohort.program.name,
                "cohort": registration.cohort.name,
                "status": registration.status,
                "city": registration.city,
                "jurisdiction": registration.jurisdiction,
                "team_name": registration.team_name,
                "challenge_statement": registration.challenge_statement,
                "focus_area": registration.focus_area.name if registration.focus_area else None,
                "accepts_time_commitment": registration.accepts_time_commitment,
                "accepts_mou": registration.accepts_mou,
                "decision_note": registration.decision_note,
                "created_at": registration.created_at,
                "submitted_at": registration.submitted_at,
                "decided_at": registration.decided_at,
                "members": [
                    {
                        "full_name": member.full_name,
                        "email": member.email,
                        "title": member.title,
                        "department": member.department,
                        "role": member.role.name if member.role else None,
                    }
                    for member in registration.members.all()
                ],
                "answers": [
                    {"question": answer.question_text, "answer": answer.answer}
                    for answer in registration.answers.all()
                ],
            }
            for registration in registrations
        ],
        "memberships": [
            {
                "team": membership.team.name,
                "city": membership.team.city,
                "program": membership.team.cohort.program.name,
                "cohort": membership.team.cohort.name,
                "role": membership.role.name if membership.role else None,
                "title": membership.title,
                "department": membership.department,
                "joined_at": membership.joined_at,
                "team_archived_at": membership.team.archived_at,
            }
            for membership in Membership.objects.filter(user=user)
            .select_related("team__cohort__program", "role")
            .order_by("joined_at", "pk")
        ],
        "feedback": [
            {
                "team": feedback.version.submission.team.name,
                "assignment": feedback.version.submission.template.title,
                "version": feedback.version.number,
                "decision": feedback.decision,
                "body": feedback.body,
                "created_at": feedback.created_at,
            }
            for feedback in Feedback.objects.filter(author=user).select_related(
                "version__submission__team", "version__submission__template"
            )
        ],
        "submitted_versions": [
            {
                "team": version.submission.team.name,
                "assignment": version.submission.template.title,
                "version": version.number,
                "submitted_at": version.submitted_at,
            }
            for version in SubmissionVersion.objects.filter(submitted_by=user)
            .select_related("submission__team", "submission__template")
            .order_by("submitted_at", "pk")
        ],
        "uploaded_files": [
            {
                "team": attachment.submission.team.name,
                "assignment": attachment.submission.template.title,
                "file_name": attachment.original_name,
                "size": attachment.size,
                "uploaded_at": attachment.uploaded_at,
                "removed_at": attachment.removed_at,
            }
            for attachment in SubmissionAttachment.objects.filter(uploaded_by=user).select_related(
                "submission__team", "submission__template"
            )
        ],
        "evidence": [
            {
                "team": evidence.progress.team.name,
                "checklist_item": evidence.progress.item.text,
                "kind": evidence.kind,
                "file_name": evidence.file_name,
                "url": evidence.url,
                "note": evidence.note,
                "added_at": evidence.added_at,
                "removed_at": evidence.removed_at,
            }
            for evidence in Evidence.objects.filter(added_by=user).select_related(
                "progress__team", "progress__item"
            )
        ],
        "measurements": [
            {
                "indicator": measurement.indicator.name,
                "measured_on": measurement.measured_on,
                "value": measurement.value,
                "note": measurement.note,
            }
            for measurement in Measurement.objects.filter(recorded_by=user).select_related("indicator")
        ],
        "attendance": [
            {
                "team": record.membership.team.name,
                "session": record.session.title,
                "starts_at": record.session.starts_at,
                "status": record.status,
            }
            for record in Attendance.objects.filter(membership__user=user)
            .select_related("session", "membership__team")
            .order_by("session__starts_at", "pk")
        ],
        "schedule_poll_answers": [
            {
                "team": vote.membership.team.name,
                "cohort": vote.slot.poll.cohort.name,
                "slot": str(vote.slot),
                "time_zone": vote.slot.poll.cohort.time_zone,
                "answer": vote.answer,
                "answered_at": vote.answered_at,
            }
            for vote in ScheduleVote.objects.filter(membership__user=user)
            .select_related("membership__team", "slot__poll__cohort")
            .order_by("slot__poll_id", "slot__sort_order", "pk")
        ],
        "peer_messages": [
            {
                "team": message.team.name,
                "to_team": message.pairing.other(message.team).name,
                "message": message.body,
                "sent_at": message.created_at,
                "edited_at": message.edited_at,
                "deleted_at": message.deleted_at,
            }
            for message in PeerMessage.objects.filter(author=user)
            .select_related("team", "pairing__team", "pairing__peer")
            .order_by("created_at", "pk")
        ],
        "calendar": {"subscribed": CalendarFeed.objects.filter(user=user, revoked_at=None).exists()},
        "procurement_data_files": [
            {
                "team": data_import.source.team.name,
                "source": data_import.source.name,
                "address": data_import.source.url,
                "file_name": data_import.original_name,
                "size": data_import.size,
                "status": data_import.status,
                "requested_at": data_import.created_at,
            }
            for data_import in DataImport.objects.filter(requested_by=user)
            .select_related("source__team")
            .only(
                "source__team__name",
                "source__name",
                "source__url",
                "original_name",
                "size",
                "status",
                "created_at",
            )
            .order_by("created_at", "pk")
        ],
        "weekly_check_ins": [
            {
                "team": checkin.team.name,
                "week": checkin.week,
                "rating": checkin.rating,
                "political_support": checkin.political_support,
                "blockers": checkin.blockers,
                "updated_at": checkin.updated_at,
            }
            for checkin in CheckIn.objects.filter(updated_by=user)
            .select_related("team")
            .order_by("team", "week")
        ],
    }


def user_data_erase(user, *, old_email, now) -> None:
    RefusedDraft.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=now)
    with translation.override(settings.LANGUAGE_CODE):
        # Applications name their members in plain text: the name is stored, not translated.
        RegistrationMember.objects.filter(email__iexact=old_email).update(
            email=user.email, full_name=str(DELETED_USER_NAME)
        )
