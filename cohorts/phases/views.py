"""The team's view of its phase plan: a panel on its home and the plan page, both read-only."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from cohorts.phases import selectors
from cohorts.policies import workspace_team_or_404
from cohorts.workspace.panels import TeamHomePanel


def phase_home_panel(*, team, user):
    """The current phase ("Diagnostic — week 3 of 8"), what is due in it, what is late and the next
    site visit, for a program with phases or a team with milestones; nothing otherwise."""
    if not selectors.has_phase_plan(team):
        return None
    now = timezone.now()
    status = selectors.team_phase_status(team, today=timezone.localdate(now), now=now)
    return TeamHomePanel(template_name="cohorts/phases/home_panel.html", context={"phase": status})


@login_required
def team_phases(request, team_pk):
    """Every phase of the team's program with its dates, deliverables and milestones."""
    team = workspace_team_or_404(request.user, team_pk)
    now = timezone.now()
    status = selectors.team_phase_status(team, today=timezone.localdate(now), now=now)
    phases = [
        {
            "span": span,
            "starts_on": status.dates[span.key][0],
            "ends_on": status.dates[span.key][1],
            "items": status.by_phase[span.key],
            "is_current": span.key == status.now.span.key,
        }
        for span in status.spans
    ]
    context = {
        "team": team,
        "cohort": team.cohort,
        "phase": status,
        "phases": phases,
        "today": timezone.localdate(now),
    }
    return render(request, "cohorts/phases/team_phases.html", context)
