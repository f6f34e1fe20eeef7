"""The team's RDC progress: checklist with evidence, history, indicators and the PDF report.

Members change status, evidence and indicators; the team's coaches and staff read (coaches
verify in the admin). Another team's pages are a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.downloads import private_file_response
from cohorts import exports
from cohorts.assignments.models import Submission
from cohorts.assignments.uploads import limit_upload_size
from cohorts.opendata import evidence as data_evidence
from cohorts.opendata.selectors import read_reports
from cohorts.policies import (
    can_edit_team_work,
    can_record_measurements,
    can_review_team_work,
    member_team_or_404,
    workspace_team_or_404,
)
from cohorts.progress import charts, selectors, services
from cohorts.progress.forms import (
    INDICATOR_SUGGESTIONS,
    CertificationForm,
    EvidenceForm,
    IndicatorForm,
    MeasurementForm,
)
from cohorts.progress.models import (
    CertificationRecord,
    Evidence,
    EvidenceKind,
    Indicator,
    Measurement,
    ProgressStatus,
)


def _item(team, item_pk):
    """A checklist item of the criteria version the team's cohort tracks (any other is a 404)."""
    return get_object_or_404(selectors.cohort_items(team.cohort), pk=item_pk)


def _indicators(team):
    return list(
        Indicator.objects.filter(team=team).prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
        )
    )


def _indicator_rows(team, can_edit=False):
    """Each indicator with its chart and, for those who may record, its own measurement form
    (ids of its own: the page holds one form per indicator, each field labelled)."""
    return [
        {
            "indicator": indicator,
            "chart": charts.indicator_chart(indicator),
            "values": charts.value_rows(indicator),
            "measurement_form": MeasurementForm(auto_id=f"id_indicator_{indicator.pk}_%s")
            if can_edit
            else None,
        }
        for indicator in _indicators(team)
    ]


def _submission_options(team, boards):
    """Per item, the team's submissions to attach as evidence, as the form lists them: those whose
    template can evidence the item first (marked so), then the rest. Built here once per page
    rather than by the template for every item."""
    submissions = list(Submission.objects.filter(team=team).select_related("template"))
    pairs = Submission.objects.filter(team=team, template__checklist_items__isnull=False).values_list(
        "template__checklist_items", "pk"
    )
    by_item = {}
    for item_pk, submission_pk in pairs:
        by_item.setdefault(item_pk, set()).add(submission_pk)
    suggested_label = _("suggested for this item")
    for board in boards:
        for row in board.rows:
            suggested = by_item.get(row.item.pk, set())
            first = [s for s in submissions if s.pk in suggested]
            rest = [s for s in submissions if s.pk not in suggested]
            row.submission_options = [
                *((str(s.pk), f"{s.template.title} ({suggested_label})") for s in first),
                *((str(s.pk), s.template.title) for s in rest),
            ]


def _suggest_data_report(report, boards):
    """Per item the team's latest data report supports (and does not yet evidence), the reason."""
    reasons = data_evidence.supported(report.report, as_of=report.finished_at.date())
    for board in boards:
        for row in board.rows:
            attached = any(evidence.data_import_id == report.pk for evidence in row.evidence)
            row.data_suggestion = None if attached else reasons.get(row.item.data_evidence)


def _progress_page(
    request, team, *, evidence_form=None, evidence_item=None, certification_form=None, status=200
):
    """The progress page; a refused evidence or certification form comes back open with what was typed."""
    boards = selectors.team_progress_board(team)
    can_edit = can_edit_team_work(request.user, team)
    data_reports = list(read_reports(team)) if can_edit else []
    if can_edit:
        _submission_options(team, boards)
        if data_reports:
            _suggest_data_report(data_reports[0], boards)
    return render(
        request,
        "cohorts/progress/progress.html",
        {
            "team": team,
            "boards": boards,
            "overall_percent": selectors.overall_percent(boards),
            "history": list(selectors.team_progress_history(team)),
            "can_edit": can_edit,
            "can_review": can_review_team_work(request.user, team),
            "blank_evidence_form": EvidenceForm(team=team) if can_edit else None,
            "evidence_form": evidence_form,
            "evidence_item": evidence_item,
            "statuses": ProgressStatus.choices,
            "data_reports": data_reports,
            "data_report": data_reports[0] if data_reports else None,
            **_certification_context(request, team, certification_form),
        },
        status=status,
    )


