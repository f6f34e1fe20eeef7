from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms import signals  # noqa: F401
        from cms.permissions import register_admin_scope_policies

        register_admin_scope_policies()
