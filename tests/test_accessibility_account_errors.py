"""The account pages (allauth) announce a refused form like every other form of the site: an error
summary at the top, focusable (cms/js/error-summary.js focuses it), and "Error:" before the page
title (issue 18: "the allauth login error is not announced")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.demo.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def title(response):
    return " ".join(soup(response).title.get_text().split())


def summary(response):
    page = soup(response)
    box = page.select_one("[data-error-summary]")
    assert box is not None, "no error summary"
    assert box["tabindex"] == "-1" and box["role"] == "alert"
    assert page.select_one('script[src$="cms/js/error-summary.js"]') is not None
    return box, [(a["href"], " ".join(a.get_text().split())) for a in box.select("a")], box.get_text()


def test_failed_sign_in_has_an_error_summary_and_error_in_the_title(client, home_page):
    UserFactory(email="ana@city.gov")
    response = client.post(reverse("account_login"), {"login": "ana@city.gov", "password": "wrong"})
    assert response.status_code == 200
    _box, _links, text = summary(response)
    assert "not correct" in text
    assert title(response) == "Error: Sign In · Ruta"


def test_failed_sign_in_in_spanish_says_error_in_spanish(client, home_page):
    UserFactory(email="ana@city.gov")
    response = client.post("/es/accounts/login/", {"login": "ana@city.gov", "password": "wrong"})
    _box, _links, text = summary(response)
    assert "Hay un problema" in text
    assert title(response).startswith("Error: ")


def test_sign_in_page_without_errors_has_no_summary(client, home_page):
    response = client.get(reverse("account_login"))
    assert soup(response).select_one("[data-error-summary]") is None
    assert not title(response).startswith("Error")


def test_sign_up_errors_link_to_their_fields(client, home_page):
    response = client.post(
        reverse("account_signup"), {"email": "not-an-email", "password1": "x", "password2": "y"}
    )
    _box, links, _text = summary(response)
    assert ("#id_email", "Email: Enter a valid email address.") in links
    assert title(response).startswith("Error: ")


def test_password_reset_with_a_bad_email_is_summarised(client, home_page):
    response = client.post(reverse("account_reset_password"), {"email": "nope"})
    _box, links, _text = summary(response)
    assert links and links[0][0] == "#id_email"
    assert title(response).startswith("Error: ")


def test_password_change_with_a_wrong_current_password_is_summarised(client, home_page):
    user = UserFactory(email="ana@city.gov")
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "a-new-long-pass-2026", "password2": "a-new-long-pass-2026"},
    )
    _box, links, _text = summary(response)
    assert links and links[0][0] == "#id_oldpassword"
    assert title(response).startswith("Error: ")
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_adding_a_bad_email_address_is_summarised(client, home_page):
    client.force_login(UserFactory(email="ana@city.gov"))
    response = client.post(reverse("account_email"), {"action_add": "", "email": "nope"})
    _box, links, _text = summary(response)
    assert links and links[0][0] == "#id_email"
    assert title(response).startswith("Error: ")
