"""Getting in: the time zone picker, the account emails and an invited member's first visit.

- A time zone picker offers the zones of real places (the tz database's country table), grouped by
  region with their offset today, preselects the browser's zone where nobody has chosen yet, and
  keeps a saved legacy zone valid.
- allauth's emails carry the site's name (never the request's host:port), an HTML part and, in
  Spanish, one register: usted.
- An invited member is welcomed by name with their team and program, sets a password, a language
  and a time zone in one form and lands on the team's home; the link works once.
"""

import datetime
import re
from html import unescape

import pytest
import time_machine
from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from accounts.forms import AccountSetupForm, ProfileForm, SignupProfileForm
from accounts.languages import time_zone_names, validate_time_zone
from accounts.models import User
from accounts.services import SETUP_LINK_USED, account_set_up
from accounts.time_zones import REGIONS, offered_time_zones, time_zone_aliases, time_zone_groups
from cms.demo import factories as f
from cohorts.policies import is_member
from cohorts.registration.models import TeamInvitation
from cohorts.registration.services import registration_accept, team_invitation_accept

pytestmark = pytest.mark.django_db

WINTER = datetime.datetime(2027, 1, 15, 15, 0, tzinfo=datetime.UTC)
SUMMER = datetime.datetime(2027, 7, 15, 15, 0, tzinfo=datetime.UTC)
NEW_PASSWORD = "a-long-new-password-2027"


def options(html):
    """{value: label} of every <option> in `html`."""
    return {
        value: unescape(label)
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', html)
    }


def optgroups(html):
    return [unescape(label) for label in re.findall(r'<optgroup label="([^"]*)"', html)]


def select(html, name="time_zone"):
    return re.search(rf'<select name="{name}"[^>]*>.*?</select>', html, re.S).group(0)


# -- 1. The time zone picker ---------------------------------------------------------------------------------


def test_offered_zones_are_real_places_without_the_databases_junk():
    offered = offered_time_zones()
    assert {
        "America/New_York",
        "America/Bogota",
        "America/Argentina/Buenos_Aires",
        "Europe/Madrid",
    } <= offered
    assert {"Asia/Kolkata", "Europe/Kyiv", "Pacific/Honolulu", "UTC"} <= offered
    junk = {"Factory", "localtime", "US/Eastern", "Etc/GMT+5", "Etc/UTC", "EST5EDT", "Canada/Pacific"}
    legacy = {"America/Buenos_Aires", "Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Cuba", "Japan"}
    assert not (junk | legacy) & offered
    assert [name for name in offered if re.fullmatch(r"[A-Z]{3}", name)] == ["UTC"]  # no EST, MST, HST…
    assert all(name == "UTC" or name.split("/")[0] in REGIONS for name in offered)
    assert offered <= time_zone_names()
    assert 380 < len(offered) < 460  # not ~600


def test_zones_are_grouped_by_region_with_their_offset_today():
    with translation.override("en"), time_machine.travel(WINTER):
        groups = time_zone_groups()
    regions = [str(region) for region, _zones in groups]
    assert regions[:6] == ["Americas", "Europe", "Africa", "Asia", "Australia", "Pacific"]
    assert regions[-1] == "Universal time"
    labels = {name: label for _region, zones in groups for name, label in zones}
    assert labels["America/New_York"] == "(UTC−05:00) New York"
    assert labels["America/Bogota"] == "(UTC−05:00) Bogotá"
    assert labels["Asia/Kolkata"] == "(UTC+05:30) Kolkata"
    assert labels["Europe/London"] == "(UTC+00:00) London"
    assert labels["UTC"] == "(UTC+00:00) Coordinated Universal Time (UTC)"
    americas = [name for name, _label in groups[0][1]]
    assert (
        americas.index("America/Los_Angeles")
        < americas.index("America/Chicago")
        < americas.index("America/New_York")
    )  # west to east
    assert set(labels) == offered_time_zones()

    with translation.override("en"), time_machine.travel(SUMMER):
        summer = {name: label for _region, zones in time_zone_groups() for name, label in zones}
    assert summer["America/New_York"] == "(UTC−04:00) New York"  # the offset of the day


