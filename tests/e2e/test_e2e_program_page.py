"""A visitor compares a sprint's English and Spanish cohorts side by side, or stacked on a phone,
and applies to the one in their language."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo import factories as f
from sprints.models import Weekday

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sprint(program_index):
    program = f.ProgramFactory(name="Open Data Sprint", slug="open-data", default_weekday=Weekday.TUESDAY)
    f.SessionPlanFactory(program=program, week=1)
    f.ProgramPageFactory(parent=program_index, program=program, slug="open-data", slug_es="datos-abiertos")
    today = timezone.localdate()
    dates = {
        "start_date": today + datetime.timedelta(days=30),
        "registration_opens": today - datetime.timedelta(days=10),
        "registration_deadline": today + datetime.timedelta(days=10),
    }
    english = f.CohortFactory(program=program, name="Spring — English", language="en", **dates)
    spanish = f.CohortFactory(
        program=program, name="Spring — Spanish", language="es", weekday=Weekday.WEDNESDAY, **dates
    )
    return english, spanish


@pytest.mark.parametrize(("width", "side_by_side"), [(1280, True), (390, False)], ids=["desktop", "phone"])
def test_language_cohorts_side_by_side_on_a_wide_screen_and_stacked_on_a_phone(
    page, live_server, sprint, width, side_by_side
):
    english, spanish = sprint
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/en/programs/open-data/")
    first = page.locator(f"#cohort-{english.pk}").bounding_box()
    second = page.locator(f"#cohort-{spanish.pk}").bounding_box()
    if side_by_side:
        assert first["y"] == second["y"]
        assert second["x"] >= first["x"] + first["width"]
    else:
        assert first["x"] == second["x"]
        assert second["y"] >= first["y"] + first["height"]
    expect(page.locator(f"#cohort-{english.pk} .cohort-card__language")).to_have_text(
        "Taught in English — Tuesdays 11:00 New York time"
    )
    expect(page.locator(f"#cohort-{spanish.pk} .cohort-card__language")).to_have_text(
        "En español — miércoles 11:00, hora de Nueva York"
    )
    # Each cohort has its own apply button; the Spanish one leads to that cohort's application.
    expect(page.locator(f"#cohort-{spanish.pk} a.button")).to_have_count(1)
    page.locator(f"#cohort-{spanish.pk} a.button").click()
    expect(page).to_have_url(re.compile(rf"/en/accounts/login/\?next=.*{spanish.pk}"))
