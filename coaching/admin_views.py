"""Coaching admin: views narrowed to the teams a coach is assigned to, the TA session form,
the dashboard panel and the staff reports.

A coach (in the "Coaches" group, no superuser) sees only their assigned teams' records; an
object outside them answers 404. Staff (cohorts.policies.is_staff) see everything.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy

from accounts import admin_views as base
from accounts.admin_scope import admin_objects_for, admin_scope
from accounts.admin_views import FilterSet, ReportView
from accounts.dates import days_ago_text
from accounts.languages import lang_attribute
from coaching import dashboard_cache, selectors, services
from coaching.models import (
    ATTENDEES_NOT_ON_TEAM,
    OWNER_NOT_ON_TEAM,
    ActionItem,
    ActionItemStatus,
    CoachAssignment,
    MomentumNote,
    TASession,
)
from cohorts.assignments.admin import reviews_url
from cohorts.models import Cohort, Membership, Team
from cohorts.policies import is_coach_or_staff, is_staff

# Forms: the team's roster only.


def _team_pk(form):
    if form.instance.team_id:
        return form.instance.team_id
    value = form.data.get(form.add_prefix("team")) if form.is_bound else form.initial.get("team")
    try:
        return int(getattr(value, "pk", value))
    except (TypeError, ValueError):
        return None


def _limit_owner(formset, memberships):
    """Owners of inline action items, including the blank form the "Add" button copies."""
    parent_form = formset.form

    class OwnerLimitedForm(parent_form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "owner" in self.fields:
                self.fields["owner"].queryset = memberships
                self.fields["owner"].error_messages["invalid_choice"] = OWNER_NOT_ON_TEAM

    formset.form = OwnerLimitedForm
    formset.__dict__.pop("forms", None)


class TeamScopedForm(WagtailAdminModelForm):
    """Team choices limited to the user's teams; people limited to the chosen team's roster."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        teams = selectors.coaching_teams(user).filter(archived_at=None) if user else Team.objects.none()
        if "team" in self.fields:
            if self.instance.team_id:
                # A logged record stays with its team; correct the team by logging it anew.
                self.fields["team"].disabled = True
                self.fields["team"].queryset = Team.objects.filter(pk=self.instance.team_id)
            else:
                self.fields["team"].queryset = teams.select_related("cohort")
        team_pk = _team_pk(self)
        if team_pk is not None:
            self.team_memberships = Membership.objects.filter(team_id=team_pk)
            if not self.instance.team_id and not teams.filter(pk=team_pk).exists():
                self.team_memberships = Membership.objects.none()
        elif user and is_staff(user):
            # Every team's roster would be too long to pick from; the team comes first.
            self.team_memberships = Membership.objects.none()
        else:
            self.team_memberships = Membership.objects.filter(team__in=teams)
        self.team_memberships = self.team_memberships.select_related("user", "role", "team")
        if "coach" in self.fields and user and not is_staff(user):
            self.fields["coach"].queryset = get_user_model().objects.filter(pk=user.pk)


def _add_revision_field(form):
    """The revision the edit form was opened at, posted back so that a stale save is refused."""
    if form.instance.pk:
        form.fields["revision"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0, initial=form.instance.revision
        )


