"""The pieces every app's Wagtail admin is built from, and the users viewset for cms.User."""

import datetime
import json

from django.contrib import messages
from django.contrib.admin.utils import NestedObjects, quote
from django.core.exceptions import PermissionDenied
from django.db import models, router
from django.db.models import ProtectedError, RestrictedError
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets import model
from wagtail.admin.widgets.button import Button
from wagtail.users.views.users import DeleteView as WagtailUserDeleteView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.admin_forms import UserCreationForm, UserEditForm
from cms.permissions import is_coach_or_staff


class FilterSet(WagtailFilterSet):
    """Filters labelled by their own field, their related-object choices loaded in one query."""

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
            try:
                return timezone.localtime(value)
            except OverflowError:  # a time at the end of the calendar: shown as stored (UTC)
                return value
        return value


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
    delete_view_class = DeleteView
    delete_template_name = "cms/admin/confirm_delete.html"
    inspect_view_class = InspectView

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


class UserDeleteView(ProtectedDeleteMixin, WagtailUserDeleteView):
    pass


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users admin for cms.User: email login, full name, language and time zone."""

    search_fields = ["email", "full_name"]
    delete_view_class = UserDeleteView
    delete_template_name = "cms/admin/confirm_delete.html"
    create_template_name = "cms/admin/users/create.html"
    edit_template_name = "cms/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
