"""The forms of assignment review: feedback on a submitted version."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.assignments.models import FeedbackDecision


class FeedbackForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=FeedbackDecision.choices,
        initial=FeedbackDecision.COMMENT,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Feedback"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The team sees it on this version and receives it by email."),
    )
