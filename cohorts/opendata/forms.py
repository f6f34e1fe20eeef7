"""The forms of a team's data page: a file, an address, a spreadsheet's columns, a period."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cohorts.opendata import reading
from cohorts.opendata.models import DataSource, FetchSchedule, SourceKind
from cohorts.opendata.services import NAME_REQUIRED

SYSTEM_HELP = _("Optional: the system of your data systems map this data comes from.")


class UploadForm(forms.Form):
    """A file for one of the team's upload sources, or for a new one. The file comes last, so that a
    file cut off for its size keeps everything typed before it."""

    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=DataSource.objects.none(),
        required=False,
        empty_label=_("A new source"),
        help_text=_("A new version of data you gave before goes to the same source."),
    )
    name = forms.CharField(
        label=_("Name of the new source"),
        max_length=200,
        required=False,
        help_text=_("For example “Contracts from the finance system”."),
    )
    system = forms.CharField(label=_("System"), max_length=200, required=False, help_text=SYSTEM_HELP)
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose the file to upload.")},
        max_length=1000,
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = DataSource.objects.active().filter(team=team, kind=SourceKind.UPLOAD)
        self.fields["file"].help_text = _(
            "OCDS JSON (a release or record package, or one release per line), or a spreadsheet of "
            "your contracts as CSV or Excel (.xlsx). Up to %(size)s."
        ) % {"size": filesizeformat(reading.max_bytes())}

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("source")
            and not (cleaned.get("name") or "").strip()
            and "name" not in self.errors
        ):
            self.add_error("name", NAME_REQUIRED)
        return cleaned


class AddressForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For example “City open contracting portal”.")
    )
    system = forms.CharField(label=_("System"), max_length=200, required=False, help_text=SYSTEM_HELP)
    url = forms.URLField(
        label=_("Address of your open data"),
        max_length=2000,
        assume_scheme="https",
        help_text=_("The address of an OCDS file, or of a CSV or Excel file, that opens without signing in."),
    )
    schedule = forms.ChoiceField(
        label=_("Fetch it again"),
        choices=FetchSchedule.choices,
        initial=FetchSchedule.MONTHLY,
        help_text=_("Ruta reads it now, then on this schedule, while the server can reach the internet."),
    )


class MappingForm(forms.Form):
    """For each field Ruta reads from a spreadsheet, the column that holds it."""

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —")), *((column, column) for column in columns)]
        for key, label in reading.SPREADSHEET_FIELDS:
            required = key in reading.REQUIRED_SPREADSHEET_FIELDS
            self.fields[key] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=required,
                error_messages={"required": _("Choose the column that holds this.")},
            )

    def mapping(self):
        return {key: self.cleaned_data.get(key) or "" for key, _label in reading.SPREADSHEET_FIELDS}


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Until (not included)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("Choose an end after the start."))
        return cleaned