class TASessionForm(TeamScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_revision_field(self)
        if "attendees" in self.fields:
            self.fields["attendees"].queryset = self.team_memberships
            self.fields["attendees"].error_messages["invalid_choice"] = ATTENDEES_NOT_ON_TEAM
            self.fields["attendees"].help_text = _("Members of the team who took part.")
        if "action_items" in self.formsets:
            _limit_owner(self.formsets["action_items"], self.team_memberships)

    def clean(self):
        cleaned = super().clean()
        team = cleaned.get("team") or (self.instance.team if self.instance.team_id else None)
        attendees = cleaned.get("attendees") or []
        if team is not None and any(member.team_id != team.pk for member in attendees):
            self.add_error("attendees", ATTENDEES_NOT_ON_TEAM)
        return cleaned


class ActionItemForm(TeamScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_revision_field(self)
        if "owner" in self.fields:
            self.fields["owner"].queryset = self.team_memberships
            self.fields["owner"].error_messages["invalid_choice"] = OWNER_NOT_ON_TEAM
        if "ta_session" in self.fields:
            self.fields["ta_session"].queryset = admin_scope(
                self.for_user, TASession.objects.select_related("team")
            )


# TA sessions: log, correct, keep the history.


class TASessionCreateView(base.CreateView):
    """Log a session: team pre-filled from ?team=, coach is the signed-in user."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.team = None
        if team_pk := request.GET.get("team"):
            try:
                self.team = selectors.coaching_teams(request.user).get(pk=int(team_pk))
            except (ValueError, Team.DoesNotExist):
                raise Http404 from None

    def get_initial(self):
        initial = super().get_initial()
        initial["coach"] = self.request.user.pk
        initial["starts_at"] = timezone.now().replace(second=0, microsecond=0)
        if self.team is not None:
            initial["team"] = self.team.pk
        return initial

    def save_instance(self):
        form = self.form
        data = form.cleaned_data
        items = []
        for item_form in form.formsets["action_items"].forms:
            item_data = getattr(item_form, "cleaned_data", None) or {}
            if not item_data or item_data.get("DELETE") or not item_form.has_changed():
                continue
            items.append(
                {
                    "description": item_data["description"],
                    "owner": item_data.get("owner"),
                    "due_on": item_data.get("due_on"),
                }
            )
        return services.ta_session_log(
            team=data["team"],
            coach=data.get("coach") or self.request.user,
            starts_at=data["starts_at"],
            minutes=data["minutes"],
            mode=data["mode"],
            attendees=list(data.get("attendees") or []),
            topics=list(data.get("topics") or []),
            pain_points=data.get("pain_points", ""),
            summary=data.get("summary", ""),
            private_notes=data.get("private_notes", ""),
            action_items=items,
            user=self.request.user,
        )


class RefusesStaleEditsMixin:
    """An edit view whose save goes through a service that refuses a save made on an older revision.

    The refused editor gets the form back with what they typed, the message in their language and
    the version stored now beside it; the form then carries the current revision, so saving again
    after merging is a deliberate second step.
    """

    template_name = "coaching/admin/edit_with_current.html"
    current_template_name = None
    current = None

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            return self.refused(form, error)

    def refused(self, form, error):
        self.current = self.get_current()
        data = form.data.copy()
        data[form.add_prefix("revision")] = self.current.revision
        form.data = data
        if hasattr(error, "error_dict"):
            base.add_service_errors(form, error)
            self.produced_error_message = self.get_error_message()
        else:
            self.produced_error_message = " ".join(error.messages)
        response = self.form_invalid(form)
        response.status_code = 409 if getattr(error, "code", None) == "stale_revision" else 400
        return response

    def get_current(self):
        return type(self.object)._default_manager.get(pk=self.object.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.current is not None:
            last = (
                ModelLogEntry.objects.for_instance(self.current)
                .select_related("user")
                .order_by("-timestamp", "-pk")
                .first()
            )
            context.update(
                current=self.current,
                current_template_name=self.current_template_name,
                current_saved_by=last.user_display_name if last else "",
                current_saved_at=last.timestamp if last else None,
            )
        return context


class TASessionEditView(RefusesStaleEditsMixin, generic.EditView):
    """Corrections go through ``ta_session_update``: a stale form is refused, the status of next
    steps is never changed here, and the team hears of the summary only when it changed."""

    current_template_name = "coaching/admin/_ta_session_current.html"

    def get_current(self):
        return (
            TASession.objects.select_related("team", "coach")
            .prefetch_related("attendees__user", "topics", "action_items__owner__user")
            .get(pk=self.object.pk)
        )

    def save_instance(self):
        instance = self.form.save(commit=False)
        return services.ta_session_update(
            ta_session=instance, revision=self.form.cleaned_data.get("revision"), user=self.request.user
        )


class ActionItemEditView(RefusesStaleEditsMixin, generic.EditView):
    """Description, owner and due date; status and completion change through reopen and drop."""

    current_template_name = "coaching/admin/_action_item_current.html"

    def save_instance(self):
        item = self.form.save(commit=False)
        return services.action_item_update(
            item=item, revision=self.form.cleaned_data.get("revision"), user=self.request.user
        )

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *action_item_state_buttons(self.object, Button)]


class ActionItemIndexView(base.IndexView):
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        """The description, in the team's language when it is not the page's (``written_in``)."""
        return super()._get_title_column(field_name, column_class, accessor=written_description, **kwargs)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.extend(action_item_state_buttons(instance, MenuItem))
        return buttons


def written_description(item):
    return format_html("<span{}>{}</span>", lang_attribute(item.team), item.description)


def action_item_state_buttons(item, button_class):
    if item.status == ActionItemStatus.OPEN:
        url, label, icon = reverse("actionitem:drop", args=(item.pk,)), _("Drop"), "cross"
    else:
        url, label, icon = reverse("actionitem:reopen", args=(item.pk,)), _("Reopen"), "resubmit"
    return [button_class(label, url=url, icon_name=icon, priority=25)]


class ActionItemStateView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """Reopen or drop an action item after a confirmation page (a GET changes nothing)."""

    model = ActionItem
    permission_required = "change"
    template_name = "coaching/admin/action_item_state.html"
    header_icon = "check"
    index_url_name = None
    service = None
    question = None
    submit_label = None
    success_message = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        queryset = ActionItem.objects.select_related("team", "owner__user", "completed_by")
        self.object = get_object_or_404(admin_scope(request.user, queryset), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            question=self.question,
            submit_label=self.submit_label,
            action_url=self.request.get_full_path(),
            back_url=reverse("actionitem:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            self.service(item=self.object, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.success_message % {"item": self.object.description})
        return redirect("actionitem:index")


class ActionItemReopenView(ActionItemStateView):
    service = staticmethod(services.action_item_reopen)
    page_title = _("Reopen the action item")
    question = _("Open this action item again? Its completion is cleared and its owner is told.")
    submit_label = _("Reopen")
    success_message = _("“%(item)s” is open again.")


class ActionItemDropView(ActionItemStateView):
    service = staticmethod(services.action_item_drop)
    page_title = _("Drop the action item")
    question = _("Drop this action item? It is no longer expected of the team, and its owner is told.")
    submit_label = _("Drop")
    success_message = _("“%(item)s” dropped.")


class TASessionDeleteView(base.DeleteView):
    """Only staff delete (coaches have no delete permission), after Wagtail's confirmation page."""

    def dispatch(self, request, *args, **kwargs):
        if not is_staff(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


# Coach assignments: reassign.


class ReassignForm(forms.Form):
    coach = forms.ModelChoiceField(label=_("New coach"), queryset=get_user_model().objects.none())
    starts_on = forms.DateField(label=_("From"), widget=AdminDateInput, initial=timezone.localdate)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = admin_scope(user, assignable_coaches())


class ReassignView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, FormView):
    """End a coach's assignment and start the new coach's, in the same role (staff only)."""

    model = CoachAssignment
    permission_required = "change"
    form_class = ReassignForm
    template_name = "coaching/admin/reassign.html"
    page_title = _("Reassign the team")
    header_icon = "user"
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            CoachAssignment.objects.select_related("team", "coach"), pk=kwargs["pk"], ends_on=None
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, action_url=self.request.get_full_path(), **kwargs)

    def form_valid(self, form):
        try:
            new = services.coach_reassign(
                assignment=self.object,
                coach=form.cleaned_data["coach"],
                user=self.request.user,
                on=form.cleaned_data["starts_on"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(team)s is now coached by %(coach)s.")
            % {"team": new.team, "coach": new.coach.get_full_name()},
        )
        return redirect("coachassignment:index")


def reassign_url(assignment):
    return reverse("coachassignment:reassign", args=(assignment.pk,))


def assignable_coaches():
    """Who can be picked as a coach: active accounts with admin access (as on the reassign form)."""
    return get_user_model().objects.filter(is_active=True, is_staff=True)


class CoachAssignmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "coach" in self.fields:
            self.fields["coach"].queryset = assignable_coaches()


class CoachAssignmentEndForm(WagtailAdminModelForm):
    """Editing an assignment means ending it: the last day is the only field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = True
        self.fields["ends_on"].help_text = _("The last day of the assignment: today or earlier.")
        if self.instance.ends_on is None:
            self.initial.setdefault("ends_on", timezone.localdate())


class ActionItemCreateView(base.ServiceCreateView):
    """Add an item through ``action_item_create``: its checks, the history entry, the owner told."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.action_item_create(
            team=data["team"],
            ta_session=data.get("ta_session"),
            description=data["description"],
            owner=data.get("owner"),
            due_on=data.get("due_on"),
            user=self.request.user,
        )


class CoachAssignmentCreateView(base.ServiceCreateView):
    """Assign a coach through ``coach_assign``: its validation, and the entry in the history."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.coach_assign(
            team=data["team"],
            coach=data["coach"],
            role=data["role"],
            user=self.request.user,
            on=data["starts_on"],
        )


class CoachAssignmentEndView(base.ServiceEditView):
    """End an assignment through ``coach_assignment_end``; nothing else about it changes."""

    page_title = _("End the assignment")
    submit_button_label = _("End the assignment")
    success_message = _("The assignment '%(object)s' has ended.")

    def save_instance(self):
        return services.coach_assignment_end(
            assignment=self.object, user=self.request.user, on=self.form.cleaned_data["ends_on"]
        )


class CoachAssignmentInspectView(base.InspectView):
    def get_edit_url(self):
        # Editing ends the assignment: an ended one has nothing left to edit.
        return super().get_edit_url() if self.object.ends_on is None else None


class CoachAssignmentIndexView(base.IndexView):
    def get_edit_url(self, instance):
        # Editing ends the assignment: an ended one opens on its inspect page.
        return super().get_edit_url(instance) if instance.ends_on is None else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.ends_on is None and self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                MenuItem(_("Reassign"), url=reassign_url(instance), icon_name="resubmit", priority=5)
            )
        return buttons


# The coach's dashboard panel on the admin home.


class CoachDashboardPanel(Component):
    name = "coaching_teams"
    template_name = "coaching/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    #: Staff who coach no team see the teams longest without a TA session, and a link to the rest.
    STAFF_LIMIT = 10

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        teams = selectors.dashboard_teams(user)
        overview = selectors.is_staff_overview(user)
        if overview:
            statuses, more_teams = dashboard_cache.dashboard(
                "longest-without-ta", lambda: self._longest_without_ta(teams)
            )
        else:
            statuses = dashboard_cache.dashboard(
                f"ta-statuses:{user.pk}", lambda: selectors.team_ta_statuses(teams)
            )
            more_teams = 0
        context.update(
            {
                "overview": overview,
                "more_teams": more_teams,
                "overdue_report_url": reverse("coaching_overdue_teams:index"),
                "statuses": statuses,
                "log_url": reverse("tasession:add"),
            }
        )
        return context

    def _longest_without_ta(self, teams):
        statuses = selectors.team_ta_statuses(teams, limit=self.STAFF_LIMIT)
        return statuses, teams.count() - len(statuses)


def last_ta_cell(status):
    """The last TA session's date and how many days ago, from the same count as "Days since"."""
    if not status.last_ta_at:
        return _("None yet")
    return format_html(
        '{} <div class="w-text-14">{}</div>',
        date_format(timezone.localtime(status.last_ta_at), "DATE_FORMAT"),
        days_ago_text(status.days_since),
    )


def team_reviews_link(status):
    """The team's reviews: the Reviews listing filtered to the team."""
    count = status.submissions_waiting
    label = (
        ngettext("%(count)d to review", "%(count)d to review", count) % {"count": count}
        if count
        else _("Reviews")
    )
    return format_html('<a href="{}">{}</a>', reviews_url(status.team), label)


def show_dashboard_panel(user):
    return is_coach_or_staff(user)


# Reports


class StaffReportView(ReportView):
    """Reports for staff (those who may change coach assignments); coaches get a 403. A coach
    granted that permission reads only the rows of the teams they coach."""

    permission_policy = ModelPermissionPolicy(CoachAssignment)
    permission_required = "change"
    header_icon = "table"

    def get_filtered_queryset(self):
        return self.filter_queryset(self.get_queryset())


def _month(row):
    month = row["month"]
    return month.strftime("%Y-%m") if month else ""


class TAHoursFilterSet(FilterSet):
    starts_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="team__cohort", queryset=Cohort.objects.select_related("program")
    )
    team = django_filters.ModelChoiceFilter(label=_("Team"), queryset=Team.objects.select_related("cohort"))
    coach = django_filters.ModelChoiceFilter(label=_("Coach"), queryset=lambda request: coaches_queryset())

    class Meta:
        model = TASession
        fields = ["starts_at", "cohort", "team", "coach"]


