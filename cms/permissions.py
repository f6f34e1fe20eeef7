"""Who may see and change what. Every view asks here; an object outside your reach is a 404.

- A participant reaches only the teams they are a member of, never another team's anything,
  and never coaches' private notes.
- A coach reaches the teams they are assigned to (an assignment without an end date).
- Staff (users with the cohorts permissions, normally through the Wagtail admin) reach all.
- Session materials (Wagtail documents) reach the cohort's teams, their coaches and staff;
  documents filed in the "Public materials" collection reach everyone.
- A member of a team whose place was given up (withdrawn or declined: an archived team) still
  reads and exports the team's assignments, and changes nothing.
"""

from django.db.models import Q
from django.http import Http404

from cohorts.models import Registration, SessionMaterial, Team


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


def can_record_measurements(user, team):
    """Members record their team's indicator measurements; staff record those a team sends them."""
    return can_edit_team_work(user, team) or is_staff(user)


# Documents filed in this collection (or one inside it) are public; every other document is
# served only to those who may see it (see can_view_document).
PUBLIC_DOCUMENTS_COLLECTION = "Public materials"


def is_public_document(document):
    collection = document.collection
    if collection.name == PUBLIC_DOCUMENTS_COLLECTION:
        return True
    return collection.get_ancestors().filter(name=PUBLIC_DOCUMENTS_COLLECTION).exists()


def can_edit_documents(user):
    """Editors: whoever may add, change or choose documents in the admin."""
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, ["add", "change", "choose"])


def can_view_document(user, document):
    """A session's materials are for the people of its cohort: members of its teams (accepted,
    not archived), their coaches, and staff. A document in no session is for staff and
    editors. Documents in the public collection are for everyone."""
    if is_public_document(document):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    if is_staff(user) or can_edit_documents(user):
        return True
    cohorts = SessionMaterial.objects.filter(document=document).values("session__cohort_id")
    return teams_for(user).filter(cohort_id__in=cohorts).exists()
