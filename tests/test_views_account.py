"""A person's own data: download it as JSON, and delete their account from the front end."""

import json
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from cms.demo import factories as f
from cms.demo.factories import (
    DEFAULT_PASSWORD,
    ActionItemFactory,
    AttendanceFactory,
    FeedbackFactory,
    MembershipFactory,
    NotificationFactory,
    RegistrationFactory,
    RegistrationMemberFactory,
    UserFactory,
)
from coaching.models import ActionItemComment
from cohorts.models import Membership
from cohorts.schedule.services import calendar_feed_reset
from notifications.models import NotificationKind, NotificationPreference


def give_history(person, teams=1):
    """Applications, memberships, attendance, action items, comments, feedback and notifications."""
    for _ in range(teams):
        registration = RegistrationFactory(applicant=person)
        RegistrationMemberFactory(registration=registration, email=person.email, full_name=person.full_name)
        membership = MembershipFactory(user=person)
        AttendanceFactory(membership=membership)
        f.ScheduleVoteFactory(membership=membership, slot__poll__cohort=membership.team.cohort)
        item = ActionItemFactory(team=membership.team, owner=membership)
        ActionItemComment.objects.create(item=item, author=person, body=f"Comment on {item.description}")
        FeedbackFactory(author=person, body=f"Feedback {membership.pk}")
        NotificationFactory(user=person)


@pytest.fixture
def ana(db):
    person = UserFactory(email="ana@city.example.gov", full_name="Ana Gómez", preferred_language="es")
    give_history(person)
    NotificationPreference.objects.create(user=person, kind=NotificationKind.FEEDBACK, email="digest")
    calendar_feed_reset(user=person)
    return person


def download(client):
    return client.get(reverse("profile:data_download"))


@pytest.mark.django_db
class TestDataDownload:
    def test_settings_page_links_to_the_data_page(self, client, ana):
        client.force_login(ana)
        page = client.get(reverse("notifications:preferences")).content.decode()
        assert reverse("profile:data") in page

    def test_data_page_offers_download_and_deletion(self, client, ana):
        client.force_login(ana)
        response = client.get(reverse("profile:data"))
        assert response.status_code == 200
        page = response.content.decode()
        assert reverse("profile:data_download") in page
        assert reverse("profile:delete") in page

    def test_download_is_a_dated_json_attachment_of_everything_about_the_person(self, client, ana):
        client.force_login(ana)

        response = download(client)

        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        today = timezone.localdate(timezone=zoneinfo.ZoneInfo(ana.time_zone)).isoformat()
        assert response["Content-Disposition"] == f'attachment; filename="ruta-my-data-{today}.json"'
        data = json.loads(response.content)
        assert data["profile"]["email"] == "ana@city.example.gov"
        assert data["profile"]["full_name"] == "Ana Gómez"
        assert data["profile"]["preferred_language"] == "es"
        assert data["profile"]["time_zone"] == ana.time_zone
        assert data["email_addresses"] == [
            {"email": "ana@city.example.gov", "primary": True, "verified": True}
        ]
        assert len(data["applications"]) == 1
        assert data["applications"][0]["members"][0]["full_name"] == "Ana Gómez"
        membership = Membership.objects.get(user=ana)
        assert data["memberships"][0]["team"] == membership.team.name
        assert len(data["notifications"]) == 1
        assert data["notification_preferences"]["feedback"] == "digest"
        assert data["action_items"][0]["description"] == membership.action_items.get().description
        assert data["action_item_comments"][0]["body"].startswith("Comment on")
        assert data["feedback"][0]["body"] == f"Feedback {membership.pk}"
        assert data["attendance"][0]["status"] == "present"
        assert data["schedule_poll_answers"][0]["answer"] == "yes"
        assert data["calendar"] == {"subscribed": True}
        assert ana.calendar_feeds.get().token not in response.content.decode()

    def test_download_holds_only_the_persons_own_data(self, client, ana):
        other = UserFactory(email="bo@other.example.gov", full_name="Bo Other")
        give_history(other)
        client.force_login(ana)

        body = download(client).content.decode()

        assert "bo@other.example.gov" not in body and "Bo Other" not in body

    def test_download_queries_do_not_grow_with_the_data(self, client, ana, django_assert_max_num_queries):
        client.force_login(ana)
        with CaptureQueriesContext(connection) as little:
            download(client)
        give_history(ana, teams=4)
        with django_assert_max_num_queries(len(little)):
            data = json.loads(download(client).content)
        assert len(data["memberships"]) == 5

    def test_download_needs_sign_in(self, client, db):
        response = download(client)
        assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
class TestDeleteAccount:
    def test_confirmation_page_asks_for_the_password_in_the_users_language(self, client, ana):
        client.force_login(ana)
        with translation.override("es"):
            response = client.get(reverse("profile:delete"))
        assert response.status_code == 200
        page = response.content.decode()
        assert 'name="password"' in page
        assert "Eliminar mi cuenta" in page

    def test_wrong_password_deletes_nothing(self, client, ana):
        client.force_login(ana)

        response = client.post(reverse("profile:delete"), {"password": "not-my-password"})

        assert response.status_code == 200
        assert response.context["form"].errors["password"] == ["The password is not correct."]
        ana.refresh_from_db()
        assert not ana.is_deleted and ana.email == "ana@city.example.gov"

    def test_right_password_deletes_the_account_and_signs_out(self, client, ana, home_page):
        client.force_login(ana)

        response = client.post(reverse("profile:delete"), {"password": DEFAULT_PASSWORD}, follow=True)

        ana.refresh_from_db()
        assert ana.is_deleted and not ana.is_active
        assert not response.wsgi_request.user.is_authenticated
        assert "Your account is deleted." in response.content.decode()
        assert Membership.objects.filter(user=ana).count() == 1
        assert not User.objects.filter(email="ana@city.example.gov").exists()

    def test_account_without_a_password_confirms_by_typing_the_email(self, client, db):
        invited = UserFactory(email="invited@city.example.gov")
        invited.set_unusable_password()
        invited.save()
        client.force_login(invited)

        refused = client.post(reverse("profile:delete"), {"confirmation": "someone@else.example"})
        assert refused.status_code == 200 and not User.objects.get(pk=invited.pk).is_deleted

        client.post(reverse("profile:delete"), {"confirmation": "Invited@City.example.gov"})
        assert User.objects.get(pk=invited.pk).is_deleted