def coaches_queryset():
    """Everyone who coaches or coached a team. Two `IN` subqueries, each read once into a hash:
    not DISTINCT over two joins, which grows with every assignment and session, nor EXISTS per
    user, which PostgreSQL answers by scanning the sessions again for every user tried."""
    return get_user_model().objects.filter(
        Q(pk__in=CoachAssignment.objects.values("coach")) | Q(pk__in=TASession.objects.values("coach"))
    )


class TAHoursReportView(StaffReportView):
    page_title = _("TA hours")
    filterset_class = TAHoursFilterSet
    export_filename = "ta-hours"
    columns = [
        Column("month", label=_("Month"), accessor=_month),
        Column("cohort", label=_("Cohort"), accessor="team__cohort__name"),
        Column("team", label=_("Team"), accessor="team__name"),
        Column(
            "coach", label=_("Coach"), accessor=lambda row: row["coach__full_name"] or row["coach__email"]
        ),
        Column("session_count", label=_("Sessions")),
        Column("hours", label=_("Hours"), accessor=lambda row: round(row["hours"] or 0, 2)),
    ]
    list_export = [
        "month_label",
        "team__cohort__name",
        "team__name",
        "coach__full_name",
        "session_count",
        "hours",
    ]
    export_headings = {
        "month_label": _("Month"),
        "team__cohort__name": _("Cohort"),
        "team__name": _("Team"),
        "coach__full_name": _("Coach"),
        "session_count": _("Sessions"),
        "hours": _("Hours"),
    }

    def get_queryset(self):
        return admin_objects_for(self.request.user, TASession)

    def get_filtered_queryset(self):
        return selectors.ta_hours(self.filter_queryset(self.get_queryset()))

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        for row in rows:
            row["month_label"] = _month(row)
            row["hours"] = round(row["hours"] or 0, 2)
        return rows

    def to_row_dict(self, item):
        item = dict(item)
        item.setdefault("month_label", _month(item))
        item["hours"] = round(item["hours"] or 0, 2)
        return super().to_row_dict(item)


