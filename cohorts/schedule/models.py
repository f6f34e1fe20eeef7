"""A cohort's break weeks, its sessions, their materials, who attended them, and private calendar
feeds."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from cohorts.models import Cohort, Membership, date_range_errors
from cohorts.schedule.weeks import MAX_BREAK_WEEKS, MIN_BREAK_WEEKS, CohortCalendar
from sprints.models import SessionKind, Weekday


class CohortBreak(models.Model):
    """Calendar weeks of a cohort without program: the program weeks after it come later.

    Staff edit breaks on the cohort (an inline of its admin form); the cohort's calendar
    (``Cohort.calendar``) reads them and ``cohort_calendar_change`` moves the sessions after a
    change. ``starts_on`` is kept as the first day of the cohort's calendar week it falls in.
    """

    cohort = ParentalKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="breaks")
    starts_on = models.DateField(
        _("first week of the break"),
        help_text=_("Any day of that week: the break starts on the first day of the cohort's week."),
    )
    weeks = models.PositiveSmallIntegerField(
        _("weeks"),
        default=1,
        validators=[MinValueValidator(MIN_BREAK_WEEKS), MaxValueValidator(MAX_BREAK_WEEKS)],
    )
    reason = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("For example “Winter holidays”.")
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("weeks")]),
        FieldPanel("reason"),
    ]

    class Meta:
        verbose_name = _("break")
        verbose_name_plural = _("breaks")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__gte=MIN_BREAK_WEEKS) & Q(weeks__lte=MAX_BREAK_WEEKS),
                name="cohort_break_weeks_in_range",
                violation_error_message=_("A break lasts from 1 to 8 weeks."),
            ),
        ]

    def __str__(self):
        return self.reason or str(_("Break"))

    def save(self, *args, **kwargs):
        if self.starts_on and self.cohort_id and self.cohort.start_date:
            self.starts_on = CohortCalendar(start=self.cohort.start_date, weeks=1).week_of(self.starts_on)
        super().save(*args, **kwargs)
        self._sync_cohort()

    def clean(self):
        super().clean()
        if errors := date_range_errors(starts_on=self.starts_on):
            raise ValidationError(errors)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._sync_cohort()
        return result

    def _sync_cohort(self):
        """Keep the cohort's stored end date the calendar's, when a break changes on its own."""
        cohort = Cohort.objects.select_related("program").filter(pk=self.cohort_id).first()
        if cohort is None:
            return
        cohort.forget_calendar()  # read the breaks as they are now
        end_date = cohort.compute_end_date()
        if end_date != cohort.end_date:
            Cohort.objects.filter(pk=cohort.pk).update(end_date=end_date)
        loaded = self._state.fields_cache.get("cohort")
        if loaded is not None:
            loaded.forget_calendar()
            if not loaded.breaks.is_deferring:
                loaded.end_date = end_date

    @property
    def ends_on(self):
        """The last day of the break."""
        return self.starts_on + datetime.timedelta(weeks=self.weeks, days=-1)


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Session(index.Indexed, ClusterableModel):
    """A dated occurrence of a session, generated from the curriculum and then editable."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    plan = models.ForeignKey(
        "sprints.SessionPlan",
        verbose_name=_("curriculum session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    week = models.PositiveSmallIntegerField(_("week"), validators=[MinValueValidator(1)])
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=60, validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SessionStatus.choices,
        default=SessionStatus.SCHEDULED,
    )
    meeting_url = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_("Leave empty to use the cohort's default link."),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised on every change to its time."),
    )

    panels = [
        FieldPanel("cohort"),
        FieldRowPanel([FieldPanel("week"), FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("minutes")]),
        FieldRowPanel([FieldPanel("meeting_url"), FieldPanel("recording_url")]),
        InlinePanel("materials", heading=_("Materials"), label=_("Material")),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("cohort")]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "plan"],
                condition=Q(plan__isnull=False),
                name="session_plan_once_per_cohort",
                violation_error_message=_("This curriculum session is already scheduled for the cohort."),
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1),
                name="session_minutes_positive",
                violation_error_message=_("A session lasts at least one minute."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.local_starts_at:%Y-%m-%d %H:%M %Z})"

    @property
    def local_starts_at(self):
        """The start in the cohort's time zone (in UTC for a row dated where that time does not exist)."""
        try:
            return timezone.localtime(self.starts_at, self.cohort.zone)
        except OverflowError:
            return self.starts_at.astimezone(datetime.UTC)

    def has_started(self, now=None):
        """Whether the session has begun (attendance is taken only then)."""
        return self.starts_at <= (now or timezone.now())

    def clean(self):
        super().clean()
        if errors := date_range_errors(starts_at=self.starts_at):
            raise ValidationError(errors)

    @property
    def ends_at(self):
        try:
            return self.starts_at + datetime.timedelta(minutes=self.minutes)
        except OverflowError:  # a row written before dates were checked
            return self.starts_at

    @property
    def effective_meeting_url(self):
        return self.meeting_url or self.cohort.meeting_url


