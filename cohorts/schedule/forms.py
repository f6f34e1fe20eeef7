"""The schedule's forms: the cohort with its break weeks (admin), taking attendance from a roster,
answering and preparing a schedule poll."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.forms import OfferedTimeZoneMixin
from cohorts.models import LATEST_DATE, RUN_ENDS_TOO_LATE, Cohort
from cohorts.schedule.models import AttendanceStatus, ScheduleAnswer, ScheduleSlot
from cohorts.schedule.weeks import Break, CohortCalendar, break_errors

COPY_NEEDS_OWN_NAME = _("Give the copy a name of its own: “%(name)s” is the name of the cohort it copies.")


class CohortAdminForm(OfferedTimeZoneMixin, WagtailAdminModelForm):
    """The cohort's admin form: each break row that breaks a calendar rule (overlap, before week 2,
    after the run, 1 to 8 weeks) gets its message beside its own field, and a run pushed past the
    last accepted date gets one beside the start date.

    The time zone is one of those the pickers offer (``OfferedTimeZoneMixin``), or the one already
    saved. A copy (``copy_of``, set by the copy view) needs new names in every language: it would
    otherwise keep the original's name in the language staff did not look at.
    """

    copy_of = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned_data = super().clean()
        self.clean_copy_names(cleaned_data)
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

    def clean_copy_names(self, cleaned_data):
        copy_of = (cleaned_data.get("copy_of") or "").strip()
        if self.instance.pk or not copy_of.isdigit():
            return
        original = Cohort.objects.filter(pk=int(copy_of)).first()
        if original is None:
            return
        for code, _language in settings.LANGUAGES:
            field = build_localized_fieldname("name", code)
            if field not in self.fields or field in self.errors:
                continue
            name = (cleaned_data.get(field) or "").strip()
            if not name:
                self.add_error(
                    field, ValidationError(self.fields[field].error_messages["required"], code="required")
                )
            elif name.casefold() == (getattr(original, field) or "").strip().casefold():
                self.add_error(
                    field,
                    ValidationError(
                        COPY_NEEDS_OWN_NAME,
                        code="copy_needs_own_name",
                        params={"name": name},
                    ),
                )


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


class ScheduleAnswersForm(forms.Form):
    """A member's answer for each slot of the poll: works for me, if needed, or does not work."""

    def __init__(self, *args, slots, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = slots
        for slot in slots:
            self.fields[self.field_name(slot)] = forms.ChoiceField(
                label=str(slot),
                choices=ScheduleAnswer.choices,
                widget=forms.RadioSelect,
                initial=answers.get(slot.pk),
                error_messages={"required": _("Choose an answer for this slot.")},
            )

    @staticmethod
    def field_name(slot):
        return f"slot-{slot.pk}"

    def answers(self):
        return {slot.pk: self.cleaned_data[self.field_name(slot)] for slot in self.slots}

    def rows(self):
        """[(slot, bound field)…] in the order of the slots, for the template."""
        return [(slot, self[self.field_name(slot)]) for slot in self.slots]


SLOT_HAS_ANSWERS = _(
    "Members have answered for the slot “%(slot)s”: keep it as it is, and propose a new slot instead."
)
POLL_CLOSED_NO_CHANGES = _("This poll is closed: its slots can no longer change.")
COHORT_SCHEDULE_SET = _(
    "This cohort's day and time are set: tick “to be agreed with the participants” on the cohort first."
)


class SchedulePollForm(WagtailAdminModelForm):
    """The poll's cohort (among those whose day and time are to be agreed, and fixed once chosen)
    and its slots; a slot members have answered for cannot be changed or removed, and nothing
    changes once the poll is closed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("cohort")
        if field is not None:
            if self.instance.pk:
                field.disabled = True
            else:
                field.queryset = field.queryset.filter(schedule_to_be_agreed=True, schedule_poll=None)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.instance.closed_at:
            raise forms.ValidationError(POLL_CLOSED_NO_CHANGES, code="poll_closed")
        cohort = cleaned_data.get("cohort")
        if cohort is not None and not cohort.schedule_to_be_agreed and not self.instance.pk:
            self.add_error("cohort", forms.ValidationError(COHORT_SCHEDULE_SET, code="schedule_set"))
        formset = self.formsets.get("slots") if hasattr(self, "formsets") else None
        if formset is not None and self.instance.pk:
            # As saved (the slot forms may already hold the new values): what members answered for.
            answered = {
                slot.pk: str(slot)
                for slot in ScheduleSlot.objects.filter(poll=self.instance, votes__isnull=False).distinct()
            }
            for form in formset.forms:
                if form.instance.pk not in answered:
                    continue
                deleted = form.data.get(form.add_prefix("DELETE")) not in (None, "", "false", "False")
                if deleted or {"weekday", "local_time"} & set(form.changed_data):
                    self.add_error(
                        None,
                        forms.ValidationError(
                            SLOT_HAS_ANSWERS,
                            code="slot_has_answers",
                            params={"slot": answered[form.instance.pk]},
                        ),
                    )
        return cleaned_data
