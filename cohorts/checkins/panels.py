"""What check-ins contribute to a team's home page (cohorts.workspace.panels)."""

from cohorts.checkins import selectors, services
from cohorts.policies import can_edit_team_work
from cohorts.workspace.panels import TeamHomePanel


def checkin_panel(team, user):
    """For the team's members in a program week: this week's check-in, or a button to give it
    (two queries). Nothing in break weeks, outside the run, or for coaches and staff."""
    week = services.checkin_week(team=team)
    if week is None or not can_edit_team_work(user, team):
        return None
    return TeamHomePanel(
        template_name="cohorts/checkins/team_home_panel.html",
        context={"checkin": selectors.team_checkin(team, week), "checkin_week": week},
    )
