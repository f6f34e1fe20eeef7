from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The signed-in user's unread count for the bell, counted only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: user.notifications.unread().count())}