def test_region_and_place_names_are_translated():
    with translation.override("es"), time_machine.travel(WINTER):
        groups = time_zone_groups()
    regions = [str(region) for region, _zones in groups]
    assert regions[:3] == ["América", "Europa", "África"]
    assert "Hora universal" in regions
    labels = {name: label for _region, zones in groups for name, label in zones}
    assert labels["America/New_York"] == "(UTC−05:00) Nueva York"
    assert labels["America/Mexico_City"] == "(UTC−06:00) Ciudad de México"
    assert labels["UTC"] == "(UTC+00:00) Tiempo universal coordinado (UTC)"


def test_a_browser_reporting_a_legacy_name_lands_on_the_zone_it_stands_for():
    aliases = time_zone_aliases()
    assert aliases["Asia/Calcutta"] == "Asia/Kolkata"  # what Chromium reports for India
    assert aliases["US/Eastern"] == "America/New_York"
    assert aliases["America/Buenos_Aires"] == "America/Argentina/Buenos_Aires"
    assert aliases["Europe/Kiev"] == "Europe/Kyiv"
    assert aliases["Etc/UTC"] == aliases["Etc/GMT"] == "UTC"
    assert set(aliases.values()) <= offered_time_zones()
    assert not set(aliases) & offered_time_zones()


def test_sign_up_offers_grouped_zones_and_preselects_the_browsers(client, home_page):
    with time_machine.travel(WINTER):
        page = client.get("/en/accounts/signup/").text
    picker = select(page)
    assert optgroups(picker)[:3] == ["Americas", "Europe", "Africa"]
    offered = options(picker)
    assert offered["America/New_York"] == "(UTC−05:00) New York"
    assert "Factory" not in offered and "localtime" not in offered and "US/Eastern" not in offered
    assert set(offered) == offered_time_zones()
    assert "data-browser-time-zone" in picker
    assert '"Asia/Calcutta": "Asia/Kolkata"' in unescape(picker)
    assert re.search(r'<script src="/static/accounts/js/time_zone\.js" defer', page)


def test_sign_up_refuses_a_zone_it_does_not_offer_and_keeps_the_choice_once_submitted(client, home_page):
    data = {
        "email": "luis@ciudad.gob.mx",
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
        "full_name": "Luis Pérez",
        "preferred_language": "es",
    }
    for junk in ("Factory", "US/Eastern", "localtime"):
        response = client.post("/en/accounts/signup/", {**data, "time_zone": junk})
        assert response.status_code == 200
        assert "Choose a time zone from the list." in response.text
    assert not User.objects.filter(email="luis@ciudad.gob.mx").exists()
    # Once submitted, what the person chose stays: no script changes it behind their back.
    response = client.post("/en/accounts/signup/", {**data, "time_zone": "America/Bogota", "password2": "x"})
    picker = select(response.text)
    assert "data-browser-time-zone" not in picker
    assert re.search(r'<option value="America/Bogota" selected>', picker)


def test_a_saved_legacy_zone_stays_valid_and_selected():
    user = f.UserFactory(time_zone="US/Eastern")  # saved before the picker offered places only
    validate_time_zone("US/Eastern")
    user.full_clean()

    with translation.override("en"), time_machine.travel(WINTER):
        html = str(ProfileForm(instance=user, prefix="profile")["time_zone"])
    assert optgroups(html)[0] == "Your saved time zone"
    assert re.search(r'<option value="US/Eastern" selected>\(UTC−05:00\) US/Eastern</option>', html)
    assert "data-browser-time-zone" not in html  # this person has chosen

    kept = ProfileForm(
        {"profile-preferred_language": "en", "profile-time_zone": "US/Eastern"},
        instance=user,
        prefix="profile",
    )
    assert kept.is_valid(), kept.errors
    other_legacy = ProfileForm(
        {"profile-preferred_language": "en", "profile-time_zone": "US/Pacific"},
        instance=user,
        prefix="profile",
    )
    assert not other_legacy.is_valid()
    moved = ProfileForm(
        {"profile-preferred_language": "en", "profile-time_zone": "America/Chicago"},
        instance=user,
        prefix="profile",
    )
    assert moved.is_valid()
    moved.save()
    user.refresh_from_db()
    assert user.time_zone == "America/Chicago"