class TeamCohortFilterSet(FilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=Cohort.objects.select_related("program")
    )

    class Meta:
        model = Team
        fields = ["cohort"]


class OverdueTeamsReportView(StaffReportView):
    """Teams in a running cohort without a TA session within their program's cadence."""

    page_title = _("Teams overdue for a TA session")
    filterset_class = TeamCohortFilterSet
    export_filename = "ta-overdue-teams"
    columns = [
        Column("team", label=_("Team"), accessor="team.name"),
        Column("cohort", label=_("Cohort"), accessor="team.cohort.name"),
        Column("coaches", label=_("Coaches"), accessor="coach_names"),
        Column("last_ta_at", label=_("Last TA session"), accessor=last_ta_cell),
        Column("days_since", label=_("Days since")),
        Column("cadence", label=_("Cadence (days)"), accessor="team.cohort.program.ta_cadence_days"),
    ]
    list_export = [
        "team.name",
        "team.cohort.name",
        "coach_names",
        "last_ta_at",
        "days_since",
        "team.cohort.program.ta_cadence_days",
    ]
    export_headings = {
        "team.name": _("Team"),
        "team.cohort.name": _("Cohort"),
        "coach_names": _("Coaches"),
        "last_ta_at": _("Last TA session"),
        "days_since": _("Days since"),
        "team.cohort.program.ta_cadence_days": _("Cadence (days)"),
    }

    def get_queryset(self):
        return admin_objects_for(self.request.user, Team).filter(archived_at=None)

    def get_filtered_queryset(self):
        statuses = selectors.team_ta_statuses(self.filter_queryset(self.get_queryset()))
        rows = [status for status in statuses if status.overdue]
        for status in rows:
            status.coach_names = ", ".join(a.coach.get_full_name() for a in status.coaches)
        return rows


