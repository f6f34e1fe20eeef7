"""State changes of a team's assignment work: drafts, submits, feedback and attachments.

A draft is saved only on top of the revision it was loaded from; a stale save is refused
and the refused content kept (``RefusedDraft``) so nothing typed is lost. Submitting stores
an immutable ``SubmissionVersion``; feedback belongs to a version and moves the status.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.assignments import uploads
from cohorts.assignments.models import (
    Feedback,
    FeedbackDecision,
    RefusedDraft,
    Submission,
    SubmissionAttachment,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.models import Team
from cohorts.policies import can_edit_team_work, can_review_team_work
from notifications.models import NotificationKind
from notifications.services import notify_team
from sprints.models import AssignmentTemplate
from sprints.schemas import empty_content, validate_content, validate_for_submit

STALE_REVISION = _(
    "Someone else on your team saved this assignment after you opened it, so your save was refused "
    "and nothing was overwritten. Your copy is kept below next to the current version: merge "
    "them and save again."
)
NOT_A_MEMBER = _("Only members of the team can change its assignments.")
NOT_EDITABLE = _("This assignment has been submitted: it can be changed again if the coach requests changes.")
CANNOT_SUBMIT = _("Only a draft or work with changes requested can be submitted.")
NOT_A_REVIEWER = _("Only the team's coach or program staff can give feedback.")
NOT_LATEST_VERSION = _("Changes can only be requested on, or acceptance given to, the latest version.")
CANNOT_DECIDE = _("Only submitted work can be accepted or sent back for changes.")
FEEDBACK_REQUIRED = _("Write the feedback for the team.")
FILE_TOO_LARGE = _("The file is too large: the limit is %(limit)s MB.")
FILE_TYPE_NOT_ALLOWED = _("This type of file is not accepted. Allowed: %(types)s.")
FILE_CONTENT_MISMATCH = _(
    "The file’s content is not what its name says (a .%(extension)s file was expected). "
    "Save it again in that format, or give it the right extension."
)
SUBMISSION_QUOTA_EXCEEDED = _(
    "This assignment’s files would pass its %(limit)s MB limit (%(used)s MB are in use, counting "
    "removed files that its versions keep). Make the file smaller, or ask program staff for room."
)
FILE_REMOVED_ALREADY = _("This file has already been removed.")
INVALID_REVISION = _(
    "The form did not say which saved version of the draft it started from, so nothing was saved "
    "in case it would overwrite a teammate’s work. What you typed is still here: copy it, "
    "reload the page and save again."
)

EDITABLE_STATUSES = frozenset({SubmissionStatus.DRAFT, SubmissionStatus.CHANGES_REQUESTED})
ALLOWED_EXTENSIONS = ("pdf", "docx", "xlsx", "csv", "png", "jpg", "jpeg", "pptx", "txt")
#: The largest revision a form may carry (the column is a positive 32-bit integer).
REVISION_MAX = 2**31 - 1

DECISION_STATUS = {
    FeedbackDecision.CHANGES_REQUESTED: SubmissionStatus.CHANGES_REQUESTED,
    FeedbackDecision.ACCEPTED: SubmissionStatus.ACCEPTED,
}


def submission_for(*, team: Team, template: AssignmentTemplate) -> Submission:
    """The team's submission for the template, created empty on first use."""
    submission, _created = Submission.objects.get_or_create(
        team=team, template=template, defaults={"content": empty_content(template.kind)}
    )
    return submission


def _check_member(submission, user):
    if not can_edit_team_work(user, submission.team):
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")


def _check_editable(submission):
    if submission.status not in EDITABLE_STATUSES:
        raise ValidationError(NOT_EDITABLE, code="not_editable")


def submission_save_draft(*, submission: Submission, content: dict, revision: int, user) -> Submission:
    """Save the draft if nobody saved since `revision`; otherwise keep the refused copy and refuse."""
    with transaction.atomic():
        locked = (
            Submission.objects.select_for_update().select_related("team", "template").get(pk=submission.pk)
        )
        _check_member(locked, user)
        _check_editable(locked)
        if not isinstance(revision, int) or not 0 <= revision <= REVISION_MAX:
            raise ValidationError(INVALID_REVISION, code="invalid_revision")
        content = validate_content(locked.template.kind, content)
        stale = locked.revision != revision
        if not stale:
            locked.content = content
            locked.revision += 1
            locked.updated_by = user
            locked.full_clean()
            locked.save()
    if stale:
        # Outside the refused transaction, so the typed copy is kept.
        RefusedDraft.objects.create(submission=locked, user=user, content=content, based_on_revision=revision)
        raise ValidationError(STALE_REVISION, code="stale_revision")
    submission.refresh_from_db()
    return submission


