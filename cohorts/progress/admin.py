"""Coaches verify RDC evidence in the Wagtail admin; staff and coaches see the cohort heatmap.

The "Verify evidence" queue lists the items teams marked met that nobody verified yet (coaches:
their teams; staff: all). Verifying or returning goes through ``cohorts.progress.services``. The heatmap
shows teams × checklist items for one cohort in a fixed number of queries; staff export every
team's progress to Excel (the workbook is built in ``cohorts.exports``).
"""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry

from accounts.admin_views import ModelViewSet, ReadOnlyModelViewSet, ServiceCreateView
from cohorts import exports
from cohorts.assignments.admin import reviewer_url
from cohorts.models import Cohort, Team
from cohorts.opendata import evidence as data_evidence
from cohorts.policies import can_review_team_work, coached_teams, is_coach_or_staff, is_staff
from cohorts.progress import selectors, services
from cohorts.progress.forms import VerifyForm
from cohorts.progress.models import (
    CertificationRecord,
    CohortCriterionSet,
    CriterionProgress,
    Evidence,
    Indicator,
    Measurement,
    ProgressStatus,
)


def _check_reviewer(user):
    if not is_coach_or_staff(user):
        raise PermissionDenied


def reviewable_teams(user):
    teams = Team.objects.filter(archived_at=None)
    if is_staff(user):
        return teams
    return teams.filter(pk__in=coached_teams(user).values("pk"))


def verification_queue(user):
    """Items marked met and not verified, for the user's teams; oldest change first."""
    return (
        CriterionProgress.objects.filter(
            team__in=reviewable_teams(user).values("pk"), status=ProgressStatus.MET, verified_at=None
        )
        .select_related("team__cohort__program", "item__criterion")
        .order_by("updated_at")
    )


class VerifyQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cohorts/progress/admin/verify_queue.html"
    page_title = _("Verify evidence")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        _check_reviewer(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = list(verification_queue(self.request.user)[:200])
        return context


class ProgressVerifyView(WagtailAdminTemplateMixin, FormView):
    template_name = "cohorts/progress/admin/verify.html"
    form_class = VerifyForm
    page_title = _("Verify evidence")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        self.progress = get_object_or_404(
            CriterionProgress.objects.select_related("team__cohort", "item__criterion", "verified_by"),
            pk=kwargs["pk"],
        )
        if not can_review_team_work(request.user, self.progress.team):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.progress.team)

    def _evidence(self):
        """The item's evidence; a data report says what it shows for the item, for the coach to check."""
        evidence = list(
            self.progress.evidence.filter(removed_at=None).select_related(
                "submission__template", "added_by", "data_import__source"
            )
        )
        for item in evidence:
            if item.data_import_id:
                report = item.data_import
                item.data_reason = data_evidence.supported(
                    report.report, as_of=report.finished_at.date()
                ).get(self.progress.item.data_evidence)
        return evidence

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "progress": self.progress,
                "evidence": self._evidence(),
                "history": list(
                    ModelLogEntry.objects.filter(
                        content_type=ContentType.objects.get_for_model(CriterionProgress),
                        object_id=str(self.progress.pk),
                    )
                    .select_related("user")
                    .order_by("-timestamp", "-pk")
                ),
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def form_valid(self, form):
        comment = form.cleaned_data["comment"]
        try:
            if form.cleaned_data["decision"] == "verify":
                services.progress_verify(progress=self.progress, coach=self.request.user, comment=comment)
                messages.success(
                    self.request, _("Verified for %(team)s.") % {"team": self.progress.team.name}
                )
            else:
                services.progress_return(progress=self.progress, coach=self.request.user, comment=comment)
                messages.success(
                    self.request,
                    _("Returned to %(team)s with your comment.") % {"team": self.progress.team.name},
                )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return self.form_invalid(form)
        return redirect("cohorts_verify_queue")


