"""The "Coaches" group (see coaching.groups): into the admin, log and correct TA sessions and
action items."""

from django.db import migrations

from coaching.groups import coaches_group_ensure


def create_coaches_group(apps, schema_editor):
    coaches_group_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0003_action_item_comments"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_coaches_group, migrations.RunPython.noop)]
