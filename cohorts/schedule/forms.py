"""The schedule's forms: taking attendance from a roster."""

from django import forms

from cohorts.schedule.models import AttendanceStatus


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