def test_sign_up_form_alone_preselects_from_the_browser():
    assert SignupProfileForm().fields["time_zone"].widget.browser_default
    assert not ProfileForm(instance=f.UserFactory()).fields["time_zone"].widget.browser_default
    assert "accounts/js/time_zone.js" in str(SignupProfileForm().media)
    assert "accounts/js/time_zone.js" not in str(ProfileForm(instance=f.UserFactory()).media)


def test_the_admin_offers_the_same_picker_for_cohorts_and_users(staff_client):
    cohort = f.CohortFactory(time_zone="America/Bogota")
    user = f.UserFactory(time_zone="US/Central")
    cohort_page = staff_client.get(reverse("cohort:edit", args=[cohort.pk])).text
    user_page = staff_client.get(reverse("wagtailusers_users:edit", args=[user.pk])).text
    cohort_picker = select(cohort_page)
    assert optgroups(cohort_picker)[0] == "Americas"
    assert re.search(r'<option value="America/Bogota" selected>\(UTC−05:00\) Bogotá</option>', cohort_picker)
    assert "Factory" not in options(cohort_picker)
    user_picker = select(user_page)
    assert re.search(r'<option value="US/Central" selected>', user_picker)
    assert "US/Eastern" not in options(user_picker)


# -- 2. Account emails -----------------------------------------------------------------------------------

TU_FORMS = re.compile(
    r"\b(tu|tú|tus|te|ti|contigo|tuyo|tuya|puedes|quieres|tienes|olvidaste|recibiste|solicitaste|"
    r"hiciste|creaste|haz|ignora este|confirma que|elige)\b",
    re.IGNORECASE,
)


def without_links(text):
    return re.sub(r"https?://\S+", "", text)