class ActionItemFilterSet(FilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Created"), widget=DateRangePickerWidget)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="team__cohort", queryset=Cohort.objects.select_related("program")
    )

    class Meta:
        model = ActionItem
        fields = ["created_at", "cohort"]


def _rate(row):
    return round(float(row["completion_rate"] or 0), 1)


class ActionItemCompletionReportView(StaffReportView):
    page_title = _("Action item completion")
    filterset_class = ActionItemFilterSet
    export_filename = "action-item-completion"
    columns = [
        Column("cohort", label=_("Cohort"), accessor="team__cohort__name"),
        Column("team", label=_("Team"), accessor="team__name"),
        Column("item_count", label=_("Action items")),
        Column("done_count", label=_("Done")),
        Column("dropped_count", label=_("Dropped")),
        Column("completion_rate", label=_("Completion rate (%)"), accessor=_rate),
    ]
    list_export = [
        "team__cohort__name",
        "team__name",
        "item_count",
        "done_count",
        "dropped_count",
        "completion_rate",
    ]
    export_headings = {
        "team__cohort__name": _("Cohort"),
        "team__name": _("Team"),
        "item_count": _("Action items"),
        "done_count": _("Done"),
        "dropped_count": _("Dropped"),
        "completion_rate": _("Completion rate (%)"),
    }

    def get_queryset(self):
        return admin_objects_for(self.request.user, ActionItem)

    def get_filtered_queryset(self):
        return selectors.action_item_completion(self.filter_queryset(self.get_queryset()))

    def to_row_dict(self, item):
        return super().to_row_dict({**item, "completion_rate": _rate(item)})


