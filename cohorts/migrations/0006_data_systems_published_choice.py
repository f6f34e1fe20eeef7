"""The data systems map's "published where" becomes a choice with a link and a note.

Saved drafts (and refused draft copies) are converted here; submitted versions stay as they were
stored and are read through the schema's tolerant reader (sprints.schemas.sprint.DataSystem).
The mapping is frozen here, as it was when this migration was written.
"""

import re

from django.db import migrations

NOT_PUBLISHED = {
    "",
    "-",
    "—",
    "n/a",
    "na",
    "no",
    "none",
    "nowhere",
    "not published",
    "unpublished",
    "ninguno",
    "ninguna",
    "ningún lugar",
    "ningun lugar",
    "no se publica",
    "no publicado",
    "no publicada",
    "sin publicar",
}
HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)


def publication(text):
    text = (text or "").strip()
    if text.casefold().rstrip(".") in NOT_PUBLISHED:
        return {"published": "none", "published_url": None, "published_note": ""}
    if re.match(r"^https?://\S+$", text, re.IGNORECASE):
        return {"published": "open", "published_url": text, "published_note": ""}
    if HOST.match(text):
        return {"published": "open", "published_url": f"https://{text}", "published_note": ""}
    return {"published": "internal", "published_url": None, "published_note": text[:500]}


def convert(content):
    """The content with each system's free text read as the choice; None when nothing changed."""
    systems = (content or {}).get("systems") if isinstance(content, dict) else None
    if not isinstance(systems, list):
        return None
    changed = False
    converted = []
    for system in systems:
        if isinstance(system, dict) and "published_where" in system:
            system = dict(system)
            system.update(publication(str(system.pop("published_where") or "")))
            changed = True
        converted.append(system)
    return {**content, "systems": converted} if changed else None


def forwards(apps, schema_editor):
    Submission = apps.get_model("cohorts", "Submission")
    RefusedDraft = apps.get_model("cohorts", "RefusedDraft")
    for model, kind_path in ((Submission, "template__kind"), (RefusedDraft, "submission__template__kind")):
        for row in model.objects.filter(**{kind_path: "data_systems_map"}).iterator():
            content = convert(row.content)
            if content is not None:
                row.content = content
                row.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0005_phase_plan_milestones"),
        ("sprints", "0004_design_implementation_kinds"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
