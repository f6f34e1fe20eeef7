from django.urls import path
from django.utils.translation import gettext_lazy as _

from cohorts import views

app_name = "cohorts"

urlpatterns = [
    path(_("applications/"), views.registration_list, name="registration_list"),
    path(_("cohorts/<int:cohort_pk>/apply/"), views.registration_start, name="registration_start"),
    path(_("applications/<int:pk>/"), views.registration_detail, name="registration_detail"),
    path(_("applications/<int:pk>/edit/"), views.registration_edit, name="registration_edit"),
    path(
        _("applications/<int:pk>/withdraw/"), views.registration_withdraw_view, name="registration_withdraw"
    ),
]
