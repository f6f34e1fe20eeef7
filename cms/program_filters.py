"""The program index's filter form. Kept apart from cms.forms, which is built on cms.models:
the program index page (a model) uses this form, so the two would import each other."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices
from sprints.models import ProgramKind


def _language_filter_choices():
    return [("", _("All languages")), *language_choices()]


def _kind_filter_choices():
    return [("", _("All kinds")), *ProgramKind.choices]


class ProgramFilterForm(forms.Form):
    """The program index's filters, sent as GET parameters."""

    language = forms.ChoiceField(label=_("Language"), required=False, choices=_language_filter_choices)
    kind = forms.ChoiceField(label=_("Kind of program"), required=False, choices=_kind_filter_choices)