@login_required
def team_progress(request, team_pk):
    return _progress_page(request, workspace_team_or_404(request.user, team_pk))


def _certification_context(request, team, form=None):
    history = list(selectors.certification_history(team))
    can_record = can_record_measurements(request.user, team)
    return {
        "criterion_set": selectors.cohort_criterion_set(team.cohort),
        "certification": history[0] if history else None,
        "certification_history": history,
        "can_record_certification": can_record,
        "certification_form": (form or CertificationForm()) if can_record else None,
    }


@login_required
@require_POST
@limit_upload_size
def certification_record_view(request, team_pk):
    """Record the city's What Works Cities certification level (members and staff)."""
    team = workspace_team_or_404(request.user, team_pk)
    if not can_record_measurements(request.user, team):
        raise Http404
    form = CertificationForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.certification_record(
                team=team,
                user=request.user,
                level=data["level"],
                certified_on=data["certified_on"],
                evidence_url=data["evidence_url"],
                evidence_file=data["evidence_file"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Certification level recorded."))
            return redirect(f"{_progress_url(team)}#certification")
    # Show the page again with the form's messages beside its fields and what was typed.
    return _progress_page(request, team, certification_form=form, status=400)


@login_required
def certification_download(request, team_pk, pk):
    """A certification record's evidence file, for the team's members, coaches and staff only."""
    team = workspace_team_or_404(request.user, team_pk)
    record = get_object_or_404(CertificationRecord.objects.exclude(evidence_file=""), pk=pk, team=team)
    name = record.original_name or record.evidence_file.name.rsplit("/", 1)[-1]
    return private_file_response(record.evidence_file, filename=name)


@login_required
@require_POST
def progress_mark_view(request, team_pk, item_pk):
    team = member_team_or_404(request.user, team_pk)
    item = _item(team, item_pk)
    try:
        services.progress_mark(team=team, item=item, user=request.user, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Status saved."))
    return redirect(f"{_progress_url(team)}#item-{item.pk}")


#: The field beside which each refusal of evidence_add is shown.
EVIDENCE_ERROR_FIELDS = {
    "submission_not_teams": "submission",
    "link_required": "url",
    "file_required": "file",
    "data_report_required": "data_import",
    "unknown_kind": "kind",
}


def _progress_url(team):
    return reverse("cohorts:team_progress", args=[team.pk])


@login_required
@require_POST
@limit_upload_size
def evidence_add_view(request, team_pk, item_pk):
    team = member_team_or_404(request.user, team_pk)
    item = _item(team, item_pk)
    form = EvidenceForm(request.POST, request.FILES, team=team, auto_id=f"%s-{item.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.evidence_add(
                team=team,
                item=item,
                user=request.user,
                kind=data["kind"],
                submission=data["submission"],
                url=data["url"],
                file=data["file"],
                data_import=data["data_import"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(EVIDENCE_ERROR_FIELDS.get(error.code), error)
        else:
            messages.success(request, _("Evidence added."))
            return redirect(f"{_progress_url(team)}#item-{item.pk}")
    return _progress_page(request, team, evidence_form=form, evidence_item=item.pk, status=400)


@login_required
def evidence_remove_view(request, team_pk, pk):
    """Remove a piece of evidence; the last one of a verified item only after a confirmation step.

    A GET shows the confirmation page and changes nothing.
    """
    team = member_team_or_404(request.user, team_pk)
    evidence = get_object_or_404(
        Evidence.objects.select_related(
            "progress__team", "progress__item__criterion", "submission__template"
        ),
        pk=pk,
        progress__team=team,
        removed_at=None,
    )
    if request.method == "POST":
        try:
            services.evidence_remove(
                evidence=evidence, user=request.user, confirmed=request.POST.get("confirm") == "1"
            )
        except ValidationError as error:
            if error.code != "confirm_unverify":
                messages.error(request, " ".join(error.messages))
                return redirect(f"{_progress_url(team)}#item-{evidence.progress.item_id}")
        else:
            messages.success(request, _("Evidence removed."))
            return redirect(f"{_progress_url(team)}#item-{evidence.progress.item_id}")
    return render(
        request,
        "cohorts/progress/evidence_remove_confirm.html",
        {
            "team": team,
            "evidence": evidence,
            "label": services.evidence_label(evidence),
            "progress": evidence.progress,
            "unverifies": services.removes_verified_evidence(evidence),
            "warning": services.CONFIRM_UNVERIFY,
            "cancel_url": f"{_progress_url(team)}#item-{evidence.progress.item_id}",
        },
    )


@login_required
def evidence_download(request, team_pk, pk):
    """An evidence file, for members, the team's coaches and staff only."""
    team = workspace_team_or_404(request.user, team_pk)
    evidence = get_object_or_404(Evidence, pk=pk, progress__team=team, kind=EvidenceKind.FILE)
    name = evidence.file_name
    return private_file_response(evidence.file, filename=name)


def _suggestion(index):
    """The initial values of a suggested indicator (its position in the list), or nothing."""
    try:
        name, unit, direction, metric = INDICATOR_SUGGESTIONS[int(index)]
    except (TypeError, ValueError, IndexError):
        return {}
    return {"name": str(name), "unit": str(unit), "direction": direction, "data_metric": metric}


@login_required
def indicators(request, team_pk):
    team = workspace_team_or_404(request.user, team_pk)
    can_edit = can_edit_team_work(request.user, team)
    form = IndicatorForm(initial=_suggestion(request.GET.get("suggest"))) if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise Http404
        form = IndicatorForm(request.POST, instance=Indicator(team=team))
        if form.is_valid():
            try:
                services.indicator_save(indicator=form.instance, user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Indicator added."))
                return redirect("cohorts:team_indicators", team_pk=team.pk)
    return render(
        request,
        "cohorts/progress/indicators.html",
        {
            "team": team,
            "rows": _indicator_rows(team, can_edit),
            "form": form,
            "can_edit": can_edit,
            "suggestions": INDICATOR_SUGGESTIONS,
        },
    )


@login_required
def indicator_edit(request, team_pk, indicator_pk):
    """Change an indicator's definition or record its baseline later."""
    team = member_team_or_404(request.user, team_pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, team=team)
    form = IndicatorForm(instance=indicator)
    if request.method == "POST":
        form = IndicatorForm(request.POST, instance=indicator)
        if form.is_valid():
            try:
                services.indicator_save(indicator=form.instance, user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Indicator saved."))
                return redirect(f"{_indicators_url(team)}#indicator-{indicator.pk}")
    return render(
        request, "cohorts/progress/indicator_edit.html", {"team": team, "indicator": indicator, "form": form}
    )


@login_required
@require_POST
def measurement_add(request, team_pk, indicator_pk):
    team = member_team_or_404(request.user, team_pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, team=team)
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            services.measurement_record(indicator=indicator, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Measurement recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(f"{_indicators_url(team)}#indicator-{indicator.pk}")


def _indicators_url(team):
    return reverse("cohorts:team_indicators", args=[team.pk])


def report_pdf_bytes(request, team) -> bytes:
    boards = selectors.team_progress_board(team)
    return exports.render_pdf(
        "cohorts/progress/report_pdf.html",
        {
            "team": team,
            "boards": boards,
            "overall_percent": selectors.overall_percent(boards),
            "rows": _indicator_rows(team),
            "generated_at": timezone.now(),
            "position": team.cohort.position(timezone.localdate()),
            "LANGUAGE_CODE": translation.get_language(),
            "site_url": request.build_absolute_uri("/").rstrip("/"),
        },
        request=request,
    )


@login_required
def progress_report(request, team_pk):
    """The one-click RDC progress report, in the page's language."""
    team = workspace_team_or_404(request.user, team_pk)
    name = f"{exports.filename_part(_('RDC progress report'))}-{exports.filename_part(team.name)}.pdf"
    return exports.attachment(report_pdf_bytes(request, team), content_type=exports.PDF, filename=name)
