"""Phase plans in the Wagtail admin: coaches and staff record a team's milestones (deliverables due,
site visits, reviews) and read, per cohort and team, the current phase and what is missing or late.

Coaches reach only the teams they coach (cohorts.policies: milestones are team-owned); staff all.
Every save goes through cohorts.phases.services; an edit made on an older revision is refused with
what was typed kept on the form.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from accounts.admin_views import FilterSet, ModelViewSet, ReportView, ServiceCreateView, ServiceEditView
from cohorts.models import Cohort, Membership, Team
from cohorts.phases import selectors, services
from cohorts.phases.models import PARTICIPANTS_NOT_ON_TEAM, Milestone
from cohorts.policies import coached_teams, is_coach_or_staff, is_staff
from sprints.models import AssignmentTemplate


def _posted_team_pk(form):
    """The team the form is about: the milestone's, the one posted, or the one it opened with."""
    if form.instance.team_id:
        return form.instance.team_id
    value = form.data.get(form.add_prefix("team")) if form.is_bound else form.initial.get("team")
    try:
        return int(getattr(value, "pk", value))
    except (TypeError, ValueError):
        return None


class MilestoneForm(WagtailAdminModelForm):
    """Team first (fixed once recorded); the assignment and participants are the team's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["revision"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, min_value=0, initial=self.instance.revision
            )
        team_pk = _posted_team_pk(self)
        if "team" in self.fields:
            if self.instance.team_id:
                self.fields["team"].disabled = True
                self.fields["team"].queryset = Team.objects.filter(pk=self.instance.team_id)
            else:
                self.fields["team"].queryset = Team.objects.filter(archived_at=None).select_related("cohort")
        team = Team.objects.select_related("cohort").filter(pk=team_pk).first() if team_pk else None
        if "participants" in self.fields:
            members = Membership.objects.filter(team=team) if team else Membership.objects.none()
            self.fields["participants"].queryset = members.select_related("user", "role")
            self.fields["participants"].error_messages["invalid_choice"] = PARTICIPANTS_NOT_ON_TEAM
            self.fields["participants"].help_text = _(
                "Members of the team (choose the team and save once to list them)."
                if team is None
                else "Members of the team who take part."
            )
        if "template" in self.fields:
            templates = AssignmentTemplate.objects.all()
            if team is not None:
                templates = templates.filter(program_id=team.cohort.program_id)
            self.fields["template"].queryset = templates.select_related("program")


class MilestoneCreateView(ServiceCreateView):
    def get_initial(self):
        initial = super().get_initial()
        if team := self.request.GET.get("team"):
            initial["team"] = team
        if kind := self.request.GET.get("kind"):
            initial["kind"] = kind
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return services.milestone_create(
            team=data["team"],
            kind=data["kind"],
            by=self.request.user,
            title=data.get("title", ""),
            template=data.get("template"),
            due_on=data.get("due_on"),
            starts_at=data.get("starts_at"),
            place=data.get("place", ""),
            agenda=data.get("agenda", ""),
            participants=list(data.get("participants") or []),
            other_participants=data.get("other_participants", ""),
            notes=data.get("notes", ""),
            done_on=data.get("done_on"),
        )


class MilestoneEditView(ServiceEditView):
    def save_instance(self):
        milestone = self.form.save(commit=False)
        return services.milestone_update(
            milestone=milestone,
            revision=self.form.cleaned_data.get("revision"),
            by=self.request.user,
            participants=list(self.form.cleaned_data.get("participants") or []),
        )


class MilestoneViewSet(ModelViewSet):
    model = Milestone
    icon = "date"
    menu_label = _("Milestones and site visits")
    add_view_class = MilestoneCreateView
    edit_view_class = MilestoneEditView
    list_display = ["__str__", "team", "kind", "due_on", "starts_at", "done_on"]
    list_filter = ["kind", "team__cohort"]
    search_fields = ["title", "place", "team__name", "team__city", "template__title_en", "template__title_es"]
    ordering = ["team__name", "due_on", "starts_at"]
    list_select_related = ["team", "template"]
    inspect_view_fields = [
        "team",
        "kind",
        "title",
        "template",
        "due_on",
        "starts_at",
        "place",
        "agenda",
        "participants",
        "other_participants",
        "notes",
        "done_on",
        "created_by",
        "created_at",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("team"), FieldPanel("kind")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("template"), FieldPanel("due_on")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("place")]),
                    FieldPanel("agenda"),
                    FieldPanel("participants", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("other_participants"),
                ],
                heading=_("Site visit"),
            ),
            FieldPanel("notes"),
            FieldPanel("done_on"),
        ],
        base_form_class=MilestoneForm,
    )


# The staff and coach report: each team's current phase and what is missing or late.


def report_teams(user):
    """The teams whose phase status `user` reads: staff every team's, a coach their teams'; teams
    that gave up their place and cohorts that have finished are left out."""
    teams = Team.objects.filter(archived_at=None, cohort__end_date__gte=timezone.localdate())
    if not is_staff(user):
        teams = teams.filter(pk__in=coached_teams(user).values("pk"))
    return teams.order_by("cohort__start_date", "cohort__name", "name")


class PhaseReportFilterSet(FilterSet):
    cohort = django_filters.ModelChoiceFilter(label=_("Cohort"), queryset=Cohort.objects.all())

    class Meta:
        model = Team
        fields = ["cohort"]


def _titles(items):
    return "; ".join(f"{item.title} ({item.due_on:%Y-%m-%d})" for item in items)


def _titles_html(items):
    if not items:
        return "—"
    return format_html_join(
        mark_safe("<br>"), '{} <span class="w-text-14">{}</span>', ((i.title, i.due_on) for i in items)
    )


class PhaseRow:
    """One team's line in the report."""

    def __init__(self, team, status):
        self.team = team
        self.status = status
        self.cohort_name = team.cohort.name
        self.team_name = team.name
        self.phase_label = render_to_string("cohorts/phases/_now.html", {"phase": status}).strip()
        self.missing = list(status.missing)
        self.late_deliverables = [i for i in status.late if i.kind == "deliverable"]
        self.late_milestones = [i for i in status.late if i.kind != "deliverable"]
        visit = status.next_site_visit
        self.next_site_visit = (
            date_format(timezone.localtime(visit.starts_at), "DATETIME_FORMAT") if visit else ""
        )
        self.missing_text = _titles(self.missing)
        self.late_deliverables_text = _titles(self.late_deliverables)
        self.late_milestones_text = _titles(self.late_milestones)


