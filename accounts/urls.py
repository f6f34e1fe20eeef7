from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts import views

app_name = "profile"

urlpatterns = [
    path("", views.my_data, name="data"),
    path(_("my-data.json"), views.my_data_download, name="data_download"),
    path(_("delete/"), views.account_delete, name="delete"),
]
