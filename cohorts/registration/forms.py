from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from cohorts.formsets import HiddenRowControls
from cohorts.registration.models import Registration, RegistrationAnswer, RegistrationMember
from cohorts.registration.rules import (
    ANSWER_REQUIRED,
    CHOICE_INVALID,
    MOU_REQUIRED,
    TIME_COMMITMENT_REQUIRED,
    team_composition_errors,
)
from sprints.models import QuestionKind

QUESTION_PREFIX = "question_"

STALE_EDIT = _(
    "Someone else changed this application while you were editing it. Your changes are shown below "
    "but were not saved: compare them with the current version, then save again."
)


#: The field beside which each of the submit service's refusals is shown (others go on top).
SERVICE_ERROR_FIELDS = {
    "time_commitment_required": "accepts_time_commitment",
    "mou_required": "accepts_mou",
}


class RegistrationForm(forms.ModelForm):
    """The application's own fields. On submit every field is required; a draft may be partial."""

    required_on_submit = ["city", "jurisdiction", "team_name", "challenge_statement", "focus_area"]

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Registration
        fields = [
            "city",
            "jurisdiction",
            "team_name",
            "challenge_statement",
            "focus_area",
            "accepts_time_commitment",
            "accepts_mou",
        ]
        widgets = {"challenge_statement": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "challenge_statement": _(
                "In a few sentences: the procurement problem your team wants to solve and why it matters now."
            ),
        }

    def __init__(self, *args, cohort, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        program = cohort.program
        self.fields["focus_area"].queryset = program.focus_areas.all()
        self.fields["focus_area"].empty_label = _("Choose a focus area")
        self.fields["accepts_time_commitment"].label = _("Our team can commit the time each role asks for.")
        if program.mou_required:
            self.fields["accepts_mou"].label = _("We will sign the memorandum of understanding.")
        else:
            del self.fields["accepts_mou"]
        self.submitting = submitting
        if submitting:
            for name in self.required_on_submit:
                self.fields[name].required = True
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_at"] = self.instance.updated_at.isoformat()
        self.add_question_fields(program, submitting)

    def add_question_fields(self, program, submitting):
        """One field per question the program asks, in the active language, prefilled with the answers."""
        self.questions = list(program.questions.all())
        answers = {}
        if self.instance.pk:
            answers = {answer.question_id: answer.answer for answer in self.instance.answers.all()}
        for question in self.questions:
            name = f"{QUESTION_PREFIX}{question.pk}"
            options = {
                "label": question.text,
                "help_text": question.help_text,
                "required": submitting and question.required,
                "error_messages": {"required": ANSWER_REQUIRED, "invalid_choice": CHOICE_INVALID},
            }
            answer = answers.get(question.pk, "")
            if question.kind == QuestionKind.CHOICE:
                choices = question.option_list
                self.fields[name] = forms.ChoiceField(
                    choices=[("", _("Choose an option")), *((option, option) for option in choices)],
                    **options,
                )
                answer = same_option_in_active_language(question, answer)
            elif question.kind == QuestionKind.SHORT_TEXT:
                self.fields[name] = forms.CharField(max_length=500, **options)
            else:
                self.fields[name] = forms.CharField(
                    max_length=10000, widget=forms.Textarea(attrs={"rows": 4}), **options
                )
            if answer:
                self.initial[name] = answer

    @property
    def question_fields(self):
        return [self[f"{QUESTION_PREFIX}{question.pk}"] for question in self.questions]

    def save_answers(self, registration):
        """Store each answer with the question's text as asked (editing the question later keeps it)."""
        existing = {answer.question_id: answer for answer in registration.answers.all()}
        for order, question in enumerate(self.questions):
            value = (self.cleaned_data.get(f"{QUESTION_PREFIX}{question.pk}") or "").strip()
            answer = existing.get(question.pk)
            if answer is None and not value:
                continue
            answer = answer or RegistrationAnswer(registration=registration, question=question)
            answer.question_text = question.text
            answer.answer = value
            answer.sort_order = order
            answer.full_clean()
            answer.save()

    def validate_unique(self):
        # The form has no cohort or applicant field, yet the constraints that name them still apply.
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self._update_errors(error)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("loaded_at") != self.instance.updated_at.isoformat():
            raise ValidationError(STALE_EDIT, code="stale")
        if self.submitting:
            # The service refuses these too; asking here puts the message beside the box and
            # keeps everything typed (nothing is saved until the whole page is valid).
            if not cleaned.get("accepts_time_commitment"):
                self.add_error(
                    "accepts_time_commitment",
                    ValidationError(TIME_COMMITMENT_REQUIRED, code="time_commitment_required"),
                )
            if "accepts_mou" in self.fields and not cleaned.get("accepts_mou"):
                self.add_error("accepts_mou", ValidationError(MOU_REQUIRED, code="mou_required"))
        return cleaned

    def show_service_errors(self, error: ValidationError):
        """Show why the service refused to submit, beside the fields they concern where there is one.

        Works on a form rebuilt from the saved draft (unbound, so Django's add_error alone would fail).
        """
        if self._errors is None:
            self._errors = ErrorDict()
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}
        for problem in error.error_list:
            field = SERVICE_ERROR_FIELDS.get(problem.code)
            self.add_error(field if field in self.fields else None, problem)


