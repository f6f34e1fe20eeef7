"""Admin for what programs teach: programs, curricula, assignment templates and RDC criteria."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup

from accounts.admin_views import ModelViewSet, add_service_errors
from sprints.forms import ProgramAdminForm
from sprints.models import AssignmentTemplate, Criterion, CriterionSet, Program, SessionPlan
from sprints.services import criterion_set_copy


class ProgramViewSet(ModelViewSet):
    model = Program
    icon = "clipboard-list"
    list_display = ["name", "kind", "duration_weeks", "ta_cadence_days", "mou_required", "criterion_set"]
    list_filter = ["kind", "mou_required"]
    search_fields = ["name_en", "name_es", "slug", "summary_en", "summary_es"]
    ordering = "name"

    def get_edit_handler(self):
        # The model's panels (translated fields expanded by wagtail-modeltranslation), on the form
        # that checks the phases' total length.
        return ObjectList(self.model.panels, base_form_class=ProgramAdminForm).bind_to_model(self.model)


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
    list_display = ["code", "title", "criterion_set", "required_count"]
    list_filter = ["criterion_set"]
    search_fields = ["code", "title_en", "title_es"]
    ordering = ["-criterion_set__version", "code"]
    list_select_related = ["criterion_set"]


class NewVersionForm(forms.Form):
    version = forms.IntegerField(label=_("Version"), min_value=1)
    effective_on = forms.DateField(label=_("Effective from"), widget=forms.DateInput(attrs={"type": "date"}))


class CriterionSetNewVersionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Copy a criterion set, with its criteria and items, into a new version for staff to edit."""

    model = CriterionSet
    permission_required = "add"
    form_class = NewVersionForm
    template_name = "sprints/admin/criterion_set_new_version.html"
    page_title = _("New version of the criteria")
    header_icon = "tasks"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.source = get_object_or_404(CriterionSet, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.source)

    def get_initial(self):
        latest = CriterionSet.objects.order_by("-version").values_list("version", flat=True).first() or 0
        return {"version": latest + 1, "effective_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.source, **kwargs)

    def form_valid(self, form):
        try:
            copy = criterion_set_copy(source=self.source, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(set)s” created: edit its criteria, then point programs at it.") % {"set": copy},
        )
        return redirect(reverse("criterion:index") + f"?criterion_set={copy.pk}")


def example_flag(criterion_set):
    return _("Example: replace with the official text") if criterion_set.is_example else "—"


class CriterionSetViewSet(ModelViewSet):
    model = CriterionSet
    icon = "tasks"
    menu_label = _("Criterion sets")
    list_display = [
        "label",
        "version",
        "effective_on",
        Column("is_example", label=_("Example set"), accessor=example_flag),
    ]
    search_fields = ["label_en", "label_es"]
    ordering = "-version"
    inspect_flow_links = [
        (
            _("New version from this one"),
            lambda criterion_set, user: reverse("criterionset:new_version", args=(quote(criterion_set.pk),)),
            "copy",
        ),
    ]

    @property
    def new_version_view(self):
        return self.construct_view(CriterionSetNewVersionView, header_icon=self.icon)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("new-version/<int:pk>/", self.new_version_view, name="new_version"),
        ]


class ProgramsGroup(ViewSetGroup):
    menu_label = _("Programs")
    menu_icon = "clipboard-list"
    menu_order = 200
    items = (
        ProgramViewSet,
        SessionPlanViewSet,
        AssignmentTemplateViewSet,
        CriterionSetViewSet,
        CriterionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ProgramsGroup()
