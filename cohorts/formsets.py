"""What every repeating form on the front end shares: its ORDER and DELETE controls are hidden
inputs that cohorts/js/formset.js sets (the move and remove buttons are what people use), so
they neither need a label nor take keyboard focus."""

from django import forms


class HiddenBooleanInput(forms.HiddenInput):
    """A boolean as a hidden input: empty when false, "on" when true; reads "on", "true", "1"."""

    def format_value(self, value):
        return "on" if value in (True, "on", "1", "True", "true") else ""

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if isinstance(value, str):
            return value.lower() in ("on", "1", "true")
        return bool(value)


class HiddenRowControls:
    """Mix into a formset class: ORDER and DELETE render as hidden inputs."""

    ordering_widget = forms.HiddenInput
    deletion_widget = HiddenBooleanInput
