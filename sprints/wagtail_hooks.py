"""Admin for what programs teach: programs, curricula, assignment templates and RDC criteria."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from accounts.admin_views import ModelViewSet
from sprints.models import AssignmentTemplate, Criterion, Program, SessionPlan


class ProgramViewSet(ModelViewSet):
    model = Program
    icon = "clipboard-list"
    list_display = ["name", "kind", "duration_weeks", "ta_cadence_days", "mou_required"]
    list_filter = ["kind", "mou_required"]
    search_fields = ["name_en", "name_es", "slug", "summary_en", "summary_es"]
    ordering = "name"


class SessionPlanViewSet(ModelViewSet):
    model = SessionPlan
    icon = "calendar-alt"
    list_display = ["title", "program", "week", "kind", "minutes"]
    list_filter = ["program", "kind"]
    search_fields = ["title_en", "title_es", "description_en", "description_es"]
    ordering = ["program__name", "week"]
    list_select_related = ["program"]
    copy_view_enabled = True


class AssignmentTemplateViewSet(ModelViewSet):
    model = AssignmentTemplate
    icon = "form"
    list_display = ["title", "program", "kind", "due_week", "optional"]
    list_filter = ["program", "kind", "optional"]
    search_fields = ["title_en", "title_es", "key"]
    ordering = ["program__name", "due_week"]
    list_select_related = ["program"]


class CriterionViewSet(ModelViewSet):
    model = Criterion
    icon = "tasks"
    list_display = ["code", "title", "required_count"]
    search_fields = ["code", "title_en", "title_es"]
    ordering = "code"


class ProgramsGroup(ViewSetGroup):
    menu_label = _("Programs")
    menu_icon = "clipboard-list"
    menu_order = 200
    items = (ProgramViewSet, SessionPlanViewSet, AssignmentTemplateViewSet, CriterionViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ProgramsGroup()
