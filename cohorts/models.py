"""One run of a program: the cohort, its teams and who is on them.

Each sub-domain keeps its models in its own package (registration, schedule, assignments,
progress, phases, announcements); they are imported at the bottom so Django registers them.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from accounts.forms import TimeZoneSelect
from accounts.languages import language_choices, time_zone_choices, validate_time_zone
from cohorts.schedule.weeks import Break, CohortCalendar, Position
from sprints.models import Weekday

#: Dates outside this window are refused: far beyond any real program, yet near enough that every
#: date derived from them (a cohort's end, a session's end, its local time in any time zone) exists.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
DATE_TOO_EARLY = _("This date is too far in the past: choose one from the year 1900 on.")
DATE_TOO_LATE = _("This date is too far in the future: choose one before the year 3000.")
RUN_ENDS_TOO_LATE = _(
    "With its breaks the run would end after the latest date accepted: choose an earlier start or "
    "shorter breaks."
)


def date_range_errors(**values) -> dict:
    """{field: message} for each of the given dates (or datetimes) outside the accepted window."""
    errors = {}
    for name, value in values.items():
        if value is None:
            continue
        day = value.date() if isinstance(value, datetime.datetime) else value
        if day < EARLIEST_DATE:
            errors[name] = ValidationError(DATE_TOO_EARLY, code="date_too_early")
        elif day > LATEST_DATE:
            errors[name] = ValidationError(DATE_TOO_LATE, code="date_too_late")
    return errors


def within_date_range(lookup: str) -> Q:
    """Rows whose `lookup` date or time lies in the accepted window (old rows may lie outside it)."""
    earliest = datetime.datetime.combine(EARLIEST_DATE, datetime.time(), tzinfo=datetime.UTC)
    latest = datetime.datetime.combine(LATEST_DATE, datetime.time.max, tzinfo=datetime.UTC)
    return Q(**{f"{lookup}__gte": earliest, f"{lookup}__lte": latest})


WEEKDAY_REQUIRED = _("Choose the session weekday, or tick “to be agreed with the participants”.")
LOCAL_TIME_REQUIRED = _("Enter the local session time, or tick “to be agreed with the participants”.")
SCHEDULE_SET_WHILE_TO_BE_AGREED = _(
    "Leave this empty while the day and time are to be agreed with the participants, or untick that box."
)


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("Registration not open yet")
    REGISTRATION_OPEN = "registration_open", _("Registration open")
    REGISTRATION_CLOSED = "registration_closed", _("Registration closed")
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")


class RegistrationWindow(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Registration not open yet")
    OPEN = "open", _("Registration open")
    WAITLIST = "waitlist", _("Waitlist only")
    CLOSED = "closed", _("Registration closed")


class CohortQuerySet(models.QuerySet):
    def for_program(self, program):
        return self.filter(program=program).order_by("start_date")

    def with_places_taken(self):
        """Annotate how many teams have been accepted, for registration_window() in listings."""
        return self.annotate(
            places_taken_count=models.Count("registrations", filter=Q(registrations__status="accepted"))
        )

    def current_or_upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today)

    def with_status(self, status, today=None):
        """Cohorts whose derived status (see Cohort.compute_status) is `status` on `today`."""
        today = today or timezone.localdate()
        lookups = {
            CohortStatus.PLANNED: Q(registration_opens__gt=today),
            CohortStatus.REGISTRATION_OPEN: Q(
                registration_opens__lte=today, registration_deadline__gte=today
            ),
            CohortStatus.REGISTRATION_CLOSED: Q(registration_deadline__lt=today, start_date__gt=today),
            CohortStatus.IN_PROGRESS: Q(start_date__lte=today, end_date__gte=today),
            CohortStatus.FINISHED: Q(end_date__lt=today),
        }
        return self.filter(lookups[status])


class Cohort(index.Indexed, ClusterableModel):
    """A program run in one language, on one weekday, from one start date.

    Its calendar (``calendar``: program weeks over calendar weeks, skipping the break weeks
    staff set on it, ``CohortBreak``) dates everything that happens by program week. Only
    ``end_date`` is stored, a copy of the calendar's last day that ``save()`` keeps in sync (and
    ``CohortBreak`` when a break is saved or deleted on its own) because listings filter on it.
    """

    program = models.ForeignKey(
        "sprints.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("For example “Spring 2027 — English”."))
    language = models.CharField(_("language"), max_length=8, choices=language_choices, default="en")
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="America/New_York",
        validators=[validate_time_zone],
    )
    # The day and time of the sessions: set, or (schedule_to_be_agreed) left empty until staff
    # confirm one of the slots proposed to the members (cohorts.schedule: SchedulePoll).
    schedule_to_be_agreed = models.BooleanField(
        _("day and time to be agreed with the participants"),
        default=False,
        help_text=_(
            "Leave the weekday and time empty, propose slots in a schedule poll and confirm one: "
            "the sessions are generated then."
        ),
    )
    weekday = models.PositiveSmallIntegerField(
        _("session weekday"), choices=Weekday.choices, null=True, blank=True
    )
    local_time = models.TimeField(_("local session time"), null=True, blank=True)
    start_date = models.DateField(_("start date"), help_text=_("The first day of week 1."))
    end_date = models.DateField(
        _("end date"), editable=False, help_text=_("Derived from the duration and the break weeks.")
    )
    registration_opens = models.DateField(_("registration opens"))
    registration_deadline = models.DateField(_("registration deadline"))
    capacity = models.PositiveSmallIntegerField(
        _("capacity in teams"), default=10, validators=[MinValueValidator(1)]
    )
    meeting_url = models.URLField(_("default meeting link"), blank=True)

    objects = CohortQuerySet.as_manager()

    panels = [
        FieldPanel("program"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("time_zone", widget=TimeZoneSelect)]),
        FieldPanel("schedule_to_be_agreed"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("local_time"), FieldPanel("start_date")]),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_deadline")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("meeting_url")]),
        InlinePanel(
            "breaks",
            heading=_("Break weeks"),
            label=_("Break"),
            help_text=_(
                "Weeks without program: the program weeks after a break move later, and so do "
                "their sessions and due dates."
            ),
        ),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("language")]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__lte=F("end_date")),
                name="cohort_starts_before_end",
                violation_error_message=_("A cohort must start before it ends."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens__lte=F("registration_deadline")),
                name="cohort_registration_opens_before_deadline",
                violation_error_message=_("Registration must open before its deadline."),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__lt=F("start_date")),
                name="cohort_registration_closes_before_start",
                violation_error_message=_("The registration deadline must be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="cohort_capacity_positive",
                violation_error_message=_("A cohort has room for at least one team."),
            ),
            models.CheckConstraint(
                condition=Q(schedule_to_be_agreed=True, weekday__isnull=True, local_time__isnull=True)
                | Q(schedule_to_be_agreed=False, weekday__isnull=False, local_time__isnull=False),
                name="cohort_schedule_set_unless_to_be_agreed",
                violation_error_message=_(
                    "A cohort has a session weekday and time, or they are to be agreed with the "
                    "participants and left empty."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.program} — {self.name}"

    def save(self, *args, **kwargs):
        self.forget_calendar()
        self.end_date = self.compute_end_date()
        super().save(*args, **kwargs)
        self.forget_calendar()
        self.__dict__["_saved_end_date"] = self.end_date

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self.forget_calendar()

    def clean(self):
        super().clean()
        errors = date_range_errors(
            start_date=self.start_date,
            registration_opens=self.registration_opens,
            registration_deadline=self.registration_deadline,
        )
        errors.update(self.schedule_errors())
        if errors:
            raise ValidationError(errors)
        if self.start_date and self.program_id:
            self.forget_calendar()
            try:
                self.end_date = self.compute_end_date()
            except OverflowError:
                self.end_date = None
            if self.end_date is None or self.end_date > LATEST_DATE:
                code, message = "date_too_late", DATE_TOO_LATE
                if self.has_breaks():
                    code, message = "run_ends_too_late", RUN_ENDS_TOO_LATE
                raise ValidationError({"start_date": ValidationError(message, code=code)})

    # The calendar

    def plain_end_date(self):
        """The last day of the run if it had no breaks."""
        return self.start_date + datetime.timedelta(weeks=self.program.duration_weeks, days=-1)

    def break_rows(self):
        """The cohort's CohortBreak rows: the ones being edited when the admin form holds them,
        else prefetched or loaded once (and none without a query when the stored end date shows
        the run has no break: validation refuses a break that does not push the end)."""
        manager = self.breaks
        if self.pk is None or manager.is_deferring:
            return list(manager.all())
        if "breaks" in getattr(self, "_prefetched_objects_cache", {}):
            return list(manager.all())
        cached = self.__dict__.get("_break_rows")
        if cached is None:
            saved_end = self.__dict__.get("_saved_end_date")
            if saved_end is not None and saved_end == self.plain_end_date():
                cached = []
            else:
                cached = list(manager.all())
            self.__dict__["_break_rows"] = cached
        return cached

    def has_breaks(self):
        return bool(self.break_rows())

    def forget_calendar(self):
        """Drop the loaded breaks (after they or the start date changed)."""
        self.__dict__.pop("_break_rows", None)
        self.__dict__["_saved_end_date"] = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.__dict__["_saved_end_date"] = instance.__dict__.get("end_date")
        return instance

    @property
    def calendar(self) -> CohortCalendar:
        """Program weeks over calendar weeks, skipping the break weeks (cohorts.schedule.weeks)."""
        breaks = [
            Break(starts_on=row.starts_on, weeks=row.weeks, reason=row.reason, key=row.pk)
            for row in self.break_rows()
            if row.starts_on and row.weeks
        ]
        return CohortCalendar(start=self.start_date, weeks=self.program.duration_weeks, breaks=breaks)

    def schedule_errors(self) -> dict:
        """{field: error}: the weekday and time are set, unless they are to be agreed (then empty)."""
        errors = {}
        for name, required in (("weekday", WEEKDAY_REQUIRED), ("local_time", LOCAL_TIME_REQUIRED)):
            value = getattr(self, name)
            if self.schedule_to_be_agreed and value is not None:
                errors[name] = ValidationError(SCHEDULE_SET_WHILE_TO_BE_AGREED, code="schedule_to_be_agreed")
            elif not self.schedule_to_be_agreed and value is None:
                errors[name] = ValidationError(required, code="schedule_missing")
        return errors

    @property
    def schedule_is_agreed(self) -> bool:
        """Whether the sessions' weekday and time are known (not still to be agreed)."""
        return not self.schedule_to_be_agreed

    def compute_end_date(self):
        return self.calendar.end_date

    def compute_status(self, today=None):
        today = today or timezone.localdate()
        if today < self.registration_opens:
            return CohortStatus.PLANNED
        if today <= self.registration_deadline:
            return CohortStatus.REGISTRATION_OPEN
        if today < self.start_date:
            return CohortStatus.REGISTRATION_CLOSED
        if today <= self.end_date:
            return CohortStatus.IN_PROGRESS  # a break week too
        return CohortStatus.FINISHED

    @property
    def status(self):
        return self.compute_status()

    @property
    def places_taken(self):
        if hasattr(self, "places_taken_count"):
            return self.places_taken_count
        return self.registrations.filter(status=RegistrationStatus.ACCEPTED).count()

    @property
    def is_full(self):
        return self.places_taken >= self.capacity

    def registration_window(self, today=None):
        """Whether a team can apply on `today`: not yet, yes, onto the waitlist, or no longer."""
        today = today or timezone.localdate()
        if today < self.registration_opens:
            return RegistrationWindow.NOT_YET_OPEN
        if today > self.registration_deadline:
            return RegistrationWindow.CLOSED
        if self.is_full:
            return RegistrationWindow.WAITLIST
        return RegistrationWindow.OPEN

    def days_to_deadline(self, today=None):
        return (self.registration_deadline - (today or timezone.localdate())).days

    def position(self, today=None) -> Position:
        """Where `today` falls: before the run, in program week N, in a break, or after the run."""
        return self.calendar.locate(today or timezone.localdate())

    def week_number(self, today=None):
        """The program week `today` falls in, clamped to the program's weeks (in a break: the
        week before it)."""
        return self.calendar.week_number(today or timezone.localdate())

    def week_start(self, week):
        """The first day of program week `week`, after the breaks before it."""
        if week == 1:  # no break comes before week 1: no need to load them
            return self.start_date
        saved_end = self.__dict__.get("_saved_end_date")
        if week == self.program.duration_weeks and saved_end is not None and saved_end == self.end_date:
            return self.end_date - datetime.timedelta(days=6)  # the last week ends the run
        return self.calendar.week_start(week)

    def due_date(self, week):
        """The last day of program week `week`: when what is due that week is due."""
        return self.week_start(week) + datetime.timedelta(days=6)

    def session_date(self, week, weekday=None):
        start = self.week_start(week)
        weekday = self.weekday if weekday is None else weekday
        return start + datetime.timedelta(days=(weekday - start.weekday()) % 7)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class Team(index.Indexed, ClusterableModel):
    """An accepted city team taking part in a cohort."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="teams"
    )
    registration = models.OneToOneField(
        "cohorts.Registration",
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team",
    )
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    jurisdiction = models.CharField(_("state or country"), max_length=120, blank=True)
    focus_area = models.ForeignKey(
        "sprints.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teams",
    )
    challenge_statement = models.TextField(_("challenge statement"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    archived_at = models.DateTimeField(
        _("archived at"),
        null=True,
        blank=True,
        help_text=_("Set when the team's place is given up; its work is kept."),
    )

    panels = [
        FieldPanel("cohort"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("jurisdiction")]),
        FieldPanel("focus_area"),
        FieldPanel("challenge_statement"),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.FilterField("cohort"),
    ]

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["cohort", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "name"],
                name="team_name_unique_per_cohort",
                violation_error_message=_("This cohort already has a team with this name."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.city})"


class TeamPlace(models.Model):
    """A place on a team: the program role and the job it is held with."""

    role = models.ForeignKey(
        "sprints.Role",
        verbose_name=_("role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)

    class Meta:
        abstract = True


class Membership(TeamPlace, Orderable):
    """A person on a team, in one of the program's roles."""

    team = ParentalKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("department")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                name="membership_user_once_per_team",
                violation_error_message=_("This person is already on the team."),
            ),
        ]

    def __str__(self):
        role = f", {self.role}" if self.role_id else ""
        return f"{self.user.get_full_name()}{role}"

    def clean(self):
        if self.role_id and self.team_id and self.role.program_id != self.team.cohort.program_id:
            raise ValidationError({"role": _("Pick one of this program's roles.")})


