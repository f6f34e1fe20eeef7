"""The team's data page: its sources and imports (with a progress bar that refreshes), the upload and
address forms, a spreadsheet's columns to confirm, the data report, the raw file.

Members change; the team's coaches and staff read. Another team's data is a 404.
"""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.downloads import private_file_response
from cohorts.opendata import analysis, indicators, reading, selectors, services
from cohorts.opendata.forms import AddressForm, MappingForm, PeriodForm, UploadForm
from cohorts.opendata.models import ImportStatus, SourceKind
from cohorts.policies import (
    can_edit_team_work,
    member_team_or_404,
    workspace_team_or_404,
)
from cohorts.workspace.panels import TeamHomePanel

#: Room for the form's other fields in a request that carries a file at the limit.
FORM_ROOM_BYTES = 64 * 1024


class StopOversizedUpload(FileUploadHandler):
    """Stops reading a request as soon as its file passes the limit (a 2 GB upload ends within
    its first bytes over the limit, or before its first byte when the request says its size). The
    fields before the file are kept; the view says the file was too large."""

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = reading.max_bytes() if limit is None else limit
        self.request_too_large = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_too_large = content_length > self.limit + FORM_ROOM_BYTES

    def _stop(self):
        self.request.upload_too_large = True
        raise StopUpload(connection_reset=True)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.request_too_large:
            self._stop()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self._stop()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) holds the file


def stop_oversized_uploads(view):
    """Install StopOversizedUpload before the request body is read, which CSRF checking does; so
    the check runs after it, as Django's documentation shows."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.upload_too_large = False
        if request.method == "POST":
            request.upload_handlers.insert(0, StopOversizedUpload(request))
        return csrf_protect(view)(request, *args, **kwargs)

    return wrapped


def _data_url(team):
    return reverse("cohorts:team_data", kwargs={"team_pk": team.pk})


def _render_home(request, team, *, upload_form=None, address_form=None, status=200):
    can_edit = can_edit_team_work(request.user, team)
    sources = list(selectors.team_sources(team))
    context = {
        "team": team,
        "can_edit": can_edit,
        "sources": sources,
        "polling": any(item.is_pending for source in sources for item in source.listed_imports),
    }
    if request.htmx:
        return render(request, "cohorts/opendata/_sources.html", context, status=status)
    if can_edit:
        source = request.GET.get("source")
        initial = {"source": source} if source and source.isdigit() else {}
        context["upload_form"] = upload_form or UploadForm(team=team, initial=initial)
        context["address_form"] = address_form or AddressForm()
    return render(request, "cohorts/opendata/home.html", context, status=status)


@login_required
def data_home(request, team_pk):
    """The team's sources and imports; for members, the upload and address forms."""
    return _render_home(request, workspace_team_or_404(request.user, team_pk))


