"""Rendering helpers shared by the assignment renderers (workspace, admin review, PDF)."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, format_html_join, urlize
from django.utils.safestring import mark_safe

from accounts.languages import lang_attribute
from cohorts.assignments.kinds import KINDS, STAGE_LABELS
from cohorts.assignments.kinds.design import CHOICE_LABELS
from cohorts.assignments.kinds.sprint import PUBLICATION_LABELS
from cohorts.assignments.selectors import source_contents

register = template.Library()


@register.filter
def richish(text):
    """Plain text made readable: blank lines separate paragraphs, "- " lines make lists, links link."""
    blocks = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = format_html_join(
                "",
                "<li>{}</li>",
                # urlize(autoescape=True) escapes the text; only its links are markup.
                ((mark_safe(urlize(line.lstrip()[2:], autoescape=True)),) for line in lines),  # noqa: S308
            )
            blocks.append(format_html("<ul>{}</ul>", items))
        else:
            body = mark_safe("<br>".join(urlize(line, autoescape=True) for line in lines))  # noqa: S308
            blocks.append(format_html("<p>{}</p>", body))
    return mark_safe("".join(conditional_escape(block) for block in blocks))  # noqa: S308


@register.filter
def stage_label(stage):
    return STAGE_LABELS.get(stage, stage)


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` — a linked row's title by its id ("" when it is gone)."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def publication_label(value):
    return PUBLICATION_LABELS.get(value, value)


@register.filter
def choice_label(value, name):
    """`value|choice_label:"horizon"` — the translated label of a design kind's choice value."""
    return CHOICE_LABELS.get(name, {}).get(value, value)


@register.simple_tag(takes_context=True)
def render_content(context, kind, content, attachments=None, team=None):
    """The kind's renderer template for `content` (a dict validated by the kind's schema).

    A kind that builds on other deliverables reads the team's current content of them.
    """
    spec = KINDS[kind]
    sources = source_contents(team, spec.sources) if team is not None else {}
    extra = spec.render_context(content, sources)
    return render_to_string(
        spec.template_name,
        {
            "content": content,
            "attachments": attachments or [],
            "team": team,
            "download": context.get("download_files", True),
            "sources": sources,
            # ` lang="es"` on the team's own words when the page is in another language.
            "team_lang": lang_attribute(team),
            **extra,
        },
        request=context.get("request"),
    )
