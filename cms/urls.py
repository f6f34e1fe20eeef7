from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts import admin_views as account_admin_views
from accounts import views as account_views
from cms import views as cms_views
from cohorts.schedule import views as calendar_views

# Wagtail's site history report, in the same place, scoped to what each user may see.
site_history_patterns = [
    path(
        "admin/reports/site-history/",
        require_admin_access(account_admin_views.SiteHistoryView.as_view()),
        name="cms_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(account_admin_views.SiteHistoryView.as_view(results_only=True)),
        name="cms_site_history_results",
    ),
]

urlpatterns = [
    path("healthz", cms_views.healthz, name="healthz"),
    *site_history_patterns,
    # One sign-in for everyone (allauth, with its rate limits and email check): Wagtail's own
    # login pages send there.
    path("admin/login/", account_views.login_elsewhere),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path(_("notifications/"), include("notifications.urls")),
    path(_("your-data/"), include("accounts.urls")),
    path("", include("cohorts.urls")),
    path("", include("coaching.urls")),
    path("_util/login/", account_views.login_elsewhere),
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only Wagtail's images, which are public page content. Team files and documents are never
    # served from /media/: only through the views that check who is asking.
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder)
