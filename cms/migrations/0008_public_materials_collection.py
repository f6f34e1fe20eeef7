"""The "Public materials" collection: documents filed in it are served to everyone."""

from django.db import migrations

NAME = "Public materials"  # cms.permissions.PUBLIC_DOCUMENTS_COLLECTION
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, four characters a step


def step(number):
    digits = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None or Collection.objects.filter(name=NAME).exists():
        return
    last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    Collection.objects.create(name=NAME, path=root.path + step(number), depth=2, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)


def remove_collection(apps, schema_editor):
    pass  # documents may have been filed in it since: keep it


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_notification_kind_rdc_to_verify"),
        ("wagtailcore", "0066_collection_management_permissions"),
    ]

    operations = [migrations.RunPython(create_collection, remove_collection)]
