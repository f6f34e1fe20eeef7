"""Spanish words for the same thing everywhere (#18).

"Tareas" are the assignments a team fills in; what a team agrees with its coach in a TA session are
"acciones acordadas" (never "tareas"), in the models, menus, headings, emails and URLs. Headings and
menus are in sentence case like the rest ("Sesiones de AT", never "sesiones de AT").
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from coaching.models import ActionItem, ActionItemComment
from cohorts.models import Submission
from tests.test_locale_catalog import catalog_messages

pytestmark = pytest.mark.django_db(databases=["default"])


def strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def ids(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


ACTION_ITEM = re.compile(r"action[ -]items?|next steps", re.IGNORECASE)


def test_action_items_are_never_called_tareas_in_spanish():
    about_action_items = [m for m in catalog_messages() if any(ACTION_ITEM.search(i) for i in ids(m))]
    assert len(about_action_items) > 30
    assert [m.id for m in about_action_items if any("tarea" in s.lower() for s in strings(m))] == []
    assert [m.id for m in about_action_items if not any("acci" in s.lower() for s in strings(m))] == [
        "Next steps",
        "Next steps:",
    ]


def test_action_item_words_in_spanish():
    with translation.override("es"):
        assert str(ActionItem._meta.verbose_name) == "acción acordada"
        assert str(ActionItem._meta.verbose_name_plural) == "acciones acordadas"
        assert str(ActionItemComment._meta.verbose_name_plural) == "comentarios de acciones acordadas"
        assert translation.gettext("Action items") == "Acciones acordadas"
        # Assignments keep "tareas".
        assert translation.gettext("Assignments") == "Tareas"
        assert str(Submission._meta.get_field("template").verbose_name) == "tarea asignada"


def test_action_item_urls_in_spanish_name_acciones_acordadas():
    with translation.override("es"):
        done = reverse("coaching:action_item_done", args=[1, 2])
        comment = reverse("coaching:action_item_comment", args=[1, 2])
    assert done == "/es/equipos/1/acompanamiento/acciones-acordadas/2/hecha/"
    assert comment == "/es/equipos/1/acompanamiento/acciones-acordadas/2/comentar/"


def test_ta_sessions_heading_and_menu_are_capitalised_in_spanish(client):
    from coaching.wagtail_hooks import TASessionViewSet

    with translation.override("es"):
        assert str(TASessionViewSet.menu_label) == "Sesiones de AT"
        assert translation.pgettext("heading", "TA sessions") == "Sesiones de AT"
    membership = f.MembershipFactory(team__cohort__language="es", user__preferred_language="es")
    client.force_login(membership.user)
    with translation.override("es"):
        url = reverse("coaching:team_coaching", args=[membership.team.pk])
    page = client.get(url, headers={"accept-language": "es"}).text
    assert ">Sesiones de AT</h2>" in page
    assert ">Acciones acordadas</h2>" in page
    assert "sesiones de AT</h2>" not in page
    assert "Tareas</h2>" not in page
