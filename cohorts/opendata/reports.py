"""The program's own evidence of impact, in the admin: across a cohort, which stages each team's
procurement data publishes and how its participation and competition indicators moved.

Staff read every team; a coach the teams they coach. Each row reads the team's latest data report.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.urls import path, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.tables import Column

from accounts.admin_views import FilterSet, ReportView
from cohorts.models import Cohort, Team
from cohorts.opendata.analysis import STAGE_LABELS, STAGES
from cohorts.opendata.indicators import METRICS
from cohorts.opendata.models import DataImport, ImportStatus
from cohorts.policies import coached_teams, is_coach_or_staff, is_staff


class DataReportFilterSet(FilterSet):
    cohort = django_filters.ModelChoiceFilter(label=_("Cohort"), queryset=Cohort.objects.all())

    class Meta:
        model = Team
        fields = ["cohort"]


#: A quarter with fewer processes (the one under way, say) says too little to compare.
TREND_MIN_PROCESSES = 10


def _trend(values, metric):
    """The metric's first and latest quarter with a value, and whether it moved the right way."""
    measured = [
        (period["start"], period["values"].get(metric.key))
        for period in values
        if period.get("processes", 0) >= TREND_MIN_PROCESSES
    ]
    measured = [(start, value) for start, value in measured if value is not None]
    if not measured:
        return None
    (first_on, first), (last_on, last) = measured[0], measured[-1]
    better = last > first if metric.direction == "higher" else last < first
    return {
        "first": first,
        "last": last,
        "first_on": first_on,
        "last_on": last_on,
        "better": better and last != first,
    }


class TeamDataRow:
    """One team's line: its latest data report's stage coverage and indicator trends."""

    def __init__(self, team, data_import):
        self.team = team
        self.cohort_name = team.cohort.name
        self.team_name = team.name
        self.data_import = data_import
        report = data_import.report if data_import else {}
        self.processes = report.get("processes")
        self.latest = data_import.latest if data_import else None
        shares = {stage["stage"]: stage["share"] for stage in report.get("stages", [])}
        for stage in STAGES:
            setattr(self, f"stage_{stage}", round(100 * shares[stage]) if stage in shares else None)
        periods = report.get("periods", [])
        for metric in METRICS.values():
            trend = _trend(periods, metric)
            setattr(self, f"trend_{metric.key}", trend)
            setattr(self, f"text_{metric.key}", f"{trend['first']} → {trend['last']}" if trend else "")


def _team_link(row):
    if row.data_import is None:
        return format_html('{}<div class="w-text-14">{}</div>', row.team.name, _("No data read yet"))
    return format_html(
        '<a href="{}">{}</a><div class="w-text-14">{}</div>',
        reverse("cohorts:team_data_import", args=[row.team.pk, row.data_import.pk]),
        row.team.name,
        date_format(row.latest) if row.latest else "",
    )


def _percent(key):
    def accessor(row):
        value = getattr(row, key)
        return "—" if value is None else f"{value} %"

    return accessor


def _trend_cell(metric):
    def accessor(row):
        trend = getattr(row, f"trend_{metric.key}")
        if trend is None:
            return "—"
        label = _("better") if trend["better"] else _("not better")
        return format_html(
            '{} → <strong>{}</strong> <span class="w-text-14" data-trend="{}">({})</span>',
            number_format(trend["first"]),
            number_format(trend["last"]),
            "better" if trend["better"] else "same-or-worse",
            label,
        )

    return accessor


class TeamDataReportView(ReportView):
    page_title = _("Procurement data by team")
    header_icon = "table"
    filterset_class = DataReportFilterSet
    export_filename = "procurement-data-by-team"
    paginate_by = 50
    columns = [
        Column("cohort", label=_("Cohort"), accessor="cohort_name"),
        Column("team", label=_("Team"), accessor=_team_link),
        Column("processes", label=_("Processes"), accessor=lambda row: row.processes or "—"),
        *[
            Column(f"stage_{stage}", label=STAGE_LABELS[stage], accessor=_percent(f"stage_{stage}"))
            for stage in STAGES
        ],
        *[
            Column(metric.key, label=metric.label, accessor=_trend_cell(metric))
            for metric in METRICS.values()
        ],
    ]
    list_export = [
        "cohort_name",
        "team_name",
        "processes",
        "latest",
        *[f"stage_{stage}" for stage in STAGES],
        *[f"text_{key}" for key in METRICS],
    ]
    export_headings = {
        "cohort_name": _("Cohort"),
        "team_name": _("Team"),
        "processes": _("Processes"),
        "latest": _("Latest date in the data"),
        **{f"stage_{stage}": STAGE_LABELS[stage] for stage in STAGES},
        **{f"text_{key}": metric.label for key, metric in METRICS.items()},
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_coach_or_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        teams = Team.objects.filter(archived_at=None).select_related("cohort")
        if not is_staff(self.request.user):
            teams = teams.filter(pk__in=coached_teams(self.request.user).values("pk"))
        latest = (
            DataImport.objects.filter(
                source__team=OuterRef("pk"), source__removed_at=None, status=ImportStatus.DONE
            )
            .order_by("-finished_at", "-pk")
            .values("pk")[:1]
        )
        return teams.annotate(latest_import=Subquery(latest)).order_by(
            "-cohort__start_date", "cohort__name", "name"
        )

    def get_filtered_queryset(self):
        teams = list(self.filter_queryset(self.get_queryset()))
        imports = DataImport.objects.in_bulk([team.latest_import for team in teams if team.latest_import])
        return [TeamDataRow(team, imports.get(team.latest_import)) for team in teams]


class TeamDataReportMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return is_coach_or_staff(request.user)


def admin_urls():
    kwargs = {
        "index_url_name": "cohorts_data_report",
        "index_results_url_name": "cohorts_data_report_results",
    }
    return [
        path("procurement-data/", TeamDataReportView.as_view(**kwargs), name="cohorts_data_report"),
        path(
            "procurement-data/results/",
            TeamDataReportView.as_view(results_only=True, **kwargs),
            name="cohorts_data_report_results",
        ),
    ]


def menu_item():
    return TeamDataReportMenuItem(
        _("Procurement data by team"), reverse("cohorts_data_report"), icon_name="table", order=220
    )
