"""Applications to a cohort and the team places offered by invitation."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from cohorts.models import Cohort, Team, TeamPlace


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

    @property
    def applicant_is_member(self):
        """Whether the person who applied is one of the members listed (by email address)."""
        email = self.applicant.email.lower()
        return any(member.email.lower() == email for member in self.members.all())


class RegistrationAnswer(Orderable):
    """An answer to one of the program's application questions, with the question as it was asked.

    The question's text (in the applicant's language) is stored with the answer, so editing or
    removing the question later never changes what the applicant answered to.
    """

    registration = ParentalKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        "sprints.ApplicationQuestion",
        verbose_name=_("question"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
    )
    question_text = models.CharField(_("question as asked"), max_length=300)
    answer = models.TextField(_("answer"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"],
                name="registration_answer_once_per_question",
                violation_error_message=_("This question is already answered on the application."),
            ),
        ]

    def __str__(self):
        return f"{self.question_text}: {self.answer}"


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


def mou_upload_to(instance, filename):
    return f"mou/{instance.team_id}/{filename}"


class SignedMOU(models.Model):
    """The memorandum of understanding a team's city signed, recorded by staff (team_mou_record)."""

    team = models.OneToOneField(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="signed_mou"
    )
    file = models.FileField(_("signed MOU"), upload_to=mou_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    signed_on = models.DateField(_("signed on"))
    counterparty = models.CharField(
        _("counterparty"),
        max_length=200,
        help_text=_(
            "Who signed with the city, for example the Harvard Kennedy School Government Performance Lab."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("signed MOU")
        verbose_name_plural = _("signed MOUs")
        ordering = ["team"]

    def __str__(self):
        return _("MOU of %(team)s, signed on %(date)s") % {"team": self.team, "date": self.signed_on}
