"""Announcements from program staff to a cohort's members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cohorts.models import Cohort

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