class CoachLoadReportView(StaffReportView):
    page_title = _("Coach load")
    export_filename = "coach-load"
    columns = [
        Column("coach", label=_("Coach"), accessor="get_full_name"),
        Column("email", label=_("Email")),
        Column("active_team_count", label=_("Active teams")),
        Column("month_session_count", label=_("TA sessions this month")),
        Column("month_hours", label=_("TA hours this month")),
    ]
    list_export = ["get_full_name", "email", "active_team_count", "month_session_count", "month_hours"]
    export_headings = {
        "get_full_name": _("Coach"),
        "email": _("Email"),
        "active_team_count": _("Active teams"),
        "month_session_count": _("TA sessions this month"),
        "month_hours": _("TA hours this month"),
    }

    def get_queryset(self):
        return selectors.coach_load(admin_scope(self.request.user, coaches_queryset()))

    def decorate_paginated_queryset(self, object_list):
        for coach in object_list:
            coach.month_hours = round((coach.month_minutes or 0) / 60, 2)
        return object_list

    def to_row_dict(self, item):
        item.month_hours = round((item.month_minutes or 0) / 60, 2)
        return super().to_row_dict(item)


class MyTeamsView(ReportView):
    """The coach's teams, each with its TA status and a link to log a session for it."""

    page_title = _("My teams")
    header_icon = "group"
    paginate_by = None
    columns = [
        Column("team", label=_("Team"), accessor="team"),
        Column("cohort", label=_("Cohort"), accessor="team.cohort.name"),
        Column("last_ta_at", label=_("Last TA session"), accessor=last_ta_cell),
        Column("days_since", label=_("Days since"), accessor="days_since_shown"),
        Column("overdue", label=_("Overdue"), accessor=lambda s: _("Overdue") if s.overdue else ""),
        Column("open_items", label=_("Open action items")),
        Column("reviews", label=_("Reviews"), accessor=team_reviews_link),
        Column(
            "log",
            label=_("Log a session"),
            accessor=lambda s: format_html(
                '<a class="button button-small" href="{}?team={}">{}</a>',
                reverse("tasession:add"),
                s.team.pk,
                _("Log a session"),
            ),
        ),
    ]
    list_export = ["team", "team.cohort.name", "last_ta_at", "days_since_shown", "overdue", "open_items"]
    export_headings = {
        "team": _("Team"),
        "team.cohort.name": _("Cohort"),
        "last_ta_at": _("Last TA session"),
        "days_since_shown": _("Days since"),
        "overdue": _("Overdue"),
        "open_items": _("Open action items"),
    }

    def get_queryset(self):
        return selectors.dashboard_teams(self.request.user)

    def get_filtered_queryset(self):
        return selectors.team_ta_statuses(self.get_queryset())

    def dispatch(self, request, *args, **kwargs):
        if not show_dashboard_panel(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


# Momentum: the signal with its reasons and trend, and what the coach did about it.


class MomentumDashboardPanel(Component):
    """On the admin home: a coach's teams by momentum, dips first; for staff, the teams in a dip or
    to watch across all running cohorts (every team's signal is in the momentum report)."""

    name = "coaching_momentum"
    template_name = "coaching/admin/momentum_panel.html"
    order = 40
    #: Staff's panel lists at most this many teams; the report lists them all.
    STAFF_LIMIT = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        staff_view = selectors.is_staff_overview(user)
        if staff_view:
            rows = dashboard_cache.dashboard("momentum-watchlist", lambda: self._watchlist(user))
        else:
            rows = dashboard_cache.dashboard(
                f"momentum:{user.pk}",
                lambda: selectors.team_momentum(selectors.momentum_teams(user, coached_only=True)),
            )
        context.update(
            rows=rows,
            staff_view=staff_view,
            report_url=reverse("coaching_momentum:index"),
            next_url=reverse("wagtailadmin_home"),
        )
        return context

    def _watchlist(self, user):
        rows = selectors.team_momentum(selectors.momentum_teams(user))
        return [row for row in rows if row.level in ("dip", "watch")][: self.STAFF_LIMIT]


class MomentumNoteForm(forms.Form):
    body = forms.CharField(
        label=_("What did you do about it?"),
        help_text=_("Seen by the team's coaches and staff only, never by the team."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)


class CoachOrStaffTemplateView(generic.WagtailAdminTemplateMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        if not show_dashboard_panel(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class MomentumView(CoachOrStaffTemplateView):
    """Every team the user follows (staff: every team of a running cohort), dips first, with the
    reasons, the six-week trend and the coach's note for each week."""

    page_title = _("Team momentum")
    header_icon = "warning"
    template_name = "coaching/admin/momentum.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=selectors.team_momentum(selectors.momentum_teams(self.request.user)),
            next_url=self.request.get_full_path(),
            **kwargs,
        )


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


class MomentumNoteView(CoachOrStaffTemplateView):
    """Note what the coach did about the team's momentum in one program week (coach-private)."""

    page_title = _("What was done about it")
    header_icon = "edit"
    template_name = "coaching/admin/momentum_note.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        teams = (
            selectors.coaching_teams(request.user).filter(archived_at=None).select_related("cohort__program")
        )
        self.team = get_object_or_404(teams, pk=kwargs["team_pk"])
        self.week = kwargs["week"]
        if not 1 <= self.week <= self.team.cohort.program.duration_weeks:
            raise Http404
        self.note = (
            MomentumNote.objects.filter(team=self.team, week=self.week).select_related("author").first()
        )
        self.stored = None

    def get_page_subtitle(self):
        return _("%(team)s, week %(week)s") % {"team": self.team.name, "week": self.week}

    def get(self, request, *args, **kwargs):
        initial = {"body": self.note.body, "revision": self.note.revision} if self.note else {}
        return self.render_to_response(self.get_context_data(form=MomentumNoteForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        form = MomentumNoteForm(request.POST)
        back = _safe_next(request, reverse("coaching_momentum:index"))
        status = 400
        if form.is_valid():
            try:
                services.momentum_note_save(
                    team=self.team,
                    week=self.week,
                    body=form.cleaned_data["body"],
                    revision=form.cleaned_data["revision"],
                    user=request.user,
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "stale_revision":
                    # What was typed stays; the form now carries the stored revision.
                    self.stored = MomentumNote.objects.select_related("author").get(
                        team=self.team, week=self.week
                    )
                    data = request.POST.copy()
                    data["revision"] = self.stored.revision
                    form = MomentumNoteForm(data)
                    form.is_valid()
                    status = 409
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Note saved for %(team)s, week %(week)s.")
                    % {"team": self.team.name, "week": self.week},
                )
                return redirect(back)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            team=self.team,
            week=self.week,
            note=self.note,
            stored=self.stored,
            action_url=self.request.get_full_path(),
            next_url=_safe_next(self.request, reverse("coaching_momentum:index")),
            **kwargs,
        )
