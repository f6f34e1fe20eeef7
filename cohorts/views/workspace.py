"""The team workspace: a city team's home for the length of its program."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from cms.permissions import team_or_404, teams_for


@login_required
def workspace(request):
    """Send a participant to their team; a person on several teams picks one."""
    teams = list(teams_for(request.user).select_related("cohort__program"))
    if len(teams) == 1:
        return redirect("cohorts:team_home", team_pk=teams[0].pk)
    return render(request, "cohorts/workspace/pick_team.html", {"teams": teams})


@login_required
def team_home(request, team_pk):
    team = team_or_404(request.user, team_pk, teams_for(request.user).select_related("cohort__program"))
    context = {
        "team": team,
        "cohort": team.cohort,
        "memberships": team.memberships.select_related("user", "role"),
    }
    return render(request, "cohorts/workspace/team_home.html", context)
