"""The schedule in the Wagtail admin: sessions as a calendar, generating them, taking attendance.

- Staff set a cohort's break weeks on the cohort's form; saving goes through
  ``cohort_calendar_change``, which moves the sessions after a changed break and tells members.
- Staff generate a cohort's sessions from its program's curriculum (``cohort_generate_sessions``).
- Editing a session's time, length or status raises its revision (``session_apply_revision``).
- Staff, and coaches for the teams they coach, mark attendance per member from a roster
  (``attendance_record``).
- A cohort whose day and time are "to be agreed with the participants" gets a schedule poll: staff
  propose slots (the "Schedule polls" viewset), open it (``schedule_poll_open``, which tells the
  members: proposing or saving slots tells nobody), read the tally on the cohort's "Schedule poll"
  page (coaches too, for their teams) and confirm one slot (``cohort_schedule_confirm``), which
  sets the cohort's weekday and time, closes the poll, generates the sessions and tells everyone.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter, log

from accounts.admin_views import (
    CopyView,
    FilterSet,
    IndexView,
    InspectView,
    ModelViewSet,
    ReadOnlyModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from accounts.date_formats import format_local_date
from cohorts.models import Cohort, CohortStatus, Membership, Team
from cohorts.opening_panels import OpeningChecklistPanel
from cohorts.policies import CoachOrStaffRequiredMixin, coached_teams, is_coach_or_staff, is_staff
from cohorts.registration.admin import PLACES_COLUMN, REVIEW_APPLICATIONS_COLUMN, CohortIndexView
from cohorts.schedule import selectors
from cohorts.schedule.forms import AttendanceForm, CohortAdminForm, SchedulePollForm
from cohorts.schedule.models import (
    Attendance,
    CohortBreak,
    PollState,
    SchedulePoll,
    ScheduleSlot,
    Session,
    SessionStatus,
)
from cohorts.schedule.services import (
    NOT_STARTED,
    SCHEDULE_NOT_CONFIRMED,
    attendance_record,
    cohort_calendar_change,
    cohort_generate_sessions,
    cohort_recipients,
    cohort_schedule_confirm,
    schedule_poll_open,
    session_apply_revision,
    translated_values,
)

# Who may do what


def can_generate_sessions(user):
    return user.is_active and user.has_perm("cohorts.add_session")


def attendance_teams(user, session):
    """The teams of the session's cohort whose attendance `user` may take: staff all, coaches theirs."""
    teams = Team.objects.filter(cohort_id=session.cohort_id, archived_at=None)
    if is_staff(user):
        return teams
    return teams.filter(pk__in=coached_teams(user).values("pk"))


def can_take_attendance(user, session):
    if session.status == SessionStatus.CANCELLED or not session.has_started():
        return False
    return is_staff(user) or attendance_teams(user, session).exists()


def take_attendance_url(session):
    return reverse("cohorts_take_attendance", args=(quote(session.pk),))


def generate_sessions_url(cohort):
    return reverse("cohorts_generate_sessions", args=(quote(cohort.pk),))


def schedule_poll_url(cohort):
    return reverse("cohorts_schedule_poll", args=(quote(cohort.pk),))


# The session listing reads like a calendar: in time order, local time in the cohort's zone


def local_start(session):
    starts_at = session.local_starts_at
    return format_html(
        "{} <small>{}</small>",
        f"{format_local_date(starts_at, 'weekday')}, {starts_at:%H:%M}",
        starts_at.tzname(),
    )


def session_status(session):
    label = session.get_status_display()
    if session.status == SessionStatus.SCHEDULED and session.sequence:
        return _("%(status)s (moved)") % {"status": label}
    return label


SESSION_CALENDAR_COLUMNS = [
    "title",  # the first column carries the row's edit link and buttons
    Column("starts_at", label=_("Local date and time"), accessor=local_start, sort_key="starts_at"),
    "week",
    "kind",
    Column("status", label=_("Status"), accessor=session_status, sort_key="status"),
    "cohort",
]


class SessionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != SessionStatus.CANCELLED and instance.has_started():
            buttons.append(
                MenuItem(
                    _("Take attendance"), url=take_attendance_url(instance), icon_name="tick", priority=5
                )
            )
        return buttons


