from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cohorts.assignments import views as assignments
from cohorts.checkins import views as checkins
from cohorts.opendata import views as opendata
from cohorts.peers import views as peers
from cohorts.phases import views as phases
from cohorts.progress import views as progress
from cohorts.registration import views as registration
from cohorts.schedule import views as schedule
from cohorts.sharing import views as sharing
from cohorts.workspace import views as workspace

app_name = "cohorts"

# Everything under one team's workspace: /<lang>/teams/<team_pk>/…
team_patterns = [
    path("", workspace.team_home, name="team_home"),
    path(_("schedule/"), schedule.team_schedule, name="team_schedule"),
    path(_("schedule/poll/"), schedule.team_schedule_poll, name="team_schedule_poll"),
    path(_("sessions/<int:session_pk>/"), schedule.team_session, name="team_session"),
    path(_("sessions/<int:session_pk>/calendar.ics"), schedule.session_ics, name="team_session_ics"),
    path(_("attendance/"), schedule.team_attendance, name="team_attendance"),
    path(_("check-in/"), checkins.team_checkin, name="team_checkin"),
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
        _("assignments/<int:template_pk>/compare/export.<str:fmt>"),
        assignments.assignment_compare_export,
        name="assignment_compare_export",
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
    path(_("progress/"), progress.team_progress, name="team_progress"),
    path(_("progress/items/<int:item_pk>/status/"), progress.progress_mark_view, name="progress_mark"),
    path(_("progress/items/<int:item_pk>/evidence/"), progress.evidence_add_view, name="evidence_add"),
    path(_("progress/evidence/<int:pk>/remove/"), progress.evidence_remove_view, name="evidence_remove"),
    path(_("progress/evidence/<int:pk>/file/"), progress.evidence_download, name="evidence_download"),
    path(_("progress/report.pdf"), progress.progress_report, name="progress_report"),
    path(_("progress/certification/"), progress.certification_record_view, name="certification_record"),
    path(
        _("progress/certification/<int:pk>/file/"),
        progress.certification_download,
        name="certification_download",
    ),
    path(_("phases/"), phases.team_phases, name="team_phases"),
    path(_("mou/"), registration.team_mou_download, name="team_mou_download"),
    path(_("indicators/"), progress.indicators, name="team_indicators"),
    path(_("indicators/<int:indicator_pk>/edit/"), progress.indicator_edit, name="indicator_edit"),
    path(_("indicators/<int:indicator_pk>/measurements/"), progress.measurement_add, name="measurement_add"),
    path(_("peers/<int:pairing_pk>/"), peers.peer_pairing, name="peer_pairing"),
    path(
        _("peers/<int:pairing_pk>/messages/<int:pk>/edit/"), peers.peer_message_edit, name="peer_message_edit"
    ),
    path(
        _("peers/<int:pairing_pk>/messages/<int:pk>/delete/"),
        peers.peer_message_delete,
        name="peer_message_delete",
    ),
    path(_("results/"), sharing.result_list, name="result_list"),
    path(_("results/new/<str:kind>/"), sharing.result_new, name="result_new"),
    path(_("results/<int:pk>/"), sharing.result_detail, name="result_detail"),
    path(_("results/<int:pk>/edit/"), sharing.result_edit, name="result_edit"),
    path(_("results/<int:pk>/withdraw/"), sharing.result_withdraw, name="result_withdraw"),
    path(_("data/"), opendata.data_home, name="team_data"),
    path(_("data/upload/"), opendata.data_upload, name="team_data_upload"),
    path(_("data/addresses/"), opendata.data_source_add, name="team_data_source_add"),
    path(_("data/sources/<int:pk>/fetch/"), opendata.data_source_fetch, name="team_data_source_fetch"),
    path(_("data/sources/<int:pk>/remove/"), opendata.data_source_remove, name="team_data_source_remove"),
    path(_("data/imports/<int:pk>/"), opendata.data_import, name="team_data_import"),
    path(_("data/imports/<int:pk>/columns/"), opendata.data_mapping, name="team_data_mapping"),
    path(_("data/imports/<int:pk>/file/"), opendata.data_download, name="team_data_download"),
    path(_("data/imports/<int:pk>/delete/"), opendata.data_import_delete, name="team_data_import_delete"),
    path(_("data/erase/"), opendata.data_erase, name="team_data_erase"),
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
    path(_("invitations/<str:token>/"), registration.invitation_accept, name="invitation_accept"),
    path(
        _("welcome/<int:team_pk>/<str:uidb36>/<str:key>/"), registration.member_welcome, name="member_welcome"
    ),
    path(_("workspace/"), workspace.workspace, name="workspace"),
    path(_("calendar/"), schedule.calendar_settings, name="calendar"),
    path(_("calendar/reset/"), schedule.calendar_reset, name="calendar_reset"),
    path(_("teams/<int:team_pk>/"), include(team_patterns)),
]
