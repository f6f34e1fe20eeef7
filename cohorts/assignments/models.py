"""A team's assignment work: the live draft, its submitted versions, files and feedback."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import Team


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")


class Submission(models.Model):
    """A team's work on one assignment template: the live draft plus its submitted versions."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    template = models.ForeignKey(
        "sprints.AssignmentTemplate",
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    content = models.JSONField(_("content"), default=dict, blank=True)
    version_number = models.PositiveIntegerField(
        _("latest version"),
        default=0,
        help_text=_("How many times it has been submitted."),
    )
    revision = models.PositiveIntegerField(
        _("draft revision"),
        default=0,
        help_text=_("Raised on every save; a stale save is refused."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["team", "template__due_week"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "template"],
                name="submission_once_per_team_and_template",
                violation_error_message=_("This team already has a submission for this assignment."),
            ),
        ]

    def __str__(self):
        return f"{self.template} — {self.team}"

    @property
    def exported_version(self):
        """The version number the team's export links offer: the latest version while it is
        submitted or accepted (nothing to edit), None while it is a draft being worked on."""
        if self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED) and self.version_number:
            return self.version_number
        return None

    def clean(self):
        from sprints.schemas import validate_content

        if self.template_id:
            try:
                self.content = validate_content(self.template.kind, self.content)
            except ValidationError as error:
                raise ValidationError({"content": error}) from error
            if self.team_id and self.template.program_id != self.team.cohort.program_id:
                raise ValidationError({"template": _("This assignment belongs to another program.")})


class ImmutableModel(models.Model):
    """A record that, once written, is never changed or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A stored version cannot be changed."), code="immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A stored version cannot be deleted."), code="immutable")


class SubmissionVersion(ImmutableModel):
    """What a team submitted, exactly as it was at that moment."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    attachments = models.ManyToManyField(
        "cohorts.SubmissionAttachment",
        verbose_name=_("attachments"),
        blank=True,
        related_name="versions",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"],
                name="submission_version_number_unique",
                violation_error_message=_("This version number is already taken."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="submission_version_number_positive",
                violation_error_message=_("Versions are numbered from 1."),
            ),
        ]

    def __str__(self):
        return _("%(submission)s, version %(number)s") % {
            "submission": self.submission,
            "number": self.number,
        }


def attachment_upload_to(instance, filename):
    return f"submissions/{instance.submission.team_id}/{instance.submission_id}/{filename}"


class SubmissionAttachment(models.Model):
    """A file uploaded to a submission; served only after an access check."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    removed_at = models.DateTimeField(
        _("removed at"),
        null=True,
        blank=True,
        help_text=_("Removed files stay with the versions that used them."),
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


class FeedbackDecision(models.TextChoices):
    COMMENT = "comment", _("Comment")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")


class Feedback(models.Model):
    """A coach's or staff member's response to one submitted version."""

    version = models.ForeignKey(
        SubmissionVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(
        _("decision"),
        max_length=20,
        choices=FeedbackDecision.choices,
        default=FeedbackDecision.COMMENT,
    )
    body = models.TextField(_("feedback"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_decision_display()} — {self.version}"


class RefusedDraft(models.Model):
    """A draft save refused because a teammate saved first, kept so nothing typed is lost.

    The member sees it beside the current draft and merges by hand; it is never applied
    automatically.
    """

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="refused_drafts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    content = models.JSONField(_("content"))
    based_on_revision = models.PositiveIntegerField(_("based on revision"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    dismissed_at = models.DateTimeField(_("dismissed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("refused draft")
        verbose_name_plural = _("refused drafts")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.submission} — {self.user} ({self.created_at:%Y-%m-%d %H:%M})"
