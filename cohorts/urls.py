from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cohorts.views import registration, workspace

app_name = "cohorts"

# Everything under one team's workspace: /<lang>/teams/<team_pk>/…
team_patterns = [
    path("", workspace.team_home, name="team_home"),
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
