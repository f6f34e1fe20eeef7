"""``{% load ruta_dates %}``: the one way to say how many days ago something was (accounts.dates)."""

from django import template

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
