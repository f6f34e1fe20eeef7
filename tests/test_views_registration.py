"""Applying as a team: the form, drafts, submit, edit until the deadline, withdraw; only your own."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.registration.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registration_is_open():
    with time_machine.travel(datetime.datetime(2027, 1, 4, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def cohort():
    program = f.ProgramFactory(team_size_min=2, team_size_max=4, mou_required=True)
    f.RoleFactory(program=program, name="Buyer", name_es="Comprador", min_count=1, max_count=2)
    f.FocusAreaFactory(program=program, name="Vendor participation")
    return f.CohortFactory(program=program, capacity=1)


@pytest.fixture
def applicant(client):
    user = f.UserFactory(email="ana@tulsa.gov")
    client.force_login(user)
    return user


def application_data(cohort, *, members=2, action="submit", **overrides):
    role = cohort.program.roles.get()
    data = {
        "city": "Tulsa",
        "jurisdiction": "Oklahoma",
        "team_name": "Open Tulsa",
        "challenge_statement": "Few bids per solicitation.",
        "focus_area": cohort.program.focus_areas.get().pk,
        "accepts_time_commitment": "on",
        "accepts_mou": "on",
        "members-TOTAL_FORMS": str(members),
        "members-INITIAL_FORMS": "0",
        action: "1",
    }
    for index in range(members):
        data |= {
            f"members-{index}-full_name": f"Member {index}",
            f"members-{index}-email": f"member{index}@tulsa.gov",
            f"members-{index}-title": "Buyer",
            f"members-{index}-department": "Purchasing",
            f"members-{index}-role": role.pk,
        }
    return data | overrides


def apply_url(cohort, language="en"):
    with translation.override(language):
        return reverse("cohorts:registration_start", args=[cohort.pk])


def test_signed_out_visitors_are_sent_to_sign_in_and_back(client, cohort):
    response = client.get(apply_url(cohort))
    assert response.status_code == 302
    assert response.url == f"/en/accounts/login/?next=/en/cohorts/{cohort.pk}/apply/"


def test_the_form_starts_with_a_row_per_member_the_smallest_team_needs(client, applicant, cohort):
    response = client.get(apply_url(cohort))
    assert response.status_code == 200
    assert 'name="members-TOTAL_FORMS" value="2"' in response.text
    assert "members-__prefix__-email" in response.text  # the template for adding rows in the page


def test_submitting_a_complete_application(client, applicant, cohort):
    response = client.post(apply_url(cohort), application_data(cohort))
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/applications/{registration.pk}/"
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.members.count() == 2
    assert len(mail.outbox) == 1
    page = client.get(response.url).text
    assert "registration does not guarantee participation" in page


def test_saving_a_draft_keeps_partial_work(client, applicant, cohort):
    data = application_data(cohort, members=1, action="save", team_name="", challenge_statement="")
    response = client.post(apply_url(cohort), data)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert registration.status == RegistrationStatus.DRAFT
    assert registration.city == "Tulsa"
    assert client.get(apply_url(cohort)).url == f"/en/applications/{registration.pk}/edit/"


def test_errors_are_specific_translated_and_keep_what_was_typed(client, applicant, cohort):
    data = application_data(cohort, members=1)
    response = client.post(apply_url(cohort, "es"), data)
    assert response.status_code == 200
    assert 'value="Few bids' not in response.text  # textarea, checked below
    assert "Few bids per solicitation." in response.text
    assert 'value="member0@tulsa.gov"' in response.text
    assert "al menos 2 personas" in response.text
    assert not Registration.objects.exists()  # nothing half-valid is stored; the page keeps it all


def test_duplicate_member_emails_are_refused_even_in_a_draft(client, applicant, cohort):
    data = application_data(cohort, action="save", **{"members-1-email": "MEMBER0@tulsa.gov"})
    response = client.post(apply_url(cohort), data)
    assert response.status_code == 200
    assert "is listed more than once" in response.text
    assert not Registration.objects.exists()


def test_full_cohort_warns_before_submitting_and_waitlists(client, applicant, cohort):
    f.RegistrationFactory(cohort=cohort, status=RegistrationStatus.ACCEPTED, city="Austin")
    page = client.get(apply_url(cohort)).text
    assert "This cohort is full." in page
    assert "Submit to the waitlist" in page
    client.post(apply_url(cohort), application_data(cohort))
    assert Registration.objects.get(applicant=applicant).status == RegistrationStatus.WAITLISTED


def test_registration_not_open_yet_or_closed(client, applicant, cohort):
    with time_machine.travel(datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)):
        client.force_login(applicant)
        assert "opens on" in client.get(apply_url(cohort)).text
    with time_machine.travel(datetime.datetime(2027, 1, 30, tzinfo=datetime.UTC)):
        client.force_login(applicant)
        response = client.post(apply_url(cohort), application_data(cohort))
        assert "closed on" in response.text
    assert not Registration.objects.exists()


def test_a_submitted_application_can_be_edited_until_the_deadline(client, applicant, cohort):
    client.post(apply_url(cohort), application_data(cohort))
    registration = Registration.objects.get()
    edit_url = f"/en/applications/{registration.pk}/edit/"
    page = client.get(edit_url).text
    loaded_at = registration.updated_at.isoformat()
    assert f'value="{loaded_at}"' in page
    data = application_data(cohort, action="save", team_name="Open Tulsa Team", loaded_at=loaded_at)
    data |= {"members-INITIAL_FORMS": "2"}
    for index, member in enumerate(registration.members.order_by("sort_order", "pk")):
        data[f"members-{index}-id"] = member.pk
    assert client.post(edit_url, data).status_code == 302
    registration.refresh_from_db()
    assert registration.team_name == "Open Tulsa Team"
    with time_machine.travel(datetime.datetime(2027, 1, 27, tzinfo=datetime.UTC)):
        client.force_login(applicant)
        response = client.get(edit_url)
        assert response.status_code == 302
        assert response.url == f"/en/applications/{registration.pk}/"


def test_a_stale_edit_is_refused_and_keeps_the_typed_changes(client, applicant, cohort):
    client.post(apply_url(cohort), application_data(cohort))
    registration = Registration.objects.get()
    stale = registration.updated_at.isoformat()
    with time_machine.travel(datetime.datetime(2027, 1, 4, 12, 5, tzinfo=datetime.UTC), tick=False):
        registration.team_name = "Changed by staff"
        registration.save()  # as staff would, in the admin, while the applicant had the form open
    data = application_data(cohort, action="save", team_name="My new name", loaded_at=stale)
    response = client.post(f"/en/applications/{registration.pk}/edit/", data)
    assert response.status_code == 200
    assert "Someone else changed this application" in response.text
    assert 'value="My new name"' in response.text
    registration.refresh_from_db()
    assert registration.team_name == "Changed by staff"


def test_withdraw_needs_confirmation(client, applicant, cohort):
    client.post(apply_url(cohort), application_data(cohort))
    registration = Registration.objects.get()
    url = f"/en/applications/{registration.pk}/withdraw/"
    assert client.post(url, {}).status_code == 200
    assert Registration.objects.get().status == RegistrationStatus.SUBMITTED
    client.post(url, {"confirm": "on"})
    assert Registration.objects.get().status == RegistrationStatus.WITHDRAWN


def test_my_applications_lists_only_mine(client, applicant, cohort):
    mine = f.RegistrationFactory(cohort=cohort, applicant=applicant, team_name="Open Tulsa")
    f.RegistrationFactory(cohort=cohort, team_name="Someone else's team")
    page = client.get("/en/applications/").text
    assert "Open Tulsa" in page and "Someone else" not in page
    assert f"/en/applications/{mine.pk}/" in page


@pytest.mark.parametrize("suffix", ["", "edit/", "withdraw/"])
def test_another_applicants_application_is_a_404(client, applicant, cohort, suffix):
    other = f.RegistrationFactory(cohort=cohort)
    assert client.get(f"/en/applications/{other.pk}/{suffix}").status_code == 404
