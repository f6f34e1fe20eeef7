from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.peers.models import MESSAGE_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Every member of the other team reads it, and is told by email."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