def _cohorts_for(user):
    cohorts = Cohort.objects.select_related("program").order_by("-start_date")
    if is_staff(user):
        return cohorts
    return cohorts.filter(teams__in=coached_teams(user).values("pk")).distinct()


class HeatmapView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cohorts/progress/admin/heatmap.html"
    page_title = _("RDC heatmap")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        _check_reviewer(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohorts = list(_cohorts_for(self.request.user))
        cohort = next((c for c in cohorts if str(c.pk) == self.request.GET.get("cohort")), None)
        cohort = cohort or (cohorts[0] if cohorts else None)
        criteria, items, rows = [], [], []
        criterion_set = None
        if cohort:
            teams = reviewable_teams(self.request.user).filter(cohort=cohort).order_by("name")
            criteria, items, rows = selectors.cohort_heatmap(teams, cohort=cohort)
            certifications = selectors.cohort_certifications([row.team for row in rows])
            for row in rows:
                row.certification = certifications.get(row.team.pk)
            criterion_set = selectors.cohort_criterion_set(cohort)
        context.update(
            {
                "criterion_set": criterion_set,
                "cohorts": cohorts,
                "cohort": cohort,
                "criteria": criteria,
                "items": items,
                "rows": rows,
                "is_staff": is_staff(self.request.user),
                "states": [
                    ("not_started", _("Not started")),
                    ("in_progress", _("In progress")),
                    ("met", _("Met")),
                    ("verified", _("Verified")),
                ],
            }
        )
        return context


class CohortProgressExportView(View):
    def get(self, request, cohort_pk):
        if not is_staff(request.user):
            raise PermissionDenied
        cohort = get_object_or_404(Cohort, pk=cohort_pk)
        return exports.attachment(
            exports.cohort_progress_xlsx(cohort),
            content_type=exports.XLSX,
            filename=f"rdc-progress-{exports.filename_part(cohort.name)}.xlsx",
        )


class ReviewerMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return is_coach_or_staff(request.user)


def admin_urls():
    return [
        path("progress/verify/", VerifyQueueView.as_view(), name="cohorts_verify_queue"),
        path("progress/verify/<int:pk>/", ProgressVerifyView.as_view(), name="cohorts_progress_verify"),
        path("progress/heatmap/", HeatmapView.as_view(), name="cohorts_progress_heatmap"),
        path(
            "progress/export/<int:cohort_pk>.xlsx",
            CohortProgressExportView.as_view(),
            name="cohorts_progress_export",
        ),
    ]


def verify_menu_item():
    return ReviewerMenuItem(
        _("Verify evidence"), reverse("cohorts_verify_queue"), icon_name="tasks", order=217
    )


def heatmap_menu_item():
    return ReviewerMenuItem(
        _("RDC heatmap"), reverse("cohorts_progress_heatmap"), icon_name="table", order=218
    )


class ProgressLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "status" in data:
            return f"{self.label}: {ProgressStatus(data['status']).label}"
        if data.get("evidence"):
            return f"{self.label}: {data['evidence']}"
        if data.get("comment"):
            return f"{self.label}: {data['comment']}"
        return self.label


def register_progress_log_actions(actions):
    for action, label in services.LOG_ACTIONS:
        formatter = type("ProgressLogFormatter", (ProgressLogFormatter,), {"label": label, "message": label})
        actions.register_action(action)(formatter)


VERIFY_QUEUE_LINK = (_("Verify evidence"), "cohorts_verify_queue", "tasks")


def _verify_url(progress):
    return reverse("cohorts_progress_verify", args=(quote(progress.pk),)), progress.team


class CriterionProgressViewSet(ReadOnlyModelViewSet):
    """Teams mark items and add evidence in their workspace; coaches and staff verify or return
    them on the verify page (``progress_verify``, ``progress_return``)."""

    model = CriterionProgress
    icon = "tasks"
    list_display = ["item", "team", "status", "verified_by", "verified_at"]
    list_filter = ["status", "item__criterion", "team__cohort"]
    search_fields = ["team__name", "team__city", "item__text_en", "item__text_es"]
    ordering = ["team__name", "item__criterion__code", "item__sort_order"]
    list_select_related = ["item__criterion", "team", "verified_by"]
    index_flow_links = [VERIFY_QUEUE_LINK]
    inspect_flow_links = [(_("Verify evidence"), reviewer_url(_verify_url), "tasks")]


class EvidenceViewSet(ReadOnlyModelViewSet):
    """Teams add and remove evidence (``evidence_add``, ``evidence_remove``); coaches and staff
    weigh it on the verify page."""

    model = Evidence
    icon = "link"
    list_display = ["__str__", "kind", "url", "added_by", "added_at", "removed_at"]
    list_filter = ["kind", "progress__item__criterion", "progress__team__cohort"]
    search_fields = ["note", "url", "progress__team__name"]
    ordering = "-added_at"
    list_select_related = ["progress__team", "progress__item__criterion", "added_by"]
    index_flow_links = [VERIFY_QUEUE_LINK]
    inspect_flow_links = [
        (_("Verify evidence"), reviewer_url(lambda evidence: _verify_url(evidence.progress)), "tasks")
    ]


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = "crosshairs"
    list_display = ["name", "team", "unit", "direction", "cadence", "baseline_value", "baseline_date"]
    list_filter = ["direction", "cadence", "team__cohort"]
    search_fields = ["name", "unit", "data_source", "team__name"]
    ordering = ["team__name", "name"]
    list_select_related = ["team"]
    panels = [
        FieldPanel("team"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("direction"), FieldPanel("cadence")]),
        FieldPanel("data_source"),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_date")]),
    ]