class SessionEditView(generic.EditView):
    """Saves through the form, raising the session's revision when it was moved or cancelled."""

    def save_instance(self):
        previous = Session.objects.get(pk=self.object.pk)
        session_apply_revision(session=self.form.instance, previous=previous)
        return super().save_instance()


class SessionInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_take_attendance(self.request.user, self.object):
            buttons.append(
                HeaderButton(_("Take attendance"), url=take_attendance_url(self.object), icon_name="tick")
            )
        return buttons


class SessionCalendarMixin:
    """For the Session viewset: calendar listing, revision-raising edit, attendance button."""

    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    inspect_view_class = SessionInspectView


# Generating a cohort's sessions


class CohortScheduleIndexView(CohortIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.schedule_to_be_agreed:
            buttons.append(
                MenuItem(_("Schedule poll"), url=schedule_poll_url(instance), icon_name="list-ul", priority=6)
            )
        if can_generate_sessions(self.request.user):
            buttons.append(
                MenuItem(
                    _("Generate sessions"),
                    url=generate_sessions_url(instance),
                    icon_name="calendar",
                    priority=6,
                )
            )
        return buttons


class CohortInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.schedule_to_be_agreed or SchedulePoll.objects.filter(cohort=self.object).exists():
            buttons.append(
                HeaderButton(_("Schedule poll"), url=schedule_poll_url(self.object), icon_name="list-ul")
            )
        if can_generate_sessions(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Generate sessions"), url=generate_sessions_url(self.object), icon_name="calendar"
                )
            )
        return buttons


# Saving a cohort with its break weeks


def session_names(sessions):
    return ", ".join(
        f"{session.title} ({format_local_date(session.local_starts_at, 'medium')})" for session in sessions
    )


class CohortCalendarSaveMixin:
    """Saves the cohort and its breaks through ``cohort_calendar_change`` and says what moved."""

    calendar_change = None

    def save_instance(self):
        cohort = self.form.save(commit=False)
        self.calendar_change = cohort_calendar_change(cohort=cohort, changed_by=self.request.user)
        log(
            instance=cohort,
            action=self.log_action,
            user=self.request.user,
            content_changed=self.form.has_changed(),
        )
        return cohort

    def get_success_message(self, *args, **kwargs):
        message = super().get_success_message(*args, **kwargs)
        change = self.calendar_change
        if change and change.moved:
            message = " ".join(
                [
                    str(message),
                    ngettext(
                        "%(count)d session moved to its new date; %(members)d members told.",
                        "%(count)d sessions moved to their new dates; %(members)d members told.",
                        len(change.moved),
                    )
                    % {"count": len(change.moved), "members": change.notified},
                ]
            )
        return message

    def save_action(self):
        response = super().save_action()
        change = self.calendar_change
        if change and change.left_alone:
            messages.warning(
                self.request,
                ngettext(
                    "Left on the date staff gave it (moved by hand, cancelled or added by hand): "
                    "%(sessions)s.",
                    "Left on the dates staff gave them (moved by hand, cancelled or added by hand): "
                    "%(sessions)s.",
                    len(change.left_alone),
                )
                % {"sessions": session_names(change.left_alone)},
            )
        return response


GENERATE_SESSIONS_NEXT = _(
    "Next, generate the cohort's sessions from its program's curriculum: check the numbers below and confirm."
)


class CohortCreateView(CohortCalendarSaveMixin, ServiceCreateView):
    """A new cohort has no sessions yet: staff who may generate them are taken there next."""

    log_action = "wagtail.create"

    def get_success_url(self):
        if can_generate_sessions(self.request.user):
            return generate_sessions_url(self.object)
        return super().get_success_url()

    def save_action(self):
        response = super().save_action()
        if not self.expects_json_response and can_generate_sessions(self.request.user):
            messages.info(self.request, GENERATE_SESSIONS_NEXT)
        return response


class CohortEditView(CohortCalendarSaveMixin, ServiceEditView):
    log_action = "wagtail.edit"

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_generate_sessions(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Generate sessions"), url=generate_sessions_url(self.object), icon_name="calendar"
                )
            )
        return buttons


