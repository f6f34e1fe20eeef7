"""Periodic reminders (run by `manage.py send_reminders`); each one goes out at most once.

Apps register their reminders as Wagtail hooks (`REMINDERS_HOOK`): functions of the current time
that send what is due through `send_once` and return how many went out. The weekly digest goes
last, so that it collects what the reminders just queued for it.
"""

import zoneinfo
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail import hooks

from accounts.models import User
from notifications.emails import send_email
from notifications.models import Notification, NotificationEmail, ReminderKind, ReminderSent

REMINDERS_HOOK = "send_reminders"
DIGEST_HOUR = 8


def send_once(*, kind, key, user, send) -> bool:
    """Record the reminder and `send()` it in one transaction; False if it was already recorded."""
    try:
        with transaction.atomic():
            _, created = ReminderSent.objects.get_or_create(kind=kind, user=user, object_key=key)
            if created:
                send()
    except IntegrityError:
        return False
    return created


def reminders_send(*, now=None) -> int:
    """Send every reminder that is due and not yet sent; return how many went out."""
    now = now or timezone.now()
    sent = sum(send_due(now) for send_due in hooks.get_hooks(REMINDERS_HOOK))
    return sent + _digests(now)


def _digests(now) -> int:
    """Each Monday from DIGEST_HOUR in the user's time zone, one email with everything they chose to
    collect in a weekly digest."""
    sent = 0
    users = User.objects.filter(
        is_active=True, pk__in=Notification.objects.filter(email=NotificationEmail.IN_DIGEST).values("user")
    )
    for user in users:
        local = timezone.localtime(now, zoneinfo.ZoneInfo(user.time_zone))
        if local.weekday() != 0 or local.hour < DIGEST_HOUR:
            continue
        sent += send_once(
            kind=ReminderKind.DIGEST,
            key=local.date().isoformat(),
            user=user,
            send=partial(_send_digest, user),
        )
    return sent


def _send_digest(user):
    pending = user.notifications.filter(email=NotificationEmail.IN_DIGEST).select_for_update()
    notifications = list(pending.order_by("created_at", "pk"))
    if notifications:
        with timezone.override(zoneinfo.ZoneInfo(user.time_zone)):
            send_email(
                to=user, template="notifications/emails/digest", context={"notifications": notifications}
            )
        pending.filter(pk__in=[n.pk for n in notifications]).update(email=NotificationEmail.DIGESTED)
