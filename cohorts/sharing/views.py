"""A team's shared results: propose a case story or a deliverable's public version, follow
staff's review, change it and propose it again, or withdraw it.

Members change; the team's coaches and staff read (staff review in the admin); another team's
results are a 404 here, and visitors read only published results, on the program's page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.admin_views import add_service_errors
from cohorts.assignments.kinds import public_text
from cohorts.policies import (
    can_edit_team_work,
    member_team_or_404,
    workspace_team_or_404,
)
from cohorts.sharing import selectors, services
from cohorts.sharing.forms import latest_versions, result_form_class
from cohorts.sharing.models import ResultKind, ResultStatus, SharedResult


def _result(team, pk):
    return get_object_or_404(selectors.team_results(team), pk=pk)


@login_required
def result_list(request, team_pk):
    team = workspace_team_or_404(request.user, team_pk)
    results = list(selectors.team_results(team))
    return render(
        request,
        "cohorts/sharing/list.html",
        {
            "team": team,
            "results": results,
            "public_urls": selectors.public_urls(results),
            "can_edit": can_edit_team_work(request.user, team),
            "kinds": ResultKind,
        },
    )


def _prefill(team, request):
    """A deliverable's public text from its kind (``kinds.public_text``), for ?version=<pk>."""
    version = latest_versions(team).filter(pk=request.GET.get("version") or 0).first()
    if version is None:
        return {}
    initial = {"version": version.pk}
    text = public_text(version.submission.template.kind, version.content)
    if text:
        initial[f"public_text_{team.cohort.language}"] = text
    return initial


def _save(request, team, form, result, revision=None):
    """Propose through the service; True when saved, else the form carries the refusal."""
    if not form.is_valid():
        return False
    try:
        services.result_propose(
            result=form.instance,
            by=request.user,
            indicators=form.cleaned_data.get("indicators"),
            revision=revision,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


@login_required
def result_new(request, team_pk, kind):
    team = member_team_or_404(request.user, team_pk)
    if kind not in ResultKind.values:
        raise Http404
    language = team.cohort.language
    form_class = result_form_class(kind, language)
    result = SharedResult(team=team, kind=kind, language=language)
    if request.method == "POST":
        form = form_class(request.POST, instance=result, team=team)
        if _save(request, team, form, result):
            messages.success(request, _("Result proposed: the program staff will review it."))
            return redirect("cohorts:result_detail", team_pk=team.pk, pk=form.instance.pk)
    else:
        form = form_class(instance=result, team=team, initial=_prefill(team, request))
    return render(
        request,
        "cohorts/sharing/form.html",
        {"team": team, "form": form, "kind": ResultKind(kind), "result": None},
    )


@login_required
def result_detail(request, team_pk, pk):
    team = workspace_team_or_404(request.user, team_pk)
    result = _result(team, pk)
    return render(
        request,
        "cohorts/sharing/detail.html",
        {
            "team": team,
            "result": result,
            "public_url": selectors.public_urls([result]).get(result.pk),
            "can_edit": can_edit_team_work(request.user, team),
            "versions": [(code, result.texts(code)) for code in [result.language, *result.translations()]],
        },
    )


@login_required
def result_edit(request, team_pk, pk):
    team = member_team_or_404(request.user, team_pk)
    result = _result(team, pk)
    if not result.is_editable:
        messages.error(request, str(services.RESULT_PUBLISHED_NOT_EDITABLE))
        return redirect("cohorts:result_detail", team_pk=team.pk, pk=result.pk)
    form_class = result_form_class(result.kind, result.language)
    stale = False
    if request.method == "POST":
        form = form_class(request.POST, instance=result, team=team)
        revision = form.data.get("revision")
        revision = int(revision) if str(revision or "").isdigit() else -1
        if _save(request, team, form, result, revision=revision):
            messages.success(request, _("Result proposed again: the program staff will review it."))
            return redirect("cohorts:result_detail", team_pk=team.pk, pk=result.pk)
        stale = any(error.code == "stale" for error in form.non_field_errors().as_data())
    else:
        form = form_class(instance=result, team=team)
    current = _result(team, pk) if stale else None
    if current is not None:
        # Saving again is against the version now shown beside the form.
        form.data = form.data.copy()
        form.data["revision"] = current.revision
    return render(
        request,
        "cohorts/sharing/form.html",
        {
            "team": team,
            "form": form,
            "kind": ResultKind(result.kind),
            "result": result,
            "current": current,
            "current_versions": [
                (code, current.texts(code)) for code in [current.language, *current.translations()]
            ]
            if current
            else [],
        },
    )


@login_required
def result_withdraw(request, team_pk, pk):
    team = member_team_or_404(request.user, team_pk)
    result = _result(team, pk)
    if request.method == "POST":
        try:
            services.result_withdraw(result=result, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Result withdrawn: visitors no longer see it."))
        return redirect("cohorts:result_detail", team_pk=team.pk, pk=result.pk)
    return render(
        request,
        "cohorts/sharing/withdraw.html",
        {"team": team, "result": result, "is_published": result.status == ResultStatus.PUBLISHED},
    )