def same_option_in_active_language(question, answer):
    """A choice answered in another language, as the option at the same place in the active one."""
    for code, _name in settings.LANGUAGES:
        lines = [line.strip() for line in (getattr(question, f"options_{code}", "") or "").splitlines()]
        lines = [line for line in lines if line]
        if answer in lines:
            index = lines.index(answer)
            current = question.option_list
            return current[index] if index < len(current) else answer
    return answer


class MemberForm(forms.ModelForm):
    class Meta:
        model = RegistrationMember
        fields = ["full_name", "email", "title", "department", "role"]

    def has_changed(self):
        # The applicant's own row comes prefilled: left as it is, it still names a member.
        if self.is_bound and self.initial and self.instance.pk is None:
            return any(self.data.get(self.add_prefix(name)) for name in self.fields if name != "DELETE")
        return super().has_changed()


class BaseMemberFormSet(HiddenRowControls, BaseInlineFormSet):
    """Team members; on submit the team's size and roles must fit the program."""

    def __init__(self, *args, cohort, submitting=False, applicant=None, **kwargs):
        self.cohort = cohort
        self.submitting = submitting
        instance = kwargs.get("instance")
        if applicant is not None and instance is not None and instance.pk is None:
            # A new application starts with the applicant as its first member (editable).
            kwargs.setdefault("initial", [{"full_name": applicant.get_full_name(), "email": applicant.email}])
        super().__init__(*args, **kwargs)
        # A new application starts with a row per member the team is expected to have; a saved
        # one always offers one empty row (so adding a member also works without JavaScript).
        self.extra = 1 if self.instance.pk else cohort.program.expected_team_size

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["role"].queryset = self.cohort.program.roles.all()
        form.fields["role"].empty_label = _("Choose a role")
        form.fields["role"].required = True
        form.fields["email"].required = True

    def save(self, commit=True):
        # Members keep the order they have on the page (the applicant's own row first).
        kept = [form for form in self.forms if not self._should_delete_form(form)]
        for order, form in enumerate(kept):
            form.instance.sort_order = order
        return super().save(commit)

    def kept_members(self):
        return [
            form.instance
            for form in self.forms
            if (form.instance.pk or form.has_changed()) and not self._should_delete_form(form)
        ]

    def clean(self):
        super().clean()
        errors = team_composition_errors(self.cohort.program, self.kept_members())
        if not self.submitting:
            # A draft may be incomplete, but never lists the same person twice.
            errors = [error for error in errors if error.code == "duplicate_email"]
        if errors:
            raise ValidationError(errors)


MemberFormSet = inlineformset_factory(
    Registration,
    RegistrationMember,
    form=MemberForm,
    formset=BaseMemberFormSet,
    extra=0,
    can_delete=True,
    max_num=30,
)


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, withdraw our application."), required=True)


class BulkDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to every applicant with the decision and kept in each application's history."),
    )
