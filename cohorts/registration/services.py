"""State changes of applications: submit, decide (accept, waitlist, decline), withdraw, the
waitlist that fills a freed place, and team invitations. Each one is a single function."""

import datetime

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from accounts.models import User
from cohorts.assignments import uploads
from cohorts.assignments.services import validate_upload
from cohorts.models import Cohort, Membership, Team
from cohorts.policies import is_staff
from cohorts.progress.services import cohort_criteria_pin
from cohorts.registration.models import Registration, RegistrationStatus, SignedMOU, TeamInvitation
from cohorts.registration.rules import (
    CITY_ALREADY_APPLIED,
    MOU_REQUIRED,
    TIME_COMMITMENT_REQUIRED,
    answer_errors,
    team_composition_errors,
    window_error,
)
from cohorts.registration.selectors import owns_address, verified_account
from notifications.emails import send_email
from notifications.models import NotificationKind
from notifications.services import notify

# Registrations: apply, decide, withdraw.

CANNOT_SUBMIT = _("Only a draft can be submitted.")
CANNOT_EDIT = _("This application can no longer be changed.")
CANNOT_DECIDE = _("A %(status)s application cannot be %(decision)s.")
COHORT_FULL = _("The cohort is full: all %(capacity)d places are taken. Waitlist the application instead.")
CANNOT_WITHDRAW = _("This application can no longer be withdrawn.")
APPLICANT_NOT_A_MEMBER = _(
    "You are not listed as a member of this team, so you will not have access to its workspace. "
    "If you are on the team, add yourself as a member."
)

EDITABLE_STATUSES = {RegistrationStatus.DRAFT, RegistrationStatus.SUBMITTED, RegistrationStatus.WAITLISTED}
# The statuses each staff decision can be taken from.
ACCEPT_FROM = frozenset({RegistrationStatus.SUBMITTED, RegistrationStatus.WAITLISTED})
WAITLIST_FROM = frozenset({RegistrationStatus.SUBMITTED})
DECLINE_FROM = frozenset(
    {RegistrationStatus.SUBMITTED, RegistrationStatus.WAITLISTED, RegistrationStatus.ACCEPTED}
)