class CohortCopyView(CopyView):
    """Pre-fills the add form with the cohort and copies of its breaks (new rows, not the original's)."""

    def get_initial(self):
        # The form then asks for new names in every language (CohortAdminForm.clean_copy_names).
        return {**super().get_initial(), "copy_of": self.kwargs[self.pk_url_kwarg]}

    def get_initial_form_instance(self):
        original = self.get_object()
        copy = Cohort.objects.get(pk=original.pk)
        copy.pk = None
        copy.breaks = [
            CohortBreak(starts_on=brk.starts_on, weeks=brk.weeks, **translated_values(brk, ["reason"]))
            for brk in original.breaks.all()
        ]
        return copy


class CohortScheduleMixin:
    """For the Cohort viewset: the form with the cohort's break weeks, saved through
    ``cohort_calendar_change``; the inspect view offers to generate the cohort's sessions."""

    inspect_view_class = CohortInspectView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    copy_view_class = CohortCopyView

    def get_edit_handler(self):
        # The model's panels (translated fields expanded by wagtail-modeltranslation), on the form
        # that checks the breaks together.
        # The opening checklist first, on the edit page (cohorts.opening).
        panels = [OpeningChecklistPanel(heading=_("Opening checklist")), *self.model.panels]
        return ObjectList(panels, base_form_class=CohortAdminForm).bind_to_model(self.model)


def sessions_listing_url(cohort):
    return f"{reverse('session:index')}?cohort={cohort.pk}"


class GenerateSessionsView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then schedule every curriculum session the cohort does not have yet."""

    template_name = "cohorts/admin/cohort_generate_sessions.html"
    page_title = _("Generate sessions")
    header_icon = "calendar"
    http_method_names = ["get", "post", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        if not can_generate_sessions(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(Cohort.objects.select_related("program"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cohort:index"), "label": capfirst(Cohort._meta.verbose_name_plural)},
            {"url": reverse("cohort:inspect", args=(quote(self.object.pk),)), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohort = self.object
        plans = cohort.program.session_plans.count()
        scheduled = cohort.sessions.exclude(plan=None).count()
        context.update(
            {
                "object": cohort,
                "plan_count": plans,
                "scheduled_count": scheduled,
                "to_create_count": max(plans - scheduled, 0),
                "sessions_url": sessions_listing_url(cohort),
                "action_url": self.request.get_full_path(),
                "schedule_not_confirmed": SCHEDULE_NOT_CONFIRMED if cohort.schedule_to_be_agreed else "",
                "schedule_poll_url": schedule_poll_url(cohort),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            created = cohort_generate_sessions(cohort=self.object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(generate_sessions_url(self.object))
        if created:
            message = ngettext(
                "%(count)d session created for %(cohort)s.",
                "%(count)d sessions created for %(cohort)s.",
                len(created),
            ) % {"count": len(created), "cohort": self.object}
        else:
            message = _("Every curriculum session is already scheduled for %(cohort)s.") % {
                "cohort": self.object
            }
        messages.success(request, message)
        return redirect(sessions_listing_url(self.object))


# Taking attendance from a roster


class TakeAttendanceView(WagtailAdminTemplateMixin, FormView):
    template_name = "cohorts/admin/session_take_attendance.html"
    form_class = AttendanceForm
    page_title = _("Take attendance")
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        self.session = get_object_or_404(Session.objects.select_related("cohort__program"), pk=kwargs["pk"])
        if not request.user.is_authenticated:
            raise PermissionDenied
        if self.session.status == SessionStatus.CANCELLED:
            messages.error(request, _("The session was cancelled: there is no attendance to take."))
            return redirect(self.get_back_url())
        self.teams = list(attendance_teams(request.user, self.session))
        if not (self.teams or is_staff(request.user)):
            # Not staff and coaching no team of this cohort: refused like any admin permission.
            raise PermissionDenied
        if not self.session.has_started():
            # Reached by its address or a stale form: nothing to record before the session begins.
            messages.error(request, NOT_STARTED)
            return redirect(self.get_back_url())
        return super().dispatch(request, *args, **kwargs)

    def get_back_url(self):
        if self.request.user.has_perm("cohorts.view_session"):
            return reverse("session:inspect", args=(quote(self.session.pk),))
        return reverse("cohorts_attendance_sessions")

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.request.user.has_perm("cohorts.view_session"):
            items.append(
                {"url": reverse("session:index"), "label": capfirst(Session._meta.verbose_name_plural)}
            )
            items.append({"url": self.get_back_url(), "label": str(self.session)})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    @cached_property
    def memberships(self):
        return list(
            Membership.objects.filter(team__in=self.teams)
            .select_related("team", "user", "role")
            .order_by("team__name", "team_id", "sort_order", "pk")
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        records = {
            record.membership_id: record
            for record in self.session.attendance.filter(membership__in=[m.pk for m in self.memberships])
        }
        kwargs.update(memberships=self.memberships, records=records)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "session": self.session,
                "local_start": local_start(self.session),
                "back_url": self.get_back_url(),
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def form_valid(self, form):
        marks = form.marks()
        try:
            attendance_record(session=self.session, marks=marks, recorded_by=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "Attendance recorded for %(count)d member.",
                "Attendance recorded for %(count)d members.",
                len(marks),
            )
            % {"count": len(marks)},
        )
        return redirect(self.request.get_full_path())


class AttendanceSessionsView(CoachOrStaffRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Where coaches start: the sessions that have started (today's that began, then past ones) of
    the cohorts whose teams they coach, latest first; never one still to come."""

    template_name = "cohorts/admin/attendance_sessions.html"
    page_title = _("Take attendance")
    header_icon = "tick"
    limit = 30

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        sessions = Session.objects.filter(status=SessionStatus.SCHEDULED).select_related("cohort__program")
        if not is_staff(user):
            sessions = sessions.filter(cohort__teams__in=coached_teams(user).values("pk")).distinct()
        sessions = list(sessions.filter(starts_at__lte=timezone.now()).order_by("-starts_at")[: self.limit])
        context["sessions"] = [
            (session, local_start(session), take_attendance_url(session)) for session in sessions
        ]
        return context


