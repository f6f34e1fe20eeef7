"""Reads about applicants' accounts: who proved they own an address."""

from allauth.account.models import EmailAddress


def verified_account(email: str):
    """The account that has proved it owns `email` (a confirmed address), if there is one."""
    address = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    return address.user if address else None


def owns_address(user, email: str) -> bool:
    """Whether `user`'s account is the one for `email` (its login or one of its addresses)."""
    return user.email.lower() == email.lower() or user.emailaddress_set.filter(email__iexact=email).exists()
