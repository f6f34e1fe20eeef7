"""What a user may reach in the Wagtail admin, record by record.

Model permissions (Wagtail's permission policies and the groups staff edit) say which kinds of
record a user may open; the registered admin scope says which records of those kinds. Program apps
register it (cohorts.policies.TeamAdminScope): the models it covers, who sees all of them, who is
kept to a part whatever their permissions, and which part. Other users reach the records of the
models they hold a permission on. Models the scope does not cover are left to model permissions.
Every project viewset, the site history, and the admin's usage and reference pages ask here.
"""

from typing import Protocol

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class AdminScope(Protocol):
    #: The models narrowed, as lower-case labels ("cohorts.team").
    labels: tuple[str, ...]

    def sees_all(self, user) -> bool: ...

    def is_limited(self, user) -> bool: ...

    def narrow(self, user, queryset: QuerySet) -> QuerySet: ...


_scope: AdminScope | None = None


def register_admin_scope(scope: AdminScope) -> None:
    """Make `scope` the admin's, and give each model it covers the scoped permission policy (from
    an app's ready())."""
    global _scope
    _scope = scope
    for label in scope.labels:
        if label != settings.AUTH_USER_MODEL.lower():  # Wagtail's users admin brings its own policy.
            model = apps.get_model(label)
            register_permission_policy(model, AdminScopePermissionPolicy(model), exact_class=True)


def _is_scoped(model):
    return _scope is not None and model._meta.label_lower in _scope.labels


def _is_limited(user):
    return _scope is not None and user.is_authenticated and _scope.is_limited(user)


def _has_model_permission(user, model):
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in ("view", "add", "change", "delete")
    )


def admin_scope(user, queryset):
    """`queryset` narrowed to the records `user` may see in the admin (see above)."""
    if not _is_scoped(queryset.model):
        return queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if _scope.sees_all(user):
        return queryset
    if not _scope.is_limited(user):
        return queryset if _has_model_permission(user, queryset.model) else queryset.none()
    return _scope.narrow(user, queryset)


def admin_objects_for(user, model):
    """The records of `model` that `user` may see in the Wagtail admin: listings, object pages,
    history, usage, filters, choices and exports all ask here."""
    return admin_scope(user, model._default_manager.all())


def in_admin_scope(user, instance):
    """Whether `instance` is within `admin_objects_for`; a listing asks for each row, so the
    records within reach are read once per model (and request: the user object is the request's)."""
    label = instance._meta.label_lower
    if not _is_scoped(type(instance)) or not _is_limited(user):
        return True
    if getattr(user, "_admin_scope_pks", None) is None:
        user._admin_scope_pks = {}
    within = user._admin_scope_pks
    if label not in within:
        within[label] = set(admin_objects_for(user, type(instance)).values_list("pk", flat=True))
    return instance.pk in within[label]


def admin_log_entries(user, log_entries):
    """Model log entries `user` may read (Wagtail has already checked their model permissions):
    of a scoped model, only the entries about records within `admin_objects_for`. Entries about
    records that no longer exist are not for coaches."""
    if log_entries.model is not ModelLogEntry or not _is_limited(user):
        return log_entries
    outside = []
    condition = Q()
    for label in _scope.labels:
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        outside.append(content_type.pk)
        ids = admin_objects_for(user, model).annotate(log_object_id=Cast("pk", CharField()))
        condition |= Q(content_type=content_type, object_id__in=ids.values("log_object_id"))
    return log_entries.filter(~Q(content_type__in=outside) | condition)


class AdminScopePermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, per record narrowed to `admin_objects_for`: the admin's edit
    links (site history, usage, references) and its per-record checks ask it."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and in_admin_scope(
            user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and in_admin_scope(
            user, instance
        )

    def instances_user_has_permission_for(self, user, action):
        return admin_scope(user, super().instances_user_has_permission_for(user, action))

    def instances_user_has_any_permission_for(self, user, actions):
        return admin_scope(user, super().instances_user_has_any_permission_for(user, actions))
