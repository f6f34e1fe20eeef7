from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from accounts.admin_scope import register_admin_scope
        from cohorts.policies import TeamAdminScope

        register_admin_scope(TeamAdminScope())
