"""The Coaches group also records teams' milestones and site visits (cohorts.Milestone)."""

from django.db import migrations

from coaching.groups import coaches_group_ensure


def add_milestone_permissions(apps, schema_editor):
    coaches_group_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0001_initial"),
        ("cohorts", "0005_phase_plan_milestones"),
    ]

    operations = [migrations.RunPython(add_milestone_permissions, migrations.RunPython.noop)]
