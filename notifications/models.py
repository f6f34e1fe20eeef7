from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """What a notification is about; each kind is one line on the preferences page."""

    ACCOUNT = "account", _("Your account and team invitations")
    APPLICATION = "application", _("Your applications and their decisions")
    ANNOUNCEMENT = "announcement", _("Announcements from program staff")
    SESSION_REMINDER = "session_reminder", _("Session reminders")
    ASSIGNMENT_DUE = "assignment_due", _("Assignments due soon or overdue")
    FEEDBACK = "feedback", _("Feedback and requested changes on assignments")
    TA_SUMMARY = "ta_summary", _("Summaries of technical-assistance sessions")
    ACTION_ITEM = "action_item", _("Action items assigned to you or overdue")
    RDC_REVIEW = "rdc_review", _("RDC evidence verified or returned")
    RDC_TO_VERIFY = "rdc_to_verify", _("Verified RDC items to verify again after their evidence was removed")
    PEER_SUPPORT = "peer_support", _("Peer teams: pairings and their messages")
    SHARED_RESULT = "shared_result", _("Results your team proposed for publication: reviews")

    @classmethod
    def required(cls):
        """The kinds nobody can turn off: without them an account or an application cannot work."""
        return (cls.ACCOUNT, cls.APPLICATION)


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Email each one")
    DIGEST = "digest", _("Weekly digest")
    OFF = "off", _("No email")


class NotificationPreference(models.Model):
    """How one user wants one kind of notification by email; no row means each one is emailed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    email = models.CharField(
        _("email"), max_length=16, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATELY
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique_kind")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}: {self.get_email_display()}"


class NotificationEmail(models.TextChoices):
    """What became of a notification's email."""

    SENT = "sent", _("Emailed")
    IN_DIGEST = "in_digest", _("Waiting for the weekly digest")
    DIGESTED = "digested", _("Sent in a digest")
    NOT_SENT = "not_sent", _("Not emailed")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at=None)


class Notification(models.Model):
    """One thing a user was told about, shown in the app; the title exists in every language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    link = models.CharField(_("link"), max_length=500, blank=True)
    email = models.CharField(
        _("email"), max_length=16, choices=NotificationEmail.choices, default=NotificationEmail.SENT
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_unread"),
            models.Index(fields=["user", "-created_at"], name="notification_user_recent"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None


class ReminderKind(models.TextChoices):
    SESSION = "session", _("Session reminder")
    DUE_SOON = "due_soon", _("Assignment due soon")
    OVERDUE = "overdue", _("Assignment overdue")
    ACTION_ITEM_OVERDUE = "action_overdue", _("Action item overdue")
    DIGEST = "digest", _("Weekly digest")


class ReminderSent(models.Model):
    """One reminder sent to one user; the unique row is what keeps it from going out twice."""

    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    object_key = models.CharField(_("object"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "user", "object_key"], name="reminder_sent_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_key} → {self.user}"
