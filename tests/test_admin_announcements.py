"""Staff write announcements in the admin in every language, confirm and send them once."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.shortcuts import resolve_url
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.announcements.models import Announcement
from notifications.models import Notification
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db

ADMIN_LOGIN_URL = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")


def url(view, announcement=None):
    return reverse(f"announcement:{view}", args=[announcement.pk] if announcement else [])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def team():
    return f.TeamFactory(name="Springfield")


@pytest.fixture
def members(team):
    return [
        f.MembershipFactory(team=team, user=f.UserFactory(preferred_language="en")),
        f.MembershipFactory(team=team, user=f.UserFactory(preferred_language="es")),
    ]


@pytest.fixture
def announcement(team):
    return f.AnnouncementFactory(
        cohort=team.cohort,
        title="Office hours on Friday",
        title_es="Horario de consulta el viernes",
        body="Come with questions.",
        body_es="Vengan con preguntas.",
    )


def form_data(cohort, **overrides):
    return {
        "cohort": cohort.pk,
        "role": "",
        "title_en": "Office hours on Friday",
        "title_es": "Horario de consulta el viernes",
        "body_en": "Come with questions.",
        "body_es": "Vengan con preguntas.",
        **overrides,
    }


def test_staff_add_an_announcement_in_both_languages(staff_client, staff_user, team):
    response = staff_client.post(url("add"), form_data(team.cohort))

    assert response.status_code == 302, response.context["form"].errors
    announcement = Announcement.objects.get()
    assert (announcement.title_en, announcement.title_es) == (
        "Office hours on Friday",
        "Horario de consulta el viernes",
    )
    assert (announcement.body_en, announcement.body_es) == ("Come with questions.", "Vengan con preguntas.")
    assert announcement.author == staff_user
    assert announcement.sent_at is None


def test_the_add_form_requires_every_language_and_keeps_what_was_typed(staff_client, team):
    response = staff_client.post(url("add"), form_data(team.cohort, title_es="", body_es=""))

    assert response.status_code == 200
    assert not Announcement.objects.exists()
    errors = response.context["form"].errors
    assert set(errors) == {"title_es", "body_es"}
    assert len(errors["title_es"]) == 1  # said once, not by the form and again by the model
    assert "Spanish" in errors["title_es"][0]
    assert "Office hours on Friday" in response.text


def test_the_add_form_refuses_a_role_of_another_program(staff_client, team):
    other_role = f.RoleFactory(name="Someone else's role")
    response = staff_client.post(url("add"), form_data(team.cohort, role=other_role.pk))

    assert response.status_code == 200
    assert not Announcement.objects.exists()
    assert "Pick one of the roles of this cohort's program." in response.context["form"].errors["role"]


def test_listing_filters_by_cohort_and_shows_audience_and_sent_state(staff_client, team, announcement):
    role = f.RoleFactory(program=team.cohort.program, name="Head of purchasing")
    f.AnnouncementFactory(cohort=team.cohort, role=role, title="For heads", sent=True)
    elsewhere = f.AnnouncementFactory(title="Another cohort's news")

    response = staff_client.get(url("index"), {"cohort": team.cohort.pk})

    assert response.status_code == 200
    assert elsewhere not in response.context["object_list"]
    page = response.text
    assert "Office hours on Friday" in page and "For heads" in page
    assert "Every member" in page
    assert "Members with the role “Head of purchasing”" in page
    assert "Not sent yet" in page
    assert url("send", announcement) in page


def test_the_confirmation_page_shows_both_languages_and_how_many_people(staff_client, members, announcement):
    response = staff_client.get(url("send", announcement))

    assert response.status_code == 200
    assert response.context["recipient_count"] == 2
    page = response.text
    assert "Office hours on Friday" in page and "Horario de consulta el viernes" in page
    assert "Come with questions." in page and "Vengan con preguntas." in page
    assert "Send to 2 people" in page
    assert not Notification.objects.exists()


def test_staff_send_it_and_are_told_to_how_many_people_it_went(
    staff_client, staff_user, members, announcement, mailoutbox
):
    response = staff_client.post(url("send", announcement))

    assert response.status_code == 302
    assert response["Location"] == url("index")
    assert any("sent to 2 people" in message for message in messages_of(response))
    announcement.refresh_from_db()
    assert announcement.sent_at is not None
    assert len(mailoutbox) == 2
    assert Notification.objects.count() == 2
    entry = ModelLogEntry.objects.get(action="ruta.announcement.sent")
    assert entry.user == staff_user
    history = staff_client.get(url("history", announcement)).text
    assert "Announcement sent to 2 people" in history


def test_a_sent_announcement_cannot_be_sent_again(staff_client, members, announcement, mailoutbox):
    staff_client.post(url("send", announcement))
    mailoutbox.clear()

    response = staff_client.post(url("send", announcement))

    assert response.status_code == 302
    assert response["Location"] == url("inspect", announcement)
    assert any("already been sent" in message for message in messages_of(response))
    assert mailoutbox == []
    assert staff_client.get(url("send", announcement)).status_code == 302


def test_a_sent_announcement_is_read_only(staff_client, team):
    sent = f.AnnouncementFactory(cohort=team.cohort, title="Sent already", sent=True)

    for view in ("edit", "delete"):
        response = staff_client.get(url(view, sent))
        assert response.status_code == 302, view
        assert response["Location"] == url("inspect", sent)
        assert any("already been sent" in message for message in messages_of(response))

    response = staff_client.post(url("edit", sent), form_data(team.cohort, title_en="Changed"))
    assert response.status_code == 302
    response = staff_client.post(url("delete", sent))
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.title_en == "Sent already"

    inspect = staff_client.get(url("inspect", sent))
    assert inspect.status_code == 200
    assert url("edit", sent) not in inspect.text
    assert url("delete", sent) not in inspect.text
    assert url("send", sent) not in inspect.text
    listing = staff_client.get(url("index")).text
    assert url("edit", sent) not in listing and url("delete", sent) not in listing


def test_an_unsent_announcement_can_be_edited_and_deleted(staff_client, announcement):
    response = staff_client.post(
        url("edit", announcement), form_data(announcement.cohort, title_en="Office hours moved")
    )
    assert response.status_code == 302, response.context["form"].errors
    announcement.refresh_from_db()
    assert announcement.title_en == "Office hours moved"

    assert staff_client.get(url("delete", announcement)).status_code == 200
    assert staff_client.post(url("delete", announcement)).status_code == 302
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("view", ["index", "add", "inspect", "edit", "send"])
def test_a_coach_is_turned_away(client, announcement, view):
    coach = make_coach()
    coached_team(coach, cohort=announcement.cohort)
    client.force_login(coach)

    response = client.get(url(view, None if view in {"index", "add"} else announcement))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.post(url("send", announcement)).status_code == 302
    announcement.refresh_from_db()
    assert announcement.sent_at is None


@pytest.mark.parametrize("view", ["index", "add", "inspect", "send"])
def test_a_participant_is_sent_to_the_admin_sign_in(client, members, announcement, view):
    client.force_login(members[0].user)

    response = client.get(url(view, None if view in {"index", "add"} else announcement))

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(ADMIN_LOGIN_URL))
    assert client.post(url("send", announcement)).status_code == 302
    announcement.refresh_from_db()
    assert announcement.sent_at is None


def test_the_menu_shows_announcements_to_staff_only(client, staff_client, announcement):
    assert url("index") in staff_client.get(reverse("wagtailadmin_home")).text
    coach = make_coach()
    coached_team(coach)
    client.force_login(coach)
    assert url("index") not in client.get(reverse("wagtailadmin_home")).text
