import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from cms.demo.factories import NotificationFactory, UserFactory
from notifications.models import EmailFrequency, NotificationKind
from notifications.services import email_frequencies, unsubscribe_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_bell_shows_the_unread_count_on_every_page(client, member, home_page):
    NotificationFactory.create_batch(3, user=member)
    NotificationFactory(user=member, read_at="2027-01-01T00:00Z")
    NotificationFactory()  # someone else's
    response = client.get(reverse("notifications:list"))
    bell = response.content.decode().split('data-testid="notification-bell"')[1].split("</a>")[0]
    assert 'class="bell__count">3<' in bell


def test_the_list_shows_only_the_users_own_notifications_in_the_active_language(client, member):
    mine = NotificationFactory(user=member, title_en="Feedback on your map", title_es="Comentarios")
    theirs = NotificationFactory(title_en="Someone else's news")
    english = client.get(reverse("notifications:list")).content.decode()
    assert mine.title_en in english and theirs.title_en not in english
    with translation.override("es"):
        spanish = client.get(reverse("notifications:list")).content.decode()
    assert mine.title_es in spanish


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_runs_a_bounded_number_of_queries(client, member, count, django_assert_max_num_queries):
    NotificationFactory.create_batch(count, user=member)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("notifications:list"))
    assert response.status_code == 200


def test_the_list_is_paginated(client, member):
    NotificationFactory.create_batch(30, user=member)
    first = client.get(reverse("notifications:list"))
    assert len(first.context["notifications"]) == 25
    second = client.get(reverse("notifications:list"), {"page": 2})
    assert len(second.context["notifications"]) == 5


def test_opening_a_notification_marks_it_read_and_follows_its_link_in_the_active_language(client, member):
    notification = NotificationFactory(user=member)
    with translation.override("es"):
        response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.url == notification.link_es
    notification.refresh_from_db()
    assert notification.is_read


def test_another_users_notification_is_404(client, member):
    theirs = NotificationFactory()
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    client.post(reverse("notifications:mark_read"), {"notification": theirs.pk})
    assert client.post(reverse("notifications:mark_read"), {"notification": "1 OR 1"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_one_and_mark_all_read(client, member):
    first = NotificationFactory.create_batch(3, user=member)[0]
    response = client.post(
        reverse("notifications:mark_read"), {"notification": first.pk, "next": "https://evil.example/"}
    )
    assert response.url == reverse("notifications:list")
    assert member.notifications.unread().count() == 2
    client.post(reverse("notifications:mark_read"))
    assert member.notifications.unread().count() == 0


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for name in ["notifications:list", "notifications:preferences"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_preferences_page_offers_only_the_optional_kinds(client, member):
    form = client.get(reverse("notifications:preferences")).context["preferences_form"]
    assert set(form.fields) == set(NotificationKind.values) - set(NotificationKind.required())


def test_preferences_are_saved_with_language_and_time_zone(client, member):
    data = {f"email-{kind}": EmailFrequency.IMMEDIATELY for kind in NotificationKind.values}
    data |= {
        "email-session_reminder": EmailFrequency.OFF,
        "email-feedback": EmailFrequency.DIGEST,
        "profile-preferred_language": "es",
        "profile-time_zone": "America/Bogota",
    }
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    frequencies = email_frequencies(member)
    assert frequencies[NotificationKind.SESSION_REMINDER] == EmailFrequency.OFF
    assert frequencies[NotificationKind.FEEDBACK] == EmailFrequency.DIGEST
    member.refresh_from_db()
    assert (member.preferred_language, member.time_zone) == ("es", "America/Bogota")


def test_bad_preferences_are_explained_and_nothing_typed_is_lost(client, member):
    data = {f"email-{kind}": EmailFrequency.OFF for kind in NotificationKind.values}
    data |= {"email-feedback": "hourly", "profile-preferred_language": "es", "profile-time_zone": "Mars/Base"}
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 200
    assert response.context["preferences_form"].errors["feedback"]
    assert response.context["profile_form"].errors["time_zone"]
    assert response.context["preferences_form"]["session_reminder"].value() == EmailFrequency.OFF
    assert email_frequencies(member)[NotificationKind.SESSION_REMINDER] == EmailFrequency.IMMEDIATELY


def test_unsubscribe_link_asks_first_then_a_button_unsubscribes_without_sign_in_and_can_be_undone(client):
    user = UserFactory(preferred_language="es")
    url = unsubscribe_url(user=user, kind=NotificationKind.SESSION_REMINDER)
    response = client.get(url)  # what a mail scanner following the link does
    assert response.status_code == 200
    page = response.content.decode()
    assert "¿Dejar de recibir" in page and 'method="post"' in page
    assert "Se canceló su suscripción" not in page
    assert email_frequencies(user)[NotificationKind.SESSION_REMINDER] == EmailFrequency.IMMEDIATELY
    response = client.post(url)
    assert response.status_code == 200
    assert "Se canceló su suscripción" in response.content.decode()
    assert email_frequencies(user)[NotificationKind.SESSION_REMINDER] == EmailFrequency.OFF
    client.post(url, {"resubscribe": "1"})
    assert email_frequencies(user)[NotificationKind.SESSION_REMINDER] == EmailFrequency.IMMEDIATELY


def test_an_expired_unsubscribe_link_says_so_and_offers_to_sign_in_to_the_settings(client):
    user = UserFactory()
    url = unsubscribe_url(user=user, kind=NotificationKind.FEEDBACK)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=91)):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 410
            page = response.content.decode()
            assert "This link has expired" in page
            assert reverse("notifications:preferences") in page
    assert email_frequencies(user)[NotificationKind.FEEDBACK] == EmailFrequency.IMMEDIATELY
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=89)):
        client.post(url)
    assert email_frequencies(user)[NotificationKind.FEEDBACK] == EmailFrequency.OFF


def test_a_forged_or_required_kind_unsubscribe_link_is_404(client):
    user = UserFactory()
    url = unsubscribe_url(user=user, kind=NotificationKind.FEEDBACK)
    assert client.get(url[:-3] + "xx/").status_code == 404
    assert client.post(url[:-3] + "xx/").status_code == 404
    assert client.get(unsubscribe_url(user=user, kind=NotificationKind.ACCOUNT)).status_code == 404
