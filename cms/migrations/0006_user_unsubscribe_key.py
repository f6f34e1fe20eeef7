import secrets

from django.db import migrations, models

import cms.models


def fill_keys(apps, schema_editor):
    User = apps.get_model("cms", "User")
    for user in User.objects.filter(unsubscribe_key=None).only("pk"):
        user.unsubscribe_key = secrets.token_urlsafe(24)
        user.save(update_fields=["unsubscribe_key"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_notifications")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="unsubscribe_key",
            field=models.CharField(editable=False, max_length=64, null=True, verbose_name="unsubscribe key"),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="unsubscribe_key",
            field=models.CharField(
                default=cms.models.new_unsubscribe_key,
                editable=False,
                help_text="Names this person in unsubscribe links without giving away their id.",
                max_length=64,
                unique=True,
                verbose_name="unsubscribe key",
            ),
        ),
    ]
