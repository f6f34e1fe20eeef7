import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Count
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms import selectors
from cms.blocks import BodyBlock
from cms.languages import language_choices, time_zone_choices, validate_time_zone
from cms.program_filters import ProgramFilterForm
from cohorts.models import RegistrationWindow


def default_time_zone():
    return settings.DEFAULT_USER_TIME_ZONE


def new_unsubscribe_key():
    return secrets.token_urlsafe(24)


#: How a deleted account appears wherever its work is shown, in the reader's language.
DELETED_USER_NAME = _("Deleted user")


class UserManager(DjangoUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person: signs in with an email address, reads in a preferred language and time zone."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    unsubscribe_key = models.CharField(
        _("unsubscribe key"),
        max_length=64,
        unique=True,
        default=new_unsubscribe_key,
        editable=False,
        help_text=_("Names this person in unsubscribe links without giving away their id."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=language_choices,
        default="en",
        help_text=_("Pages open and emails arrive in this language."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Session times are shown in this time zone."),
    )
    deleted_at = models.DateTimeField(
        _("deleted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the account was deleted: the identity is gone, the team's work stays."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_case_insensitive",
                violation_error_message=_("A user with this email address already exists."),
            )
        ]

    def __str__(self):
        if self.is_deleted:
            return str(DELETED_USER_NAME)
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def get_full_name(self):
        if self.is_deleted:
            return str(DELETED_USER_NAME)
        return self.full_name or self.email

    def get_short_name(self):
        if self.is_deleted:
            return str(DELETED_USER_NAME)
        return self.full_name.split(" ")[0] if self.full_name else self.email


class HomePage(Page):
    """The site's front page: what Ruta is and which programs are open."""

    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ProgramIndexPage", "cms.ProgramPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Programs directly under the home page and under the program index alike.
        pages = ProgramPage.objects.descendant_of(self).live().public()
        context["program_pages"] = selectors.program_pages_with_cohorts(pages, today=timezone.localdate())
        context["program_index"] = ProgramIndexPage.objects.child_of(self).live().public().first()
        return context


class StandardPage(Page):
    """A plain content page: about, FAQ, privacy."""

    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ProgramIndexPage(Page):
    """The list of programs, each with its next cohort, filtered by language and kind."""

    intro = RichTextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgramPage"]
    max_count = 1

    class Meta:
        verbose_name = _("program index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ProgramFilterForm(request.GET)
        form.is_valid()  # an unknown value is reported and ignored; the valid filters still apply
        filters = {key: value for key, value in form.cleaned_data.items() if value}
        pages = ProgramPage.objects.child_of(self).live().public()
        context["filter_form"] = form
        context["filtered"] = bool(filters)
        context["program_pages"] = selectors.program_pages_with_cohorts(
            pages, today=timezone.localdate(), **filters
        )
        return context


class ProgramPage(Page):
    """The public page of one program, with its cohorts and their dates."""

    program = models.ForeignKey(
        "sprints.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("program"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    # Under the program index; directly under the home page too, where earlier sites put them.
    parent_page_types = ["cms.ProgramIndexPage", "cms.HomePage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("program page")

    @property
    def listed_cohorts(self):
        """The program's cohorts not yet finished, earliest first (prefetched by the listings)."""
        if not hasattr(self.program, "listed_cohorts"):
            self.program.listed_cohorts = list(
                selectors.listed_cohorts(today=timezone.localdate()).filter(program=self.program)
            )
        return self.program.listed_cohorts

    @property
    def next_cohort(self):
        """The cohort a visitor would apply to: the earliest taking applications, else the earliest
        not yet finished, or None."""
        cohorts = self.listed_cohorts
        taking_applications = (RegistrationWindow.OPEN, RegistrationWindow.WAITLIST)
        return next(
            (cohort for cohort in cohorts if cohort.registration_window() in taking_applications),
            cohorts[0] if cohorts else None,
        )

    @property
    def cohort_languages(self):
        """The languages of the listed cohorts, as (code, name) pairs in the order they first run."""
        languages = {}
        for cohort in self.listed_cohorts:
            languages.setdefault(cohort.language, cohort.get_language_display())
        return list(languages.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        program = self.program
        current = translation.get_language()
        cohorts = list(
            selectors.listed_cohorts(today=timezone.localdate())
            .filter(program=program)
            .select_related("program")
        )
        # Parallel cohorts in several languages: the visitor's own language first.
        cohorts.sort(key=lambda cohort: (cohort.start_date, cohort.language != current))
        program.listed_cohorts = cohorts
        context["cohorts"] = cohorts
        context["roles"] = program.roles.all()
        context["focus_areas"] = program.focus_areas.all()
        context["sessions"] = program.session_plans.aggregate(
            count=Count("pk"), weeks=Count("week", distinct=True)
        )
        return context


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
