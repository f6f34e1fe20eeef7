"""Admin forms of what programs teach."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from sprints.models import PHASES_TOO_LONG


class ProgramAdminForm(WagtailAdminModelForm):
    """The program's form: its phases together last no longer than the program (the last phase runs
    to the end, so a shorter total is fine)."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("phases")
        weeks = cleaned_data.get("duration_weeks")
        if formset is None or not weeks:
            return cleaned_data
        total = 0
        for form in formset.forms:
            if not form.is_valid():
                return cleaned_data  # the row's own errors first
            if formset.can_delete and formset._should_delete_form(form):
                continue
            total += form.cleaned_data.get("weeks") or 0
        if total > weeks:
            self.add_error(
                "duration_weeks",
                ValidationError(
                    PHASES_TOO_LONG, code="phases_too_long", params={"total": total, "weeks": weeks}
                ),
            )
        return cleaned_data
