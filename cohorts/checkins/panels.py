"""What check-ins contribute to a team's home page (cohorts.workspace.panels)."""

from django.db.models import OuterRef, Subquery

from cohorts.checkins import services
from cohorts.checkins.models import CheckIn, CheckInRating, PoliticalSupport
from cohorts.models import Membership
from cohorts.workspace.panels import TeamHomePanel


def checkin_panel(team, user):
    """For the team's members in a program week: this week's check-in, or a button to give it.
    Nothing in break weeks, outside the run, on an archived team, or for coaches and staff.

    One query: the viewer's membership, with this week's answers alongside it."""
    week = services.checkin_week(team=team)
    if week is None or team.archived_at is not None:
        return None
    this_week = CheckIn.objects.filter(team=OuterRef("team"), week=week)
    row = (
        Membership.objects.filter(team=team, user=user)
        .annotate(
            checkin_rating=Subquery(this_week.values("rating")[:1]),
            checkin_support=Subquery(this_week.values("political_support")[:1]),
        )
        .values_list("checkin_rating", "checkin_support")
        .first()
    )
    if row is None:  # not a member
        return None
    rating, support = row
    checkin = None
    if rating is not None:
        checkin = {"rating": CheckInRating(rating).label, "support": PoliticalSupport(support).label}
    return TeamHomePanel(
        template_name="cohorts/checkins/team_home_panel.html",
        context={"checkin": checkin, "checkin_week": week},
    )
