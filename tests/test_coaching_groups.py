"""The "Coaches" group is made in code, by one idempotent function the migration, the demo and
the tests share."""

import pytest
from django.contrib.auth.models import Group, Permission

from coaching.groups import COACHES_GROUP, PERMISSIONS, coaches_group_ensure

pytestmark = pytest.mark.django_db

#: (Wagtail's own migrations may add more, such as choose_image.)
EXPECTED = {codename for _app_label, _model, codename in PERMISSIONS}


def _codenames(group):
    return set(group.permissions.values_list("codename", flat=True))


def test_coaches_group_ensure_is_idempotent():
    first = coaches_group_ensure()
    second = coaches_group_ensure()
    assert first.pk == second.pk
    assert Group.objects.filter(name=COACHES_GROUP).count() == 1
    assert _codenames(second) >= EXPECTED


def test_coaches_group_ensure_makes_the_group_again_after_it_was_deleted():
    Group.objects.filter(name=COACHES_GROUP).delete()
    group = coaches_group_ensure()
    assert group.name == COACHES_GROUP
    assert _codenames(group) >= EXPECTED


def test_coaches_group_ensure_creates_missing_permissions_and_completes_the_group():
    group = coaches_group_ensure()
    group.permissions.remove(*group.permissions.filter(codename="change_actionitem"))
    Permission.objects.filter(content_type__app_label="coaching", codename="view_topic").delete()
    group = coaches_group_ensure()
    assert _codenames(group) >= EXPECTED
    assert Permission.objects.filter(content_type__app_label="coaching", codename="view_topic").exists()


def test_the_coaches_group_grants_no_delete_permission():
    assert not any(codename.startswith("delete_") for codename in _codenames(coaches_group_ensure()))