def _team_link(row):
    return format_html(
        '<a href="{}">{}</a><div class="w-text-14">{}</div>',
        f"{reverse('milestone:index')}?team__cohort={row.team.cohort_id}&q={row.team.name}",
        row.team.name,
        row.team.city,
    )


def _add_milestone(row):
    return format_html(
        '<a class="button button-small button-secondary" href="{}?team={}">{}</a>',
        reverse("milestone:add"),
        row.team.pk,
        _("Add a milestone"),
    )


class PhaseReportView(ReportView):
    """Per cohort and team: the current phase, its deliverables not delivered yet, what is late
    (deliverables and milestones), and the next site visit. It only shows: nothing is blocked."""

    page_title = _("Phases: missing and late")
    header_icon = "date"
    filterset_class = PhaseReportFilterSet
    export_filename = "phase-status"
    paginate_by = 50
    columns = [
        Column("cohort", label=_("Cohort"), accessor="cohort_name"),
        Column("team", label=_("Team"), accessor=_team_link),
        Column("phase", label=_("Current phase"), accessor="phase_label"),
        Column("missing", label=_("Missing in this phase"), accessor=lambda row: _titles_html(row.missing)),
        Column(
            "late_deliverables",
            label=_("Late deliverables"),
            accessor=lambda row: _titles_html(row.late_deliverables),
        ),
        Column(
            "late_milestones",
            label=_("Late milestones"),
            accessor=lambda row: _titles_html(row.late_milestones),
        ),
        Column("next_site_visit", label=_("Next site visit"), accessor="next_site_visit"),
        Column("add", label="", accessor=_add_milestone),
    ]
    list_export = [
        "cohort_name",
        "team_name",
        "phase_label",
        "missing_text",
        "late_deliverables_text",
        "late_milestones_text",
        "next_site_visit",
    ]
    export_headings = {
        "cohort_name": _("Cohort"),
        "team_name": _("Team"),
        "phase_label": _("Current phase"),
        "missing_text": _("Missing in this phase"),
        "late_deliverables_text": _("Late deliverables"),
        "late_milestones_text": _("Late milestones"),
        "next_site_visit": _("Next site visit"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_coach_or_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return report_teams(self.request.user)

    def get_filtered_queryset(self):
        teams = selectors.with_plan_data(self.filter_queryset(self.get_queryset()))
        now = timezone.now()
        statuses = selectors.phase_statuses(teams, today=timezone.localdate(now), now=now)
        return [PhaseRow(team, status) for team, status in statuses]


class PhaseReportMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return is_coach_or_staff(request.user)


def admin_urls():
    kwargs = {
        "index_url_name": "cohorts_phase_report",
        "index_results_url_name": "cohorts_phase_report_results",
    }
    return [
        path("phases/", PhaseReportView.as_view(**kwargs), name="cohorts_phase_report"),
        path(
            "phases/results/",
            PhaseReportView.as_view(results_only=True, **kwargs),
            name="cohorts_phase_report_results",
        ),
    ]


def phase_report_menu_item():
    return PhaseReportMenuItem(
        _("Phases: missing and late"), reverse("cohorts_phase_report"), icon_name="date", order=219
    )
