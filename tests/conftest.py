import pytest
from django.utils import translation
from wagtail.models import Page, Site

from tests.factories import HomePageFactory, StaffUserFactory, UserFactory


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: the test client leaves the last request's language active."""
    with translation.override("en"):
        yield


@pytest.fixture
def home_page(db):
    """The site's home page, set as the default site's root like the seed command does."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Ruta"},
    )
    return home


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff_user(db):
    return StaffUserFactory(email="staff@example.com")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
