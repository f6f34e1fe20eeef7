"""The team's weekly check-in: a minute to say how it is going, what blocks it and how strong its
political support is. One per team per program week (none in break weeks); a teammate may update
it, and an update made on an older revision is refused."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CheckInRating(models.IntegerChoices):
    """How the week is going, in words (the number only orders them)."""

    STUCK = 1, _("Stuck")
    HARD_GOING = 2, _("Hard going")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    GREAT = 5, _("Great")


class PoliticalSupport(models.TextChoices):
    STRONG = "strong", _("Strong")
    STEADY = "steady", _("Steady")
    WEAKENING = "weakening", _("Weakening")
    LOST = "lost", _("Lost")


class CheckIn(models.Model):
    team = models.ForeignKey(
        "cohorts.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="checkins"
    )
    week = models.PositiveSmallIntegerField(_("program week"), validators=[MinValueValidator(1)])
    rating = models.PositiveSmallIntegerField(
        _("how it is going"),
        choices=CheckInRating.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    blockers = models.TextField(_("blockers"), blank=True, max_length=2000)
    political_support = models.CharField(
        _("political support"), max_length=16, choices=PoliticalSupport.choices
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
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
        help_text=_("Raised on every update; an update made on an older revision is refused."),
    )

    class Meta:
        verbose_name = _("weekly check-in")
        verbose_name_plural = _("weekly check-ins")
        ordering = ["team", "-week"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "week"],
                name="checkin_once_per_team_per_week",
                violation_error_message=_("The team has already checked in this week."),
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="checkin_rating_in_scale",
                violation_error_message=_("Choose how it is going."),
            ),
            models.CheckConstraint(
                condition=Q(week__gte=1),
                name="checkin_week_positive",
                violation_error_message=_("A check-in belongs to a program week."),
            ),
        ]

    def __str__(self):
        return _("%(team)s — week %(week)s check-in") % {"team": self.team, "week": self.week}

    @property
    def is_low(self):
        return self.rating <= CheckInRating.HARD_GOING
