"""The team workspace: a city team's home for the length of its program."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from cohorts.assignments import selectors as assignments_selectors
from cohorts.policies import past_teams, teams_for, workspace_team_or_404
from cohorts.progress import selectors as progress_selectors
from cohorts.registration.selectors import accepted_without_place
from cohorts.schedule import selectors as schedule_selectors
from cohorts.workspace import selectors
from cohorts.workspace.panels import team_home_panels


@login_required
def workspace(request):
    """Send a participant to their team; a person on several teams, or with past teams whose work
    they can still read and export, picks one."""
    teams = list(teams_for(request.user).select_related("cohort__program"))
    past = list(past_teams(request.user).select_related("cohort__program").order_by("-archived_at"))
    if len(teams) == 1 and not past:
        return redirect("cohorts:team_home", team_pk=teams[0].pk)
    context = {
        "teams": teams,
        "past_teams": past,
        # Applicants who listed only others: they are told why they have no workspace.
        "applied_not_member": list(accepted_without_place(request.user)) if not teams else [],
    }
    return render(request, "cohorts/workspace/pick_team.html", context)


@login_required
def team_home(request, team_pk):
    """Week N, the timeline, announcements, next sessions, assignments, next steps, RDC and roster."""
    team = workspace_team_or_404(request.user, team_pk)
    cohort = team.cohort
    now = timezone.now()
    today = timezone.localdate(now)
    sessions = schedule_selectors.cohort_session_list(cohort)
    position = cohort.position(today)
    memberships = list(selectors.team_roster(team))
    viewer = next((m for m in memberships if m.user_id == request.user.pk), None)
    panels = team_home_panels(team=team, user=request.user)
    context = {
        "team": team,
        "cohort": cohort,
        "today": today,
        "position": position,
        "back_on": cohort.week_start(position.week) if position.is_break else None,
        "week": position.week if position.phase == "week" else None,
        "has_finished": position.phase == "after",
        "timeline": schedule_selectors.cohort_timeline(cohort, sessions, today),
        "upcoming_sessions": schedule_selectors.upcoming_sessions(sessions, now),
        "assignments": assignments_selectors.team_assignments(team, today),
        "first_panels": [panel for panel in panels if panel.first],
        "panels": [panel for panel in panels if not panel.first],
        "criteria": progress_selectors.team_criteria_summary(team),
        "memberships": memberships,
        # Coaches and staff (who open the team without being on it) see who is invited but
        # has not joined yet.
        "invitations": list(selectors.team_pending_invitations(team)) if viewer is None else [],
        "announcements": list(selectors.team_announcements(team, viewer)),
    }
    return render(request, "cohorts/workspace/team_home.html", context)