# Every sub-domain's models, imported last (they build on the ones above) so that Django
# registers them with the app.
from cohorts.announcements.models import Announcement  # noqa: E402
from cohorts.assignments.models import (  # noqa: E402
    Feedback,
    RefusedDraft,
    Submission,
    SubmissionAttachment,
    SubmissionVersion,
)
from cohorts.checkins.models import CheckIn  # noqa: E402
from cohorts.peers.models import PeerMessage, PeerPairing  # noqa: E402
from cohorts.phases.models import Milestone, MilestoneKind  # noqa: E402
from cohorts.progress.models import (  # noqa: E402
    CertificationRecord,
    CohortCriterionSet,
    CriterionProgress,
    Evidence,
    Indicator,
    Measurement,
)
from cohorts.registration.models import (  # noqa: E402
    Registration,
    RegistrationAnswer,
    RegistrationMember,
    RegistrationStatus,
    SignedMOU,
    TeamInvitation,
)
from cohorts.schedule.models import (  # noqa: E402
    Attendance,
    CalendarFeed,
    CohortBreak,
    SchedulePoll,
    ScheduleSlot,
    ScheduleVote,
    Session,
    SessionMaterial,
)
from cohorts.sharing.models import SharedResult  # noqa: E402

__all__ = [
    "Announcement",
    "Attendance",
    "CalendarFeed",
    "CertificationRecord",
    "CheckIn",
    "Cohort",
    "CohortBreak",
    "CohortCriterionSet",
    "CohortQuerySet",
    "CohortStatus",
    "CriterionProgress",
    "Evidence",
    "Feedback",
    "Indicator",
    "Measurement",
    "Membership",
    "Milestone",
    "MilestoneKind",
    "PeerMessage",
    "PeerPairing",
    "RefusedDraft",
    "Registration",
    "RegistrationAnswer",
    "RegistrationMember",
    "RegistrationStatus",
    "RegistrationWindow",
    "SchedulePoll",
    "ScheduleSlot",
    "ScheduleVote",
    "Session",
    "SessionMaterial",
    "SharedResult",
    "SignedMOU",
    "Submission",
    "SubmissionAttachment",
    "SubmissionVersion",
    "Team",
    "TeamInvitation",
    "TeamPlace",
    "date_range_errors",
    "within_date_range",
]
