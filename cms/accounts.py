"""A person's own data: the copy they download, and deleting their account.

Deleting an account anonymises the user row rather than removing it: applications, memberships,
feedback, comments and TA sessions reference users with PROTECT, and the team's history must stay
whole. What is only the person's (sign-in addresses, notifications and their preferences, the
calendar address, refused drafts) is removed; what the team wrote together stays, signed
"Deleted user" in the reader's language.
"""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.models import DELETED_USER_NAME, Notification, NotificationPreference, User
from coaching.models import CoachAssignment
from cohorts.models import CalendarFeed, RefusedDraft, RegistrationMember, ReminderSent

ALREADY_DELETED = _("This account is already deleted.")
DELETED_EMAIL_DOMAIN = "deleted.invalid"  # RFC 2606: never delivered anywhere


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
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    ReminderSent.objects.filter(user=user).delete()
    RefusedDraft.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=now)
    today = timezone.localdate(now)
    for assignment in CoachAssignment.objects.filter(coach=user, ends_on=None):
        assignment.ends_on = max(today, assignment.starts_on)
        assignment.save(update_fields=["ends_on"])
    with translation.override(settings.LANGUAGE_CODE):
        # Applications name their members in plain text: the name is stored, not translated.
        RegistrationMember.objects.filter(email__iexact=old_email).update(
            email=user.email, full_name=str(DELETED_USER_NAME)
        )
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