class SessionMaterial(Orderable):
    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.document.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Attendance(models.Model):
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    status = models.CharField(_("status"), max_length=16, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "membership"],
                name="attendance_once_per_member_per_session",
                violation_error_message=_("Attendance is already recorded for this member."),
            ),
        ]

    def __str__(self):
        return f"{self.membership} — {self.session}: {self.get_status_display()}"


class CalendarFeed(models.Model):
    """A private, revocable address of one user's iCalendar feed (see cohorts.schedule.calendar)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="calendar_feed_one_active_per_user",
                violation_error_message=_("A user has at most one active calendar feed."),
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


# A day and time agreed with the participants: staff propose slots, members answer, staff confirm one.


class PollState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class SchedulePoll(ClusterableModel):
    """The candidate slots of a cohort whose day and time are to be agreed with its members.

    Staff propose slots (the weekday and local time in the cohort's time zone) and then open the
    poll (``schedule_poll_open``), which tells the members of the cohort's teams; members answer
    until staff confirm one slot (``cohort_schedule_confirm``), which closes the poll. Its state
    derives from those two dates.
    """

    cohort = models.OneToOneField(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="schedule_poll",
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    confirmed_slot = models.ForeignKey(
        "cohorts.ScheduleSlot",
        verbose_name=_("confirmed slot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    panels = [
        FieldPanel("cohort"),
        InlinePanel("slots", heading=_("Candidate slots"), label=_("Slot"), min_num=1),
    ]

    class Meta:
        verbose_name = _("schedule poll")
        verbose_name_plural = _("schedule polls")
        ordering = ["-cohort__start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_slot__isnull=True) | Q(closed_at__isnull=False),
                name="schedule_poll_confirmed_only_when_closed",
                violation_error_message=_("A poll is closed when one of its slots is confirmed."),
            ),
        ]

    def __str__(self):
        return _("Schedule poll — %(cohort)s") % {"cohort": self.cohort}

    @property
    def state(self) -> PollState:
        if self.closed_at:
            return PollState.CLOSED
        if self.opened_at:
            return PollState.OPEN
        return PollState.DRAFT

    @property
    def is_open(self) -> bool:
        """Members may answer: opened, not closed, and the cohort's day and time not yet set."""
        return self.state == PollState.OPEN and self.cohort.schedule_to_be_agreed


class ScheduleSlot(Orderable):
    """A candidate weekday and time for a cohort's sessions, in the cohort's time zone."""

    poll = ParentalKey(SchedulePoll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    local_time = models.TimeField(_("local time"), help_text=_("In the cohort's time zone."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("local_time")])]

    class Meta(Orderable.Meta):
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "weekday", "local_time"],
                name="schedule_slot_once_per_poll",
                violation_error_message=_("This slot is already proposed."),
            ),
        ]

    def __str__(self):
        label = self.get_weekday_display()
        if self.local_time is None:
            return str(label)
        return f"{label} {self.local_time:%H:%M}"

    def first_starts_at(self, cohort: Cohort | None = None) -> datetime.datetime:
        """The slot in the cohort's first program week, as an aware datetime in the cohort's zone:
        what a member's own time zone shows it as (daylight saving may shift it later on)."""
        cohort = cohort or self.poll.cohort
        start = cohort.week_start(1)
        day = start + datetime.timedelta(days=(self.weekday - start.weekday()) % 7)
        return datetime.datetime.combine(day, self.local_time, tzinfo=cohort.zone)


class ScheduleAnswer(models.TextChoices):
    YES = "yes", _("Works for me")
    IF_NEEDED = "if_needed", _("If needed")
    NO = "no", _("Does not work")


class ScheduleVote(models.Model):
    """One member's answer for one slot; changed until the poll closes."""

    slot = models.ForeignKey(
        ScheduleSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="votes"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="schedule_votes",
    )
    answer = models.CharField(_("answer"), max_length=16, choices=ScheduleAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("schedule answer")
        verbose_name_plural = _("schedule answers")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "membership"],
                name="schedule_vote_once_per_member_per_slot",
                violation_error_message=_("This member has already answered for this slot."),
            ),
        ]

    def __str__(self):
        return f"{self.membership} — {self.slot}: {self.get_answer_display()}"