def registration_check_complete(*, registration: Registration, today=None) -> None:
    """Raise a ValidationError listing everything that keeps the application from being submitted."""
    errors = []
    if problem := window_error(registration.cohort, today):
        errors.append(problem)
    members = list(registration.members.all())
    program = registration.cohort.program
    errors += team_composition_errors(program, members)
    answers = {answer.question_id: answer.answer for answer in registration.answers.all()}
    errors += answer_errors(program.questions.all(), answers)
    if not registration.accepts_time_commitment:
        errors.append(ValidationError(TIME_COMMITMENT_REQUIRED, code="time_commitment_required"))
    if registration.cohort.program.mou_required and not registration.accepts_mou:
        errors.append(ValidationError(MOU_REQUIRED, code="mou_required"))
    duplicate = (
        Registration.objects.filter(
            cohort=registration.cohort,
            city__iexact=registration.city,
            jurisdiction__iexact=registration.jurisdiction,
        )
        .exclude(status__in=[RegistrationStatus.DRAFT, RegistrationStatus.WITHDRAWN])
        .exclude(pk=registration.pk)
    )
    if duplicate.exists():
        errors.append(
            ValidationError(
                CITY_ALREADY_APPLIED,
                code="city_already_applied",
                params={"city": registration.city, "jurisdiction": registration.jurisdiction},
            )
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def registration_submit(*, registration: Registration, today=None) -> Registration:
    """Submit a complete draft: onto the waitlist when the cohort is full. Emails the applicant."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.DRAFT:
        raise ValidationError(CANNOT_SUBMIT, code="cannot_submit")
    registration_check_complete(registration=registration, today=today)
    cohort = Cohort.objects.select_for_update().get(pk=registration.cohort_id)
    registration.status = RegistrationStatus.WAITLISTED if cohort.is_full else RegistrationStatus.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.full_clean()
    registration.save()
    log(registration, "ruta.registration.submitted", user=registration.applicant)
    _notify_applicant(registration, "registration_received", cohort=cohort)
    return registration


def registration_check_editable(*, registration: Registration, today=None) -> None:
    """A draft can be edited any time; a submitted application until the deadline, and not once decided."""
    if registration.status not in EDITABLE_STATUSES:
        raise ValidationError(CANNOT_EDIT, code="cannot_edit")
    problem = window_error(registration.cohort, today)
    if registration.status != RegistrationStatus.DRAFT and problem and problem.code == "deadline_passed":
        raise problem


@transaction.atomic
def registration_withdraw(*, registration: Registration, user) -> Registration:
    """The applicant gives up the application (and the team's place, if it was accepted)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status in {RegistrationStatus.DECLINED, RegistrationStatus.WITHDRAWN}:
        raise ValidationError(CANNOT_WITHDRAW, code="cannot_withdraw")
    was_accepted = registration.status == RegistrationStatus.ACCEPTED
    registration.status = RegistrationStatus.WITHDRAWN
    registration.save(update_fields=["status", "updated_at"])
    log(registration, "ruta.registration.withdrawn", user=user)
    if was_accepted:
        _release_place(registration)
    return registration


def _lock_for_decision(registration, *, allowed, decision):
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in allowed:
        raise ValidationError(
            CANNOT_DECIDE,
            code="cannot_decide",
            params={"status": registration.get_status_display().lower(), "decision": decision},
        )
    return registration


def _record_decision(registration, *, status, reviewer, note):
    """Store the decision and log it to the registration's history; return the previous status."""
    previous = registration.status
    registration.status = status
    registration.decision_note = note
    registration.reviewer = reviewer
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decision_note", "reviewer", "decided_at", "updated_at"])
    log(registration, f"ruta.registration.{status}", user=reviewer, data={"note": note})
    return previous


@transaction.atomic
def registration_accept(*, registration: Registration, reviewer, note: str = "") -> Team:
    """Accept a team: create its Team and Memberships and invite members without an account.

    The cohort row is locked first, so two reviewers accepting at the same moment can never
    take more places than the cohort has.
    """
    cohort = Cohort.objects.select_for_update().get(pk=registration.cohort_id)
    registration = _lock_for_decision(registration, allowed=ACCEPT_FROM, decision=_("accepted"))
    if cohort.is_full:
        raise ValidationError(COHORT_FULL, code="cohort_full", params={"capacity": cohort.capacity})
    previous = _record_decision(
        registration, status=RegistrationStatus.ACCEPTED, reviewer=reviewer, note=note
    )
    team = _team_for(registration)
    promoted = previous == RegistrationStatus.WAITLISTED
    template = "registration_promoted" if promoted else "registration_accepted"
    _notify_applicant(registration, template, team=team)
    return team


@transaction.atomic
def registration_waitlist(*, registration: Registration, reviewer, note: str = "") -> Registration:
    registration = _lock_for_decision(registration, allowed=WAITLIST_FROM, decision=_("waitlisted"))
    _record_decision(registration, status=RegistrationStatus.WAITLISTED, reviewer=reviewer, note=note)
    _notify_applicant(registration, "registration_waitlisted")
    return registration


@transaction.atomic
def registration_decline(*, registration: Registration, reviewer, note: str = "") -> Registration:
    registration = _lock_for_decision(registration, allowed=DECLINE_FROM, decision=_("declined"))
    previous = _record_decision(
        registration, status=RegistrationStatus.DECLINED, reviewer=reviewer, note=note
    )
    _notify_applicant(registration, "registration_declined")
    if previous == RegistrationStatus.ACCEPTED:
        _release_place(registration)
    return registration


def _notify_applicant(registration, template, **context):
    notify(
        user=registration.applicant,
        kind=NotificationKind.APPLICATION,
        template=f"cohorts/emails/{template}",
        context={"registration": registration, **context},
        link=("cohorts:registration_detail", [registration.pk]),
    )


def _release_place(registration):
    """Archive the team that held the place and offer the place to the first team waitlisted."""
    Team.objects.filter(registration=registration, archived_at=None).update(archived_at=timezone.now())
    next_in_line = (
        Registration.objects.filter(cohort=registration.cohort_id, status=RegistrationStatus.WAITLISTED)
        .order_by("submitted_at", "pk")
        .first()
    )
    if next_in_line is not None:
        registration_accept(registration=next_in_line, reviewer=None, note=str(PROMOTED_NOTE))


PROMOTED_NOTE = _("A place became free and the team was next on the waitlist.")


def _team_for(registration):
    """The registration's team (restored if it had been archived) with a membership per member."""
    team, _created = Team.objects.update_or_create(
        registration=registration,
        defaults={
            "cohort": registration.cohort,
            "name": registration.team_name,
            "city": registration.city,
            "jurisdiction": registration.jurisdiction,
            "focus_area": registration.focus_area,
            "challenge_statement": registration.challenge_statement,
            "archived_at": None,
        },
    )
    # From its first team on, a cohort keeps the criteria version it tracks now.
    cohort_criteria_pin(cohort=registration.cohort)
    for order, member in enumerate(registration.members.select_related("role")):
        details = {
            "role": member.role,
            "title": member.title,
            "department": member.department,
            "sort_order": order,
        }
        user = user_invite(
            email=member.email, full_name=member.full_name, language=registration.cohort.language, team=team
        )
        if user is None:
            _team_invitation_send(team=team, email=member.email, full_name=member.full_name, details=details)
            continue
        Membership.objects.update_or_create(team=team, user=user, defaults=details)
    return team


def user_invite(*, email: str, full_name: str, language: str, team: Team):
    """The account for `email`, created and invited to `team` if there is none yet.

    None when an account for the address exists but never proved it owns it: anyone may have
    made it, so it gets no place; the address is sent a team invitation instead.
    """
    user = verified_account(email)
    if user is not None:
        return user
    if User.objects.filter(email__iexact=email).exists():
        return None
    user = User.objects.create_user(
        email=email, full_name=full_name, preferred_language=language, time_zone=team.cohort.time_zone
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    notify(
        user=user,
        kind=NotificationKind.ACCOUNT,
        template="cohorts/emails/invitation",
        context={"set_password_url": welcome_url(user, team), "team": team},
        link=("cohorts:workspace", []),
    )
    return user


def welcome_url(user, team):
    """A one-time link where an invited member is welcomed to `team` and chooses a password, a
    language and a time zone (the token is allauth's password reset token: the password spends it)."""
    with translation.override(user.preferred_language):
        path = reverse(
            "cohorts:member_welcome",
            kwargs={
                "team_pk": team.pk,
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    return f"{settings.SITE_URL}{path}"


# Team invitations: a place kept for an address until someone proves they own it.

INVITATION_USED = _("This invitation has already been accepted.")
INVITATION_WRONG_ACCOUNT = _(
    "This invitation is for %(email)s. Sign out, then follow the link in the email again."
)


def _team_invitation_send(*, team, email, full_name, details):
    """Keep the place for `email` and email the address its invitation link."""
    invitation = TeamInvitation.objects.filter(team=team, email__iexact=email).first()
    if invitation is not None and not invitation.is_pending:
        return invitation  # taken already; accepted_by has the membership
    invitation = invitation or TeamInvitation(team=team, email=email)
    invitation.full_name = full_name
    for field, value in details.items():
        setattr(invitation, field, value)
    invitation.full_clean()
    invitation.save()
    language = team.cohort.language
    with translation.override(language):
        path = reverse("cohorts:invitation_accept", args=[invitation.token])
    # To the address only: the account that holds it now may not be its owner's.
    send_email(
        to=invitation.email,
        template="cohorts/emails/team_invitation",
        language=language,
        context={
            "invitation": invitation,
            "team": team,
            "url": f"{settings.SITE_URL}{path}",
            "name": full_name,
        },
    )
    return invitation


@transaction.atomic
def team_invitation_accept(
    *,
    invitation: TeamInvitation,
    user=None,
    password: str | None = None,
    preferred_language: str | None = None,
    time_zone: str | None = None,
) -> Membership:
    """Give the invited place to whoever followed the link, which proves they own the address.

    With `user` (someone signed in), the account must be the one for the invited address.
    Without, the account for the address (made if there is none) takes `password`, which
    also shuts out whoever made the account before, and the language and time zone chosen
    with it. Either way the address counts as confirmed from now on.
    """
    invitation = TeamInvitation.objects.select_for_update().select_related("team").get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(INVITATION_USED, code="invitation_used")
    if user is not None and not owns_address(user, invitation.email):
        raise ValidationError(
            INVITATION_WRONG_ACCOUNT, code="invitation_wrong_account", params={"email": invitation.email}
        )
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first() or User(
            email=invitation.email, preferred_language=invitation.team.cohort.language
        )
        if invitation.full_name:
            user.full_name = invitation.full_name
        if preferred_language:
            user.preferred_language = preferred_language
        if time_zone:
            user.time_zone = time_zone
        if password:
            user.set_password(password)
        elif user.pk is None:
            user.set_unusable_password()
        user.clean_fields(exclude=["password"])
        user.save()
    address = EmailAddress.objects.filter(user=user, email__iexact=invitation.email).first()
    if address is None:
        address = EmailAddress(
            user=user, email=invitation.email, primary=not user.emailaddress_set.filter(primary=True).exists()
        )
    address.verified = True
    address.save()
    membership, _created = Membership.objects.update_or_create(
        team=invitation.team,
        user=user,
        defaults={
            "role": invitation.role,
            "title": invitation.title,
            "department": invitation.department,
            "sort_order": invitation.sort_order,
        },
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(invitation.team, "ruta.team.invitation_accepted", user=user, data={"email": invitation.email})
    return membership


# The signed memorandum of understanding, recorded by staff once the city has signed it.

MOU_NOT_STAFF = _("Only program staff can record a team's signed MOU.")
MOU_FILE_REQUIRED = _("Choose the signed MOU's file.")
MOU_NOT_REQUIRED = _("This team's program does not ask for an MOU.")


@transaction.atomic
def team_mou_record(*, team: Team, user, signed_on: datetime.date, counterparty: str, file=None) -> SignedMOU:
    """Record (or correct) the team's signed MOU: its file, the date signed and who signed with the city.

    The file goes through the same checks as every upload (size, type, content); correcting the date
    or counterparty of a recorded MOU may keep its file.
    """
    if not is_staff(user):
        raise ValidationError(MOU_NOT_STAFF, code="mou_not_staff")
    team = Team.objects.select_for_update().select_related("cohort__program").get(pk=team.pk)
    if not team.cohort.program.mou_required:
        raise ValidationError(MOU_NOT_REQUIRED, code="mou_not_required")
    mou = SignedMOU.objects.filter(team=team).first() or SignedMOU(team=team)
    if file:
        validate_upload(file)
        mou.original_name = uploads.display_name(file.name)
        mou.file.save(uploads.stored_name(file.name), file, save=False)
    elif not mou.file:
        raise ValidationError({"file": ValidationError(MOU_FILE_REQUIRED, code="mou_file_required")})
    mou.signed_on = signed_on
    mou.counterparty = (counterparty or "").strip()
    mou.recorded_by = user
    mou.full_clean()
    mou.save()
    log(team, "ruta.team.mou_recorded", user=user, data={"signed_on": signed_on.isoformat()})
    return mou
