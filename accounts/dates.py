"""One way to count days: "today", "yesterday", "N days ago".

Days are calendar days in the active time zone (the signed-in user's own, which
``accounts.middleware.UserTimezoneMiddleware`` activates), counted from the same date everywhere:
the coach's dashboard, My teams, the overdue report, the reviews and momentum.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext, ngettext


def local_date(value: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar date of `value` in the active time zone (a date is taken as it is)."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def days_ago(value: datetime.date | datetime.datetime, *, today: datetime.date | None = None) -> int:
    """Calendar days from `value` to `today` (the active time zone's today by default)."""
    return ((today or timezone.localdate()) - local_date(value)).days


def days_ago_text(days: int) -> str:
    """ "today", "yesterday", "3 days ago"; never "0 days ago". A later date reads "in N days"."""
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("yesterday")
    if days < 0:
        return ngettext("in %(count)d day", "in %(count)d days", -days) % {"count": -days}
    return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}


def days_ago_label(value, *, today: datetime.date | None = None) -> str:
    """How long ago `value` (a date or a datetime) was, in words; empty for no value."""
    if value is None or value == "":
        return ""
    return days_ago_text(days_ago(value, today=today))
