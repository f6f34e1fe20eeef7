import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.middleware import UserTimezoneMiddleware
from cms.demo.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_profile_follows_the_users_language_and_time_zone():
    user = UserFactory(preferred_language="es", time_zone="America/Bogota")
    profile = UserProfile.get_for_user(user)
    assert (profile.preferred_language, profile.current_time_zone) == ("es", "America/Bogota")


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [(lambda: UserFactory(time_zone="America/Bogota"), "America/Bogota"), (AnonymousUser, "UTC")],
)
def test_requests_run_in_the_signed_in_users_time_zone(make_user, expected):
    request = RequestFactory().get("/en/")
    request.user = make_user()
    seen = UserTimezoneMiddleware(lambda request: timezone.get_current_timezone_name())(request)
    assert seen == expected


def test_user_reads_well():
    assert str(UserFactory.build(full_name="Ana Ruiz", email="ana@city.gov")) == "Ana Ruiz <ana@city.gov>"
    assert str(UserFactory.build(full_name="", email="ana@city.gov")) == "ana@city.gov"
    assert UserFactory.build(full_name="Ana Ruiz").get_short_name() == "Ana"


def test_time_zone_label_is_the_choice_label_without_walking_the_choices():
    from accounts.languages import time_zone_choices, time_zone_label

    assert dict(time_zone_choices())["America/Argentina/Buenos_Aires"] == time_zone_label(
        "America/Argentina/Buenos_Aires"
    )
    assert time_zone_label("America/Mexico_City") == "America/Mexico City"