def html_part(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def html_text(html):
    return unescape(re.sub(r"<[^>]+>", " ", html))


def sign_up(client, language="en", **extra):
    data = {
        "email": "luis@ciudad.gob.mx",
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
        "full_name": "Luis Pérez",
        "preferred_language": language,
        "time_zone": "America/Mexico_City",
    }
    return client.post(f"/{language}/accounts/signup/", data, HTTP_HOST="127.0.0.1:8765", **extra)


def test_confirmation_email_names_the_site_not_the_host_and_has_an_html_part(client, home_page):
    sign_up(client)
    [message] = mail.outbox
    assert message.subject == "[Ruta] Confirm your email address"
    assert "127.0.0.1" not in message.subject
    assert message.body.startswith("Hello Luis,")
    assert "The Ruta team" in message.body
    assert "127.0.0.1:8765" not in without_links(message.body)
    link = re.search(r"http://127\.0\.0\.1:8765/en/accounts/confirm-email/\S+/", message.body).group(0)
    html = html_part(message)
    assert f'href="{link}"' in html
    assert "Confirm my email address" in html and "Hello Luis," in html
    assert "127.0.0.1:8765" not in without_links(html_text(html))


def test_password_reset_email_in_spanish_is_branded_and_uses_usted(client, home_page):
    f.UserFactory(email="ana@ciudad.gob.mx", full_name="Ana Ruiz", preferred_language="es")
    client.post("/es/accounts/password/reset/", {"email": "ana@ciudad.gob.mx"}, HTTP_HOST="127.0.0.1:8765")
    [message] = mail.outbox
    assert message.subject == "[Ruta] Elija una nueva contraseña para su cuenta"
    assert message.body.startswith("Hola, Ana:")
    assert "su cuenta de Ruta" in message.body
    assert "El equipo de Ruta" in message.body
    assert "127.0.0.1:8765" not in without_links(message.body)
    html = html_part(message)
    assert "Elegir una nueva contraseña" in html
    for text in (message.subject, message.body, html_text(html)):
        assert not TU_FORMS.search(text), TU_FORMS.search(text)


#: Every email allauth sends, with the context it sends it with.
ACCOUNT_EMAILS = {
    "account/email/email_confirmation_signup": {
        "activate_url": "https://ruta.example.org/c/KEY/",
        "key": "KEY",
    },
    "account/email/email_confirmation": {"activate_url": "https://ruta.example.org/c/KEY/", "key": "KEY"},
    "account/email/password_reset_key": {"password_reset_url": "https://ruta.example.org/r/KEY/"},
    "account/email/password_reset_code": {"code": "ABC123"},
    "account/email/login_code": {"code": "ABC123"},
    "account/email/unknown_account": {"signup_url": "https://ruta.example.org/signup/"},
    "account/email/account_already_exists": {"password_reset_url": "https://ruta.example.org/reset/"},
    "account/email/email_changed": {"from_email": "a@example.org", "to_email": "b@example.org"},
    "account/email/email_confirm": {},
    "account/email/email_deleted": {"deleted_email": "a@example.org"},
    "account/email/password_changed": {},
    "account/email/password_reset": {},
    "account/email/password_set": {},
}
NOTIFICATION = {"ip": "203.0.113.9", "user_agent": "Firefox", "timestamp": WINTER}


@pytest.mark.parametrize("template", sorted(ACCOUNT_EMAILS))
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_account_email_is_branded_with_html_and_one_register(template, language):
    user = f.UserFactory(email="ana@ciudad.gob.mx", full_name="Ana Ruiz", preferred_language=language)
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8765")
    request.user = user
    context = {"user": user, **ACCOUNT_EMAILS[template], **NOTIFICATION}
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(template, user.email, context)
    [message] = mail.outbox
    html = html_part(message)
    for text in (message.subject, without_links(message.body), without_links(html_text(html))):
        assert "127.0.0.1" not in text
        assert "Ruta" in text
        assert "{{" not in text and "{%" not in text
    assert message.subject.startswith("[Ruta] ")  # the prefix every email of the site has
    assert message.body.startswith("Hello Ana," if language == "en" else "Hola, Ana:")
    if language == "es":
        for text in (message.subject, message.body, html_text(html)):
            assert not TU_FORMS.search(text), (template, TU_FORMS.search(text))
        assert re.search(
            r"\b(su|usted|Elija|ignore|Abra|Confirme|Escríbalo|pida)\b", message.body + message.subject
        )


# -- 3. An invited member's first visit ----------------------------------------------------------------------


@pytest.fixture
def accepted(home_page):
    """A team accepted into a Spanish-taught program's cohort, with one member new to Ruta."""
    program = f.ProgramFactory(name="Procurement Excellence Track")
    cohort = f.CohortFactory(program=program, name="Fall 2027", language="en", time_zone="America/Chicago")
    registration = f.RegistrationFactory(cohort=cohort, city="Tulsa", team_name="Tulsa buyers")
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@tulsa.gov")
    mail.outbox.clear()
    team = registration_accept(registration=registration, reviewer=f.StaffUserFactory())
    return team


def welcome_link(address="ana@tulsa.gov"):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message, re.search(r"http://127\.0\.0\.1:8000(/\S+/)", message.body).group(1)


def setup_data(**overrides):
    return {
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
        "preferred_language": "es",
        "time_zone": "America/Bogota",
        **overrides,
    }


def test_the_invitation_email_names_the_team_and_program_and_links_to_the_welcome(accepted):
    message, link = welcome_link()
    assert "Tulsa buyers is accepted into Procurement Excellence Track (Fall 2027)" in message.body
    assert link.startswith("/en/welcome/")
    assert "/accounts/password/reset/" not in message.body
    ana = User.objects.get(email="ana@tulsa.gov")
    assert not ana.has_usable_password()
    assert ana.time_zone == "America/Chicago"  # the cohort's, until Ana chooses


def test_an_invited_member_is_welcomed_by_name_with_team_and_program(client, accepted):
    _message, link = welcome_link()
    first = client.get(link)
    # The token leaves the address for the session, as allauth's reset links do.
    assert first.status_code == 302 and first.url.endswith("/set-password/")
    page = client.get(first.url)
    assert page.status_code == 200
    text = page.text
    assert "<h1>Welcome, Ana Ruiz</h1>" in text
    assert "You are a member of Tulsa buyers in Procurement Excellence Track (Fall 2027)." in text
    assert "ana@tulsa.gov" in text
    assert "Change Password" not in text
    for field in ("new_password1", "new_password2", "preferred_language", "time_zone"):
        assert f'name="{field}"' in text
    picker = select(text)
    assert "data-browser-time-zone" in picker
    # The cohort's zone until the browser's is known (Chicago is −06:00 or −05:00 by the season).
    assert re.search(r'<option value="America/Chicago" selected>\(UTC−0[56]:00\) Chicago</option>', picker)
    assert "accounts/js/time_zone.js" in text
    assert is_member(User.objects.get(email="ana@tulsa.gov"), accepted)  # since the team was accepted


def test_the_welcome_saves_password_language_and_time_zone_and_opens_the_team_home(client, accepted):
    _message, link = welcome_link()
    url = client.get(link).url
    response = client.post(url, setup_data())

    ana = User.objects.get(email="ana@tulsa.gov")
    assert ana.check_password(NEW_PASSWORD)
    assert (ana.preferred_language, ana.time_zone) == ("es", "America/Bogota")
    with translation.override("es"):
        team_home = reverse("cohorts:team_home", kwargs={"team_pk": accepted.pk})
    assert response.status_code == 302 and response.url == team_home
    assert int(client.session["_auth_user_id"]) == ana.pk
    home = client.get(team_home)
    assert home.status_code == 200
    assert "Le damos la bienvenida a Tulsa buyers." in home.text


def test_the_welcome_keeps_what_was_typed_when_the_password_is_refused(client, accepted):
    _message, link = welcome_link()
    url = client.get(link).url
    response = client.post(url, setup_data(new_password2="something-else-2027", time_zone="Europe/Madrid"))
    assert response.status_code == 200
    assert re.search(r'<option value="Europe/Madrid" selected>', select(response.text))
    assert "data-browser-time-zone" not in select(response.text)
    assert not User.objects.get(email="ana@tulsa.gov").has_usable_password()


def test_the_welcome_link_works_once_and_then_answers_as_a_used_reset_link(client, accepted):
    _message, link = welcome_link()
    client.post(client.get(link).url, setup_data())
    client.logout()

    again = client.get(link)
    assert again.status_code == 200
    assert "new_password1" not in again.text
    assert "The password reset link was invalid" in again.text  # allauth's answer, as before


def test_an_expired_welcome_link_answers_as_an_expired_reset_link(client, accepted, settings):
    _message, link = welcome_link()
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    with time_machine.travel(later):
        response = client.get(link)
    assert response.status_code == 200
    assert "new_password1" not in response.text
    assert not User.objects.get(email="ana@tulsa.gov").has_usable_password()


def test_a_tampered_welcome_link_opens_nothing(client, accepted):
    _message, link = welcome_link()
    other_team = f.TeamFactory()
    tampered_team = re.sub(r"/welcome/\d+/", f"/welcome/{other_team.pk}/", link)
    assert client.get(tampered_team).status_code == 404
    tampered_key = re.sub(r"/[^/]+/$", "/1-abc/", link)
    response = client.get(tampered_key)
    assert response.status_code == 200 and "new_password1" not in response.text
    # Going straight to the form without the token in the session opens nothing either.
    form_url = re.sub(r"/[^/]+/$", "/set-password/", link)
    assert "new_password1" not in client.get(form_url).text


def test_someone_signed_in_as_another_account_is_signed_out_by_the_welcome(client, accepted):
    mallory = f.UserFactory(email="mallory@example.com")
    client.force_login(mallory)
    _message, link = welcome_link()
    url = client.get(link).url
    response = client.post(url, setup_data())
    ana = User.objects.get(email="ana@tulsa.gov")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == ana.pk


def test_setting_up_twice_with_one_link_is_refused():
    user = f.UserFactory(password=None)
    user.set_unusable_password()
    user.save()
    key = default_token_generator.make_token(user)
    account_set_up(user=user, key=key, password=NEW_PASSWORD, preferred_language="es", time_zone="UTC")
    with pytest.raises(ValidationError) as refused:
        account_set_up(
            user=user, key=key, password="another-password-2027", preferred_language="en", time_zone="UTC"
        )
    assert refused.value.messages == [str(SETUP_LINK_USED)]
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_the_setup_form_asks_for_password_language_and_time_zone():
    user = User(email="ana@tulsa.gov", preferred_language="es")
    form = AccountSetupForm(user, time_zone="America/Bogota")
    assert list(form.fields) == ["new_password1", "new_password2", "preferred_language", "time_zone"]
    assert form.fields["time_zone"].initial == "America/Bogota"
    assert form.fields["preferred_language"].initial == "es"
    assert not AccountSetupForm(user, setup_data(time_zone="Factory")).is_valid()


# The team invitation (an address whose account never proved it owns it) welcomes the same way.


@pytest.fixture
def invited(home_page):
    squatter = f.UserFactory(email="ana@tulsa.gov", full_name="Not Ana", verified=False)
    squatter.save()
    EmailAddress.objects.create(user=squatter, email="ana@tulsa.gov", primary=True, verified=False)
    program = f.ProgramFactory(name="Procurement Excellence Track")
    cohort = f.CohortFactory(program=program, name="Fall 2027", language="en", time_zone="America/Chicago")
    registration = f.RegistrationFactory(cohort=cohort, city="Tulsa", team_name="Tulsa buyers")
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@tulsa.gov")
    mail.outbox.clear()
    return registration_accept(registration=registration, reviewer=f.StaffUserFactory())


def test_a_team_invitation_welcomes_by_name_and_saves_language_and_time_zone(client, invited):
    message = next(m for m in mail.outbox if m.to == ["ana@tulsa.gov"])
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/)", message.body).group(1)
    page = client.get(link).text
    assert "<h1>Welcome, Ana Ruiz</h1>" in page
    assert "Tulsa buyers is accepted into Procurement Excellence Track (Fall 2027)" in page
    assert "data-browser-time-zone" in select(page)

    response = client.post(link, setup_data())

    ana = User.objects.get(email="ana@tulsa.gov")
    with translation.override("es"):
        assert response.url == reverse("cohorts:team_home", kwargs={"team_pk": invited.pk})
    assert (ana.preferred_language, ana.time_zone, ana.full_name) == ("es", "America/Bogota", "Ana Ruiz")
    assert ana.check_password(NEW_PASSWORD)
    assert is_member(ana, invited)
    assert client.get(link).status_code == 404  # used: as today


