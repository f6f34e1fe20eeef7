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

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from cohorts.models import Membership, Team
from cohorts.peers.models import PeerPairing
from cohorts.registration.models import Registration
from cohorts.schedule.models import SessionMaterial

#: The group whose members the admin keeps to the teams they coach (its permissions: coaching.groups).
COACHES_GROUP = "Coaches"


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


def coaches_any_team(user):
    """Whether the user currently coaches a team.

    Menu items, panels and views of an admin page all ask; the answer is read once per request
    (request.user is loaded anew for each request)."""
    if getattr(user, "_coaches_any_team", None) is None:
        user._coaches_any_team = coached_teams(user).exists()
    return user._coaches_any_team


def is_coach_or_staff(user):
    """Who works in the admin's coaching areas: staff, and anyone currently coaching a team."""
    return is_staff(user) or coaches_any_team(user)


class CoachOrStaffRequiredMixin:
    """For admin views that only staff and current coaches may open."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coach_or_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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


def workspace_team_or_404(user, team_pk):
    """The team whose workspace `user` opens, with its cohort and program; otherwise a 404."""
    return team_or_404(user, team_pk, teams_for(user).select_related("cohort__program"))


def member_team_or_404(user, team_pk):
    """The team, if `user` may change its work (a member of a team not archived); otherwise a 404."""
    team = workspace_team_or_404(user, team_pk)
    if not can_edit_team_work(user, team):
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


# Peer support and shared results
#
# A member of a paired team sees the pairing's page (the peer team's city, challenge area and
# published results) and its message thread; nothing else of the peer team's, whose workspace
# stays a 404 to them. The coaches of either team and staff read pairings and threads in the admin.
# A team's shared results are its work like any other; once published, everyone reads them on
# the public site.


def pairing_or_404(user, team_pk, pairing_pk):
    """(team, pairing): the user's own team `team_pk` (as a member) and one of its pairings."""
    team = team_or_404(user, team_pk, member_teams(user).select_related("cohort__program"))
    pairing = (
        PeerPairing.objects.of_team(team)
        .select_related(
            "team__cohort__program", "team__focus_area", "peer__cohort__program", "peer__focus_area"
        )
        .filter(pk=pairing_pk)
        .first()
    )
    if pairing is None:
        raise Http404
    return team, pairing


def can_message(user, team, pairing):
    """Members of a paired team write in the thread while the pairing lasts."""
    return pairing.is_active and pairing.includes(team) and can_edit_team_work(user, team)


def can_change_message(user, team, pairing, message):
    """A message's author changes or deletes it while the pairing lasts."""
    return (
        can_message(user, team, pairing)
        and message.pairing_id == pairing.pk
        and message.team_id == team.pk
        and message.author_id == user.pk
        and not message.is_deleted
    )


def can_review_results(user):
    """Staff approve results for publication, or send them back."""
    return is_staff(user)


def can_pair_teams(user):
    """Staff pair teams and end pairings."""
    return is_staff(user)


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


# What a user may read in the Wagtail admin.
#
# Model permissions (Wagtail's permission policies and the groups staff edit) say which kinds of
# record a user may open; this says which records of that kind. Staff reach every record. A coach
# (in the Coaches group, or assigned to a team now or before) who is not staff reaches, whatever
# permissions staff grant them, only the records of the teams they currently coach — a team's own
# records, the cohorts those teams are in with their sessions and announcements, and the people on
# those teams — and nothing else of a team's. Other users (program staff given narrower permissions,
# such as reading applications) reach the records of the models they hold a permission on. A model
# listed in none of the tables below holds no team's data (programs, curricula, criteria, TA
# topics, Wagtail's own models) and is left to the model permissions alone.

