from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms.page_cache import connect_signals
        from cms.reference_index import serialize_reference_index_updates

        connect_signals()
        serialize_reference_index_updates()
