from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cohorts.views import assignments, registration, schedule, workspace

app_name = "cohorts"

# Everything under one team's workspace: /<lang>/teams/<team_pk>/…
team_patterns = [
    path("", workspace.team_home, name="team_home"),
    path(_("schedule/"), schedule.team_schedule, name="team_schedule"),
    path(_("sessions/<int:session_pk>/"), schedule.team_session, name="team_session"),
    path(_("attendance/"), schedule.team_attendance, name="team_attendance"),
    path(_("assignments/"), assignments.assignment_list, name="assignment_list"),
    path(_("assignments/<int:template_pk>/"), assignments.assignment, name="assignment"),
    path(_("assignments/<int:template_pk>/submit/"), assignments.assignment_submit, name="assignment_submit"),
    path(
        _("assignments/<int:template_pk>/history/"), assignments.assignment_history, name="assignment_history"
    ),
    path(
        _("assignments/<int:template_pk>/compare/"), assignments.assignment_compare, name="assignment_compare"
    ),
    path(
        _("assignments/<int:template_pk>/export.<str:fmt>"),
        assignments.assignment_export,
        name="assignment_export",
    ),
    path(
        _("assignments/<int:template_pk>/refused/<int:pk>/dismiss/"),
        assignments.refused_draft_dismiss,
        name="refused_draft_dismiss",
    ),
    path(_("files/<int:pk>/"), assignments.attachment_download, name="attachment_download"),
    path(_("files/<int:pk>/remove/"), assignments.attachment_remove_view, name="attachment_remove"),
]

urlpatterns = [
    path(_("applications/"), registration.registration_list, name="registration_list"),
    path(_("cohorts/<int:cohort_pk>/apply/"), registration.registration_start, name="registration_start"),
    path(_("applications/<int:pk>/"), registration.registration_detail, name="registration_detail"),
    path(_("applications/<int:pk>/edit/"), registration.registration_edit, name="registration_edit"),
    path(
        _("applications/<int:pk>/withdraw/"),
        registration.registration_withdraw_view,
        name="registration_withdraw",
    ),
    path(_("workspace/"), workspace.workspace, name="workspace"),
    path(_("teams/<int:team_pk>/"), include(team_patterns)),
]
