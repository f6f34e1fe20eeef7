"""Admin for one-on-one technical assistance: the "Coaching" menu, the coach's dashboard panel and
the staff reports.

Coaches (the "Coaches" group) see only the teams they are assigned to in every view here;
staff see all. Coaches cannot delete a logged session (the group has no delete permission);
staff delete through Wagtail's confirmation page, and the deletion stays in the site history.
"""

import django_filters
from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import LogFormatter

from accounts.admin_views import FilterSet, ModelViewSet
from accounts.services import ERASE_HOOK, EXPORT_HOOK
from coaching import admin_views as views
from coaching import personal_data, reminders, selectors
from coaching.models import ActionItem, CoachAssignment, TASession, Topic
from cohorts.assignments import admin as assignments_admin
from cohorts.policies import is_staff
from cohorts.progress import admin as progress_admin
from cohorts.schedule import admin as schedule_admin
from cohorts.workspace.panels import TeamHomePanel
from notifications.reminders import REMINDERS_HOOK


class CoachFilterSet(FilterSet):
    coach = django_filters.ModelChoiceFilter(
        label=_("Coach"), queryset=lambda request: views.coaches_queryset()
    )


class CoachAssignmentFilterSet(CoachFilterSet):
    class Meta:
        model = CoachAssignment
        fields = ["role", "team__cohort"]


class TASessionFilterSet(CoachFilterSet):
    class Meta:
        model = TASession
        fields = ["mode", "team__cohort", "topics"]


class CoachAssignmentViewSet(ModelViewSet):
    """Staff assign lead and supporting coaches, reassign a team, and end assignments, each
    through its service (``coach_assign``, ``coach_reassign``, ``coach_assignment_end``).
    Assignments are never deleted: an ended one stays in the team's history."""

    model = CoachAssignment
    icon = "user"
    menu_label = _("Coach assignments")
    index_view_class = views.CoachAssignmentIndexView
    add_view_class = views.CoachAssignmentCreateView
    edit_view_class = views.CoachAssignmentEndView
    inspect_view_class = views.CoachAssignmentInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("team"),
            FieldRowPanel([FieldPanel("coach"), FieldPanel("role")]),
            FieldPanel("starts_on"),
        ],
        base_form_class=views.CoachAssignmentForm,
    )
    end_handler = ObjectList([FieldPanel("ends_on")], base_form_class=views.CoachAssignmentEndForm)
    list_display = ["__str__", "team", "coach", "role", "starts_on", "ends_on"]
    filterset_class = CoachAssignmentFilterSet
    search_fields = ["coach__full_name", "coach__email", "team__name", "team__city"]
    ordering = ["team__name", "role"]
    list_select_related = ["coach", "team"]

    def get_edit_view_kwargs(self, **kwargs):
        panel = self.end_handler.bind_to_model(self.model)
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(delete_url_name=None, **kwargs)

    @property
    def reassign_view(self):
        return self.construct_view(views.ReassignView, header_icon=self.icon)

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]
        return [*patterns, path("reassign/<int:pk>/", self.reassign_view, name="reassign")]

    def get_permissions_to_register(self):
        # No delete: an assignment ends, and stays in the history.
        return super().get_permissions_to_register().exclude(codename__startswith="delete_")


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_es", "slug"]
    ordering = "slug"