def test_team_invitation_accept_refuses_an_unknown_time_zone(invited):
    invitation = TeamInvitation.objects.get(team=invited)
    with pytest.raises(ValidationError) as refused:
        team_invitation_accept(invitation=invitation, password=NEW_PASSWORD, time_zone="Mars/Olympus")
    assert "time_zone" in refused.value.message_dict
    assert not TeamInvitation.objects.get(pk=invitation.pk).accepted_at


def test_a_spanish_cohorts_member_is_invited_and_welcomed_in_spanish_with_usted(client, home_page):
    program = f.ProgramFactory(name="Procurement Excellence Track", name_es="Programa de excelencia")
    cohort = f.CohortFactory(program=program, name="Otoño 2027", language="es", time_zone="America/Bogota")
    registration = f.RegistrationFactory(cohort=cohort, city="Cali", team_name="Compras Cali")
    f.RegistrationMemberFactory(registration=registration, full_name="Ana Ruiz", email="ana@cali.gov.co")
    mail.outbox.clear()
    registration_accept(registration=registration, reviewer=f.StaffUserFactory())

    message, link = welcome_link("ana@cali.gov.co")
    assert link.startswith("/es/bienvenida/")
    assert "Compras Cali fue aceptado en Programa de excelencia (Otoño 2027)" in message.body
    assert "usted figura como miembro" in message.body
    assert not TU_FORMS.search(message.body)
    page = client.get(client.get(link).url).text
    main = re.sub(r"<select.*?</select>", "", re.search(r"<main.*?</main>", page, re.S).group(0), flags=re.S)
    assert "<h1>Le damos la bienvenida, Ana Ruiz</h1>" in main
    assert "Usted es miembro de Compras Cali en Programa de excelencia (Otoño 2027)." in main
    assert "Guardar e ir a mi equipo" in main
    assert not TU_FORMS.search(html_text(main))
