"""The pieces every app's Wagtail admin is built from, and the users viewset for cms.User."""

import datetime
import json

from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms import modelform_factory
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_actions_for_filter,
)
from wagtail.admin.viewsets import model
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import registry as log_registry
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.admin_forms import UserCreationForm, UserEditForm
from cms.permissions import admin_log_entries, admin_scope, is_coach_or_staff


def scope_choices(filterset):
    """A filter's related-object choices narrowed to what the user may see in the admin (a coach's
    team and cohort filters list their own teams and cohorts, not every other team's names)."""
    request = getattr(filterset, "request", None)
    user = getattr(request, "user", None)
    for filter_ in filterset.filters.values():
        queryset = getattr(filter_, "queryset", None)
        if isinstance(queryset, models.QuerySet):
            filter_.queryset = admin_scope(user, queryset) if user else queryset.none()
        elif callable(queryset):
            filter_.queryset = lambda request, choices=queryset: admin_scope(request.user, choices(request))


class FilterSet(WagtailFilterSet):
    """Filters labelled by their own field, their related-object choices loaded in one query and
    narrowed to what the user may see."""

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        # "Cohort" rather than "Submission team cohort" for submission__team__cohort.
        filter_ = super().filter_for_field(field, field_name, lookup_expr)
        filter_.label = capfirst(field.verbose_name)
        return filter_

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(queryset := getattr(filter_, "queryset", None), models.QuerySet):
                filter_.queryset = queryset.select_related()
        scope_choices(self)


class CoachOrStaffRequiredMixin:
    """For admin views that only staff and current coaches may open."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coach_or_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CreateView(generic.CreateView):
    """Records the signed-in user on the new object (its author, who recorded or added it)."""

    user_field = None

    def save_instance(self):
        if self.user_field:
            setattr(self.form.instance, self.user_field, self.request.user)
        return super().save_instance()


class CopyView(generic.CopyView):
    """Pre-fills the add form, which posts to the add view: a POST here would overwrite the original."""

    http_method_names = ["get", "head", "options"]


class InspectView(generic.InspectView):
    """Shows JSON content as indented, read-only text, and times in the viewer's time zone, with
    the object's history one click away."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if getattr(self, "history_url_name", None):
            buttons.append(
                Button(
                    _("History"),
                    url=reverse(self.history_url_name, args=(quote(self.object.pk),)),
                    icon_name="history",
                    priority=30,
                )
            )
        return buttons

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.JSONField):
            value = json.dumps(getattr(self.object, field_name), indent=2, ensure_ascii=False)
            return format_html('<pre class="w-whitespace-pre-wrap">{}</pre>', value)
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            # The inspect template's |localize does not convert to the viewer's time zone.
            return timezone.localtime(value)
        return value


# Every admin view of a model keeps non-staff users to `admin_objects_for` (cms.permissions).


class AdminScopeMixin:
    """An object URL (any ``pk`` in it: edit, inspect, history, usage, delete, copy and the
    viewsets' own actions) for a record outside the user's reach answers 404, before anything
    else is looked up; a listing (and its export) shows only the records within reach."""

    scope_model = None

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            records = self.scope_model._default_manager.all()
            try:
                found = admin_scope(request.user, records).filter(pk=unquote(str(kwargs["pk"]))).exists()
            except (ValueError, TypeError, ValidationError):
                found = False
            if not found:
                raise Http404
        return super().dispatch(request, *args, **kwargs)


class AdminScopeIndexMixin(AdminScopeMixin):
    def get_base_queryset(self):
        return admin_scope(self.request.user, super().get_base_queryset())


def scoped_view_class(view_class, model):
    """`view_class` with the admin scope of `model` applied."""
    mixin = AdminScopeIndexMixin if issubclass(view_class, generic.IndexView) else AdminScopeMixin
    if issubclass(view_class, mixin):
        return view_class
    attributes = {"scope_model": model, "__module__": view_class.__module__}
    return type(view_class.__name__, (mixin, view_class), attributes)


