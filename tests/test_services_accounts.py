"""Deleting an account: the person's identity goes, the team's work stays (cms.accounts.user_delete)."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts import services as accounts
from accounts.models import User
from cms.demo.factories import (
    DEFAULT_PASSWORD,
    ActionItemFactory,
    AttendanceFactory,
    CoachAssignmentFactory,
    FeedbackFactory,
    MembershipFactory,
    NotificationFactory,
    RegistrationFactory,
    RegistrationMemberFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
    TASessionFactory,
    UserFactory,
)
from coaching.models import ActionItemComment, CoachAssignment
from cohorts.assignments.models import Feedback, RefusedDraft
from cohorts.models import Membership
from cohorts.registration.models import Registration, RegistrationMember
from cohorts.schedule.services import calendar_feed_reset
from notifications.models import Notification, NotificationKind, NotificationPreference
from notifications.services import notify


@pytest.fixture
def member(db):
    """A participant with history that team work references with PROTECT."""
    person = UserFactory(email="ana@city.example.gov", full_name="Ana Gómez")
    registration = RegistrationFactory(applicant=person)
    RegistrationMemberFactory(registration=registration, email="Ana@city.example.gov", full_name="Ana Gómez")
    membership = MembershipFactory(user=person)
    AttendanceFactory(membership=membership)
    item = ActionItemFactory(team=membership.team, owner=membership)
    ActionItemComment.objects.create(item=item, author=person, body="Published the award notices.")
    submission = SubmissionFactory(team=membership.team)
    SubmissionVersionFactory(submission=submission, submitted_by=person)
    RefusedDraft.objects.create(submission=submission, user=person, content={}, based_on_revision=0)
    NotificationFactory(user=person)
    NotificationPreference.objects.create(user=person, kind=NotificationKind.FEEDBACK, email="off")
    calendar_feed_reset(user=person)
    return person


@pytest.mark.django_db
class TestUserDelete:
    def test_user_delete_keeps_team_work_and_replaces_identity(self, member, staff_user):
        membership = Membership.objects.get(user=member)

        accounts.user_delete(user=member, by=member)

        member.refresh_from_db()
        assert member.email.startswith("deleted-") and member.email.endswith(".invalid")
        assert member.full_name == ""
        assert member.is_deleted and not member.is_active
        assert not member.has_usable_password()
        assert not member.check_password(DEFAULT_PASSWORD)
        # The team's work still points at the (anonymised) account.
        assert Membership.objects.filter(pk=membership.pk, user=member).exists()
        assert Registration.objects.filter(applicant=member).count() == 1
        assert ActionItemComment.objects.filter(author=member).count() == 1
        assert membership.attendance.count() == 1
        # Their own things are gone.
        assert not EmailAddress.objects.filter(user=member).exists()
        assert not Notification.objects.filter(user=member).exists()
        assert not NotificationPreference.objects.filter(user=member).exists()
        assert not RefusedDraft.objects.filter(user=member).exists()
        assert not member.calendar_feeds.filter(revoked_at=None).exists()
        # Their name and email no longer appear on the application that named them.
        named = RegistrationMember.objects.get(registration__applicant=member)
        assert (named.email, named.full_name) == (member.email, "Deleted user")
        assert not User.objects.filter(email__iexact="ana@city.example.gov").exists()

    def test_deleted_user_shows_a_translated_name(self, member):
        accounts.user_delete(user=member, by=member)
        member.refresh_from_db()

        assert member.get_full_name() == "Deleted user"
        assert str(member) == "Deleted user"
        with translation.override("es"):
            assert member.get_full_name() == "Usuario eliminado"

    def test_user_delete_logs_an_audit_entry_without_the_old_identity(self, member, staff_user):
        accounts.user_delete(user=member, by=staff_user)

        entries = ModelLogEntry.objects.filter(object_id=str(member.pk), action="ruta.user.deleted")
        assert entries.count() == 1
        assert entries.get().user_id == staff_user.pk
        labels = ModelLogEntry.objects.filter(object_id=str(member.pk)).values_list("label", flat=True)
        assert all("ana@city.example.gov" not in label.lower() and "Ana" not in label for label in labels)

    def test_user_delete_refuses_an_account_already_deleted(self, member):
        accounts.user_delete(user=member, by=member)

        with pytest.raises(ValidationError) as error:
            accounts.user_delete(user=member, by=member)
        assert error.value.messages == [str(accounts.ALREADY_DELETED)]

    def test_user_delete_ends_the_signed_in_sessions(self, client, member):
        client.force_login(member)
        assert client.get(reverse("notifications:list")).status_code == 200

        accounts.user_delete(user=member, by=member)

        response = client.get(reverse("notifications:list"))
        assert response.status_code == 302 and "login" in response["Location"]

    def test_deleted_user_gets_no_more_notifications_or_emails(self, member, mailoutbox):
        accounts.user_delete(user=member, by=member)

        notify(user=member, kind=NotificationKind.FEEDBACK, template="cohorts/emails/submission_feedback")

        assert not Notification.objects.filter(user=member).exists()
        assert mailoutbox == []

    def test_user_delete_of_a_coach_keeps_feedback_and_ends_assignments(self, staff_user):
        coach = UserFactory(is_staff=True, full_name="Carla Coach")
        assignment = CoachAssignmentFactory(coach=coach)
        TASessionFactory(team=assignment.team, coach=coach)
        FeedbackFactory(author=coach)

        accounts.user_delete(user=coach, by=staff_user)

        coach.refresh_from_db()
        assert not coach.is_staff and not coach.is_superuser
        assert Feedback.objects.filter(author=coach).count() == 1
        assert coach.ta_sessions.count() == 1
        assert CoachAssignment.objects.get(pk=assignment.pk).ends_on is not None

    def test_team_roster_shows_the_deleted_member_anonymised(self, client, member):
        membership = Membership.objects.get(user=member)
        teammate = MembershipFactory(team=membership.team).user
        accounts.user_delete(user=member, by=member)

        client.force_login(teammate)
        page = client.get(reverse("cohorts:team_home", args=[membership.team_id])).content.decode()

        assert "Deleted user" in page
        assert "Ana Gómez" not in page and "ana@city.example.gov" not in page
