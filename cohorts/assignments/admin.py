"""Coaches and staff review submitted assignments in the Wagtail admin ("Reviews").

The review page renders a submitted version with the same renderer templates as the team's
workspace and takes feedback (comment, request changes, accept) through
``cohorts.assignments.services.feedback_give``. Coaches reach only the teams they coach; staff reach
all; anything else is a 404.
"""

from urllib.parse import urlencode

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from accounts.admin_views import FilterSet, ReadOnlyModelViewSet, ReportView
from accounts.dates import days_ago_label
from cohorts.assignments.forms import FeedbackForm
from cohorts.assignments.kinds import KINDS
from cohorts.assignments.models import (
    Feedback,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.assignments.services import feedback_give
from cohorts.models import Cohort, Team
from cohorts.policies import (
    can_review_team_work,
    coached_teams,
    is_coach_or_staff,
    is_staff,
)


def reviewable_submissions(user):
    """Submissions whose team the user may review: all for staff, coached teams for coaches."""
    submissions = Submission.objects.select_related("team__cohort__program", "template")
    if is_staff(user):
        return submissions
    return submissions.filter(team__in=coached_teams(user).values("pk"))


class ReviewFilterSet(FilterSet):
    """A team's reviews (the links from My teams and the dashboard), by status or cohort; the
    choices are the user's own teams and cohorts (``FilterSet`` narrows them)."""

    team = django_filters.ModelChoiceFilter(label=_("Team"), queryset=Team.objects.select_related("cohort"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="team__cohort", queryset=Cohort.objects.select_related("program")
    )

    class Meta:
        model = Submission
        fields = ["team", "status", "cohort"]


def _submitted(submission):
    """The submitted version's time, as on the review page, and how long ago in days."""
    value = submission.version_submitted_at
    if value is None:
        return "—"
    return format_html(
        '{} <div class="w-text-14">{}</div>',
        date_format(timezone.localtime(value), "DATETIME_FORMAT"),
        days_ago_label(value),
    )


def _team(submission):
    return format_html(
        '{} <span class="w-text-grey-400">{}</span>', submission.team.name, submission.team.cohort
    )


def _assignment(submission):
    return format_html('<a href="{}">{}</a>', review_url(submission), submission.template.title)


def reviews_url(team=None, **params):
    """The Reviews listing, filtered to `team` when given."""
    if team is not None:
        params = {"team": team.pk, **params}
    url = reverse("cohorts_review_queue")
    return f"{url}?{urlencode(params)}" if params else url


class ReviewQueueView(ReportView):
    """Every submitted piece of work of the user's teams (staff: all teams): what waits for a
    response first, longest waiting first, then the rest, latest first. Filter by team, status
    or cohort; export to a spreadsheet."""

    page_title = _("Reviews")
    header_icon = "doc-full"
    filterset_class = ReviewFilterSet
    export_filename = "reviews"
    paginate_by = 50
    columns = [
        Column("template", label=_("Assignment"), accessor=_assignment),
        Column("team", label=_("Team"), accessor=_team),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("version_number", label=_("Version")),
        Column("version_submitted_at", label=_("Submitted"), accessor=_submitted),
    ]
    list_export = [
        "template",
        "team",
        "team.cohort",
        "get_status_display",
        "version_number",
        "version_submitted_at",
    ]
    export_headings = {
        "template": _("Assignment"),
        "team": _("Team"),
        "team.cohort": _("Cohort"),
        "get_status_display": _("Status"),
        "version_number": _("Version"),
        "version_submitted_at": _("Submitted"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_coach_or_staff(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return reviewable_submissions(self.request.user).filter(version_number__gte=1)

    def get_filtered_queryset(self):
        waiting = Q(status=SubmissionStatus.SUBMITTED)
        submitted_at = SubmissionVersion.objects.filter(
            submission=OuterRef("pk"), number=OuterRef("version_number")
        ).values("submitted_at")[:1]
        return (
            self.filter_queryset(self.get_queryset())
            .annotate(
                version_submitted_at=Subquery(submitted_at),
                waiting_rank=Case(When(waiting, then=Value(0)), default=Value(1)),
            )
            .order_by(
                "waiting_rank",
                Case(When(waiting, then=F("version_submitted_at"))).asc(nulls_last=True),
                F("version_submitted_at").desc(nulls_last=True),
                "pk",
            )
        )


class SubmissionReviewView(WagtailAdminTemplateMixin, FormView):
    template_name = "cohorts/admin/submission_review.html"
    form_class = FeedbackForm
    page_title = _("Review")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        self.submission = get_object_or_404(
            Submission.objects.select_related("team__cohort__program", "template"), pk=kwargs["pk"]
        )
        if not can_review_team_work(request.user, self.submission.team):
            raise Http404
        self.versions = list(
            self.submission.versions.select_related("submitted_by")
            .prefetch_related("feedback__author", "attachments")
            .order_by("-number")
        )
        number = request.GET.get("version")
        self.version = next(
            (v for v in self.versions if str(v.number) == number), self.versions[0] if self.versions else None
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.submission)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reviews_url(self.submission.team), "label": str(_("Reviews"))},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "submission": self.submission,
                "team": self.submission.team,
                "template": self.submission.template,
                "versions": self.versions,
                "version": self.version,
                "is_latest": bool(self.version and self.version.number == self.submission.version_number),
                "spec": KINDS[self.submission.template.kind],
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def form_valid(self, form):
        if self.version is None:
            raise Http404
        try:
            feedback_give(
                version=self.version,
                author=self.request.user,
                decision=form.cleaned_data["decision"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Feedback sent to %(team)s on version %(number)d.")
            % {"team": self.submission.team.name, "number": self.version.number},
        )
        return redirect(self.request.get_full_path())


def review_url(submission):
    return reverse("cohorts_submission_review", args=[submission.pk])


REVIEW_COLUMN = Column(
    "review",
    label=_("Review"),
    accessor=lambda submission: (
        format_html('<a href="{}">{}</a>', review_url(submission), _("Review"))
        if submission.version_number
        else "—"
    ),
)


class ReviewsMenuItem(AdminMenuItem):
    """Shown to staff and to coaches with a team."""

    def is_shown(self, request):
        return is_coach_or_staff(request.user)


def admin_urls():
    kwargs = {
        "index_url_name": "cohorts_review_queue",
        "index_results_url_name": "cohorts_review_queue_results",
    }
    return [
        path("reviews/", ReviewQueueView.as_view(**kwargs), name="cohorts_review_queue"),
        path(
            "reviews/results/",
            ReviewQueueView.as_view(results_only=True, **kwargs),
            name="cohorts_review_queue_results",
        ),
        path("reviews/<int:pk>/", SubmissionReviewView.as_view(), name="cohorts_submission_review"),
    ]


def reviews_menu_item():
    return ReviewsMenuItem(_("Reviews"), reverse("cohorts_review_queue"), icon_name="doc-full", order=216)


class SubmissionLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "version" in data:
            return _("%(label)s (version %(number)s)") % {"label": self.label, "number": data["version"]}
        if "file" in data:
            return f"{self.label}: {data['file']}"
        return self.label


def submission_log_actions():
    return [
        ("ruta.submission.submitted", _("Assignment submitted")),
        ("ruta.submission.comment", _("Feedback given")),
        ("ruta.submission.changes_requested", _("Changes requested")),
        ("ruta.submission.accepted", _("Assignment accepted")),
        ("ruta.submission.file_added", _("File added")),
        ("ruta.submission.file_removed", _("File removed")),
    ]


def register_submission_log_actions(actions):
    for action, label in submission_log_actions():
        formatter = type(
            "SubmissionLogFormatter", (SubmissionLogFormatter,), {"label": label, "message": label}
        )
        actions.register_action(action)(formatter)


def reviewer_url(url):
    """`url(object)` for users who may review the object's team (staff, its coaches), else None."""

    def for_user(obj, user):
        target, team = url(obj)
        return target if can_review_team_work(user, team) else None

    return for_user


REVIEWS_LINK = (_("Reviews"), "cohorts_review_queue", "doc-full")


def _version_review(version):
    url = f"{review_url(version.submission)}?version={version.number}"
    return url, version.submission.team


class SubmissionViewSet(ReadOnlyModelViewSet):
    """Teams write and submit in their workspace; coaches and staff answer on the review page
    (``feedback_give``), which is the only way a submission's status changes."""

    model = Submission
    icon = "doc-full"
    list_display = [
        "template",
        "team",
        "status",
        "version_number",
        "updated_by",
        "updated_at",
        REVIEW_COLUMN,
    ]
    list_filter = ["status", "template__kind", "team__cohort"]
    search_fields = ["team__name", "team__city", "template__title_en", "template__title_es"]
    ordering = "-updated_at"
    list_select_related = ["template", "team", "updated_by"]
    index_flow_links = [REVIEWS_LINK]
    inspect_flow_links = [
        (
            _("Review"),
            reviewer_url(
                lambda submission: (
                    review_url(submission) if submission.version_number else None,
                    submission.team,
                )
            ),
            "doc-full",
        )
    ]


class SubmissionVersionViewSet(ReadOnlyModelViewSet):
    model = SubmissionVersion
    icon = "history"
    list_display = ["submission", "number", "submitted_by", "submitted_at"]
    list_filter = ["submission__template__kind", "submission__team__cohort"]
    search_fields = [
        "submission__team__name",
        "submission__template__title_en",
        "submission__template__title_es",
    ]
    ordering = "-submitted_at"
    list_select_related = ["submission__template", "submission__team", "submitted_by"]
    index_flow_links = [REVIEWS_LINK]
    inspect_flow_links = [(_("Review"), reviewer_url(_version_review), "doc-full")]


class FeedbackViewSet(ReadOnlyModelViewSet):
    """Feedback is given on the review page (``feedback_give``: status, history, email)."""

    model = Feedback
    icon = "comment"
    list_display = ["version", "decision", "author", "created_at"]
    list_filter = ["decision", "version__submission__team__cohort"]
    search_fields = ["body", "version__submission__team__name", "author__full_name", "author__email"]
    ordering = "-created_at"
    list_select_related = ["version__submission__template", "version__submission__team", "author"]
    index_flow_links = [REVIEWS_LINK]
    inspect_flow_links = [
        (_("Review"), reviewer_url(lambda feedback: _version_review(feedback.version)), "doc-full")
    ]
