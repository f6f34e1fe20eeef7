"""Admin for program runs: cohorts, sessions, applications, teams and their work."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter

from accounts.admin_views import FilterSet, ModelViewSet, ReadOnlyModelViewSet, ServiceCreateView
from accounts.services import ERASE_HOOK, EXPORT_HOOK
from cohorts import admin_reviews, personal_data, reminders
from cohorts import progress as progress_rules
from cohorts.admin_announcements import AnnouncementViewSet, register_announcement_log_actions
from cohorts.admin_sessions import (
    SESSION_CALENDAR_COLUMNS,
    CohortScheduleIndexView,
    CohortScheduleMixin,
    SessionCalendarMixin,
    admin_urls,
    can_take_attendance,
    take_attendance_menu_item,
    take_attendance_url,
)
from cohorts.admin_views import (
    PLACES_COLUMN,
    REGISTRATION_SEARCH_FIELDS,
    REVIEW_APPLICATIONS_COLUMN,
    AcceptBulkAction,
    DeclineBulkAction,
    RegistrationDecisionView,
    RegistrationFilterSet,
    RegistrationIndexView,
    RegistrationInspectView,
    WaitlistBulkAction,
)
from cohorts.models import (
    Attendance,
    Cohort,
    CohortStatus,
    CriterionProgress,
    Evidence,
    Feedback,
    Indicator,
    Measurement,
    Registration,
    Session,
    Submission,
    SubmissionVersion,
    Team,
    TeamInvitation,
)
from cohorts.policies import can_review_team_work, can_view_document
from notifications.reminders import REMINDERS_HOOK


class CohortFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CohortStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Cohort
        fields = ["program", "language"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class CohortViewSet(CohortScheduleMixin, ModelViewSet):
    model = Cohort
    icon = "calendar-check"
    index_view_class = CohortScheduleIndexView
    list_display = [
        "name",
        "program",
        "language",
        "start_date",
        "end_date",
        Column("status", label=_("Status"), accessor=lambda cohort: cohort.status.label),
        PLACES_COLUMN,
        REVIEW_APPLICATIONS_COLUMN,
    ]
    filterset_class = CohortFilterSet
    search_fields = ["name_en", "name_es", "program__name_en", "program__name_es"]
    ordering = "-start_date"
    list_select_related = ["program"]
    copy_view_enabled = True


class SessionViewSet(SessionCalendarMixin, ModelViewSet):
    model = Session
    icon = "calendar"
    list_display = SESSION_CALENDAR_COLUMNS
    list_filter = ["cohort", "kind", "status"]
    search_fields = ["title_en", "title_es", "description_en", "description_es"]
    ordering = "starts_at"
    list_select_related = ["cohort__program"]


class RegistrationViewSet(ReadOnlyModelViewSet):
    """The review queue for staff: filter, open, decide (one by one or in bulk), export.

    Applications are written by their teams; staff only decide, through the services (the
    decide view and the bulk actions), so there is no generic add, edit or delete.
    """

    model = Registration
    icon = "draft"
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    index_template_name = "cohorts/admin/registration_index.html"
    index_results_template_name = "cohorts/admin/registration_index_results.html"
    inspect_template_name = "cohorts/admin/registration_inspect.html"
    list_display = [
        "team_name",
        "city",
        "jurisdiction",
        "cohort",
        "focus_area",
        Column("member_count", label=_("Members"), sort_key="member_count"),
        "status",
        "submitted_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = REGISTRATION_SEARCH_FIELDS
    ordering = "submitted_at"  # oldest first: first come, first reviewed
    list_export = [
        "cohort",
        "team_name",
        "city",
        "jurisdiction",
        "focus_area",
        "status",
        "applicant_email",
        "member_count",
        "submitted_at",
        "decided_at",
        "reviewer",
        "decision_note",
    ]
    export_headings = {
        "applicant_email": _("Applicant email"),
        "member_count": _("Members"),
    }
    export_filename = "registrations"
    inspect_view_fields = [
        "cohort",
        "applicant",
        "city",
        "jurisdiction",
        "team_name",
        "challenge_statement",
        "focus_area",
        "accepts_time_commitment",
        "accepts_mou",
        "status",
        "decision_note",
        "reviewer",
        "submitted_at",
        "decided_at",
        "created_at",
        "updated_at",
    ]
    # Deciding needs "change" (cms.permissions.can_review_registrations), through the decide view.
    registered_permissions = ("view", "change")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(decide_url_name=self.get_url_name("decide"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            decide_url_name=self.get_url_name("decide"),
            history_url_name=self.get_url_name("history"),
            **kwargs,
        )

    @property
    def decide_view(self):
        return self.construct_view(
            RegistrationDecisionView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
            header_icon=self.icon,
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "city", "jurisdiction", "cohort", "focus_area", "mou_signed_on"]
    list_filter = ["cohort", "cohort__program"]
    search_fields = ["name", "city", "jurisdiction"]
    ordering = ["cohort__start_date", "name"]
    list_select_related = ["cohort__program", "focus_area"]


class TeamInvitationViewSet(ReadOnlyModelViewSet):
    """Places kept for addresses whose accounts never confirmed them, until the invitee joins."""

    model = TeamInvitation
    icon = "mail"
    menu_label = _("Team invitations")
    list_display = ["email", "full_name", "team", "role", "invited_at", "accepted_at", "accepted_by"]
    list_filter = ["team__cohort", "team"]
    search_fields = ["email", "full_name", "team__name", "team__city"]
    ordering = ["-invited_at"]
    list_select_related = ["team", "role", "accepted_by"]
    inspect_view_fields = [
        "team",
        "email",
        "full_name",
        "role",
        "title",
        "department",
        "invited_at",
        "accepted_at",
        "accepted_by",
    ]


def _reviewer_url(url):
    """`url(object)` for users who may review the object's team (staff, its coaches), else None."""

    def for_user(obj, user):
        target, team = url(obj)
        return target if can_review_team_work(user, team) else None

    return for_user


