from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.checkins.models import CheckInRating, PoliticalSupport


class CheckInForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How is it going?"),
        choices=CheckInRating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it is going.")},
    )
    blockers = forms.CharField(
        label=_("What is blocking you?"),
        help_text=_("Optional. Anything in the way: decisions, people, data, time."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    political_support = forms.ChoiceField(
        label=_("Political support for the work"),
        choices=PoliticalSupport.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how strong your political support is.")},
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)