@transaction.atomic
def submission_submit(*, submission: Submission, user) -> SubmissionVersion:
    """Store the draft and its current attachments as the next immutable version."""
    locked = Submission.objects.select_for_update().select_related("team", "template").get(pk=submission.pk)
    _check_member(locked, user)
    if locked.status not in EDITABLE_STATUSES:
        raise ValidationError(CANNOT_SUBMIT, code="cannot_submit")
    locked.full_clean()
    validate_for_submit(locked.template.kind, locked.content)
    now = timezone.now()
    version = SubmissionVersion(
        submission=locked,
        number=locked.version_number + 1,
        content=locked.content,
        submitted_by=user,
        submitted_at=now,
    )
    version.full_clean()
    version.save()
    version.attachments.set(locked.attachments.filter(removed_at=None))
    locked.version_number = version.number
    locked.status = SubmissionStatus.SUBMITTED
    locked.submitted_at = now
    locked.save(update_fields=["version_number", "status", "submitted_at", "updated_at"])
    log(locked, "ruta.submission.submitted", user=user, data={"version": version.number})
    submission.refresh_from_db()
    return version


@transaction.atomic
def feedback_give(*, version: SubmissionVersion, author, decision: str, body: str) -> Feedback:
    """A coach's or staff member's comment, change request or acceptance of one version."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("team", "template")
        .get(pk=version.submission_id)
    )
    if not can_review_team_work(author, submission.team):
        raise ValidationError(NOT_A_REVIEWER, code="not_a_reviewer")
    if not (body or "").strip():
        raise ValidationError(FEEDBACK_REQUIRED, code="feedback_required")
    new_status = DECISION_STATUS.get(decision)
    if new_status:
        if version.number != submission.version_number:
            raise ValidationError(NOT_LATEST_VERSION, code="not_latest_version")
        if submission.status != SubmissionStatus.SUBMITTED:
            raise ValidationError(CANNOT_DECIDE, code="cannot_decide")
    feedback = Feedback(version=version, author=author, decision=decision, body=body.strip())
    feedback.full_clean()
    feedback.save()
    if new_status:
        submission.status = new_status
        # Not `updated_at`: "Last saved" tells the team's edits, never a reviewer's decision.
        submission.save(update_fields=["status"])
    log(
        submission, f"ruta.submission.{decision}", user=author, data={"version": version.number, "body": body}
    )
    _notify_team(submission, feedback)
    return feedback


def _notify_team(submission, feedback):
    notify_team(
        submission.team,
        kind=NotificationKind.FEEDBACK,
        template="cohorts/emails/submission_feedback",
        context={"submission": submission, "feedback": feedback},
        link=("cohorts:assignment_history", [submission.team_id, submission.template_id]),
    )


def _megabytes(size):
    return round(size / 2**20, 1)


def validate_upload(file) -> None:
    """Refuse a file over the size limit, of a type not allowed, or whose bytes are not its type."""
    limit = settings.SUBMISSION_UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(FILE_TOO_LARGE, code="file_too_large", params={"limit": _megabytes(limit)})
    ext = uploads.extension(file.name)
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            FILE_TYPE_NOT_ALLOWED, code="file_type", params={"types": ", ".join(ALLOWED_EXTENSIONS)}
        )
    if not uploads.content_matches_extension(file, ext):
        raise ValidationError(FILE_CONTENT_MISMATCH, code="file_content", params={"extension": ext})


def validate_quota(*, used: int, size: int) -> None:
    """Refuse a file that would take the stored bytes of one piece of work past the quota."""
    quota = settings.SUBMISSION_UPLOAD_QUOTA_BYTES
    if used + size > quota:
        raise ValidationError(
            SUBMISSION_QUOTA_EXCEEDED,
            code="quota_exceeded",
            params={"limit": _megabytes(quota), "used": _megabytes(used)},
        )


@transaction.atomic
def attachment_add(*, submission: Submission, file, user) -> SubmissionAttachment:
    """Attach an uploaded file to the draft, within the size limit, the allowed types and the quota."""
    locked = Submission.objects.select_for_update().select_related("team").get(pk=submission.pk)
    _check_member(locked, user)
    _check_editable(locked)
    validate_upload(file)
    used = locked.attachments.aggregate(total=Sum("size"))["total"] or 0
    validate_quota(used=used, size=file.size)
    attachment = SubmissionAttachment(
        submission=locked,
        original_name=uploads.display_name(file.name),
        size=file.size,
        uploaded_by=user,
    )
    attachment.file.save(uploads.stored_name(file.name), file, save=False)
    attachment.save()
    log(locked, "ruta.submission.file_added", user=user, data={"file": attachment.original_name})
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: SubmissionAttachment, user) -> SubmissionAttachment:
    """Remove a file from the draft; the versions that included it keep it."""
    submission = attachment.submission
    _check_member(submission, user)
    _check_editable(submission)
    if attachment.removed_at:
        raise ValidationError(FILE_REMOVED_ALREADY, code="removed")
    attachment.removed_at = timezone.now()
    attachment.save(update_fields=["removed_at"])
    log(submission, "ruta.submission.file_removed", user=user, data={"file": attachment.original_name})
    return attachment
