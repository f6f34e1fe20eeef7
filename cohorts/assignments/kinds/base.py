"""The parts every kind's editor, renderer and exporter is built from."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _


def text_area(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class LinesField(forms.CharField):
    """A list of short strings typed one per line (or separated by commas)."""

    def __init__(self, *args, commas=False, **kwargs):
        self.commas = commas
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", text_area(2))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        if self.commas:
            text = text.replace(",", "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        # An untouched empty row posts "" for this field: no lines, as its (absent) initial value.
        return self.to_python(self.prepare_value(initial or [])) != self.to_python(data)


class KindForm(forms.Form):
    """A kind's form: it may take its choices from the deliverables the kind builds on.

    ``sources`` maps each of the kind's source kinds to the team's current content of it.
    """

    #: Optional groups of fields shown as fieldsets in the editor: ((legend, (field names…)), …).
    sections = ()

    def __init__(self, *args, sources=None, **kwargs):
        self.sources = sources or {}
        super().__init__(*args, **kwargs)

    def grouped_fields(self):
        """(legend, bound fields) per section; one group without a legend when there are none."""
        if not self.sections:
            return [(None, list(self))]
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]


class RowForm(KindForm):
    """A row of a list: ORDER and DELETE come from the formset (reorder and remove in the page)."""

    def has_changed(self):
        """Whether anything was typed in the row: the position the page numbers every row with
        (ORDER) does not count, so an untouched empty row of a second list is skipped, not refused."""
        return any(name != "ORDER" for name in self.changed_data)


class IdentifiedRowForm(RowForm):
    """A row other rows or deliverables can point at: it keeps a stable id (given on first save)."""

    id = forms.CharField(required=False, max_length=32, widget=forms.HiddenInput)


def new_row_id():
    return secrets.token_hex(4)


@dataclass(frozen=True)
class ListSpec:
    """One list of rows in a kind's content, edited with a formset."""

    name: str
    label: str
    form_class: type
    add_label: str
    row_label: str
    max_rows: int | None = None  # more rows than this are refused with `too_many` (translated)
    too_many: str = ""


@dataclass(frozen=True)
class Table:
    """One table of an export: a title, column headers and rows of text."""

    title: str
    headers: list
    rows: list


@dataclass(frozen=True)
class Kind:
    """One assignment kind: its editor, its renderer and its export tables.

    A kind can build on other deliverables of the same team (``sources``): their current
    content is handed to its forms (for choices that link to their rows), to its renderer's
    ``context`` and, for a new draft, to ``prefill``, so a team never types the same thing twice.
    """

    kind: str
    template_name: str
    form_class: type | None = None
    lists: tuple = ()
    # (content, sources) -> list[Table]: a kind with sources names the rows it links to; None when
    # the kind is not tabular.
    tables: Callable | None = None
    accepts_uploads: bool = False
    sources: tuple = ()
    context: Callable | None = None  # (content, sources) -> extra renderer context
    prefill: Callable | None = None  # sources -> the first content of a new draft
    public: Callable | None = None  # content -> the text a team may publish of it (cohorts.sharing)
    extra: dict = field(default_factory=dict)

    @property
    def is_tabular(self):
        return self.tables is not None

    def export_tables(self, content, sources=None):
        return self.tables(content, sources or {})

    def render_context(self, content, sources):
        return self.context(content, sources) if self.context else {}


def overview_table(form_class, content, names=None):
    """The kind's single fields (those outside its lists) as a table of label and text, so an
    export carries them as well as the rows (the journey map's persona, a plan's problem...)."""
    fields = form_class.base_fields
    rows = []
    for name in names or fields:
        field = fields[name]
        value = content.get(name)
        choices = dict(getattr(field, "choices", ()) or ())
        if isinstance(value, list):
            value = "\n".join(str(choices.get(item, item)) for item in value)
        elif value is not None and choices:
            value = choices.get(value, value)
        rows.append([str(field.label), "" if value is None else str(value)])
    return Table(title=_("Overview"), headers=[_("Field"), _("Text")], rows=rows)
