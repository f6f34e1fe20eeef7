"""A person's own data: the copy they download, and deleting their account.

Deleting an account anonymises the user row rather than removing it: applications, memberships,
feedback, comments and TA sessions reference users with PROTECT, and the team's history must stay
whole. What is only the person's (sign-in addresses, notifications and their preferences, the
calendar address, refused drafts) is removed; what the team wrote together stays, signed
"Deleted user" in the reader's language.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.models import DELETED_USER_NAME, Notification, NotificationPreference, User
from cms.notifications import email_frequencies
from coaching.models import ActionItem, ActionItemComment, CoachAssignment, TASession
from cohorts.assignments.models import Feedback, RefusedDraft, SubmissionAttachment, SubmissionVersion
from cohorts.models import Membership, ReminderSent
from cohorts.progress.models import Evidence, Measurement
from cohorts.registration.models import Registration, RegistrationMember
from cohorts.schedule.models import Attendance, CalendarFeed

ALREADY_DELETED = _("This account is already deleted.")
DELETED_EMAIL_DOMAIN = "deleted.invalid"  # RFC 2606: never delivered anywhere


def user_data_export(user: User) -> dict:
    """Everything Ruta holds about `user` that is theirs, as JSON-ready data: their profile and
    sign-in addresses, applications, memberships, notifications and preferences, action items,
    what they wrote and recorded, attendance, and whether they have a calendar address (never
    its token). A fixed number of queries, whatever the amount of data."""
    registrations = (
        Registration.objects.filter(applicant=user)
        .select_related("cohort__program", "focus_area")
        .prefetch_related(
            Prefetch(
                "members", queryset=RegistrationMember.objects.select_related("role").order_by("sort_order")
            )
        )
        .order_by("created_at", "pk")
    )
    return {
        "exported_at": timezone.now(),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("-primary", "email")
            .values("email", "primary", "verified")
        ),
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
        "notifications": [
            {
                "kind": notification.kind,
                "title": notification.title,
                "link": notification.link,
                "email": notification.email,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
            }
            for notification in Notification.objects.filter(user=user)
        ],
        "notification_preferences": email_frequencies(user),
        "action_items": [
            {
                "team": item.team.name,
                "description": item.description,
                "due_on": item.due_on,
                "status": item.status,
                "completed_at": item.completed_at,
                "created_at": item.created_at,
            }
            for item in ActionItem.objects.filter(owner__user=user)
            .select_related("team")
            .order_by("created_at", "pk")
        ],
        "action_item_comments": [
            {"action_item": comment.item.description, "body": comment.body, "created_at": comment.created_at}
            for comment in ActionItemComment.objects.filter(author=user).select_related("item")
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
        "ta_sessions_attended": [
            {
                "team": session.team.name,
                "starts_at": session.starts_at,
                "minutes": session.minutes,
                "summary": session.summary,
            }
            for session in TASession.objects.filter(attendees__user=user).select_related("team").distinct()
        ],
        "coaching": {
            "assignments": [
                {
                    "team": assignment.team.name,
                    "role": assignment.role,
                    "starts_on": assignment.starts_on,
                    "ends_on": assignment.ends_on,
                }
                for assignment in CoachAssignment.objects.filter(coach=user).select_related("team")
            ],
            "ta_sessions": [
                {
                    "team": session.team.name,
                    "starts_at": session.starts_at,
                    "minutes": session.minutes,
                    "summary": session.summary,
                }
                for session in TASession.objects.filter(coach=user).select_related("team")
            ],
        },
        "calendar": {"subscribed": CalendarFeed.objects.filter(user=user, revoked_at=None).exists()},
    }


def _deleted_email():
    return f"deleted-{secrets.token_hex(8)}@{DELETED_EMAIL_DOMAIN}"


@transaction.atomic
def user_delete(*, user: User, by: User) -> User:
    """Delete `user`'s account on their own request or by staff (`by`): anonymise the row, remove
    what is only theirs, end their sessions and coaching assignments, and log it."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one deletion at a time
    user.refresh_from_db()  # the caller's instance ends up anonymised too
    if user.is_deleted:
        raise ValidationError(ALREADY_DELETED, code="already_deleted")
    old_email = user.email
    now = timezone.now()

    user.email = _deleted_email()
    user.full_name = ""
    user.deleted_at = now
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    # A new password hash also invalidates every session signed in with the old one.
    user.set_unusable_password()
    user.full_clean()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()

    EmailAddress.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    ReminderSent.objects.filter(user=user).delete()
    RefusedDraft.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=now)
    today = timezone.localdate(now)
    for assignment in CoachAssignment.objects.filter(coach=user, ends_on=None):
        assignment.ends_on = max(today, assignment.starts_on)
        assignment.save(update_fields=["ends_on"])
    with translation.override(settings.LANGUAGE_CODE):
        # Applications name their members in plain text: the name is stored, not translated.
        RegistrationMember.objects.filter(email__iexact=old_email).update(
            email=user.email, full_name=str(DELETED_USER_NAME)
        )
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
        profile.avatar = None
        profile.save(update_fields=["avatar"])

    # Earlier history lines about the account carry its old name and email as their label.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User, for_concrete_model=False),
        object_id=str(user.pk),
    ).update(label=str(user))
    log(user, "ruta.user.deleted", user=by, data={"by_self": by.pk == user.pk})
    return user
