"""A team's phase plan: the milestones of its run — deliverables due, site visits and reviews.

The phases themselves are the program's (sprints.ProgramPhase), laid over the cohort's calendar
(cohorts.phases.timeline); a milestone belongs to the phase its date falls in. Coaches and staff
record milestones in the admin; the team reads them on its home and its phase plan page.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import Membership, Team, date_range_errors

TITLE_REQUIRED = _("Give the site visit or review a title.")
TEMPLATE_REQUIRED = _("Choose the assignment this deliverable is.")
TEMPLATE_ONLY_FOR_DELIVERABLES = _("Only a deliverable is linked to an assignment: leave it empty.")
TEMPLATE_NOT_IN_PROGRAM = _("Choose one of the assignments of this team's program.")
VISIT_TIME_REQUIRED = _("Enter the date and time of the site visit.")
VISIT_TIME_ONLY_FOR_VISITS = _("Only a site visit has a time: enter the due date instead.")
DUE_DATE_REQUIRED = _("Enter the date this is due.")
VISIT_ONLY_DETAILS = _("Place, agenda and participants belong to a site visit.")
PARTICIPANTS_NOT_ON_TEAM = _("Choose participants from this team's members.")


class MilestoneKind(models.TextChoices):
    DELIVERABLE = "deliverable", _("Deliverable due")
    SITE_VISIT = "site_visit", _("Site visit")
    REVIEW = "review", _("Review meeting")


class Milestone(models.Model):
    """One dated step of a team's phase plan, done or not.

    A deliverable is linked to an assignment template and dated by ``due_on`` (the template's due
    date on the cohort's calendar unless the coach agreed another); it counts as done when the team
    has submitted it or a coach marked it done. A site visit has a date and time (``starts_at``),
    a place, an agenda and its participants; a review has a date. Nothing waits on a milestone:
    one not done by its date is shown as late to the team, its coach and staff.
    """

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MilestoneKind.choices)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("For a deliverable, empty: the assignment's title."),
    )
    template = models.ForeignKey(
        "sprints.AssignmentTemplate",
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
    )
    due_on = models.DateField(
        _("due on"),
        null=True,
        blank=True,
        help_text=_("A deliverable or review. Empty for a deliverable: its assignment's due date."),
    )
    starts_at = models.DateTimeField(_("date and time of the visit"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One item per line. The team reads it."))
    participants = models.ManyToManyField(
        Membership, verbose_name=_("team members taking part"), related_name="site_visits", blank=True
    )
    other_participants = models.TextField(
        _("other participants"),
        blank=True,
        help_text=_("Coaches, IT staff, community stakeholders…: one per line, with their role."),
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("What was agreed. The team reads them."))
    done_on = models.DateField(_("done on"), null=True, blank=True, help_text=_("Empty while not done."))
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised on every change; a change made on an older revision is refused."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["team", "due_on", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=MilestoneKind.SITE_VISIT) & Q(starts_at__isnull=False) & Q(due_on__isnull=True)
                )
                | (~Q(kind=MilestoneKind.SITE_VISIT) & Q(starts_at__isnull=True) & Q(due_on__isnull=False)),
                name="milestone_dated_by_kind",
                violation_error_message=_(
                    "A site visit has a date and time; a deliverable or review a due date."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(kind=MilestoneKind.DELIVERABLE) & Q(template__isnull=False))
                | (~Q(kind=MilestoneKind.DELIVERABLE) & Q(template__isnull=True)),
                name="milestone_template_only_for_deliverables",
                violation_error_message=_("A deliverable is linked to an assignment, and nothing else is."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display_title}"

    @property
    def display_title(self):
        if self.title:
            return self.title
        if self.template_id:
            return self.template.title
        return ""

    @property
    def is_site_visit(self):
        return self.kind == MilestoneKind.SITE_VISIT

    def day(self, zone: datetime.tzinfo) -> datetime.date | None:
        """The day of the milestone: its due date, or the day of the visit in `zone`."""
        if self.starts_at is not None:
            return timezone.localtime(self.starts_at, zone).date()
        return self.due_on

    def clean(self):
        super().clean()
        errors = date_range_errors(due_on=self.due_on, starts_at=self.starts_at, done_on=self.done_on)
        if self.kind == MilestoneKind.DELIVERABLE:
            if not self.template_id:
                errors.setdefault("template", ValidationError(TEMPLATE_REQUIRED, code="template_required"))
            elif self.team_id and self.template.program_id != self.team.cohort.program_id:
                errors.setdefault(
                    "template", ValidationError(TEMPLATE_NOT_IN_PROGRAM, code="template_program")
                )
        else:
            if self.template_id:
                errors.setdefault(
                    "template",
                    ValidationError(TEMPLATE_ONLY_FOR_DELIVERABLES, code="template_not_deliverable"),
                )
            if not self.title.strip():
                errors.setdefault("title", ValidationError(TITLE_REQUIRED, code="title_required"))
        if self.kind == MilestoneKind.SITE_VISIT:
            if self.starts_at is None:
                errors.setdefault(
                    "starts_at", ValidationError(VISIT_TIME_REQUIRED, code="visit_time_required")
                )
        else:
            if self.starts_at is not None:
                errors.setdefault(
                    "starts_at", ValidationError(VISIT_TIME_ONLY_FOR_VISITS, code="visit_time_not_visit")
                )
            if self.due_on is None:
                errors.setdefault("due_on", ValidationError(DUE_DATE_REQUIRED, code="due_date_required"))
            if self.place.strip() or self.agenda.strip() or self.other_participants.strip():
                errors.setdefault("place", ValidationError(VISIT_ONLY_DETAILS, code="visit_only_details"))
        if errors:
            raise ValidationError(errors)
