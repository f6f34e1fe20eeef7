"""Rendering the panels other apps add to a team's home page (cohorts.workspace.panels)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def team_home_panel(context, panel):
    """The panel's template, rendered in the page's context plus the panel's own (like include)."""
    panel_template = context.template.engine.get_template(panel.template_name)
    with context.push(panel.context):
        return panel_template.render(context)
