"""Telling people things: always in the app, and by email as each person chose for each kind."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from notifications.emails import render_subject, send_email
from notifications.models import (
    EmailFrequency,
    Notification,
    NotificationEmail,
    NotificationKind,
    NotificationPreference,
)

UNSUBSCRIBE_SALT = "ruta.notifications.unsubscribe"
#: How long an unsubscribe link in an email keeps working.
UNSUBSCRIBE_LINK_MAX_AGE = datetime.timedelta(days=90)
UNKNOWN_FREQUENCY = _("“%(value)s” is not one of the choices.")

_EMAIL_STATE = {
    EmailFrequency.IMMEDIATELY: NotificationEmail.SENT,
    EmailFrequency.DIGEST: NotificationEmail.IN_DIGEST,
    EmailFrequency.OFF: NotificationEmail.NOT_SENT,
}


def _frequency(kind, chosen):
    """Required kinds always go out one by one; the others as chosen, each one by default."""
    if kind in NotificationKind.required():
        return EmailFrequency.IMMEDIATELY
    return chosen or EmailFrequency.IMMEDIATELY


def email_frequency(*, user, kind) -> str:
    """How `user` wants emails of `kind`."""
    if kind in NotificationKind.required():
        return EmailFrequency.IMMEDIATELY
    chosen = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True)
    return _frequency(kind, chosen.first())


def email_frequencies(user) -> dict:
    """Every kind's email frequency for `user`, for the preferences page."""
    chosen = dict(user.notification_preferences.values_list("kind", "email"))
    return {kind: _frequency(kind, chosen.get(kind)) for kind in NotificationKind.values}


def notify(*, user, kind, template, context=None, link=None) -> Notification | None:
    """Tell `user` about something: a notification in the app, and the email `template` unless
    they turned this kind off or collect it in their weekly digest.

    `link` is a (view name, args) pair; the email gets it as `url` in the recipient's language.
    An inactive account (deactivated, or deleted and anonymised) is told nothing: None.
    """
    if not user.is_active:
        return None
    context = context or {}
    frequency = email_frequency(user=user, kind=kind)
    notification = notification_create(
        user=user, kind=kind, template=template, context=context, link=link, email=_EMAIL_STATE[frequency]
    )
    if frequency == EmailFrequency.IMMEDIATELY:
        language = _language_of(user)
        path = getattr(notification, build_localized_fieldname("link", language))
        send_email(
            to=user,
            template=template,
            language=language,
            context={
                **context,
                "url": f"{settings.SITE_URL}{path}" if path else "",
                "kind_label": NotificationKind(kind).label,
            },
            unsubscribe_url=None
            if kind in NotificationKind.required()
            else unsubscribe_url(user=user, kind=kind),
        )
    return notification


def notify_team(team, *, kind, template, context=None, link=None) -> list[Notification]:
    """Tell every member of `team` (see ``notify``); the notifications made, inactive members
    told nothing."""
    notifications = (
        notify(user=membership.user, kind=kind, template=template, context=context, link=link)
        for membership in team.memberships.select_related("user")
    )
    return [notification for notification in notifications if notification is not None]


def notification_create(
    *, user, kind, template, context, link=None, email=NotificationEmail.NOT_SENT
) -> Notification:
    """Store the notification alone: its title is the email's subject and its link the
    (view name, args) pair, each in every language."""
    context = {"recipient": user, **context}
    fields = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            fields[build_localized_fieldname("title", code)] = render_subject(template, context)
            fields[build_localized_fieldname("link", code)] = reverse(link[0], args=link[1]) if link else ""
    return Notification.objects.create(user=user, kind=kind, email=email, **fields)


def _language_of(user):
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


class UnsubscribeLinkExpired(Exception):
    """The unsubscribe link is genuine but older than UNSUBSCRIBE_LINK_MAX_AGE."""


def unsubscribe_url(*, user, kind) -> str:
    """The link that turns off emails of `kind` for `user`, in their language; it needs no sign-in,
    so it carries a signed, timed token that names the person by their unsubscribe key, not their id."""
    token = _unsubscribe_signer().sign_object([user.unsubscribe_key, kind])
    with translation.override(_language_of(user)):
        return settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])


def _unsubscribe_signer():
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token):
    """The active (user, kind) an unsubscribe token was made for, or None when it was tampered with
    or names no one; raises UnsubscribeLinkExpired when it is too old."""
    signer = _unsubscribe_signer()
    try:
        key, kind = signer.unsign_object(token, max_age=UNSUBSCRIBE_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise UnsubscribeLinkExpired from None
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(key, str) or kind not in NotificationKind.values or kind in NotificationKind.required():
        return None
    user = User.objects.filter(unsubscribe_key=key, is_active=True).first()
    return (user, kind) if user else None


@transaction.atomic
def notification_preferences_save(*, user, frequencies: dict) -> None:
    """Store `user`'s email frequency per kind; required kinds are not theirs to change."""
    for kind, frequency in frequencies.items():
        if kind in NotificationKind.required():
            continue
        if frequency not in EmailFrequency.values:
            raise ValidationError(UNKNOWN_FREQUENCY, code="unknown_frequency", params={"value": frequency})
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": frequency})


def notifications_mark_read(*, user, notifications=None) -> int:
    """Mark `user`'s notifications (all of them unless a queryset is given) read; return how many."""
    queryset = user.notifications.all() if notifications is None else notifications.filter(user=user)
    return queryset.unread().update(read_at=timezone.now())
