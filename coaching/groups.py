"""The "Coaches" group, in code: into the admin, log and correct TA sessions and action items.

Coaches see only their assigned teams' records; the admin views narrow every listing and
object to those teams. They get no delete permission: a logged session is corrected, never
removed by its coach. The data migration, the demo and the tests all make the group here.
"""

from django.apps import apps as django_apps

from cohorts.policies import COACHES_GROUP

#: (app label, model, codename) of every permission the group holds.
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("coaching", "tasession", "add_tasession"),
    ("coaching", "tasession", "change_tasession"),
    ("coaching", "tasession", "view_tasession"),
    ("coaching", "actionitem", "add_actionitem"),
    ("coaching", "actionitem", "change_actionitem"),
    ("coaching", "actionitem", "view_actionitem"),
    ("coaching", "topic", "view_topic"),
    ("coaching", "coachassignment", "view_coachassignment"),
    # A team's phase plan: coaches record its site visits, reviews and deliverables due.
    ("cohorts", "milestone", "add_milestone"),
    ("cohorts", "milestone", "change_milestone"),
    ("cohorts", "milestone", "view_milestone"),
    # Peer support and shared results of their teams: read in the admin.
    ("cohorts", "peerpairing", "view_peerpairing"),
    ("cohorts", "peermessage", "view_peermessage"),
    ("cohorts", "sharedresult", "view_sharedresult"),
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def _create_permissions(apps):
    """Model permissions are normally created after all migrations: make ours exist now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # A migration's historical app configs have no models module; create_permissions
        # skips such apps, so mark them for the call only (never touch the real registry's).
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            if stub:
                app_config.models_module = None


def coaches_group_ensure(*, apps=django_apps):
    """The "Coaches" group with its permissions, made or completed if needed (idempotent).

    `apps` is the app registry: a data migration passes its historical one."""
    permissions = _permissions(apps)
    if len(permissions) < len(PERMISSIONS):
        _create_permissions(apps)
        permissions = _permissions(apps)
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=COACHES_GROUP)
    group.permissions.add(*permissions)
    return group
