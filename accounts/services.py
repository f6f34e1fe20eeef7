"""A person's own data: the copy they download, and deleting their account.

Deleting an account anonymises the user row rather than removing it: applications, memberships,
feedback, comments and TA sessions reference users with PROTECT, and the team's history must stay
whole. What is only the person's (sign-in addresses, notifications and their preferences, the
calendar address, refused drafts) is removed; what the team wrote together stays, signed
"Deleted user" in the reader's language. Each app contributes its part of the export and of the
deletion through the hooks below.
"""

import secrets

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.models import User

ALREADY_DELETED = _("This account is already deleted.")
DELETED_EMAIL_DOMAIN = "deleted.invalid"  # RFC 2606: never delivered anywhere

#: Each app that holds a person's data registers, as Wagtail hooks, a function that returns its
#: sections of the export (`user_data(user) -> dict`) and one that removes or anonymises what is
#: only the person's when the account is deleted (`user_data_erase(user, *, old_email, now)`).
EXPORT_HOOK = "export_user_data"
ERASE_HOOK = "erase_user_data"


def user_data_export(user: User) -> dict:
    """Everything Ruta holds about `user` that is theirs, as JSON-ready data: their profile and
    sign-in addresses, applications, memberships, notifications and preferences, action items,
    what they wrote and recorded, attendance, and whether they have a calendar address (never
    its token). A fixed number of queries, whatever the amount of data."""
    data = {
        "exported_at": timezone.now(),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("-primary", "email")
            .values("email", "primary", "verified")
        ),
    }
    for export in hooks.get_hooks(EXPORT_HOOK):
        data.update(export(user))
    return data


def _deleted_email():
    return f"deleted-{secrets.token_hex(8)}@{DELETED_EMAIL_DOMAIN}"


@transaction.atomic
def user_delete(*, user: User, by: User) -> User:
    """Delete `user`'s account on their own request or by staff (`by`): anonymise the row, remove
    what is only theirs, end their sessions and coaching assignments, and log it."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one deletion at a time
    user.refresh_from_db()  # the caller's instance ends up anonymised too
    if user.is_deleted:
        raise ValidationError(ALREADY_DELETED, code="already_deleted")
    old_email = user.email
    now = timezone.now()

    user.email = _deleted_email()
    user.full_name = ""
    user.deleted_at = now
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    # A new password hash also invalidates every session signed in with the old one.
    user.set_unusable_password()
    user.full_clean()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()

    EmailAddress.objects.filter(user=user).delete()
    for erase in hooks.get_hooks(ERASE_HOOK):
        erase(user, old_email=old_email, now=now)
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
        profile.avatar = None
        profile.save(update_fields=["avatar"])

    # Earlier history lines about the account carry its old name and email as their label.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User, for_concrete_model=False),
        object_id=str(user.pk),
    ).update(label=str(user))
    log(user, "ruta.user.deleted", user=by, data={"by_self": by.pk == user.pk})
    return user


# Setting up an account someone else made: the invited person's first visit.

SETUP_LINK_USED = _("This link has already been used or has expired.")


@transaction.atomic
def account_set_up(*, user: User, key: str, password: str, preferred_language: str, time_zone: str) -> User:
    """An invited person chooses their password, language and time zone from the emailed link.

    `key` is the link's one-time token (allauth's password reset token, which setting the
    password spends): checked again with the account locked, so two tabs posting the same link
    at once set the account up once.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active or user.is_deleted or not default_token_generator.check_token(user, key):
        raise ValidationError(SETUP_LINK_USED, code="setup_link_used")
    user.set_password(password)
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean(
        exclude=["password", "unsubscribe_key"], validate_unique=False, validate_constraints=False
    )
    user.save(update_fields=["password", "preferred_language", "time_zone"])
    log(user, "ruta.account.set_up", user=user)
    return user
