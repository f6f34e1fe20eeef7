"""Registration states, who moves them, capacity, the waitlist and the emails that go out."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from accounts.models import User
from cms.demo import factories as f
from cohorts.models import Membership, Team
from cohorts.registration.models import RegistrationStatus
from cohorts.registration.services import (
    registration_accept,
    registration_decline,
    registration_submit,
    registration_waitlist,
    registration_withdraw,
)
from sprints.models import ProgramKind

pytestmark = pytest.mark.django_db

OPEN_DAY = datetime.date(2027, 1, 4)  # between the factory cohort's registration dates


@pytest.fixture(autouse=True)
def registration_is_open():
    with time_machine.travel(datetime.datetime(2027, 1, 4, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def program():
    program = f.ProgramFactory(team_size_min=3, team_size_max=5, kind=ProgramKind.TRACK, mou_required=True)
    f.RoleFactory(program=program, name="Head of purchasing", min_count=1, max_count=1)
    f.RoleFactory(program=program, name="Executive sponsor", min_count=2, max_count=3)
    return program


@pytest.fixture
def cohort(program):
    return f.CohortFactory(program=program, capacity=2)


def make_draft(cohort, *, city="Tulsa", applicant=None, sponsors=2, **fields):
    registration = f.RegistrationFactory(
        cohort=cohort,
        city=city,
        status=RegistrationStatus.DRAFT,
        submitted_at=None,
        applicant=applicant or f.UserFactory(),
        **fields,
    )
    head, sponsor = cohort.program.roles.order_by("sort_order")
    f.RegistrationMemberFactory(registration=registration, role=head, email=f"head@{city.lower()}.gov")
    for number in range(sponsors):
        f.RegistrationMemberFactory(
            registration=registration, role=sponsor, email=f"sponsor{number}@{city.lower()}.gov"
        )
    return registration


def submitted(cohort, **kwargs):
    return registration_submit(registration=make_draft(cohort, **kwargs))


def test_submit_moves_a_complete_draft_to_submitted_and_confirms_by_email(cohort):
    registration = registration_submit(registration=make_draft(cohort))
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.submitted_at is not None
    [message] = mail.outbox
    assert message.to == [registration.applicant.email]
    assert "does not guarantee participation" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_confirmation_is_in_the_applicants_language(cohort):
    registration = make_draft(cohort, applicant=f.UserFactory(preferred_language="es"))
    registration_submit(registration=registration)
    [message] = mail.outbox
    assert "no garantiza la participación" in message.body
    assert "/es/" in message.body


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"sponsors": 1}, "role_too_few"),
        ({"sponsors": 4}, "role_too_many"),
        ({"sponsors": 1, "extra_members": 0}, "team_too_small"),
        ({"accepts_time_commitment": False}, "time_commitment_required"),
        ({"accepts_mou": False}, "mou_required"),
    ],
)
def test_submit_refuses_an_incomplete_application(cohort, change, code):
    sponsors = change.pop("sponsors", 2)
    change.pop("extra_members", None)
    registration = make_draft(cohort, sponsors=sponsors, **change)
    with pytest.raises(ValidationError) as error:
        registration_submit(registration=registration)
    assert code in {e.code for e in error.value.error_list}
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.DRAFT


def test_team_larger_than_the_program_allows_is_refused(cohort):
    registration = make_draft(cohort, sponsors=3)
    f.RegistrationMemberFactory(registration=registration, role=None, email="six@tulsa.gov")
    f.RegistrationMemberFactory(registration=registration, role=None, email="seven@tulsa.gov")
    with pytest.raises(ValidationError) as error:
        registration_submit(registration=registration)
    assert "team_too_large" in {e.code for e in error.value.error_list}


def test_one_application_per_city_per_cohort(cohort):
    submitted(cohort, city="Tulsa")
    with pytest.raises(ValidationError, match="has already applied"):
        submitted(cohort, city="tulsa")


@pytest.mark.parametrize(
    ("today", "code"),
    [(datetime.date(2026, 12, 20), "not_open_yet"), (datetime.date(2027, 1, 26), "deadline_passed")],
)
def test_submit_follows_the_registration_window(cohort, today, code):
    with pytest.raises(ValidationError) as error:
        registration_submit(registration=make_draft(cohort), today=today)
    assert code in {e.code for e in error.value.error_list}


def test_a_full_cohort_takes_new_applications_onto_the_waitlist(cohort):
    for city in ("Tulsa", "Austin"):
        registration_accept(registration=submitted(cohort, city=city), reviewer=f.StaffUserFactory())
    late = submitted(cohort, city="Denver")
    assert late.status == RegistrationStatus.WAITLISTED
    assert "waitlist" in mail.outbox[-1].body


def test_accept_creates_the_team_links_accounts_and_invites_the_rest(cohort):
    registration = submitted(cohort)
    existing = f.UserFactory(email="HEAD@tulsa.gov")
    mail.outbox.clear()
    staff = f.StaffUserFactory()

    team = registration_accept(registration=registration, reviewer=staff, note="Welcome!")

    registration.refresh_from_db()
    assert (registration.status, registration.reviewer, registration.decision_note) == (
        RegistrationStatus.ACCEPTED,
        staff,
        "Welcome!",
    )
    assert team.cohort == cohort and team.name == registration.team_name
    members = Membership.objects.filter(team=team).select_related("user", "role")
    assert {m.user.email.lower() for m in members} == {
        "head@tulsa.gov",
        "sponsor0@tulsa.gov",
        "sponsor1@tulsa.gov",
    }
    assert existing in {m.user for m in members}
    invited = User.objects.get(email="sponsor0@tulsa.gov")
    assert not invited.has_usable_password()
    assert invited.preferred_language == cohort.language
    subjects = sorted(message.subject for message in mail.outbox)
    assert len([s for s in subjects if "invited" in s]) == 2
    assert any("accepted" in s for s in subjects)
    invitation = next(m for m in mail.outbox if m.to == ["sponsor0@tulsa.gov"])
    assert "/en/welcome/" in invitation.body  # welcomed to the team, not a bare password reset


def test_accept_refuses_beyond_capacity(cohort):
    for city in ("Tulsa", "Austin"):
        registration_accept(registration=submitted(cohort, city=city), reviewer=f.StaffUserFactory())
    cohort.capacity = 3
    cohort.save()
    third = submitted(cohort, city="Denver")
    cohort.capacity = 2
    cohort.save()
    with pytest.raises(ValidationError) as error:
        registration_accept(registration=third, reviewer=f.StaffUserFactory())
    assert error.value.code == "cohort_full"
    third.refresh_from_db()
    assert third.status == RegistrationStatus.SUBMITTED
    assert not Team.objects.filter(registration=third).exists()


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (registration_accept, RegistrationStatus.DECLINED),
        (registration_waitlist, RegistrationStatus.ACCEPTED),
    ],
)
def test_decisions_follow_the_state_machine(cohort, service, status):
    registration = submitted(cohort)
    registration.status = status
    registration.save()
    with pytest.raises(ValidationError) as error:
        service(registration=registration, reviewer=f.StaffUserFactory())
    assert error.value.code == "cannot_decide"


def test_every_decision_is_in_the_history_with_its_note(cohort):
    registration = submitted(cohort)
    staff = f.StaffUserFactory()
    registration_waitlist(registration=registration, reviewer=staff, note="Strong, but late.")
    entry = ModelLogEntry.objects.filter(action="ruta.registration.waitlisted").get()
    assert (entry.user, entry.data["note"], entry.object_id) == (
        staff,
        "Strong, but late.",
        str(registration.pk),
    )


def test_declining_an_accepted_team_frees_the_place_for_the_first_waitlisted(cohort):
    staff = f.StaffUserFactory()
    accepted = [submitted(cohort, city=city) for city in ("Tulsa", "Austin")]
    for registration in accepted:
        registration_accept(registration=registration, reviewer=staff)
    first_waiting = submitted(cohort, city="Denver")
    second_waiting = submitted(cohort, city="Boise")
    assert {first_waiting.status, second_waiting.status} == {RegistrationStatus.WAITLISTED}
    mail.outbox.clear()

    registration_decline(registration=accepted[0], reviewer=staff, note="MOU not signed.")

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.ACCEPTED
    assert second_waiting.status == RegistrationStatus.WAITLISTED
    assert Team.objects.get(registration=accepted[0]).archived_at is not None
    assert Team.objects.get(registration=first_waiting).archived_at is None
    promoted = next(m for m in mail.outbox if m.to == [first_waiting.applicant.email])
    assert "waitlist" in promoted.body and "accepted" in promoted.body


def test_withdrawing_an_accepted_team_promotes_the_waitlist(cohort):
    staff = f.StaffUserFactory()
    accepted = [submitted(cohort, city=city) for city in ("Tulsa", "Austin")]
    for registration in accepted:
        registration_accept(registration=registration, reviewer=staff)
    waiting = submitted(cohort, city="Denver")
    registration_withdraw(registration=accepted[1], user=accepted[1].applicant)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.ACCEPTED


def test_withdrawn_application_cannot_be_withdrawn_again(cohort):
    registration = submitted(cohort)
    registration_withdraw(registration=registration, user=registration.applicant)
    with pytest.raises(ValidationError) as error:
        registration_withdraw(registration=registration, user=registration.applicant)
    assert error.value.code == "cannot_withdraw"


def test_decision_emails_go_out_in_each_applicants_language(cohort):
    staff = f.StaffUserFactory()
    spanish = submitted(cohort, city="Ponce", applicant=f.UserFactory(preferred_language="es"))
    english = submitted(cohort, city="Tulsa", applicant=f.UserFactory(preferred_language="en"))
    mail.outbox.clear()
    registration_decline(registration=spanish, reviewer=staff)
    registration_decline(registration=english, reviewer=staff)
    spanish_mail, english_mail = mail.outbox
    assert "Su solicitud" in spanish_mail.subject
    assert "Your application" in english_mail.subject