class TASessionViewSet(ModelViewSet):
    """Log a session in one form; corrections are kept in its history."""

    model = TASession
    icon = "time"
    menu_label = pgettext_lazy("heading", "TA sessions")
    add_view_class = views.TASessionCreateView
    edit_view_class = views.TASessionEditView
    delete_view_class = views.TASessionDeleteView
    list_display = ["__str__", "team", "coach", "starts_at", "minutes", "mode"]
    filterset_class = TASessionFilterSet
    search_fields = ["summary", "pain_points", "team__name", "team__city", "coach__full_name"]
    ordering = "-starts_at"
    list_select_related = ["team", "coach"]
    inspect_view_fields = [
        "team",
        "coach",
        "starts_at",
        "minutes",
        "mode",
        "attendees",
        "topics",
        "pain_points",
        "summary",
        "private_notes",
        "created_at",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("team"),
            FieldRowPanel(
                [
                    FieldPanel("coach"),
                    FieldPanel("starts_at", widget=AdminDateTimeInput),
                    FieldPanel("minutes"),
                    FieldPanel("mode"),
                ]
            ),
            FieldPanel("attendees", widget=forms.CheckboxSelectMultiple),
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("summary"),
            MultiFieldPanel(
                [FieldPanel("pain_points"), FieldPanel("private_notes")],
                heading=_("For coaches and staff only"),
            ),
            InlinePanel(
                "action_items",
                heading=_("Next steps"),
                label=_("Action item"),
                help_text=_(
                    "Members mark their items done in the workspace; reopen or drop an item from "
                    "the action items list."
                ),
                panels=[
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
                ],
            ),
        ],
        base_form_class=views.TASessionForm,
    )


class ActionItemViewSet(ModelViewSet):
    """Edit what an item asks of whom and by when; its status changes only through the services:
    members complete items in the workspace, coaches and staff reopen or drop them here."""

    model = ActionItem
    icon = "check"
    menu_label = _("Action items")
    index_view_class = views.ActionItemIndexView
    add_view_class = views.ActionItemCreateView
    edit_view_class = views.ActionItemEditView
    inspect_view_fields = [
        "team",
        "ta_session",
        "description",
        "owner",
        "due_on",
        "status",
        "completed_by",
        "completed_at",
        "created_at",
    ]
    list_display = ["description", "team", "owner", "due_on", "status", "ta_session"]
    list_filter = ["status", "team__cohort"]
    search_fields = ["description", "team__name", "owner__user__full_name"]
    ordering = "due_on"
    list_select_related = ["team__cohort", "owner__user", "owner__role", "ta_session__team"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("team"), FieldPanel("ta_session")]),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
        ],
        base_form_class=views.ActionItemForm,
    )

    @property
    def reopen_view(self):
        return self.construct_view(views.ActionItemReopenView, header_icon=self.icon)

    @property
    def drop_view(self):
        return self.construct_view(views.ActionItemDropView, header_icon=self.icon)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reopen/<int:pk>/", self.reopen_view, name="reopen"),
            path("drop/<int:pk>/", self.drop_view, name="drop"),
        ]


# Listing pages that are not model viewsets: my teams and the staff reports.


class ShownIf(MenuItem):
    def __init__(self, *args, shown_if, **kwargs):
        self.shown_if = shown_if
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.shown_if(request.user)


class ListingViewSet(ViewSet):
    """One listing view (with its results fragment), shown in the menu to whom `shown_if` says."""

    view_class = None

    @staticmethod
    def shown_if(user):
        return is_staff(user)

    def get_urlpatterns(self):
        kwargs = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        return [
            path("", self.view_class.as_view(**kwargs), name="index"),
            path("results/", self.view_class.as_view(results_only=True, **kwargs), name="index_results"),
        ]

    def get_menu_item(self, order=None):
        return ShownIf(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            shown_if=self.shown_if,
        )


class CoachListingViewSet(ListingViewSet):
    @staticmethod
    def shown_if(user):
        return views.show_dashboard_panel(user)


class MomentumViewSet(ViewSet):
    """Team momentum (coaching.momentum): coaches see their teams, staff every running team; a
    coach notes what they did about a team's week."""

    name = "coaching_momentum"
    menu_label = _("Team momentum")
    icon = "warning"

    def get_urlpatterns(self):
        return [
            path("", views.MomentumView.as_view(), name="index"),
            path("note/<int:team_pk>/<int:week>/", views.MomentumNoteView.as_view(), name="note"),
        ]

    def get_menu_item(self, order=None):
        return ShownIf(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            shown_if=views.show_dashboard_panel,
        )


