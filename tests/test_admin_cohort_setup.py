"""Setting a cohort up in the admin (#18): a new cohort leads to generating its sessions, the edit
page offers it too, the time zone is one of the zones the pickers offer, and a copy needs names
of its own in every language."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.forms import TIME_ZONE_NOT_OFFERED
from accounts.time_zones import offered_time_zones
from cms.demo import factories as f
from cohorts.models import Cohort
from cohorts.schedule.forms import COPY_NEEDS_OWN_NAME

pytestmark = pytest.mark.django_db


def cohort_data(program, **overrides):
    data = {
        "program": program.pk,
        "name_en": "Spring 2027 — English",
        "name_es": "Primavera 2027 — inglés",
        "language": "en",
        "time_zone": "America/Bogota",
        "weekday": program.default_weekday,
        "local_time": "11:00",
        "start_date": "2027-02-01",
        "registration_opens": "2026-12-01",
        "registration_deadline": "2027-01-20",
        "capacity": 8,
        "meeting_url": "",
        "breaks": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_creating_a_cohort_leads_staff_to_generating_its_sessions(staff_client):
    program = f.ProgramFactory()
    f.SessionPlanFactory(program=program, week=1)

    response = staff_client.post(reverse("cohort:add"), cohort_data(program))

    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get(name_en="Spring 2027 — English")
    assert response["Location"] == reverse("cohorts_generate_sessions", args=[cohort.pk])
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("created" in text for text in texts)
    assert any("from its program&#x27;s curriculum" in text for text in texts)
    page = staff_client.get(response["Location"])
    assert page.status_code == 200
    assert not cohort.sessions.exists()  # nothing generated until staff confirm


def test_the_cohort_edit_page_has_a_generate_sessions_button(staff_client, cohort):
    page = staff_client.get(reverse("cohort:edit", args=[cohort.pk])).text
    url = reverse("cohorts_generate_sessions", args=[cohort.pk])
    assert f'href="{url}"' in page
    assert "Generate sessions" in page


def test_the_cohort_admin_refuses_a_time_zone_the_picker_does_not_offer(staff_client):
    program = f.ProgramFactory()
    for crafted in ["Factory", "localtime", "EST5EDT", "US/Eastern", "Etc/GMT+5", "Mars/Olympus"]:
        assert crafted not in offered_time_zones()
        response = staff_client.post(reverse("cohort:add"), cohort_data(program, time_zone=crafted))
        assert response.status_code == 200, crafted
        assert response.context["form"].errors["time_zone"] == [str(TIME_ZONE_NOT_OFFERED)], crafted
        # What was typed stays in the form.
        assert response.context["form"]["name_es"].value() == "Primavera 2027 — inglés"
    assert not Cohort.objects.exists()


def test_the_cohort_admin_keeps_a_saved_zone_no_longer_offered(staff_client):
    cohort = f.CohortFactory(time_zone="US/Eastern")  # saved before the picker offered places only
    data = cohort_data(cohort.program, name_en=cohort.name_en, time_zone="US/Eastern")
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    cohort.refresh_from_db()
    assert cohort.time_zone == "US/Eastern"

    data = cohort_data(cohort.program, name_en=cohort.name_en, time_zone="Etc/GMT+5")
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data)
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors


def copy_post(staff_client, original, **overrides):
    """What the copy page posts: its form, with the original's id, to the add view."""
    page = staff_client.get(reverse("cohort:copy", args=[original.pk]))
    form = page.context["form"]
    assert str(form["copy_of"].value()) == str(original.pk)
    assert f'name="copy_of" value="{original.pk}"' in page.text
    data = cohort_data(
        original.program,
        name_en=form["name_en"].value(),
        name_es=form["name_es"].value() or "",
        copy_of=original.pk,
    )
    data.update(overrides)
    return staff_client.post(page.context["action_url"], data)


def test_a_copy_needs_new_names_in_both_languages(staff_client):
    original = f.CohortFactory(name_en="Spring 2027", name_es="Primavera 2027")

    response = copy_post(staff_client, original, name_en="Autumn 2027")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "name_en" not in errors
    assert errors["name_es"] == [str(COPY_NEEDS_OWN_NAME) % {"name": "Primavera 2027"}]
    assert response.context["form"]["name_en"].value() == "Autumn 2027"  # kept as typed

    response = copy_post(staff_client, original, name_es=" primavera 2027 ")  # same name, other case
    assert set(response.context["form"].errors) == {"name_en", "name_es"}

    response = copy_post(staff_client, original, name_en="Autumn 2027", name_es="")
    assert "name_es" in response.context["form"].errors
    assert Cohort.objects.count() == 1

    response = copy_post(staff_client, original, name_en="Autumn 2027", name_es="Otoño 2027")
    assert response.status_code == 302, response.context["form"].errors
    copy = Cohort.objects.exclude(pk=original.pk).get()
    assert (copy.name_en, copy.name_es) == ("Autumn 2027", "Otoño 2027")
    original.refresh_from_db()
    assert (original.name_en, original.name_es) == ("Spring 2027", "Primavera 2027")


def test_a_crafted_copy_id_is_ignored(staff_client):
    program = f.ProgramFactory()
    for crafted in ["abc", "999999", "-1"]:
        response = staff_client.post(reverse("cohort:add"), cohort_data(program, copy_of=crafted))
        assert response.status_code == 302, response.context["form"].errors
    assert Cohort.objects.count() == 3


def test_a_cohort_added_from_scratch_or_edited_needs_no_copy_check(staff_client):
    cohort = f.CohortFactory(name_en="Spring 2027", name_es="Primavera 2027")
    data = cohort_data(cohort.program, name_en="Spring 2027", name_es="Primavera 2027", copy_of=cohort.pk)
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
