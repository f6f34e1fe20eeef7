"""Admin for program runs: the hook registrations of every sub-domain's admin (cohorts and
sessions, applications and teams, attendance, assignments, progress, announcements)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from accounts.services import ERASE_HOOK, EXPORT_HOOK
from cohorts import personal_data, reminders
from cohorts.announcements import admin as announcements_admin
from cohorts.assignments import admin as assignments_admin
from cohorts.checkins.panels import checkin_panel
from cohorts.opendata import reports as opendata_reports
from cohorts.opendata import views as opendata_views
from cohorts.opening_panels import add_opening_soon_panel
from cohorts.peers import admin as peers_admin
from cohorts.peers import views as peers_views
from cohorts.phases import admin as phases_admin
from cohorts.phases import views as phases_views
from cohorts.policies import can_view_document
from cohorts.progress import admin as progress_admin
from cohorts.registration import admin as registration_admin
from cohorts.registration import dashboard as registration_dashboard
from cohorts.registration.panels import mou_panel
from cohorts.schedule import admin as schedule_admin
from cohorts.schedule import views as schedule_views
from cohorts.sharing import admin as sharing_admin
from cohorts.workspace.panels import TEAM_HOME_PANEL_HOOK
from notifications.reminders import REMINDERS_HOOK


class CohortsGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 210
    items = (
        schedule_admin.CohortViewSet,
        schedule_admin.SessionViewSet,
        schedule_admin.SchedulePollViewSet,
        registration_admin.RegistrationViewSet,
        registration_admin.TeamViewSet,
        registration_admin.SignedMOUViewSet,
        registration_admin.TeamInvitationViewSet,
        schedule_admin.AttendanceViewSet,
        assignments_admin.SubmissionViewSet,
        assignments_admin.SubmissionVersionViewSet,
        assignments_admin.FeedbackViewSet,
        progress_admin.CriterionProgressViewSet,
        progress_admin.EvidenceViewSet,
        progress_admin.IndicatorViewSet,
        progress_admin.MeasurementViewSet,
        progress_admin.CertificationRecordViewSet,
        progress_admin.CohortCriterionSetViewSet,
        announcements_admin.AnnouncementViewSet,
        phases_admin.MilestoneViewSet,
        peers_admin.PeerPairingViewSet,
        peers_admin.PeerMessageViewSet,
        sharing_admin.SharedResultViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CohortsGroup()


for bulk_action in (
    registration_admin.AcceptBulkAction,
    registration_admin.WaitlistBulkAction,
    registration_admin.DeclineBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)


# The admin home: the applications waiting for a decision (staff who decide).
hooks.register("construct_homepage_panels", registration_dashboard.add_applications_panel)
# And the cohorts starting soon with what is missing to open them (cohorts.opening).
hooks.register("construct_homepage_panels", add_opening_soon_panel)


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    registration_admin.register_registration_log_actions(actions)


@hooks.register("before_serve_document")
def check_document_access(document, request):
    """Session materials are served only to the cohort's people (cohorts.policies): a visitor is
    asked to sign in, anyone else without access gets a 404."""
    if can_view_document(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("register_log_actions")
def register_announcement_log_actions(actions):
    announcements_admin.register_announcement_log_actions(actions)


@hooks.register("register_log_actions")
def register_schedule_log_actions(actions):
    schedule_admin.register_schedule_log_actions(actions)


# Take attendance, Reviews, Verify evidence and the RDC heatmap are in the "Coaching" menu, which
# coaching (above cohorts) builds from the menu items these admin modules offer.
@hooks.register("register_admin_urls")
def register_schedule_urls():
    return schedule_admin.admin_urls()


@hooks.register("register_admin_urls")
def register_review_urls():
    return assignments_admin.admin_urls()


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    assignments_admin.register_submission_log_actions(actions)


@hooks.register("register_log_actions")
def register_progress_log_actions(actions):
    progress_admin.register_progress_log_actions(actions)


@hooks.register("register_admin_urls")
def register_progress_urls():
    return progress_admin.admin_urls()


@hooks.register(TEAM_HOME_PANEL_HOOK)
def register_schedule_poll_panel(*, team, user):
    return schedule_views.schedule_poll_home_panel(team=team, user=user)


hooks.register(ERASE_HOOK, personal_data.user_data_erase)
hooks.register(EXPORT_HOOK, personal_data.user_data)
hooks.register(REMINDERS_HOOK, reminders.session_reminders)
hooks.register(REMINDERS_HOOK, reminders.assignment_reminders)


# The signed MOU comes first among a team's open steps (cohorts.workspace.panels).
hooks.register("register_team_home_panel", mou_panel)


# Phase plans: milestones in the admin, the staff and coach report, the team home's phase panel.
@hooks.register("register_admin_urls")
def register_phase_urls():
    return phases_admin.admin_urls()


@hooks.register("register_admin_menu_item")
def register_phase_report_menu_item():
    return phases_admin.phase_report_menu_item()


@hooks.register(TEAM_HOME_PANEL_HOOK)
def register_phase_panel(*, team, user):
    return phases_views.phase_home_panel(team=team, user=user)


# The program's evidence of impact: each team's procurement data, across a cohort (cohorts.opendata).
@hooks.register("register_admin_urls")
def register_data_report_urls():
    return opendata_reports.admin_urls()


@hooks.register("register_reports_menu_item")
def register_data_report_menu_item():
    return opendata_reports.menu_item()


# The weekly check-in (cohorts.checkins), for members in a program week.
hooks.register("register_team_home_panel", checkin_panel)
# Peer support and shared results.
hooks.register(TEAM_HOME_PANEL_HOOK, peers_views.peers_home_panel)
hooks.register("register_log_actions", peers_admin.register_peer_log_actions)
hooks.register("register_log_actions", sharing_admin.register_result_log_actions)
# The team's procurement data (cohorts.opendata): the latest import on the team home.
hooks.register(TEAM_HOME_PANEL_HOOK, opendata_views.opendata_home_panel)


@hooks.register("register_log_actions")
def register_opendata_log_actions(actions):
    actions.register_action(
        "ruta.opendata.erased", _("Delete the procurement data"), _("The team's procurement data deleted")
    )
