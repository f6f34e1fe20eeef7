"""Reads about applicants: who proved they own an address; applications that gave them no place."""

from allauth.account.models import EmailAddress

from cohorts.registration.models import Registration, RegistrationStatus


def verified_account(email: str):
    """The account that has proved it owns `email` (a confirmed address), if there is one."""
    address = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    return address.user if address else None


def owns_address(user, email: str) -> bool:
    """Whether `user`'s account is the one for `email` (its login or one of its addresses)."""
    return user.email.lower() == email.lower() or user.emailaddress_set.filter(email__iexact=email).exists()


def accepted_without_place(user):
    """The user's accepted applications for teams they are not a member of (they listed others)."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return (
        Registration.objects.filter(
            applicant=user, status=RegistrationStatus.ACCEPTED, team__archived_at=None
        )
        .exclude(team__memberships__user=user)
        .select_related("cohort__program")
    )