class MeasurementCreateView(ServiceCreateView):
    """Staff record a measurement the team sent them, through ``measurement_record`` like the team."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.measurement_record(
            indicator=data["indicator"],
            user=self.request.user,
            measured_on=data["measured_on"],
            value=data["value"],
            note=data["note"],
        )


class MeasurementViewSet(ReadOnlyModelViewSet):
    """Measurements are added through ``measurement_record`` and kept as recorded."""

    model = Measurement
    icon = "decimal"
    list_display = ["indicator", "measured_on", "value", "recorded_by"]
    list_filter = ["indicator__team__cohort", "indicator__direction"]
    search_fields = ["indicator__name", "indicator__team__name", "note"]
    ordering = "-measured_on"
    list_select_related = ["indicator__team", "recorded_by"]
    form_fields = ["indicator", "measured_on", "value", "note"]
    disabled_views = {"edit", "delete", "copy"}
    registered_permissions = ("view", "add")
    add_view_class = MeasurementCreateView


class CohortCriterionSetViewSet(ModelViewSet):
    """Which criteria version each cohort tracks. Fixed automatically from its first team on; staff
    may choose it beforehand (or change it, knowing progress on other items no longer shows)."""

    model = CohortCriterionSet
    icon = "tasks"
    menu_label = _("Cohort criteria versions")
    form_fields = ["cohort", "criterion_set"]
    list_display = ["cohort", "criterion_set", "pinned_at"]
    list_filter = ["criterion_set"]
    search_fields = ["cohort__name"]
    ordering = ["-cohort__start_date"]
    list_select_related = ["cohort__program", "criterion_set"]


class CertificationRecordViewSet(ReadOnlyModelViewSet):
    """Teams' What Works Cities certification levels over time (teams record them on their progress page)."""

    model = CertificationRecord
    icon = "pick"
    menu_label = _("Certification levels")
    list_display = ["team", "level", "certified_on", "evidence_url", "recorded_by", "recorded_at"]
    list_filter = ["level", "team__cohort"]
    search_fields = ["team__name", "team__city"]
    ordering = ["team__name", "-certified_on"]
    list_select_related = ["team", "recorded_by"]
    inspect_view_fields = [
        "team",
        "level",
        "certified_on",
        "evidence_url",
        "note",
        "recorded_by",
        "recorded_at",
    ]
