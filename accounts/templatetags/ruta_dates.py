"""``{% load ruta_dates %}``: the one way to say how many days ago something was (accounts.dates), and
dates and times in the reader's language (accounts.date_formats)."""

from django import template

from accounts.date_formats import DEFAULT, format_local_date, format_local_datetime, format_local_time
from accounts.dates import days_ago_label, days_ago_text

register = template.Library()


@register.filter
def days_ago(value):
    """``{{ session.starts_at|days_ago }}``: "today", "yesterday", "3 days ago"."""
    return days_ago_label(value)


@register.filter
def days_ago_count(days):
    """``{{ status.days_since|days_ago_count }}``: the same words for a number of days already counted."""
    if days is None or days == "":
        return ""
    return days_ago_text(int(days))


@register.filter(expects_localtime=True)
def local_date(value, name=DEFAULT):
    """``{{ session.starts_at|local_date:"weekday" }}``: "Tue, Feb 2, 2027", "mar, 2 feb 2027"
    (formats in accounts.date_formats: short, medium, long, weekday, weekday_short, month)."""
    return format_local_date(value, name)


@register.filter(expects_localtime=True)
def local_datetime(value, name=DEFAULT):
    """``{{ version.submitted_at|local_datetime }}``: "Feb 2, 2027, 3:05 PM", "2 feb 2027, 15:05"."""
    return format_local_datetime(value, name)


@register.filter(expects_localtime=True)
def local_time(value):
    """``{{ session.starts_at|local_time }}``: "3:05 PM", "15:05"."""
    return format_local_time(value)
