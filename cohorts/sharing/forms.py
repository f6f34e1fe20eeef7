"""The team's form for a shared result: the text in the team's language, an optional
translation, and what it draws on (indicators for a case story, a submitted deliverable)."""

from django import forms
from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.languages import language_in_sentence
from cohorts.assignments.models import SubmissionVersion
from cohorts.progress.models import Indicator
from cohorts.sharing.models import ResultKind, SharedResult

HELP = {
    "title": _("A short title visitors see in the program's list of results."),
    "problem": _("What was not working, and for whom. Leave out anything confidential."),
    "what_changed": _("What the team did and what is different now."),
    "public_text": _("The version of the deliverable anyone may read: nothing internal or confidential."),
}


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, version):
        return _("%(assignment)s, version %(number)s") % {
            "assignment": version.submission.template.title,
            "number": version.number,
        }


def latest_versions(team):
    """The latest submitted version of each of the team's assignments."""
    return (
        SubmissionVersion.objects.filter(submission__team=team, number=F("submission__version_number"))
        .select_related("submission__template")
        .order_by("submission__template__due_week", "submission__template__title")
    )


class ResultForm(forms.ModelForm):
    """Built per kind and language by `result_form_class`."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = SharedResult
        fields = []

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        if "indicators" in self.fields:
            self.fields["indicators"].queryset = Indicator.objects.filter(team=team).order_by("name")
            if self.instance.pk and not self.is_bound:
                self.initial["indicators"] = [row.get("id") for row in self.instance.indicators]
        if "version" in self.fields:
            self.fields["version"].queryset = latest_versions(team)
        if not self.is_bound:
            self.initial.setdefault("revision", self.instance.revision)


def result_form_class(kind, language):
    """The form for a result of `kind` written in `language`: its fields in that language first,
    then the same fields in every other language, optional."""
    texts = SharedResult.REQUIRED_FIELDS[kind]
    others = [code for code, _name in settings.LANGUAGES if code != language]
    names = [build_localized_fieldname(field, language) for field in texts]
    names += [build_localized_fieldname(field, code) for code in others for field in texts]
    extra = {}
    if kind == ResultKind.CASE_STORY:
        extra["indicators"] = forms.ModelMultipleChoiceField(
            label=_("Indicators before and after"),
            queryset=Indicator.objects.none(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_(
                "Each shows its baseline and latest measurement as they are when you propose the result."
            ),
        )
    else:
        names.insert(0, "version")
    labels, help_texts, widgets = {}, {}, {}
    for field in texts:
        label = SharedResult._meta.get_field(field).verbose_name
        for code in [language, *others]:
            name = build_localized_fieldname(field, code)
            labels[name] = f"{str(label).capitalize()} ({language_in_sentence(code)})"
            if code == language:
                help_texts[name] = HELP[field]
            else:
                help_texts[name] = _("Optional translation.")
            if field != "title":
                widgets[name] = forms.Textarea(attrs={"rows": 8 if field == "public_text" else 5})
    meta = type(
        "Meta",
        (),
        {
            "model": SharedResult,
            "fields": names,
            "labels": labels,
            "help_texts": help_texts,
            "widgets": widgets,
            "field_classes": {"version": VersionChoiceField},
        },
    )
    form_class = type("ResultForm", (ResultForm,), {"Meta": meta, **extra})
    form_class.original_fields = [build_localized_fieldname(field, language) for field in texts]
    form_class.translated_fields = [
        build_localized_fieldname(field, code) for code in others for field in texts
    ]
    return form_class
