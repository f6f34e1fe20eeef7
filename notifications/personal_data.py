"""A person's notifications in their data export, and what their account's deletion removes."""

from notifications.models import Notification, NotificationPreference, ReminderSent
from notifications.services import email_frequencies


def user_data(user) -> dict:
    return {
        "notifications": [
            {
                "kind": notification.kind,
                "title": notification.title,
                "link": notification.link,
                "email": notification.email,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
            }
            for notification in Notification.objects.filter(user=user)
        ],
        "notification_preferences": email_frequencies(user),
    }


def user_data_erase(user, *, old_email, now) -> None:
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    ReminderSent.objects.filter(user=user).delete()
