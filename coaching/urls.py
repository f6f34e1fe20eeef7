from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coaching import views

app_name = "coaching"

# The coaching part of a team's workspace: /<lang>/teams/<team_pk>/coaching/…
team_patterns = [
    path("", views.team_coaching, name="team_coaching"),
    path(_("action-items/<int:item_pk>/done/"), views.action_item_done, name="action_item_done"),
    path(_("action-items/<int:item_pk>/comment/"), views.action_item_comment, name="action_item_comment"),
]

urlpatterns = [
    path(_("teams/<int:team_pk>/coaching/"), include(team_patterns)),
]
