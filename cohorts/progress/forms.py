"""The forms of a team's RDC progress pages and of the coaches' verification."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.assignments.models import Submission
from cohorts.opendata.models import DataImport
from cohorts.opendata.selectors import read_reports
from cohorts.progress.models import CertificationRecord, EvidenceKind, Indicator, Measurement

#: (name, unit, direction, the metric of the city's data that measures it, if any)
INDICATOR_SUGGESTIONS = [
    (_("Average bids per solicitation"), _("bids"), "higher", "mean_tenderers"),
    (_("Share of first-time vendors"), "%", "higher", "new_supplier_share"),
    (_("Share of small or local vendors"), "%", "higher", ""),
    (_("Procurement cycle days"), _("days"), "lower", ""),
    (_("Share of contracts published as open data"), "%", "higher", ""),
    (_("Share of single-bid solicitations"), "%", "lower", "single_bid_share"),
    (_("Share of open procedures"), "%", "higher", "open_procedure_share"),
    (_("Days from bid deadline to award"), _("days"), "lower", "median_days_to_award"),
]


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Evidence"), choices=EvidenceKind.choices)
    submission = forms.ModelChoiceField(
        label=_("Submission"), queryset=Submission.objects.none(), required=False
    )
    url = forms.URLField(label=_("Public link"), required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False)
    data_import = forms.ModelChoiceField(
        label=_("Data report"), queryset=DataImport.objects.none(), required=False
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission"].queryset = Submission.objects.filter(team=team).select_related("template")
        self.fields["data_import"].queryset = read_reports(team)
        self.fields["submission"].label_from_instance = lambda submission: str(submission.template.title)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "direction",
            "data_source",
            "cadence",
            "data_metric",
            "baseline_value",
            "baseline_date",
        ]
        widgets = {"baseline_date": forms.DateInput(attrs={"type": "date"})}


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": forms.DateInput(attrs={"type": "date"})}


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify")), ("return", _("Return to the team"))],
        initial="verify",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning: say what evidence is missing. The team receives it by email."),
    )


class CertificationForm(forms.ModelForm):
    """The city's What Works Cities certification level on a date, with its evidence."""

    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = CertificationRecord
        fields = ["level", "certified_on", "evidence_url", "evidence_file", "note"]
        widgets = {
            "certified_on": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "evidence_file": _("Or a file: the certification letter or a screenshot of the city's listing."),
        }
