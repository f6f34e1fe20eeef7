"""Coaches and staff review submitted assignments in the Wagtail admin ("Reviews").

The review page renders a submitted version with the same renderer templates as the team's
workspace and takes feedback (comment, request changes, accept) through
``cohorts.assignments.services.feedback_give``. Coaches reach only the teams they coach; staff reach
all; anything else is a 404.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from accounts.admin_views import ReadOnlyModelViewSet
from cohorts.assignments.forms import FeedbackForm
from cohorts.assignments.kinds import KINDS
from cohorts.assignments.models import (
    Feedback,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.assignments.services import feedback_give
from cohorts.policies import (
    CoachOrStaffRequiredMixin,
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


class ReviewQueueView(CoachOrStaffRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Submitted work waiting for a response, then everything else, for the user's teams."""

    template_name = "cohorts/admin/review_queue.html"
    page_title = _("Reviews")
    header_icon = "doc-full"
    limit = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submissions = reviewable_submissions(self.request.user).filter(version_number__gte=1)
        context["waiting"] = list(
            submissions.filter(status=SubmissionStatus.SUBMITTED).order_by("submitted_at")
        )
        context["others"] = list(
            submissions.filter(~Q(status=SubmissionStatus.SUBMITTED)).order_by("-updated_at")[: self.limit]
        )
        return context


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
            {"url": reverse("cohorts_review_queue"), "label": str(_("Reviews"))},
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
    return [
        path("reviews/", ReviewQueueView.as_view(), name="cohorts_review_queue"),
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
