"""Reads of the team's check-ins."""

from cohorts.checkins.models import CheckIn

#: How many past check-ins the team sees beside the form.
RECENT_CHECKINS = 6


def team_checkin(team, week):
    """The team's check-in for program `week`, or None."""
    if week is None:
        return None
    return CheckIn.objects.filter(team=team, week=week).select_related("updated_by").first()


def recent_checkins(team, limit=RECENT_CHECKINS):
    return CheckIn.objects.filter(team=team).select_related("updated_by").order_by("-week")[:limit]
