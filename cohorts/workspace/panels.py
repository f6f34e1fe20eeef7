"""Sections other apps add to a team's home page, collected through a Wagtail hook.

An app registers a function for ``register_team_home_panel``; it takes the team and the user
viewing it and returns a ``TeamHomePanel`` (or None to show nothing). The team home shows the
panels in the order of the hooks, in its grid after the assignments; a panel marked ``first`` (an
open step the team must take before anything else, such as a missing signed MOU) goes at the top
of the page instead. A panel's template renders
within the page's context (``team``, ``cohort``, ``today``, ``week``…) plus the panel's own
``context``, whose reads must stay bounded: a fixed number of queries whatever the team's size.
"""

from dataclasses import dataclass, field

from wagtail import hooks

TEAM_HOME_PANEL_HOOK = "register_team_home_panel"


@dataclass(frozen=True)
class TeamHomePanel:
    template_name: str
    context: dict = field(default_factory=dict)
    #: At the top of the page, before the week and the grid: an open step that comes first.
    first: bool = False


def team_home_panels(*, team, user) -> list[TeamHomePanel]:
    """The panels the installed apps contribute to `team`'s home page for `user`."""
    panels = (hook(team=team, user=user) for hook in hooks.get_hooks(TEAM_HOME_PANEL_HOOK))
    return [panel for panel in panels if panel is not None]
