"""One run of a program: its cohort, sessions, teams and their work."""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from accounts.languages import language_choices, time_zone_choices, validate_time_zone
from sprints.models import SessionKind, Weekday

#: Dates outside this window are refused: far beyond any real program, yet near enough that every
#: date derived from them (a cohort's end, a session's end, its local time in any time zone) exists.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
DATE_TOO_EARLY = _("This date is too far in the past: choose one from the year 1900 on.")
DATE_TOO_LATE = _("This date is too far in the future: choose one before the year 3000.")


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


class Cohort(index.Indexed, models.Model):
    """A program run in one language, on one weekday, from one start date."""

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
    weekday = models.PositiveSmallIntegerField(_("session weekday"), choices=Weekday.choices)
    local_time = models.TimeField(_("local session time"), default=datetime.time(11, 0))
    start_date = models.DateField(_("start date"), help_text=_("The first day of week 1."))
    end_date = models.DateField(_("end date"), editable=False, help_text=_("Derived from the duration."))
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
        FieldRowPanel([FieldPanel("language"), FieldPanel("time_zone")]),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("local_time"), FieldPanel("start_date")]),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_deadline")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("meeting_url")]),
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
        ]

    def __str__(self):
        return f"{self.program} — {self.name}"

    def save(self, *args, **kwargs):
        self.end_date = self.compute_end_date()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = date_range_errors(
            start_date=self.start_date,
            registration_opens=self.registration_opens,
            registration_deadline=self.registration_deadline,
        )
        if errors:
            raise ValidationError(errors)
        if self.start_date and self.program_id:
            self.end_date = self.compute_end_date()
            if self.end_date > LATEST_DATE:
                raise ValidationError({"start_date": ValidationError(DATE_TOO_LATE, code="date_too_late")})

    def compute_end_date(self):
        return self.start_date + datetime.timedelta(weeks=self.program.duration_weeks, days=-1)

    def compute_status(self, today=None):
        today = today or timezone.localdate()
        if today < self.registration_opens:
            return CohortStatus.PLANNED
        if today <= self.registration_deadline:
            return CohortStatus.REGISTRATION_OPEN
        if today < self.start_date:
            return CohortStatus.REGISTRATION_CLOSED
        if today <= self.end_date:
            return CohortStatus.IN_PROGRESS
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

    def week_number(self, today=None):
        """The program week `today` falls in, clamped to the program's weeks."""
        today = today or timezone.localdate()
        week = (today - self.start_date).days // 7 + 1
        return max(1, min(week, self.program.duration_weeks))

    def week_start(self, week):
        return self.start_date + datetime.timedelta(weeks=week - 1)

    def session_date(self, week):
        start = self.week_start(week)
        return start + datetime.timedelta(days=(self.weekday - start.weekday()) % 7)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)


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


class RegistrationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Registration(index.Indexed, ClusterableModel):
    """A city team's application to a cohort."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # Blank while a draft; the application form requires them on submit.
    city = models.CharField(_("city"), max_length=120, blank=True)
    jurisdiction = models.CharField(_("state or country"), max_length=120, blank=True)
    team_name = models.CharField(_("team name"), max_length=200, blank=True)
    challenge_statement = models.TextField(_("challenge statement"), blank=True)
    focus_area = models.ForeignKey(
        "sprints.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    accepts_time_commitment = models.BooleanField(_("accepts the time commitment"), default=False)
    accepts_mou = models.BooleanField(_("will sign the MOU"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.DRAFT,
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_registrations",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("cohort"),
        FieldPanel("applicant"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("jurisdiction")]),
        FieldPanel("team_name"),
        FieldPanel("challenge_statement"),
        FieldPanel("focus_area"),
        FieldRowPanel([FieldPanel("accepts_time_commitment"), FieldPanel("accepts_mou")]),
        InlinePanel("members", heading=_("Team members"), label=_("Member")),
    ]
    search_fields = [
        index.SearchField("city"),
        index.SearchField("team_name"),
        index.FilterField("status"),
        index.FilterField("cohort"),
    ]

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("city"),
                Lower("jurisdiction"),
                "cohort",
                condition=~Q(status__in=["draft", "withdrawn"]),
                name="registration_one_per_city_per_cohort",
                violation_error_message=_("This city has already applied to this cohort."),
            ),
            models.UniqueConstraint(
                fields=["cohort", "applicant"],
                condition=~Q(status="withdrawn"),
                name="registration_one_per_applicant_per_cohort",
                violation_error_message=_("You already have an application for this cohort."),
            ),
        ]

    def __str__(self):
        return f"{self.team_name} ({self.city}, {self.jurisdiction})"


class RegistrationMember(Orderable):
    """A person named on an application, who may not have an account yet."""

    registration = ParentalKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    title = models.CharField(_("job title"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    role = models.ForeignKey(
        "sprints.Role",
        verbose_name=_("role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("department"), FieldPanel("role")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                "registration",
                Lower("email"),
                name="registration_member_email_unique",
                violation_error_message=_("Each member needs a different email address."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"


class Team(index.Indexed, ClusterableModel):
    """An accepted city team taking part in a cohort."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="teams"
    )
    registration = models.OneToOneField(
        Registration,
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
    mou_signed_on = models.DateField(_("MOU signed on"), null=True, blank=True)
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
        FieldPanel("mou_signed_on"),
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


def invitation_token():
    return secrets.token_urlsafe(32)


class TeamInvitation(TeamPlace):
    """A place on a team offered to an email address, taken by whoever proves they read its mail.

    Accepting a team makes one for each member whose address belongs to an account that never
    confirmed it (anyone can sign up with someone else's address): the invitation link goes to
    the address, and only the person who follows it joins. Until then nobody holds the place.
    """

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    sort_order = models.IntegerField(_("order"), default=0)
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["team", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "team",
                name="team_invitation_email_once_per_team",
                violation_error_message=_("This address is already invited to the team."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name or self.email} → {self.team.name}"

    @property
    def is_pending(self):
        return self.accepted_at is None


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


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")


class CriterionProgress(models.Model):
    """A team's standing on one checklist item; counts toward its criterion once verified."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="criterion_progress",
    )
    item = models.ForeignKey(
        "sprints.ChecklistItem",
        verbose_name=_("checklist item"),
        on_delete=models.PROTECT,
        related_name="progress",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    coach_comment = models.TextField(_("coach's comment"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("criterion progress")
        verbose_name_plural = _("criterion progress")
        ordering = ["team", "item__criterion__code", "item__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "item"],
                name="criterion_progress_once_per_team_and_item",
                violation_error_message=_("This team already tracks this checklist item."),
            ),
            models.CheckConstraint(
                condition=Q(verified_at__isnull=True) | Q(status="met"),
                name="criterion_progress_verified_only_when_met",
                violation_error_message=_("Only an item marked as met can be verified."),
            ),
        ]

    def __str__(self):
        return f"{self.team} — {self.item}: {self.get_status_display()}"

    @property
    def is_verified(self):
        return self.verified_at is not None


class EvidenceKind(models.TextChoices):
    SUBMISSION = "submission", _("Submission")
    LINK = "link", _("Link")
    FILE = "file", _("File")


def evidence_upload_to(instance, filename):
    return f"evidence/{instance.progress.team_id}/{filename}"


class Evidence(models.Model):
    """Something that shows a checklist item is met: a submission, a public link or a file."""

    progress = models.ForeignKey(
        CriterionProgress,
        verbose_name=_("progress"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EvidenceKind.choices)
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
    )
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True, max_length=300)
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["added_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="submission", submission__isnull=False, url="", file="")
                    | Q(kind="link", submission__isnull=True, file="") & ~Q(url="")
                    | Q(kind="file", submission__isnull=True, url="") & ~Q(file="")
                ),
                name="evidence_matches_kind",
                violation_error_message=_(
                    "Give exactly one of a submission, a link or a file, matching the kind."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.progress}"


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class MeasurementCadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class Indicator(models.Model):
    """A procurement KPI a team tracks from a baseline: bids per solicitation, cycle days…"""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=8,
        choices=Direction.choices,
        default=Direction.HIGHER,
    )
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    cadence = models.CharField(
        _("measured"),
        max_length=16,
        choices=MeasurementCadence.choices,
        default=MeasurementCadence.QUARTERLY,
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["team", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "name"],
                name="indicator_name_unique_per_team",
                violation_error_message=_("This team already tracks an indicator with this name."),
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_date__isnull=True)
                | Q(baseline_value__isnull=False, baseline_date__isnull=False),
                name="indicator_baseline_has_value_and_date",
                violation_error_message=_("A baseline needs both a value and a date."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.team})"

    def clean(self):
        super().clean()
        if errors := date_range_errors(baseline_date=self.baseline_date):
            raise ValidationError(errors)


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="measurement_once_per_indicator_and_date",
                violation_error_message=_("This indicator already has a measurement on this date."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} ({self.measured_on})"

    def clean(self):
        super().clean()
        if errors := date_range_errors(measured_on=self.measured_on):
            raise ValidationError(errors)


class CalendarFeed(models.Model):
    """A private, revocable address of one user's iCalendar feed (see cohorts.calendar)."""

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


ANNOUNCEMENT_TRANSLATION_MISSING = _(
    "Write this in %(language)s too: each member receives the announcement in their own language."
)
ANNOUNCEMENT_ROLE_OF_ANOTHER_PROGRAM = _("Pick one of the roles of this cohort's program.")


class Announcement(models.Model):
    """A message from program staff to a cohort's members (all of them, or one role), in every
    language of the site; each member is told in theirs, and it stays on the team's home page."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    role = models.ForeignKey(
        "sprints.Role",
        verbose_name=_("only members with the role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty to address every member of the cohort's teams."),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    #: The translated fields every language must have: each recipient reads their own.
    TRANSLATED_FIELDS = ("title", "body")

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["cohort", "-sent_at"], name="announcement_cohort_sent"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def audience_label(self):
        """Who it is for, in the active language: every member, or the members with one role."""
        if self.role_id is None:
            return _("Every member")
        return _("Members with the role “%(role)s”") % {"role": self.role}

    def missing_translations(self) -> dict:
        """{localized field name: error} for each translated field left empty in some language."""
        errors = {}
        for field in self.TRANSLATED_FIELDS:
            for code, language in settings.LANGUAGES:
                name = build_localized_fieldname(field, code)
                if not (getattr(self, name, None) or "").strip():
                    errors[name] = ValidationError(
                        ANNOUNCEMENT_TRANSLATION_MISSING,
                        code="translation_missing",
                        params={"language": language},
                    )
        return errors

    def clean(self):
        super().clean()
        errors = self.missing_translations()
        if self.role_id and self.cohort_id and self.role.program_id != self.cohort.program_id:
            errors["role"] = ValidationError(
                ANNOUNCEMENT_ROLE_OF_ANOTHER_PROGRAM, code="role_of_another_program"
            )
        if errors:
            raise ValidationError(errors)
