"""One-on-one technical assistance: who coaches whom, what was said, what comes next."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index


class CoachRole(models.TextChoices):
    LEAD = "lead", _("Lead coach")
    SUPPORTING = "supporting", _("Supporting coach")


class CoachAssignment(models.Model):
    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="coach_assignments",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coach_assignments",
    )
    role = models.CharField(_("role"), max_length=16, choices=CoachRole.choices, default=CoachRole.LEAD)
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("Empty while the assignment lasts."),
    )

    panels = [
        FieldPanel("team"),
        FieldRowPanel([FieldPanel("coach"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta:
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        ordering = ["team", "role", "starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "coach"],
                condition=Q(ends_on__isnull=True),
                name="coach_assignment_active_once_per_team",
                violation_error_message=_("This coach is already assigned to the team."),
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(ends_on__isnull=True, role="lead"),
                name="coach_assignment_one_active_lead_per_team",
                violation_error_message=_("The team already has a lead coach."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="coach_assignment_ends_after_start",
                violation_error_message=_("An assignment cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.coach.get_full_name()} → {self.team} ({self.get_role_display()})"


class Topic(index.Indexed, models.Model):
    """A subject a TA session can cover, kept by staff in both languages."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class TAMode(models.TextChoices):
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class TASession(index.Indexed, ClusterableModel):
    """A logged one-on-one technical-assistance session with a team."""

    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="ta_sessions",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="ta_sessions",
    )
    starts_at = models.DateTimeField(_("date and time"), default=timezone.now)
    minutes = models.PositiveSmallIntegerField(
        _("minutes"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(480)],
    )
    mode = models.CharField(_("mode"), max_length=16, choices=TAMode.choices, default=TAMode.VIDEO)
    attendees = ParentalManyToManyField(
        "cohorts.Membership",
        verbose_name=_("attendees"),
        blank=True,
        related_name="ta_sessions",
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="ta_sessions")
    pain_points = models.TextField(_("pain points heard"), blank=True)
    summary = models.TextField(_("summary shared with the team"), blank=True)
    private_notes = models.TextField(
        _("private notes"),
        blank=True,
        help_text=_("Seen only by coaches and staff, never by the team."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised on every correction; a correction made on an older revision is refused."),
    )

    panels = [
        FieldPanel("team"),
        FieldRowPanel(
            [
                FieldPanel("coach"),
                FieldPanel("starts_at"),
                FieldPanel("minutes"),
                FieldPanel("mode"),
            ]
        ),
        FieldPanel("attendees"),
        FieldPanel("topics"),
        FieldPanel("pain_points"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("private_notes")], heading=_("For coaches and staff only")),
        InlinePanel("action_items", heading=_("Next steps"), label=_("Action item")),
    ]
    search_fields = [
        index.SearchField("summary"),
        index.FilterField("team"),
        index.FilterField("coach"),
    ]

    class Meta:
        verbose_name = _("TA session")
        verbose_name_plural = _("TA sessions")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1),
                name="ta_session_minutes_positive",
                violation_error_message=_("A session lasts at least one minute."),
            ),
        ]

    def __str__(self):
        return _("TA session with %(team)s on %(date)s") % {
            "team": self.team,
            "date": timezone.localtime(self.starts_at).date().isoformat(),
        }

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.minutes)

    def clean(self):
        super().clean()
        if self.team_id is None:
            return
        # Held in memory until saved, so the form's choice is checked before anything is written.
        outsiders = [m for m in self.attendees.all() if m.team_id != self.team_id]
        if outsiders:
            raise ValidationError({"attendees": ATTENDEES_NOT_ON_TEAM})


ATTENDEES_NOT_ON_TEAM = _("Attendees must be members of the team.")
OWNER_NOT_ON_TEAM = _("The owner must be a member of the team.")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionItem(models.Model):
    """A next step agreed in a TA session, owned by a team member."""

    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    ta_session = ParentalKey(
        TASession,
        verbose_name=_("TA session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    description = models.CharField(_("description"), max_length=500)
    owner = models.ForeignKey(
        "cohorts.Membership",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ActionItemStatus.choices,
        default=ActionItemStatus.OPEN,
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised on every edit; an edit made on an older revision is refused."),
    )

    # Status and completion change only through the services (complete, reopen, drop).
    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
    ]

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["status", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", completed_at__isnull=False) | ~Q(status="done"),
                name="action_item_done_has_completion_time",
                violation_error_message=_("A done item needs the time it was completed."),
            ),
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        self.take_team_from_session()
        if self.status == ActionItemStatus.DONE and self.completed_at is None:
            self.completed_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        self.take_team_from_session()
        if self.owner_id and self.team_id and self.owner.team_id != self.team_id:
            raise ValidationError({"owner": OWNER_NOT_ON_TEAM})

    def take_team_from_session(self):
        # Items added inline to a TA session belong to that session's team.
        if self.team_id is None and self.ta_session is not None:
            self.team = self.ta_session.team

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status == ActionItemStatus.OPEN and self.due_on is not None and self.due_on < today


class ActionItemComment(models.Model):
    """A remark on an action item, from a team member or the coach."""

    item = models.ForeignKey(
        ActionItem,
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action item comment")
        verbose_name_plural = _("action item comments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.body[:60]


class MomentumNote(models.Model):
    """What the coach did about a team's momentum in one program week (coaching.momentum).

    Coach-private, like a TA session's private notes: seen by the team's coaches and staff beside
    the signal, never by the team (what the team should hear goes in a TA session summary or an
    action item). One per team per week; an edit made on an older revision is refused.
    """

    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="momentum_notes",
    )
    week = models.PositiveSmallIntegerField(_("program week"), validators=[MinValueValidator(1)])
    body = models.TextField(_("what the coach did"), max_length=1000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=1,
        editable=False,
        help_text=_("Raised on every edit; an edit made on an older revision is refused."),
    )

    class Meta:
        verbose_name = _("momentum note")
        verbose_name_plural = _("momentum notes")
        ordering = ["team", "-week"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "week"],
                name="momentum_note_once_per_team_per_week",
                violation_error_message=_("This week already has a note."),
            ),
            models.CheckConstraint(
                condition=Q(week__gte=1),
                name="momentum_note_week_positive",
                violation_error_message=_("A note belongs to a program week."),
            ),
        ]

    def __str__(self):
        return _("%(team)s — week %(week)s") % {"team": self.team, "week": self.week}
