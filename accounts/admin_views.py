"""The pieces every app's Wagtail admin is built from, and the users viewset for accounts.User."""

import datetime
import functools
import json
import operator

from django.contrib.admin.utils import NestedObjects, quote, unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, router
from django.db.models import ProtectedError, Q, RestrictedError
from django.forms import modelform_factory
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView as WagtailReportView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_actions_for_filter,
)
from wagtail.admin.viewsets import model
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import registry as log_registry
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.users import DeleteView as WagtailUserDeleteView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.admin_forms import UserCreationForm, UserEditForm
from accounts.admin_scope import admin_log_entries, admin_scope
from accounts.services import user_delete
from accounts.spreadsheets import safe_cell


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
        user = getattr(getattr(self, "request", None), "user", None)
        for filter_ in self.filters.values():
            queryset = getattr(filter_, "queryset", None)
            if isinstance(queryset, models.QuerySet):
                # A coach's team and cohort filters list their own, not every other team's names.
                queryset = queryset.select_related()
                filter_.queryset = admin_scope(user, queryset) if user else queryset.none()
            elif callable(queryset):
                filter_.queryset = lambda request, choices=queryset: admin_scope(
                    request.user, choices(request)
                )


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """CSV and Excel exports in which text someone typed never runs as a formula."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class ReportView(SafeSpreadsheetExportMixin, WagtailReportView):
    """The report every Ruta admin report starts from."""


class CreateView(generic.CreateView):
    """Records the signed-in user on the new object (its author, who recorded or added it)."""

    user_field = None

    def save_instance(self):
        if self.user_field:
            setattr(self.form.instance, self.user_field, self.request.user)
        return super().save_instance()


def add_service_errors(form, error: ValidationError):
    """Show what a service refused on the form: on its field when the form has one, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, errors)
    else:
        form.add_error(None, error)


class ServiceFormMixin:
    """For the add and edit views of records a service owns.

    ``save_instance`` calls the service (which validates, saves, writes the history entry and
    notifies), never the generic save; a ``ValidationError`` it raises is shown on the form and
    nothing is saved.
    """

    def save_instance(self):
        raise NotImplementedError("Call the service that owns these records.")

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    """Adds through a service; when the records have no edit view, the new one is inspected."""

    inspect_url_name = None

    def get_success_buttons(self):
        if self.edit_url_name:
            return super().get_success_buttons()
        if self.inspect_url_name:
            url = reverse(self.inspect_url_name, args=(quote(self.object.pk),))
            return [messages.button(url, _("Inspect"))]
        return []


class ServiceEditView(ServiceFormMixin, generic.EditView):
    pass


class FlowButtonsMixin:
    """Header buttons to the custom admin flows where a service changes these records.

    ``flow_links`` is a list of (label, url, icon name); ``url`` is a URL name (listing) or a
    function of the object and the user (inspect) that returns a URL or None.
    """

    flow_links = ()

    def get_flow_urls(self):
        for label, url, icon_name in self.flow_links:
            url = url(self.object, self.request.user) if callable(url) else reverse(url)
            if url:
                yield label, url, icon_name

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for label, url, icon_name in self.get_flow_urls():
            buttons.append(HeaderButton(label, url=url, icon_name=icon_name))
        return buttons


class IndexView(FlowButtonsMixin, SafeSpreadsheetExportMixin, generic.IndexView):
    """The listing every Ruta viewset starts from."""


class CopyView(generic.CopyView):
    """Pre-fills the add form, which posts to the add view: a POST here would overwrite the original."""

    http_method_names = ["get", "head", "options"]


class ProtectedDeleteMixin:
    """Deleting an object that other records keep (``on_delete=PROTECT`` or ``RESTRICT``) says which
    records those are and offers no delete button, instead of failing with a server error."""

    #: How many of the records that block a delete are named; the rest are counted.
    blocking_shown = 10

    @cached_property
    def blocking_objects(self):
        collector = NestedObjects(using=router.db_for_write(type(self.object), instance=self.object))
        collector.collect([self.object])
        return sorted(collector.protected, key=lambda obj: (obj._meta.verbose_name, str(obj.pk)))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if blocking := self.blocking_objects:
            context["is_protected"] = True
            context["blocking_objects"] = [
                f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in blocking[: self.blocking_shown]
            ]
            context["blocking_more"] = max(0, len(blocking) - self.blocking_shown)
            context["blocking_message"] = CANNOT_DELETE % {
                "model_name": self.object._meta.verbose_name,
                "count": len(blocking),
            }
        return context

    def form_valid(self, form):
        if not self.blocking_objects:
            try:
                return super().form_valid(form)
            except (ProtectedError, RestrictedError):
                # Something came to depend on it since the page was shown: show what it is.
                del self.blocking_objects
        messages.error(self.request, CANNOT_DELETE_SHORT % {"model_name": self.object._meta.verbose_name})
        return self.render_to_response(self.get_context_data(), status=409)


CANNOT_DELETE = _(
    "This %(model_name)s cannot be deleted: %(count)d records that keep the history depend on it. "
    "Remove or reassign them first, or keep it."
)
CANNOT_DELETE_SHORT = _("This %(model_name)s cannot be deleted: other records depend on it.")


class DeleteView(ProtectedDeleteMixin, generic.DeleteView):
    pass


