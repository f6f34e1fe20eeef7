import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices, time_zone_choices, validate_time_zone


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