REVIEWS_LINK = (_("Reviews"), "cohorts_review_queue", "doc-full")
VERIFY_QUEUE_LINK = (_("Verify evidence"), "cohorts_verify_queue", "tasks")


def _version_review(version):
    url = f"{admin_reviews.review_url(version.submission)}?version={version.number}"
    return url, version.submission.team


class AttendanceViewSet(ReadOnlyModelViewSet):
    """Attendance is taken on a session's roster (``attendance_record``), never here."""

    model = Attendance
    icon = "tick-inverse"
    list_display = ["membership", "session", "status", "recorded_by", "recorded_at"]
    list_filter = ["status", "session__cohort"]
    search_fields = ["membership__user__full_name", "membership__user__email", "session__title_en"]
    ordering = "-recorded_at"
    list_select_related = ["membership__user", "membership__role", "session__cohort", "recorded_by"]
    index_flow_links = [(_("Take attendance"), "cohorts_attendance_sessions", "tick")]
    inspect_flow_links = [
        (
            _("Take attendance"),
            lambda record, user: (
                take_attendance_url(record.session) if can_take_attendance(user, record.session) else None
            ),
            "tick",
        )
    ]


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
        admin_reviews.REVIEW_COLUMN,
    ]
    list_filter = ["status", "template__kind", "team__cohort"]
    search_fields = ["team__name", "team__city", "template__title_en", "template__title_es"]
    ordering = "-updated_at"
    list_select_related = ["template", "team", "updated_by"]
    index_flow_links = [REVIEWS_LINK]
    inspect_flow_links = [
        (
            _("Review"),
            _reviewer_url(
                lambda submission: (
                    admin_reviews.review_url(submission) if submission.version_number else None,
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
    inspect_flow_links = [(_("Review"), _reviewer_url(_version_review), "doc-full")]


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
        (_("Review"), _reviewer_url(lambda feedback: _version_review(feedback.version)), "doc-full")
    ]


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
    inspect_flow_links = [(_("Verify evidence"), _reviewer_url(_verify_url), "tasks")]


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
        (_("Verify evidence"), _reviewer_url(lambda evidence: _verify_url(evidence.progress)), "tasks")
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
        return progress_rules.measurement_record(
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


class CohortsGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 210
    items = (
        CohortViewSet,
        SessionViewSet,
        RegistrationViewSet,
        TeamViewSet,
        TeamInvitationViewSet,
        AttendanceViewSet,
        SubmissionViewSet,
        SubmissionVersionViewSet,
        FeedbackViewSet,
        CriterionProgressViewSet,
        EvidenceViewSet,
        IndicatorViewSet,
        MeasurementViewSet,
        AnnouncementViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CohortsGroup()


for bulk_action in (AcceptBulkAction, WaitlistBulkAction, DeclineBulkAction):
    hooks.register("register_bulk_action", bulk_action)


class RegistrationLogFormatter(LogFormatter):
    """A registration's history line, with the reviewer's note when there is one."""

    message_with_note = ""

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note")
        if note and self.message_with_note:
            return self.message_with_note % {"note": note}
        return self.message


def registration_log_formatter(label, message_with_note=""):
    return type(
        "RegistrationLogFormatter",
        (RegistrationLogFormatter,),
        {"label": label, "message": label, "message_with_note": message_with_note},
    )


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action, formatter in [
        ("ruta.registration.submitted", registration_log_formatter(_("Application submitted"))),
        (
            "ruta.registration.accepted",
            registration_log_formatter(_("Application accepted"), _("Application accepted. Note: %(note)s")),
        ),
        (
            "ruta.registration.waitlisted",
            registration_log_formatter(
                _("Application waitlisted"), _("Application waitlisted. Note: %(note)s")
            ),
        ),
        (
            "ruta.registration.declined",
            registration_log_formatter(_("Application declined"), _("Application declined. Note: %(note)s")),
        ),
        ("ruta.registration.withdrawn", registration_log_formatter(_("Application withdrawn"))),
    ]:
        actions.register_action(action)(formatter)
    actions.register_action(
        "ruta.team.invitation_accepted", _("Invitation accepted"), _("Invitation accepted")
    )


@hooks.register("before_serve_document")
def check_document_access(document, request):
    """Session materials are served only to the cohort's people (cms.permissions): a visitor is
    asked to sign in, anyone else without access gets a 404."""
    if can_view_document(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("register_log_actions")
def register_announcement_log_actions_hook(actions):
    register_announcement_log_actions(actions)


@hooks.register("register_admin_urls")
def register_schedule_urls():
    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_take_attendance_menu_item():
    return take_attendance_menu_item()


@hooks.register("register_admin_urls")
def register_review_urls():
    return admin_reviews.admin_urls()


@hooks.register("register_admin_menu_item")
def register_reviews_menu_item():
    return admin_reviews.reviews_menu_item()


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    admin_reviews.register_submission_log_actions(actions)


@hooks.register("register_log_actions")
def register_progress_log_actions(actions):
    from cohorts import admin_progress

    admin_progress.register_progress_log_actions(actions)


@hooks.register("register_admin_urls")
def register_progress_urls():
    from cohorts import admin_progress

    return admin_progress.admin_urls()


@hooks.register("register_admin_menu_item")
def register_verify_evidence_menu_item():
    from cohorts import admin_progress

    return admin_progress.verify_menu_item()


@hooks.register("register_admin_menu_item")
def register_heatmap_menu_item():
    from cohorts import admin_progress

    return admin_progress.heatmap_menu_item()


hooks.register(ERASE_HOOK, personal_data.user_data_erase)
hooks.register(EXPORT_HOOK, personal_data.user_data)
hooks.register(REMINDERS_HOOK, reminders.session_reminders)
hooks.register(REMINDERS_HOOK, reminders.assignment_reminders)