class InspectView(FlowButtonsMixin, generic.InspectView):
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
            try:
                return timezone.localtime(value)
            except OverflowError:  # a time at the end of the calendar: shown as stored (UTC)
                return value
        return value


# Every admin view of a model keeps non-staff users to `admin_objects_for` (accounts.admin_scope).


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


class ObjectActionMixin:
    """An admin page that acts on one record of a viewset (decide, send, end, review): the record
    as subtitle, and breadcrumbs through the viewset's listing and the record's inspect page.

    The view sets ``self.object``; the viewset passes its ``index_url_name`` and
    ``inspect_url_name``.
    """

    index_url_name = None
    inspect_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(self.object._meta.verbose_name_plural)},
            {"url": self.get_inspect_url(), "label": str(self.object)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


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
    index_view_class = IndexView
    add_view_class = CreateView
    copy_view_class = CopyView
    delete_view_class = DeleteView
    delete_template_name = "accounts/admin/confirm_delete.html"
    inspect_view_class = InspectView
    #: Buttons on the listing to the flows that change these records: [(label, URL name, icon)].
    index_flow_links = ()
    #: Buttons on the inspect view: [(label, function(object, user) -> URL or None, icon)].
    inspect_flow_links = ()

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
        if self.index_flow_links:
            kwargs.setdefault("flow_links", self.index_flow_links)
        return super().get_index_view_kwargs(
            queryset=self.model._default_manager.select_related(*self.list_select_related),
            base_filterset_class=FilterSet,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        if self.inspect_flow_links:
            kwargs.setdefault("flow_links", self.inspect_flow_links)
        return super().get_inspect_view_kwargs(**kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(user_field=self.user_field, **kwargs)

    def formfield_for_dbfield(self, db_field, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, **kwargs)
        if isinstance(queryset := getattr(formfield, "queryset", None), models.QuerySet):
            formfield.queryset = queryset.select_related()
        return formfield


class ReadOnlyModelViewSet(ModelViewSet):
    """Listing, inspect and history only, for records that never change once written, and for
    records whose state a service owns: those change in their own admin flow (linked from
    ``index_flow_links`` and ``inspect_flow_links``), never through a generic form.

    A subclass may enable "add" again with an add view that saves through the service
    (``ServiceCreateView``), and list in ``registered_permissions`` what its flows need.
    """

    disabled_views = {"add", "edit", "delete", "copy"}
    #: The permissions offered in the group settings, by action ("view", "add", "change"…).
    registered_permissions = ("view",)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in self.disabled_views}, **kwargs
        )

    def get_form_class(self, for_update=False):
        if {"add", "edit"} <= set(self.disabled_views):
            return None  # There is no add or edit view to use it.
        return super().get_form_class(for_update)

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in self.disabled_views]

    @property
    def url_finder_class(self):
        return type(
            "ReadOnlyURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")}
        )

    def get_permissions_to_register(self):
        actions = [Q(codename__startswith=f"{action}_") for action in self.registered_permissions]
        return super().get_permissions_to_register().filter(functools.reduce(operator.or_, actions))


USER_DELETE_EXPLAINED = _(
    "Deleting this account removes the person's name, email addresses, notifications and calendar "
    "address, and signs them out. The team's work is kept, signed “Deleted user”."
)


class UserDeleteView(WagtailUserDeleteView):
    """Deleting a user anonymises the account (cms.accounts.user_delete): applications, memberships,
    feedback and comments reference it and stay with the team."""

    success_message = _("User '%(object)s' deleted: the team's work is kept.")

    @property
    def confirmation_message(self):
        return USER_DELETE_EXPLAINED

    def get_usage(self):
        # What references the account stays and keeps referencing it: nothing is protected.
        usage = super().get_usage()
        if usage is not None:
            usage.is_protected = False
        return usage

    def delete_action(self):
        self.deleted_label = str(self.object)
        user_delete(user=self.object, by=self.request.user)

    def get_success_message(self):
        return self.success_message % {"object": self.deleted_label}


class UserDeleteBulkAction(DeleteBulkAction):
    """The users listing's bulk delete, anonymising each account as the single delete does."""

    template_name = "accounts/admin/users/confirm_bulk_delete.html"

    def annotate_items(self, items):
        # What references the accounts stays and keeps referencing them: nothing is protected.
        items = super().annotate_items(items)
        self.is_protected = False
        for item in self.object_references:
            item._usage_references.is_protected = False
        return items

    def get_execution_context(self):
        return {**super().get_execution_context(), "by": self.request.user}

    @classmethod
    def execute_action(cls, objects, model=None, by=None, **kwargs):
        for user in objects:
            if not user.is_deleted:
                user_delete(user=user, by=by)
        return len(objects), 0


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users admin for accounts.User: email login, full name, language and time zone."""

    search_fields = ["email", "full_name"]

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class, self.model), **kwargs)

    create_template_name = "accounts/admin/users/create.html"
    edit_template_name = "accounts/admin/users/edit.html"
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


# The site history report (Reports › Site history and its CSV and Excel exports)


def viewable_log_entries(user, log_model):
    """The entries of `log_model` that `user` may read: Wagtail's check of model permissions,
    then the admin scope (accounts.admin_scope) for the records they are about."""
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
