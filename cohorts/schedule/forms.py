"""The schedule's forms: the cohort with its break weeks (admin), taking attendance from a roster."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import LATEST_DATE, RUN_ENDS_TOO_LATE
from cohorts.schedule.models import AttendanceStatus
from cohorts.schedule.weeks import Break, CohortCalendar, break_errors


class CohortAdminForm(WagtailAdminModelForm):
    """The cohort's admin form: each break row that breaks a calendar rule (overlap, before week 2,
    after the run, 1 to 8 weeks) gets its message beside its own field, and a run pushed past the
    last accepted date gets one beside the start date."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("breaks")
        start, program = cleaned_data.get("start_date"), cleaned_data.get("program")
        if formset is None or start is None or program is None:
            return cleaned_data
        rows = []
        for form in formset.forms:
            if not form.is_valid():
                return cleaned_data  # the row's own errors first
            if formset.can_delete and formset._should_delete_form(form):
                continue
            if form.cleaned_data.get("starts_on") and form.cleaned_data.get("weeks"):
                rows.append(form)
        breaks = [
            Break(starts_on=row.cleaned_data["starts_on"], weeks=row.cleaned_data["weeks"]) for row in rows
        ]
        if not breaks or start > LATEST_DATE:
            return cleaned_data
        errors = break_errors(start=start, weeks=program.duration_weeks, breaks=breaks)
        for index, field, error in errors:
            rows[index].add_error(field, error)
        if not errors and breaks:
            try:
                end = CohortCalendar(start=start, weeks=program.duration_weeks, breaks=breaks).end_date
            except OverflowError:
                end = None
            if end is None or end > LATEST_DATE:
                self.add_error("start_date", ValidationError(RUN_ENDS_TOO_LATE, code="run_ends_too_late"))
        return cleaned_data


class AttendanceForm(forms.Form):
    """One present / absent / excused choice per member of the teams the user may mark."""

    def __init__(self, *args, memberships, records, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = memberships
        for membership in memberships:
            record = records.get(membership.pk)
            self.fields[self.field_name(membership)] = forms.ChoiceField(
                label=membership.user.get_full_name(),
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=record.status if record else None,
            )

    @staticmethod
    def field_name(membership):
        return f"member-{membership.pk}"

    def marks(self):
        return {
            membership.pk: self.cleaned_data[self.field_name(membership)]
            for membership in self.memberships
            if self.cleaned_data.get(self.field_name(membership))
        }

    def rows_by_team(self):
        """[(team, [(membership, bound field)…])…] in roster order, for the template."""
        teams = {}
        for membership in self.memberships:
            teams.setdefault(membership.team, []).append((membership, self[self.field_name(membership)]))
        return list(teams.items())