def listing(name, label, icon, view_class, base=ListingViewSet):
    return type(
        f"{view_class.__name__}Set",
        (base,),
        {"name": name, "menu_label": label, "icon": icon, "view_class": view_class},
    )


def cohort_coaching_menu_items():
    """The coaching pages that cohorts serves (coaching sits above cohorts and pulls them in):
    each shown only to staff and to coaches with a team, as its page lets in."""
    return [
        assignments_admin.reviews_menu_item(),
        schedule_admin.take_attendance_menu_item(),
        progress_admin.verify_menu_item(),
        progress_admin.heatmap_menu_item(),
    ]


class CoachingGroup(ViewSetGroup):
    """The one "Coaching" menu: a coach's daily pages first (their teams, momentum, TA sessions,
    action items, reviews, attendance, evidence, the heatmap), then staff's assignments and reports."""

    menu_label = _("Coaching")
    menu_icon = "comment"
    menu_order = 220
    daily = (
        listing("coaching_my_teams", _("My teams"), "group", views.MyTeamsView, CoachListingViewSet),
        MomentumViewSet,
        TASessionViewSet,
        ActionItemViewSet,
    )
    staff = (
        CoachAssignmentViewSet,
        listing("coaching_coach_load", _("Coach load"), "user", views.CoachLoadReportView),
        listing("coaching_ta_hours", _("TA hours"), "time", views.TAHoursReportView),
        listing("coaching_overdue_teams", _("Teams overdue for TA"), "warning", views.OverdueTeamsReportView),
        listing(
            "coaching_action_items",
            _("Action item completion"),
            "tasks",
            views.ActionItemCompletionReportView,
        ),
        TopicViewSet,
    )
    items = daily + staff

    def get_submenu_items(self):
        daily = self.registerables[: len(self.daily)]
        staff = self.registerables[len(self.daily) :]
        items = [registerable.get_menu_item() for registerable in daily]
        items += cohort_coaching_menu_items()
        items += [registerable.get_menu_item() for registerable in staff]
        for order, item in enumerate(items, start=1):
            item.order = order
        return items


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CoachingGroup()


@hooks.register("register_team_home_panel")
def add_action_items_panel(team, user):
    """The team's open next steps from its TA sessions, on the team's home page (one query)."""
    return TeamHomePanel(
        template_name="coaching/workspace/team_home_action_items.html",
        context={"action_items": selectors.open_action_items(team), "team": team},
    )


@hooks.register("construct_homepage_panels")
def add_coach_dashboard_panel(request, panels):
    if views.show_dashboard_panel(request.user):
        panels.append(views.CoachDashboardPanel(request))


@hooks.register("construct_homepage_panels")
def add_momentum_dashboard_panel(request, panels):
    if views.show_dashboard_panel(request.user):
        panels.append(views.MomentumDashboardPanel(request))


@hooks.register("register_log_actions")
def register_coach_assignment_log_actions(actions):
    label = _("Assignment ended")
    actions.register_action("ruta.coach_assignment.ended")(
        type("Formatter", (LogFormatter,), {"label": label, "message": label})
    )


@hooks.register("register_log_actions")
def register_coaching_log_actions(actions):
    for action, label in [
        ("ruta.action_item.done", _("Action item marked as done")),
        ("ruta.action_item.commented", _("Comment added to the action item")),
        ("ruta.action_item.reopened", _("Action item reopened")),
        ("ruta.action_item.dropped", _("Action item dropped")),
        ("ruta.momentum_note.saved", _("Momentum note saved")),
    ]:
        actions.register_action(action)(
            type("Formatter", (LogFormatter,), {"label": label, "message": label})
        )


hooks.register(ERASE_HOOK, personal_data.user_data_erase)
hooks.register(EXPORT_HOOK, personal_data.user_data)
hooks.register(REMINDERS_HOOK, reminders.action_item_reminders)
