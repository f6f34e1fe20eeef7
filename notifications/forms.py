from django import forms

from notifications.models import EmailFrequency, NotificationKind


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of notification a user may switch: each email, a weekly digest, or none."""

    def __init__(self, *args, frequencies, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            if kind in NotificationKind.required():
                continue
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=EmailFrequency.choices,
                initial=frequencies[kind.value],
                widget=forms.RadioSelect,
            )