#: Team-owned models: the path from the model to its team ("" for the team itself), or a tuple of
#: paths for a record two teams share.
TEAM_OWNED = {
    "cohorts.team": "",
    "cohorts.membership": "team",
    "cohorts.teaminvitation": "team",
    "cohorts.registration": "team",
    "cohorts.registrationmember": "registration__team",
    "cohorts.registrationanswer": "registration__team",
    "cohorts.signedmou": "team",
    "cohorts.certificationrecord": "team",
    "cohorts.attendance": "membership__team",
    "cohorts.schedulevote": "membership__team",
    "cohorts.submission": "team",
    "cohorts.submissionversion": "submission__team",
    "cohorts.submissionattachment": "submission__team",
    "cohorts.feedback": "version__submission__team",
    "cohorts.refuseddraft": "submission__team",
    "cohorts.criterionprogress": "team",
    "cohorts.evidence": "progress__team",
    "cohorts.indicator": "team",
    "cohorts.measurement": "indicator__team",
    "cohorts.milestone": "team",
    "cohorts.checkin": "team",
    "coaching.coachassignment": "team",
    "coaching.tasession": "team",
    "coaching.actionitem": "team",
    "coaching.actionitemcomment": "item__team",
    "coaching.momentumnote": "team",
    # A pairing belongs to both of its teams (either path leads to a coached team).
    "cohorts.peerpairing": ("team", "peer"),
    "cohorts.peermessage": ("pairing__team", "pairing__peer"),
    "cohorts.sharedresult": "team",
    "cohorts.datasource": "team",
    "cohorts.dataimport": "source__team",
    "cohorts.dataprocess": "data_import__source__team",
    "cohorts.dataaward": "data_import__source__team",
}

#: Cohort-wide models: the path from the model to its cohort ("" for the cohort itself).
COHORT_OWNED = {
    "cohorts.cohort": "",
    "cohorts.session": "cohort",
    "cohorts.cohortbreak": "cohort",
    "cohorts.sessionmaterial": "session__cohort",
    "cohorts.announcement": "cohort",
    "cohorts.cohortcriterionset": "cohort",
    "cohorts.schedulepoll": "cohort",
    "cohorts.scheduleslot": "poll__cohort",
}

#: A person's own records: the path from the model to its user ("" for the user itself).
PERSON_OWNED = {
    "accounts.user": "",
    "notifications.notification": "user",
    "notifications.notificationpreference": "user",
    "cohorts.calendarfeed": "user",
    "notifications.remindersent": "user",
}


def _within(path, values):
    return {f"{path}__in" if path else "pk__in": values}


def is_scoped_coach(user):
    """A coach whom the admin keeps to their teams: not staff, and in the Coaches group or
    assigned to a team (now or before). Asked for every record a page shows: read once."""
    if not user.is_authenticated:
        return False
    if getattr(user, "_is_scoped_coach", None) is None:  # (request.user is a lazy proxy)
        user._is_scoped_coach = not is_staff(user) and (
            user.groups.filter(name=COACHES_GROUP).exists() or user.coach_assignments.exists()
        )
    return user._is_scoped_coach


class TeamAdminScope:
    """The admin scope (see accounts.admin_scope) of team, cohort and personal records."""

    labels = (*TEAM_OWNED, *COHORT_OWNED, *PERSON_OWNED)

    def sees_all(self, user):
        return is_staff(user)

    def is_limited(self, user):
        return is_scoped_coach(user)

    def narrow(self, user, queryset):
        """The records of the teams `user` coaches now: the teams' own, their cohorts', and the
        people's — themselves, and the members and current coaches of those teams."""
        label = queryset.model._meta.label_lower
        teams = coached_teams(user).values("pk")
        if label in TEAM_OWNED:
            paths = TEAM_OWNED[label]
            paths = (paths,) if isinstance(paths, str) else paths
            condition = Q()
            for path in paths:
                condition |= Q(**_within(path, teams))
            return queryset.filter(condition)
        if label in COHORT_OWNED:
            cohorts = Team.objects.filter(pk__in=teams).values("cohort")
            return queryset.filter(**_within(COHORT_OWNED[label], cohorts))
        # `IN` subqueries rather than joins: joining memberships and assignments to every user
        # multiplies the rows before the filter.
        User = get_user_model()
        members = Membership.objects.filter(team__in=teams).values("user")
        coaches = User.objects.filter(coach_assignments__team__in=teams, coach_assignments__ends_on=None)
        people = User.objects.filter(
            Q(pk=user.pk) | Q(pk__in=members) | Q(pk__in=coaches.values("pk"))
        ).values("pk")
        return queryset.filter(**_within(PERSON_OWNED[label], people))