@login_required
@stop_oversized_uploads
def data_upload(request, team_pk):
    team = member_team_or_404(request.user, team_pk)
    if request.method != "POST":
        return redirect("cohorts:team_data", team_pk=team.pk)
    form = UploadForm(request.POST, request.FILES, team=team)
    valid = form.is_valid()
    if request.upload_too_large:
        form.errors.pop("file", None)
        form.add_error("file", ValidationError(reading.TOO_LARGE, code="too_large"))
        valid = False
    if valid:
        data = form.cleaned_data
        try:
            data_import = services.data_upload(
                team=team,
                user=request.user,
                file=data["file"],
                source=data["source"],
                name=data["name"],
                system=data["system"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if data_import.status == ImportStatus.NEEDS_MAPPING:
                return redirect("cohorts:team_data_mapping", team_pk=team.pk, pk=data_import.pk)
            messages.success(request, _("Thank you: Ruta is reading “%(name)s”.") % {"name": data_import})
            return redirect("cohorts:team_data", team_pk=team.pk)
    return _render_home(request, team, upload_form=form, status=400)


@login_required
@require_POST
def data_source_add(request, team_pk):
    """Add the address of the team's open data; Ruta fetches it at once."""
    team = member_team_or_404(request.user, team_pk)
    form = AddressForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.source_add(
                team=team,
                user=request.user,
                name=data["name"],
                system=data["system"],
                kind=SourceKind.URL,
                url=data["url"],
                schedule=data["schedule"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: Ruta is fetching your data from its address."))
            return redirect("cohorts:team_data", team_pk=team.pk)
    return _render_home(request, team, address_form=form, status=400)


@login_required
@require_POST
def data_source_fetch(request, team_pk, pk):
    team = member_team_or_404(request.user, team_pk)
    source = selectors.team_source_or_404(team, pk)
    try:
        services.source_fetch(source=source, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Ruta is fetching “%(name)s” again.") % {"name": source.name})
    return redirect("cohorts:team_data", team_pk=team.pk)


def _confirm_page(request, team, *, template, context, action, success):
    """A confirmation page on GET; on POST, the action, then back to the data page."""
    if request.method == "POST":
        try:
            action()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success)
        return redirect("cohorts:team_data", team_pk=team.pk)
    return render(request, template, {"team": team, "cancel_url": _data_url(team), **context})


@login_required
def data_source_remove(request, team_pk, pk):
    team = member_team_or_404(request.user, team_pk)
    source = selectors.team_source_or_404(team, pk)
    return _confirm_page(
        request,
        team,
        template="cohorts/opendata/source_remove.html",
        context={"source": source},
        action=lambda: services.source_remove(source=source, user=request.user),
        success=_("“%(name)s” is removed.") % {"name": source.name},
    )


@login_required
def data_import_delete(request, team_pk, pk):
    team = member_team_or_404(request.user, team_pk)
    data_import = selectors.team_import_or_404(team, pk)
    return _confirm_page(
        request,
        team,
        template="cohorts/opendata/import_delete.html",
        context={"data_import": data_import},
        action=lambda: services.import_delete(data_import=data_import, user=request.user),
        success=_("“%(name)s” is deleted, with its report.") % {"name": data_import},
    )


@login_required
def data_erase(request, team_pk):
    team = member_team_or_404(request.user, team_pk)
    return _confirm_page(
        request,
        team,
        template="cohorts/opendata/erase.html",
        context={},
        action=lambda: services.team_data_erase(team=team, user=request.user),
        success=_("All of the team's procurement data is deleted."),
    )


@login_required
def data_mapping(request, team_pk, pk):
    """Which column of the spreadsheet holds each field: the suggestion, for a member to confirm."""
    team = member_team_or_404(request.user, team_pk)
    data_import = selectors.team_import_or_404(team, pk)
    if data_import.status != ImportStatus.NEEDS_MAPPING:
        return redirect("cohorts:team_data_import", team_pk=team.pk, pk=data_import.pk)
    columns = data_import.columns
    status = 200
    if request.method == "POST":
        form = MappingForm(request.POST, columns=columns)
        if form.is_valid():
            try:
                services.mapping_confirm(data_import=data_import, mapping=form.mapping(), user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Thank you: Ruta is reading “%(name)s” with these columns.") % {"name": data_import},
                )
                return redirect("cohorts:team_data", team_pk=team.pk)
        status = 400
    else:
        # The columns the source's earlier files used where this file has them; else the suggestion.
        suggested = {**reading.suggest_mapping(columns), **data_import.source.column_mapping}
        form = MappingForm(
            columns=columns, initial={key: column for key, column in suggested.items() if column in columns}
        )
    return render(
        request,
        "cohorts/opendata/mapping.html",
        {"team": team, "data_import": data_import, "form": form, "columns": columns},
        status=status,
    )


def _percent(share):
    return round(100 * (share or 0))


def _stages(report):
    return [
        {
            **stage,
            "label": analysis.STAGE_LABELS.get(stage["stage"], stage["stage"]),
            "percent": _percent(stage.get("share")),
            "fields": [
                {
                    **field,
                    "label": analysis.FIELD_LABELS.get(field["key"], field["path"]),
                    "percent": _percent(field.get("share")),
                }
                for field in stage.get("fields", [])
            ],
        }
        for stage in report.get("stages", [])
    ]


def _problems(report):
    return [
        {**problem, "label": analysis.PROBLEM_LABELS.get(problem["code"], problem["code"])}
        for problem in report.get("problems", [])
    ]


def _periods(report):
    return [
        {
            "start": datetime.date.fromisoformat(period["start"]),
            "end": datetime.date.fromisoformat(period["end"]) - datetime.timedelta(days=1),
            "processes": period.get("processes"),
            "values": [period["values"].get(key) for key in indicators.METRICS],
        }
        for period in report.get("periods", [])
    ]


@login_required
def data_import(request, team_pk, pk):
    """The data report of one import, and its indicators over any period."""
    team = workspace_team_or_404(request.user, team_pk)
    data_import = selectors.team_import_or_404(team, pk)
    report = data_import.report or {}
    context = {"team": team, "data_import": data_import, "can_edit": can_edit_team_work(request.user, team)}
    status = 200
    if data_import.status == ImportStatus.DONE:
        period_form = PeriodForm(request.GET or None, initial=_default_period(data_import))
        period_values = None
        if period_form.is_bound and not period_form.is_valid():
            status = 400
        elif period_form.is_bound:
            period = period_form.cleaned_data
            values = selectors.period_indicators(data_import, period["start"], period["end"])
            period_values = [(metric, values.get(key)) for key, metric in indicators.METRICS.items()]
        latest = data_import.latest
        context.update(
            report=report,
            stages=_stages(report),
            problems=_problems(report),
            periods=_periods(report),
            metrics=list(indicators.METRICS.values()),
            period_form=period_form,
            period_values=period_values,
            days_since_latest=(timezone.localdate() - latest).days if latest else None,
        )
    return render(request, "cohorts/opendata/report.html", context, status=status)


def _default_period(data_import):
    if data_import.earliest and data_import.latest:
        return {"start": data_import.earliest, "end": data_import.latest + datetime.timedelta(days=1)}
    return {}


@login_required
def data_download(request, team_pk, pk):
    """The raw file, for the team's members, its coaches and staff."""
    team = workspace_team_or_404(request.user, team_pk)
    data_import = selectors.team_import_or_404(team, pk)
    if not data_import.file:
        raise Http404
    return private_file_response(data_import.file, filename=data_import.original_name or "data")


def opendata_home_panel(*, team, user):
    """On the team home: the latest import's status and progress, and the way to the data page."""
    return TeamHomePanel(
        template_name="cohorts/opendata/team_home_panel.html",
        context={"latest_import": selectors.latest_import(team)},
    )