# The schedule poll: the tally per slot, opening the poll, confirming a slot


def poll_breadcrumbs(view, cohort, *, last=None):
    items = [*view.breadcrumbs_items]
    if view.request.user.has_perm("cohorts.view_cohort") or is_staff(view.request.user):
        items += [
            {"url": reverse("cohort:index"), "label": capfirst(Cohort._meta.verbose_name_plural)},
            {"url": reverse("cohort:inspect", args=(quote(cohort.pk),)), "label": str(cohort)},
        ]
    if last:
        items.append({"url": schedule_poll_url(cohort), "label": _("Schedule poll")})
        items.append({"url": "", "label": last})
    else:
        items.append({"url": "", "label": _("Schedule poll")})
    return items


class SchedulePollTallyView(WagtailAdminTemplateMixin, TemplateView):
    """A cohort's schedule poll: its slots with how many members can come to each (yes, if needed,
    no), who has answered and who not yet, and, for staff, opening the poll and confirming a slot.

    Coaches read it for a cohort where they coach a team: the counts cover the whole cohort, the
    answers member by member only their teams'. Anyone else gets a 404.
    """

    template_name = "cohorts/admin/schedule_poll.html"
    page_title = _("Schedule poll")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        self.cohort = get_object_or_404(Cohort.objects.select_related("program"), pk=kwargs["pk"])
        self.is_staff = is_staff(request.user)
        if not self.is_staff and not coached_teams(request.user).filter(cohort=self.cohort).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.cohort)

    def get_breadcrumbs_items(self):
        return poll_breadcrumbs(self, self.cohort)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohort = self.cohort
        poll = selectors.cohort_poll(cohort)
        tally = None
        if poll is not None:
            visible = None if self.is_staff else coached_teams(self.request.user)
            tally = selectors.poll_tally(poll, visible_teams=visible)
        can_change = self.is_staff and cohort.schedule_to_be_agreed and not (poll and poll.closed_at)
        context.update(
            {
                "cohort": cohort,
                "poll": poll,
                "tally": tally,
                "states": PollState,
                "is_staff": self.is_staff,
                "can_change": can_change,
                "can_open": can_change
                and poll is not None
                and poll.state == PollState.DRAFT
                and poll.slot_list,
                "add_url": f"{reverse('schedulepoll:add')}?cohort={cohort.pk}",
                "edit_url": reverse("schedulepoll:edit", args=(quote(poll.pk),)) if poll else "",
                "open_url": reverse("cohorts_schedule_poll_open", args=(quote(poll.pk),)) if poll else "",
                "cohort_edit_url": reverse("cohort:edit", args=(quote(cohort.pk),)),
                "sessions_url": sessions_listing_url(cohort),
            }
        )
        return context


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SchedulePollOpenView(StaffOnlyMixin, View):
    """Open the poll for answers and tell the members (``schedule_poll_open``)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        poll = get_object_or_404(SchedulePoll.objects.select_related("cohort"), pk=pk)
        try:
            poll = schedule_poll_open(poll=poll, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The poll is open: the members of %(cohort)s were told.") % {"cohort": poll.cohort}
            )
        return redirect(schedule_poll_url(poll.cohort))


class ScheduleSlotConfirmView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then make the slot the cohort's day and time (``cohort_schedule_confirm``)."""

    template_name = "cohorts/admin/schedule_slot_confirm.html"
    page_title = _("Confirm the schedule")
    header_icon = "calendar-check"
    http_method_names = ["get", "post", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        if is_staff(request.user):
            self.slot = get_object_or_404(
                ScheduleSlot.objects.select_related("poll__cohort__program"), pk=kwargs["pk"]
            )
            self.cohort = self.slot.poll.cohort
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.cohort)

    def get_breadcrumbs_items(self):
        return poll_breadcrumbs(self, self.cohort, last=self.get_page_title())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.slot.starts_at = self.slot.first_starts_at(self.cohort)
        context.update(
            {
                "cohort": self.cohort,
                "slot": self.slot,
                "poll": self.slot.poll,
                "plan_count": self.cohort.program.session_plans.count(),
                "recipient_count": len(cohort_recipients(self.cohort)),
                "back_url": schedule_poll_url(self.cohort),
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            sessions = cohort_schedule_confirm(cohort=self.cohort, slot=self.slot, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(schedule_poll_url(self.cohort))
        messages.success(
            request,
            ngettext(
                "The schedule of %(cohort)s is confirmed: %(count)d session created and the members told.",
                "The schedule of %(cohort)s is confirmed: %(count)d sessions created and the members told.",
                len(sessions),
            )
            % {"cohort": self.cohort, "count": len(sessions)},
        )
        return redirect(sessions_listing_url(self.cohort))


class SchedulePollCreateView(generic.CreateView):
    """Starts with the cohort the listing or the cohort's page came from (``?cohort=``)."""

    def get_initial(self):
        initial = super().get_initial()
        if cohort := self.request.GET.get("cohort", "").strip():
            initial["cohort"] = cohort
        return initial

    def get_success_url(self):
        return schedule_poll_url(self.object.cohort)


class SchedulePollEditView(generic.EditView):
    def get_success_url(self):
        return schedule_poll_url(self.object.cohort)


def poll_state(poll):
    return poll.state.label


class SchedulePollViewSet(ModelViewSet):
    """The slots proposed to a cohort whose day and time are to be agreed; the tally, opening and
    confirming are on the cohort's schedule poll page (``cohorts_schedule_poll``)."""

    model = SchedulePoll
    icon = "list-ul"
    add_view_class = SchedulePollCreateView
    edit_view_class = SchedulePollEditView
    list_display = [
        "cohort",
        Column("state", label=_("State"), accessor=poll_state),
        "opened_at",
        "closed_at",
    ]
    list_filter = ["cohort__program"]
    search_fields = ["cohort__name_en", "cohort__name_es"]
    ordering = "-cohort__start_date"
    list_select_related = ["cohort__program"]
    inspect_flow_links = [
        (_("Tally and confirm"), lambda poll, user: schedule_poll_url(poll.cohort), "list-ul"),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(SchedulePoll.panels, base_form_class=SchedulePollForm)


class SchedulePollOpenedFormatter(LogFormatter):
    label = _("Schedule poll opened")

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("recipients", 0)
        return ngettext(
            "Schedule poll opened: %(count)d person told",
            "Schedule poll opened: %(count)d people told",
            count,
        ) % {"count": count}


class ScheduleConfirmedFormatter(LogFormatter):
    label = _("Schedule confirmed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        sessions = data.get("sessions", 0)
        return ngettext(
            "Schedule confirmed: %(slot)s, %(sessions)s session created",
            "Schedule confirmed: %(slot)s, %(sessions)s sessions created",
            sessions,
        ) % {"slot": data.get("slot", ""), "sessions": sessions}


def register_schedule_log_actions(actions):
    actions.register_action("ruta.schedule_poll.opened")(SchedulePollOpenedFormatter)
    actions.register_action("ruta.schedule.confirmed")(ScheduleConfirmedFormatter)


def admin_urls():
    return [
        path(
            "schedule/cohorts/<int:pk>/generate/",
            GenerateSessionsView.as_view(),
            name="cohorts_generate_sessions",
        ),
        path(
            "schedule/sessions/<int:pk>/attendance/",
            TakeAttendanceView.as_view(),
            name="cohorts_take_attendance",
        ),
        path("schedule/attendance/", AttendanceSessionsView.as_view(), name="cohorts_attendance_sessions"),
        path(
            "schedule/cohorts/<int:pk>/poll/", SchedulePollTallyView.as_view(), name="cohorts_schedule_poll"
        ),
        path(
            "schedule/polls/<int:pk>/open/", SchedulePollOpenView.as_view(), name="cohorts_schedule_poll_open"
        ),
        path(
            "schedule/slots/<int:pk>/confirm/",
            ScheduleSlotConfirmView.as_view(),
            name="cohorts_schedule_slot_confirm",
        ),
    ]


class TakeAttendanceMenuItem(AdminMenuItem):
    """Shown to staff and to coaches with a team, who cannot see the sessions listing."""

    def is_shown(self, request):
        return is_coach_or_staff(request.user)


def take_attendance_menu_item():
    return TakeAttendanceMenuItem(
        _("Take attendance"), reverse("cohorts_attendance_sessions"), icon_name="tick", order=215
    )


class CohortFilterSet(FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CohortStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Cohort
        fields = ["program", "language"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class CohortViewSet(CohortScheduleMixin, ModelViewSet):
    model = Cohort
    icon = "calendar-check"
    index_view_class = CohortScheduleIndexView
    list_display = [
        "name",
        "program",
        "language",
        "start_date",
        "end_date",
        Column("status", label=_("Status"), accessor=lambda cohort: cohort.status.label),
        PLACES_COLUMN,
        REVIEW_APPLICATIONS_COLUMN,
    ]
    filterset_class = CohortFilterSet
    search_fields = ["name_en", "name_es", "program__name_en", "program__name_es"]
    ordering = "-start_date"
    list_select_related = ["program"]
    copy_view_enabled = True


class SessionViewSet(SessionCalendarMixin, ModelViewSet):
    model = Session
    icon = "calendar"
    list_display = SESSION_CALENDAR_COLUMNS
    list_filter = ["cohort", "kind", "status"]
    search_fields = ["title_en", "title_es", "description_en", "description_es"]
    ordering = "starts_at"
    list_select_related = ["cohort__program"]


class AttendanceViewSet(ReadOnlyModelViewSet):
    """Attendance is taken on a session's roster (``attendance_record``), never here."""

    model = Attendance
    icon = "tick-inverse"
    list_display = ["membership", "session", "status", "recorded_by", "recorded_at"]
    list_filter = ["status", "session__cohort"]
    search_fields = ["membership__user__full_name", "membership__user__email", "session__title_en"]
    ordering = "-recorded_at"
    list_select_related = ["membership__user", "membership__role", "session__cohort", "recorded_by"]
    index_flow_links = [(_("Take attendance"), "cohorts_attendance_sessions", "tick")]
    inspect_flow_links = [
        (
            _("Take attendance"),
            lambda record, user: (
                take_attendance_url(record.session) if can_take_attendance(user, record.session) else None
            ),
            "tick",
        )
    ]
