"""What applications contribute to a team's home page (cohorts.workspace.panels): the signed MOU."""

from cohorts.registration.models import SignedMOU
from cohorts.workspace.panels import TeamHomePanel


def mou_panel(team, user):
    """For a program that requires an MOU: "Signed MOU" as the first open step until staff record it,
    then the signed MOU to download (one query)."""
    if not team.cohort.program.mou_required:
        return None
    mou = SignedMOU.objects.filter(team=team).first()
    if mou is None:
        return TeamHomePanel(template_name="cohorts/workspace/mou_open_step.html", first=True)
    return TeamHomePanel(template_name="cohorts/workspace/mou_signed.html", context={"mou": mou})