class AdminScopeFormMixin:
    """Related-record choices (a team, a version, a person…) narrowed to what the user may see."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        for field in self.fields.values():
            if user is not None and isinstance(queryset := getattr(field, "queryset", None), models.QuerySet):
                field.queryset = admin_scope(user, queryset)


def scoped_form_class(form_class):
    if form_class is None or issubclass(form_class, AdminScopeFormMixin):
        return form_class
    return type(form_class.__name__, (AdminScopeFormMixin, form_class), {"__module__": form_class.__module__})


class ModelViewSet(model.ModelViewSet):
    """A model viewset with Ruta's defaults.

    Search runs on the database with ``icontains`` over ``search_fields`` (set
    ``search_backend_name = None``), so it covers both languages' columns and related
    fields and needs no search index kept up to date by a worker. The listing loads the
    rows its columns show through ``list_select_related``.
    """

    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_select_related = ()
    #: The user field set to the signed-in user when an object is added through the admin.
    user_field = None
    add_view_class = CreateView
    copy_view_class = CopyView
    inspect_view_class = InspectView

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class, self.model), **kwargs)

    def get_form_class(self, for_update=False):
        if self._edit_handler:
            return scoped_form_class(super().get_form_class(for_update))
        # As Wagtail does, on Wagtail's admin form, which knows the user it is shown to.
        return scoped_form_class(
            modelform_factory(
                self.model,
                form=WagtailAdminModelForm,
                formfield_callback=self.formfield_for_dbfield,
                fields=self.get_form_fields(),
                exclude=self.get_exclude_form_fields(),
            )
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=self.model._default_manager.select_related(*self.list_select_related),
            base_filterset_class=FilterSet,
            **kwargs,
        )

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(user_field=self.user_field, **kwargs)

    def formfield_for_dbfield(self, db_field, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, **kwargs)
        if isinstance(queryset := getattr(formfield, "queryset", None), models.QuerySet):
            formfield.queryset = queryset.select_related()
        return formfield


class ReadOnlyModelViewSet(ModelViewSet):
    """Listing, inspect and history only, for records that never change once written."""

    disabled_views = {"add", "edit", "delete", "copy"}

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in self.disabled_views}, **kwargs
        )

    def get_form_class(self, for_update=False):
        return None  # There is no add or edit view to use it.

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in self.disabled_views]

    @property
    def url_finder_class(self):
        return type(
            "ReadOnlyURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")}
        )

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename__startswith="view_")


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users admin for cms.User: email login, full name, language and time zone."""

    search_fields = ["email", "full_name"]

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class, self.model), **kwargs)

    create_template_name = "cms/admin/users/create.html"
    edit_template_name = "cms/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


# The site history report (Reports › Site history and its CSV and Excel exports)


def viewable_log_entries(user, log_model):
    """The entries of `log_model` that `user` may read: Wagtail's check of model permissions,
    then the admin scope of cms.permissions for the records they are about."""
    return admin_log_entries(user, log_model.objects.viewable_by_user(user))


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Wagtail's filters, offering only the actions, users and types of the entries one may read."""

    def get_action_choices(self):
        actions = set()
        for log_model in log_registry.get_log_entry_models():
            actions.update(viewable_log_entries(self.request.user, log_model).get_actions())
        return [choice for choice in get_actions_for_filter(self.request.user) if choice[0] in actions]

    def get_users_queryset(self):
        user_ids = set()
        for log_model in log_registry.get_log_entry_models():
            user_ids.update(viewable_log_entries(self.request.user, log_model).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        content_types = set()
        for log_model in log_registry.get_log_entry_models():
            content_types.update(viewable_log_entries(self.request.user, log_model).get_content_type_ids())
        self.filters["object_type"].queryset = lambda request: ContentType.objects.filter(
            pk__in=content_types
        ).order_by("model")


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history, keeping everyone to the records they may see: a coach reads the
    history of their teams' records only, never another team's (cms.urls puts it in the place
    of Wagtail's own view)."""

    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        # As LogEntriesView.get_filtered_queryset, reading each log model through the scope.
        queryset = None
        self.log_models = list(log_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                viewable_log_entries(self.request.user, log_model)
                .values("pk", "timestamp")
                .annotate(log_model_index=models.Value(index, output_field=models.IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")
