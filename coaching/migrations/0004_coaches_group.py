"""The "Coaches" group: into the admin, log and correct TA sessions and action items.

Coaches see only their assigned teams' records; the admin views narrow every listing and
object to those teams. They get no delete permission: a logged session is corrected, never
removed by its coach.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COACHES_GROUP = "Coaches"
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
]


def create_coaches_group(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COACHES_GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0003_action_item_comments"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_coaches_group, migrations.RunPython.noop)]
