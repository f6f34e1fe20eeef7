"""Results a team shares with the public: a case story or the public version of a deliverable,
published on the program's page once staff approve it."""

import datetime
import decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.languages import language_choices
from cohorts.models import Team

RESULT_TEXT_REQUIRED = _("Write this in the result's language.")
RESULT_TRANSLATION_INCOMPLETE = _(
    "Complete the translation, or leave every translated field empty to publish without it."
)
RESULT_VERSION_REQUIRED = _("Choose the submitted deliverable this is the public version of.")
RESULT_VERSION_OF_ANOTHER_TEAM = _("Choose one of your team's submitted deliverables.")
RESULT_VERSION_NOT_FOR_STORY = _("A case story is not the public version of a deliverable.")


def _number(value):
    try:
        return None if value in (None, "") else decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        return None


def _day(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class ResultKind(models.TextChoices):
    CASE_STORY = "case_story", _("Case story")
    DELIVERABLE = "deliverable", _("Public version of a deliverable")


class ResultStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for review")
    SENT_BACK = "sent_back", _("Sent back")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SharedResultQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ResultStatus.PUBLISHED)


class SharedResult(models.Model):
    """A result a team proposes for publication. Written in the team's language (``language``)
    with an optional translation; visitors read it only once published."""

    #: Translated text fields, by kind: each is required in the result's language.
    TRANSLATED_FIELDS = ("title", "problem", "what_changed", "public_text")
    REQUIRED_FIELDS = {
        ResultKind.CASE_STORY: ("title", "problem", "what_changed"),
        ResultKind.DELIVERABLE: ("title", "public_text"),
    }

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="shared_results"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ResultKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ResultStatus.choices, default=ResultStatus.PROPOSED
    )
    language = models.CharField(
        _("written in"), max_length=8, choices=language_choices, help_text=_("The team's language.")
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True, allow_unicode=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    problem = models.TextField(_("the problem"), max_length=5000, blank=True)
    what_changed = models.TextField(_("what changed"), max_length=5000, blank=True)
    public_text = models.TextField(_("public text"), max_length=20000, blank=True)
    #: The indicators the team chose, as they stood when it proposed the result (what staff
    #: approve is what visitors read): [{"name", "unit", "direction", "before", "before_on",
    #: "after", "after_on"}…]; numbers as strings.
    indicators = models.JSONField(_("indicators before and after"), default=list, blank=True)
    version = models.ForeignKey(
        "cohorts.SubmissionVersion",
        verbose_name=_("deliverable version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revision = models.PositiveIntegerField(_("revision"), default=0)
    review_note = models.TextField(_("note from staff"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SharedResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared result")
        verbose_name_plural = _("shared results")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"], name="shared_result_status")]

    def __str__(self):
        return self.text("title", self.language) or str(_("Untitled result"))

    # Languages

    def text(self, field, language):
        return getattr(self, build_localized_fieldname(field, language), "") or ""

    def required_fields(self):
        return self.REQUIRED_FIELDS.get(self.kind, ())

    def has_language(self, language):
        """Whether every required text exists in `language` (the original always does)."""
        return all(self.text(field, language).strip() for field in self.required_fields())

    def display_language(self, requested):
        """The language a reader of `requested` reads it in: theirs when translated, else the original."""
        return requested if self.has_language(requested) else self.language

    def translations(self):
        """The languages other than the original it can be read in."""
        return [
            code for code, _name in settings.LANGUAGES if code != self.language and self.has_language(code)
        ]

    def texts(self, language):
        """{field: text} in `language`, for templates."""
        return {field: self.text(field, language) for field in self.TRANSLATED_FIELDS}

    def indicator_rows(self):
        """The indicators for display: values as numbers, dates as dates, and the change."""
        rows = []
        for row in self.indicators or []:
            before = _number(row.get("before"))
            after = _number(row.get("after"))
            rows.append(
                {
                    "name": row.get("name", ""),
                    "unit": row.get("unit", ""),
                    "before": before,
                    "before_on": _day(row.get("before_on")),
                    "after": after,
                    "after_on": _day(row.get("after_on")),
                    "change": None if before is None or after is None else after - before,
                    "better": None
                    if before is None or after is None or before == after
                    else (after > before) == (row.get("direction", "higher") == "higher"),
                }
            )
        return rows

    @property
    def is_published(self):
        return self.status == ResultStatus.PUBLISHED

    @property
    def is_editable(self):
        """The team may change and propose it again (a published result is withdrawn first)."""
        return self.status != ResultStatus.PUBLISHED

    def clean(self):
        super().clean()
        errors = {}
        codes = [code for code, _name in settings.LANGUAGES]
        required = self.required_fields()
        if self.language in codes:
            for field in required:
                if not self.text(field, self.language).strip():
                    errors[build_localized_fieldname(field, self.language)] = ValidationError(
                        RESULT_TEXT_REQUIRED, code="text_required"
                    )
        for code in codes:
            if code == self.language:
                continue
            started = any(self.text(field, code).strip() for field in self.TRANSLATED_FIELDS)
            if started:
                for field in required:
                    if not self.text(field, code).strip():
                        errors[build_localized_fieldname(field, code)] = ValidationError(
                            RESULT_TRANSLATION_INCOMPLETE, code="translation_incomplete"
                        )
        if self.kind == ResultKind.DELIVERABLE:
            if self.version_id is None:
                errors["version"] = ValidationError(RESULT_VERSION_REQUIRED, code="version_required")
            elif self.team_id and self.version.submission.team_id != self.team_id:
                errors["version"] = ValidationError(
                    RESULT_VERSION_OF_ANOTHER_TEAM, code="version_of_another_team"
                )
        elif self.version_id is not None:
            errors["version"] = ValidationError(RESULT_VERSION_NOT_FOR_STORY, code="version_not_for_story")
        if errors:
            raise ValidationError(errors)
