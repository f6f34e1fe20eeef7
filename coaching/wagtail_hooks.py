"""Admin for one-on-one technical assistance: coach assignments, TA sessions and next steps."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.base import ViewSetGroup

from cms.admin_views import FilterSet, ModelViewSet
from coaching.models import ActionItem, CoachAssignment, TASession, Topic


def coaches(request):
    """Everyone who coaches or has coached a team."""
    has_coached = Q(coach_assignments__isnull=False) | Q(ta_sessions__isnull=False)
    return get_user_model().objects.filter(has_coached).distinct()


class CoachFilterSet(FilterSet):
    coach = django_filters.ModelChoiceFilter(label=_("Coach"), queryset=coaches)


class CoachAssignmentFilterSet(CoachFilterSet):
    class Meta:
        model = CoachAssignment
        fields = ["role", "team__cohort"]


class TASessionFilterSet(CoachFilterSet):
    class Meta:
        model = TASession
        fields = ["mode", "team__cohort", "topics"]


class CoachAssignmentViewSet(ModelViewSet):
    model = CoachAssignment
    icon = "user"
    list_display = ["__str__", "team", "coach", "role", "starts_on", "ends_on"]
    filterset_class = CoachAssignmentFilterSet
    search_fields = ["coach__full_name", "coach__email", "team__name", "team__city"]
    ordering = ["team__name", "role"]
    list_select_related = ["coach", "team"]


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_es", "slug"]
    ordering = "slug"


class TASessionViewSet(ModelViewSet):
    model = TASession
    icon = "time"
    list_display = ["__str__", "team", "coach", "starts_at", "minutes", "mode"]
    filterset_class = TASessionFilterSet
    search_fields = ["summary", "pain_points", "team__name", "team__city", "coach__full_name"]
    ordering = "-starts_at"
    list_select_related = ["team", "coach"]


class ActionItemViewSet(ModelViewSet):
    model = ActionItem
    icon = "check"
    list_display = ["description", "team", "owner", "due_on", "status", "ta_session"]
    list_filter = ["status", "team__cohort"]
    search_fields = ["description", "team__name", "owner__user__full_name"]
    ordering = "due_on"
    list_select_related = ["team", "owner__user", "owner__role", "ta_session__team"]
    # The model's panels serve the inline on a TA session, which supplies the team.
    panels = [
        FieldRowPanel([FieldPanel("team"), FieldPanel("ta_session")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("completed_at")]),
    ]


class CoachingGroup(ViewSetGroup):
    menu_label = _("Coaching")
    menu_icon = "comment"
    menu_order = 220
    items = (CoachAssignmentViewSet, TASessionViewSet, ActionItemViewSet, TopicViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CoachingGroup()
