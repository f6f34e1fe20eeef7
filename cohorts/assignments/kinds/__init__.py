"""The registry of assignment kinds: editor forms, renderer template and export tables.

Each group of kinds keeps its forms, tables and renderer context in a module of its own
(``sprint``: the sprints' templates); ``KINDS`` joins them, and ``Editor`` edits any of them.
"""

import math

from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory

from cohorts.assignments.kinds import design, diagnostic, sprint
from cohorts.assignments.kinds.base import Kind, ListSpec, Table, new_row_id
from cohorts.assignments.kinds.sprint import STAGE_LABELS, interviews_by_type, stage_coverage
from cohorts.formsets import HiddenRowControls
from sprints.schemas import empty_content, validate_content

__all__ = [
    "KINDS",
    "STAGE_LABELS",
    "Editor",
    "Kind",
    "ListSpec",
    "Table",
    "initial_content",
    "interviews_by_type",
    "public_text",
    "stage_coverage",
]

KINDS: dict[str, Kind] = {**sprint.KINDS, **diagnostic.KINDS, **design.KINDS}


def initial_content(kind, sources=None):
    """A new draft's content: what the kind takes from its sources, or the empty content."""
    spec = KINDS[kind]
    if spec.prefill and sources:
        return validate_content(kind, spec.prefill(sources))
    return empty_content(kind)


def public_text(kind, content) -> str | None:
    """The part of a deliverable the team may publish, as plain text (paragraphs and "- " lists),
    pre-filling the public version it proposes (cohorts.sharing); None when the kind has no public
    part (today only the action plan has: its public summary and the tasks marked public)."""
    spec = KINDS.get(kind)
    if spec is None or spec.public is None:
        return None
    return spec.public(content or {})


class RowFormSet(HiddenRowControls, BaseFormSet):
    """A list of the editor: ORDER and DELETE are hidden inputs formset.js sets."""


class Editor:
    """The editor of one kind: its single-field form plus one formset per list, bound or not.

    ``sources`` is the team's current content of the kinds this one builds on (see ``Kind``).
    """

    def __init__(self, kind, content=None, data=None, sources=None):
        self.spec = KINDS[kind]
        self.kind = kind
        content = content if content is not None else empty_content(kind)
        sources = sources or {}
        self.form = (
            self.spec.form_class(data, initial=content, prefix="main", sources=sources)
            if self.spec.form_class
            else None
        )
        self.formsets = []
        for spec in self.spec.lists:
            initial = content.get(spec.name, [])
            extra = 1 if data is None and not initial else 0
            formset_class = formset_factory(
                spec.form_class,
                formset=RowFormSet,
                extra=extra,
                can_delete=True,
                can_order=True,
                max_num=spec.max_rows,
                validate_max=spec.max_rows is not None,
            )
            if spec.too_many:
                formset_class.default_error_messages = {
                    **formset_class.default_error_messages,
                    "too_many_forms": spec.too_many,
                }
            formset = formset_class(
                data,
                initial=initial or None,
                prefix=spec.name,
                form_kwargs={"sources": sources},
            )
            formset.spec = spec
            self.formsets.append(formset)
        self.content_error = None

    def is_valid(self):
        valid = (self.form is None or self.form.is_valid()) & all(fs.is_valid() for fs in self.formsets)
        if not valid:
            return False
        try:
            self.cleaned_content = validate_content(self.kind, self._content())
        except ValidationError as error:
            self.content_error = " ".join(error.messages)
            return False
        return True

    def _content(self):
        content = dict(self.form.cleaned_data) if self.form else {}
        for formset in self.formsets:
            rows = []
            for index, form in enumerate(formset.forms):
                data = form.cleaned_data
                if (
                    not data
                    or data.get("DELETE")
                    or (not form.has_changed() and index >= formset.initial_form_count())
                ):
                    continue
                order = data.get("ORDER")
                row = {key: value for key, value in data.items() if key not in ("ORDER", "DELETE")}
                for key, value in row.items():
                    if hasattr(value, "isoformat"):
                        row[key] = value.isoformat()
                if "id" in row and not row["id"]:
                    row["id"] = new_row_id()
                rows.append((order if order is not None else math.inf, index, row))
            content[formset.spec.name] = [row for _order, _index, row in sorted(rows, key=lambda r: r[:2])]
        return content

    @property
    def errors_present(self):
        return (
            bool(self.content_error)
            or (self.form is not None and self.form.errors)
            or any(fs.total_error_count() for fs in self.formsets)
        )
