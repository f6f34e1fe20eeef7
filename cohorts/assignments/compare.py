"""Field-by-field, row-by-row comparison of two contents of the same kind."""

import difflib
from itertools import zip_longest

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cohorts.assignments.kinds import KINDS, STAGE_LABELS

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"


def _text(value, labels=None):
    """The value as text, a choice shown by its label (`labels`: the field's choices)."""
    labels = {**STAGE_LABELS, **(labels or {})}
    if isinstance(value, list):
        return "\n".join(str(labels.get(item, item)) for item in value)
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return "" if value is None else str(labels.get(value, value))


def inline_diff(old, new):
    """The new text with insertions and deletions marked word by word (escaped HTML)."""
    a, b = old.split(" "), new.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 — every part is escaped above


def _field_rows(form_class, old, new, only_changed=False):
    rows = []
    for name, field in form_class.base_fields.items():
        if field.widget.is_hidden:
            continue
        labels = {key: label for key, label in getattr(field, "choices", ()) if key != ""}
        before, after = _text((old or {}).get(name), labels), _text((new or {}).get(name), labels)
        if old is None:
            status = ADDED
        elif new is None:
            status = REMOVED
        else:
            status = SAME if before == after else CHANGED
        if only_changed and status == SAME:
            continue
        rows.append(
            {
                "label": field.label,
                "old": before,
                "new": after,
                "status": status,
                "diff": inline_diff(before, after) if status == CHANGED else None,
            }
        )
    return rows


def _row_key(row):
    first = next(iter(row.values()), "")
    return str(first).casefold()


def diff(kind, a, b):
    """Sections of rows: the kind's single fields, then each list matched row by row."""
    spec = KINDS[kind]
    sections = []
    if spec.form_class:
        sections.append(
            {
                "title": None,
                "items": [{"title": None, "status": None, "fields": _field_rows(spec.form_class, a, b)}],
            }
        )
    for list_spec in spec.lists:
        old_rows, new_rows = a.get(list_spec.name, []), b.get(list_spec.name, [])
        matcher = difflib.SequenceMatcher(
            None, [_row_key(r) for r in old_rows], [_row_key(r) for r in new_rows], autojunk=False
        )
        items = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for offset, (old, new) in enumerate(zip_longest(old_rows[i1:i2], new_rows[j1:j2])):
                fields = _field_rows(list_spec.form_class, old, new)
                if old is None:
                    status = ADDED
                elif new is None:
                    status = REMOVED
                else:
                    status = CHANGED if any(f["status"] != SAME for f in fields) else SAME
                items.append(
                    {
                        "title": f"{list_spec.row_label} {(j1 if new is not None else i1) + offset + 1}",
                        "moved": tag == "equal" and i1 != j1,
                        "status": status,
                        "fields": fields,
                    }
                )
        sections.append({"title": list_spec.label, "items": items})
    return sections
