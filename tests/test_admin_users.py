"""Wagtail's users admin works for accounts.User: email login, full name, language and time zone."""

import html
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex

from accounts.models import User
from cms.demo.factories import (
    DEFAULT_PASSWORD,
    ActionItemFactory,
    MembershipFactory,
    RegistrationFactory,
    UserFactory,
)
from coaching.models import ActionItemComment

PASSWORD = "a-long-and-unusual-passphrase"


@pytest.mark.django_db
class TestUsersAdmin:
    def test_listing_and_forms_load_without_first_and_last_name(self, staff_client, user):
        assert staff_client.get(reverse("wagtailusers_users:index")).status_code == 200
        for response in (
            staff_client.get(reverse("wagtailusers_users:add")),
            staff_client.get(reverse("wagtailusers_users:edit", args=[user.pk])),
        ):
            assert response.status_code == 200
            fields = response.context["form"].fields
            assert {"email", "full_name", "preferred_language", "time_zone"} <= set(fields)
            assert not {"first_name", "last_name"} & set(fields)
            assert 'name="full_name"' in response.content.decode()

    def test_search_finds_users_by_full_name(self, staff_client):
        ana = UserFactory(full_name="Ana Gómez")
        response = staff_client.get(reverse("wagtailusers_users:index"), {"q": "gómez"})
        assert list(response.context["object_list"]) == [ana]

    def test_listing_queries_do_not_grow_with_users(self, staff_client, django_assert_max_num_queries):
        url = reverse("wagtailusers_users:index")
        staff_client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as few_users:
            staff_client.get(url)
        UserFactory.create_batch(10)
        with django_assert_max_num_queries(len(few_users)):
            assert staff_client.get(url).status_code == 200

    def test_create_saves_profile_and_password(self, staff_client):
        response = staff_client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": "ana@city.example.gov",
                "full_name": "Ana Gómez",
                "preferred_language": "es",
                "time_zone": "America/Bogota",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )

        assert response.status_code == 302, response.context["form"].errors
        created = User.objects.get(email="ana@city.example.gov")
        assert (created.full_name, created.preferred_language, created.time_zone) == (
            "Ana Gómez",
            "es",
            "America/Bogota",
        )
        assert created.check_password(PASSWORD)
        assert not created.is_superuser

    def test_create_refuses_an_email_taken_in_another_case(self, staff_client, user):
        response = staff_client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": user.email.upper(),
                "full_name": "Someone else",
                "preferred_language": "en",
                "time_zone": "America/New_York",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )

        assert response.status_code == 200
        assert response.context["form"].errors["email"] == ["A user with this email address already exists."]
        assert User.objects.filter(email__iexact=user.email).count() == 1

    def test_edit_updates_profile_and_keeps_password_when_blank(self, staff_client, user):
        response = staff_client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            {
                "email": user.email,
                "full_name": "Renamed Person",
                "preferred_language": "es",
                "time_zone": "Europe/Madrid",
                "password1": "",
                "password2": "",
                "is_active": "on",
            },
        )

        assert response.status_code == 302, response.context["form"].errors
        user.refresh_from_db()
        assert (user.full_name, user.preferred_language, user.time_zone) == (
            "Renamed Person",
            "es",
            "Europe/Madrid",
        )
        assert user.is_active
        assert user.check_password(DEFAULT_PASSWORD)

    def test_edit_refuses_an_unknown_time_zone(self, staff_client, user):
        response = staff_client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            {"email": user.email, "preferred_language": "en", "time_zone": "Mars/Olympus", "is_active": "on"},
        )

        assert response.status_code == 200
        assert "time_zone" in response.context["form"].errors


def _user_with_team_history():
    """A participant whose application, membership and comment reference the account with PROTECT."""
    person = UserFactory(email="ana@city.example.gov", full_name="Ana Gómez")
    registration = RegistrationFactory(applicant=person)
    membership = MembershipFactory(user=person)
    item = ActionItemFactory(team=membership.team, owner=membership)
    ActionItemComment.objects.create(item=item, author=person, body="Done.")
    for obj in (registration, membership.team):  # Wagtail's usage count sees the PROTECT references
        ReferenceIndex.create_or_update_for_object(obj)
    return person


@pytest.mark.django_db
class TestUsersAdminDelete:
    def test_delete_asks_for_confirmation_and_says_the_work_stays(self, staff_client):
        person = _user_with_team_history()

        response = staff_client.get(reverse("wagtailusers_users:delete", args=[person.pk]))

        assert response.status_code == 200
        assert "work is kept" in response.content.decode()
        assert User.objects.get(pk=person.pk).email == "ana@city.example.gov"

    def test_delete_of_a_user_with_history_anonymises_instead_of_failing(self, staff_client, staff_user):
        person = _user_with_team_history()

        response = staff_client.post(reverse("wagtailusers_users:delete", args=[person.pk]))

        assert response.status_code == 302
        person.refresh_from_db()
        assert person.is_deleted and not person.is_active
        assert "ana@city.example.gov" not in person.email
        assert person.memberships.count() == 1
        assert ModelLogEntry.objects.filter(
            object_id=str(person.pk), action="ruta.user.deleted", user=staff_user
        ).exists()
        messages = [html.unescape(str(m)).strip() for m in get_messages(response.wsgi_request)]
        assert messages == ["User 'Ana Gómez <ana@city.example.gov>' deleted: the team's work is kept."]

    def test_bulk_delete_anonymises_users_with_history(self, staff_client):
        first, second = _user_with_team_history(), UserFactory()
        url = (
            reverse("wagtail_bulk_action", args=["accounts", "user", "delete"])
            + "?"
            + urlencode({"id": [first.pk, second.pk]}, doseq=True)
        )

        response = staff_client.post(url)

        assert response.status_code == 302
        assert User.objects.filter(pk__in=[first.pk, second.pk], deleted_at__isnull=False).count() == 2
