from django.urls import path
from django.utils.translation import gettext_lazy as _

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/", views.notification_open, name="open"),
    path(_("read/"), views.notifications_mark_read, name="mark_read"),
    path(_("settings/"), views.notification_preferences, name="preferences"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
