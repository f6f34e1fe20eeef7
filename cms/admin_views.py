"""The pieces every app's Wagtail admin is built from, and the users viewset for cms.User."""

import datetime
import json

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import models
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
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.users import DeleteView as WagtailUserDeleteView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.accounts import user_delete
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

    template_name = "cms/admin/users/confirm_bulk_delete.html"

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
    """Wagtail's users admin for cms.User: email login, full name, language and time zone."""

    search_fields = ["email", "full_name"]
    create_template_name = "cms/admin/users/create.html"
    edit_template_name = "cms/admin/users/edit.html"
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
