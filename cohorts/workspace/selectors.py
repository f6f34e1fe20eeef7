"""Read queries of the team home: its roster, pending invitations and announcements."""

from django.db.models import Q

from cohorts.announcements.models import Announcement
from cohorts.models import Membership, Team


def team_roster(team: Team):
    return Membership.objects.filter(team=team).select_related("user", "role").order_by("sort_order", "pk")


def team_pending_invitations(team: Team):
    """Places kept for people invited to the team who have not joined yet (they have no access)."""
    return team.invitations.filter(accepted_at=None).select_related("role").order_by("sort_order", "pk")


def team_announcements(team: Team, viewer: Membership | None, limit: int = 5):
    """The latest announcements sent to the team's cohort that address `viewer`, newest first.

    A member sees those sent to every member and those sent to their own role; someone who
    is not a member of the team (its coach, staff) sees all of them. One query.
    """
    announcements = Announcement.objects.filter(cohort_id=team.cohort_id, sent_at__isnull=False)
    if viewer is not None:
        announcements = announcements.filter(Q(role=None) | Q(role_id=viewer.role_id))
    return announcements.select_related("role").order_by("-sent_at", "-pk")[:limit]
