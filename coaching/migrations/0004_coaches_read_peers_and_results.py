"""The Coaches group reads its teams' peer pairings, their messages and shared results."""

from django.db import migrations

from coaching.groups import coaches_group_ensure


def ensure_group(apps, schema_editor):
    coaches_group_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0003_momentum_note"),
        ("cohorts", "0008_peers_and_shared_results"),
    ]

    operations = [migrations.RunPython(ensure_group, migrations.RunPython.noop)]
