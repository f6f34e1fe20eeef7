"""The demo shows a dip: Compras Villa Serena on the coach's dashboard with its reasons, in both
languages, while Riverton Purchasing is steady (demo.MOMENTUM, DemoSeeder.seed_momentum)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from cohorts.checkins.models import CheckIn

pytestmark = pytest.mark.django_db


def test_demo_coach_sees_one_team_in_a_dip_with_its_reasons_in_both_languages(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    coach = User.objects.get(email="coach@example.com")
    client.force_login(coach)

    response = client.get(reverse("wagtailadmin_home"))

    panel = next(p for p in response.context["panels"] if p.name == "coaching_momentum")
    rows = panel.get_context_data(response.context)["rows"]
    assert [(row.team.name, row.level) for row in rows] == [
        ("Compras Villa Serena", "dip"),
        ("Riverton Purchasing", "steady"),
    ]
    codes = {reason.code for reason in rows[0].current.reasons}
    assert {"ta_cadence", "checkin_rating", "political_support", "blockers", "action_items_overdue"} <= codes
    assert rows[0].notes[4].author == coach
    assert "Political support: weakening" in response.text
    assert "Check-in: “Stuck”" in response.text

    coach.preferred_language = "es"
    coach.save()
    spanish = client.get(reverse("wagtailadmin_home")).text
    for text in (
        "Impulso de los equipos",
        "Bache",
        "Apoyo político: debilitándose",
        "Seguimiento semanal: «Estancados»",
    ):
        assert text in spanish

    # Running it again adds nothing.
    count = CheckIn.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert CheckIn.objects.count() == count
