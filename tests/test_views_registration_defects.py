"""Defects found while applying (issue #14): an unticked commitment box, and an applicant who is
not among the team's members."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.registration.models import Registration, RegistrationStatus
from cohorts.registration.services import registration_accept
from tests.test_views_registration import application_data, apply_url

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
    return f.CohortFactory(program=program, capacity=3)


@pytest.fixture
def applicant(client):
    user = f.UserFactory(email="ana@tulsa.gov", full_name="Ana Applicant")
    client.force_login(user)
    return user


def without(data, *names):
    return {key: value for key, value in data.items() if key not in names}


@pytest.mark.parametrize(
    ("box", "english", "spanish"),
    [
        ("accepts_time_commitment", "commit the time each role asks for", "dedicar el tiempo"),
        ("accepts_mou", "memorandum of understanding", "memorando de entendimiento"),
    ],
)
def test_submitting_with_a_commitment_box_unticked_shows_the_message_and_keeps_everything(
    client, applicant, cohort, box, english, spanish
):
    data = without(application_data(cohort), box)
    response = client.post(apply_url(cohort), data)
    assert response.status_code == 200
    assert english in response.text
    assert "Few bids per solicitation." in response.text
    assert 'value="member0@tulsa.gov"' in response.text
    assert 'value="member1@tulsa.gov"' in response.text
    assert 'name="members-TOTAL_FORMS" value="2"' in response.text
    assert not Registration.objects.exists()

    response = client.post(apply_url(cohort, "es"), data)
    assert response.status_code == 200
    assert spanish in response.text


def test_the_message_sits_next_to_the_unticked_box(client, applicant, cohort):
    data = without(application_data(cohort), "accepts_time_commitment")
    page = client.post(apply_url(cohort), data).text
    box = page.index('name="accepts_time_commitment"')
    summary = page.index("data-error-summary")
    message = page.index("Please confirm that the team can commit the time", summary + 1)
    message = page.index("Please confirm that the team can commit the time", message + 1)
    # Within the box's own field group, not only in the summary at the top of the form.
    assert abs(box - message) < 600


def test_submitting_a_saved_draft_with_the_box_unticked_answers_with_the_message(client, applicant, cohort):
    client.post(apply_url(cohort), application_data(cohort, action="save"))
    registration = Registration.objects.get()
    edit = reverse("cohorts:registration_edit", args=[registration.pk])
    loaded = registration.updated_at.isoformat()
    data = without(application_data(cohort), "accepts_mou") | {"loaded_at": loaded}
    data |= {"members-INITIAL_FORMS": "2"}
    for index, member in enumerate(registration.members.order_by("sort_order")):
        data[f"members-{index}-id"] = member.pk
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "memorandum of understanding" in response.text
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.DRAFT


def test_a_submit_refused_by_the_service_shows_its_reasons_without_a_server_error(client, applicant, cohort):
    # Another application from the same city makes the service refuse after the form passes.
    f.RegistrationFactory(cohort=cohort, city="Tulsa", jurisdiction="Oklahoma")
    response = client.post(apply_url(cohort), application_data(cohort))
    assert response.status_code == 200
    assert "has already applied to this cohort" in response.text
    assert "Few bids per solicitation." in response.text


def test_a_new_application_starts_with_the_applicant_as_the_first_member(client, applicant, cohort):
    page = client.get(apply_url(cohort)).text
    assert 'name="members-0-full_name" value="Ana Applicant"' in page
    assert 'name="members-0-email" value="ana@tulsa.gov"' in page
    assert 'name="members-1-email"' in page
    assert 'name="members-1-email" value=' not in page


def test_an_applicant_who_is_not_a_member_is_told_so_on_the_application(client, applicant, cohort):
    response = client.post(apply_url(cohort), application_data(cohort), follow=True)
    assert "You are not listed as a member of this team" in response.text
    registration = Registration.objects.get()
    detail = client.get(reverse("cohorts:registration_detail", args=[registration.pk])).text
    assert "You are not listed as a member of this team" in detail


def test_an_applicant_who_is_a_member_is_not_warned(client, applicant, cohort):
    data = application_data(cohort) | {"members-0-email": "ANA@tulsa.gov"}
    response = client.post(apply_url(cohort), data, follow=True)
    assert "You are not listed as a member" not in response.text


def test_the_acceptance_email_tells_an_applicant_who_is_not_a_member(client, applicant, cohort, staff_user):
    client.post(apply_url(cohort), application_data(cohort))
    registration = Registration.objects.get()
    mail.outbox.clear()
    registration_accept(registration=registration, reviewer=staff_user)
    to_applicant = [message for message in mail.outbox if message.to == ["ana@tulsa.gov"]]
    assert len(to_applicant) == 1
    assert (
        "You applied for the team but are not one of its members; the members were invited."
        in to_applicant[0].body
    )


def test_the_acceptance_email_of_a_member_applicant_has_no_such_line(client, applicant, cohort, staff_user):
    client.post(apply_url(cohort), application_data(cohort) | {"members-0-email": "ana@tulsa.gov"})
    registration = Registration.objects.get()
    mail.outbox.clear()
    registration_accept(registration=registration, reviewer=staff_user)
    to_applicant = [message for message in mail.outbox if message.to == ["ana@tulsa.gov"]]
    assert "not one of its members" not in to_applicant[0].body


def test_the_workspace_tells_an_accepted_applicant_who_is_not_a_member_why(
    client, applicant, cohort, staff_user
):
    client.post(apply_url(cohort), application_data(cohort))
    registration_accept(registration=Registration.objects.get(), reviewer=staff_user)
    with translation.override("en"):
        page = client.get(reverse("cohorts:workspace")).text
    assert "You are not on a team yet" not in page
    assert "You applied for Open Tulsa but are not one of its members" in page
