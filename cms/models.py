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

from cms.blocks import BodyBlock
from cms.languages import language_choices, time_zone_choices, validate_time_zone


def default_time_zone():
    return settings.DEFAULT_USER_TIME_ZONE


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
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
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
        from cms.selectors import program_pages_with_cohorts

        context = super().get_context(request, *args, **kwargs)
        # Programs directly under the home page and under the program index alike.
        pages = ProgramPage.objects.descendant_of(self).live().public()
        context["program_pages"] = program_pages_with_cohorts(pages, today=timezone.localdate())
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
        from cms.forms import ProgramFilterForm
        from cms.selectors import program_pages_with_cohorts

        context = super().get_context(request, *args, **kwargs)
        form = ProgramFilterForm(request.GET)
        form.is_valid()  # an unknown value is reported and ignored; the valid filters still apply
        filters = {key: value for key, value in form.cleaned_data.items() if value}
        pages = ProgramPage.objects.child_of(self).live().public()
        context["filter_form"] = form
        context["filtered"] = bool(filters)
        context["program_pages"] = program_pages_with_cohorts(pages, today=timezone.localdate(), **filters)
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
        from cms.selectors import listed_cohorts

        if not hasattr(self.program, "listed_cohorts"):
            self.program.listed_cohorts = list(
                listed_cohorts(today=timezone.localdate()).filter(program=self.program)
            )
        return self.program.listed_cohorts

    @property
    def next_cohort(self):
        """The cohort a visitor would apply to: the earliest taking applications, else the earliest
        not yet finished, or None."""
        from cohorts.models import RegistrationWindow

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
        from cms.selectors import listed_cohorts

        context = super().get_context(request, *args, **kwargs)
        program = self.program
        current = translation.get_language()
        cohorts = list(
            listed_cohorts(today=timezone.localdate()).filter(program=program).select_related("program")
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
