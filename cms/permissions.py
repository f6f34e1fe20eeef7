"""Who may see and change what. Every view asks here; an object outside your reach is a 404.

- A participant reaches only the teams they are a member of, never another team's anything,
  and never coaches' private notes.
- A coach reaches the teams they are assigned to (an assignment without an end date).
- Staff (users with the cohorts permissions, normally through the Wagtail admin) reach all.
- A member of a team whose place was given up (withdrawn or declined: an archived team) still
  reads and exports the team's assignments, and changes nothing.
"""

from django.db.models import Q
from django.http import Http404

from cohorts.models import Registration, Team


def is_staff(user):
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("cohorts.change_team"))
    )


def registrations_for(user):
    """The applications a signed-in user may open: their own."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(applicant=user)


def can_review_registrations(user):
    return user.is_authenticated and user.has_perm("cohorts.change_registration")


def member_teams(user):
    """Teams the user is a member of (their workspaces); archived teams are gone from it."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(archived_at=None, memberships__user=user).distinct()


def coached_teams(user):
    """Teams the user currently coaches."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(coach_assignments__coach=user, coach_assignments__ends_on=None).distinct()


def is_coach_or_staff(user):
    """Who works in the admin's coaching areas: staff, and anyone currently coaching a team."""
    return is_staff(user) or coached_teams(user).exists()


def teams_for(user):
    """Every team whose workspace the user may open: as member, assigned coach, or staff."""
    if not user.is_authenticated:
        return Team.objects.none()
    if is_staff(user):
        return Team.objects.filter(archived_at=None)
    return Team.objects.filter(
        Q(memberships__user=user) | Q(coach_assignments__coach=user, coach_assignments__ends_on=None),
        archived_at=None,
    ).distinct()


def past_teams(user):
    """Archived teams the user was a member of: their work stays readable to them."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(archived_at__isnull=False, memberships__user=user).distinct()


def readable_teams_for(user):
    """Every team whose work the user may read and export: those of `teams_for`, and their
    past teams (read-only: `can_edit_team_work` is False there)."""
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(
        Q(pk__in=teams_for(user).values("pk")) | Q(pk__in=past_teams(user).values("pk"))
    )


def team_or_404(user, team_pk, queryset=None):
    """The team, if the user may open its workspace; otherwise a 404 that leaks nothing."""
    team = (queryset if queryset is not None else teams_for(user)).filter(pk=team_pk).first()
    if team is None:
        raise Http404
    return team


def is_member(user, team):
    return user.is_authenticated and team.memberships.filter(user=user).exists()


def can_edit_team_work(user, team):
    """Members edit their team's drafts, evidence and action items; coaches and staff do not,
    and nobody edits an archived team's work."""
    return team.archived_at is None and is_member(user, team)


def can_review_team_work(user, team):
    """Coaches of the team and staff give feedback and verify evidence."""
    return is_staff(user) or coached_teams(user).filter(pk=team.pk).exists()
