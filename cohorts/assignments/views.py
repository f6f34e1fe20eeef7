"""The team's template assignments: list, structured editors, submit, history, compare, export, files."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.downloads import private_file_response
from accounts.parsing import ascii_number
from cohorts import exports
from cohorts.assignments import compare, selectors, uploads
from cohorts.assignments.kinds import KINDS, Editor, initial_content
from cohorts.assignments.models import RefusedDraft, Submission, SubmissionAttachment
from cohorts.assignments.services import (
    EDITABLE_STATUSES,
    REVISION_MAX,
    attachment_add,
    attachment_remove,
    submission_for,
    submission_save_draft,
    submission_submit,
)
from cohorts.assignments.uploads import limit_upload_size
from cohorts.opendata.selectors import latest_per_source
from cohorts.policies import (
    can_edit_team_work,
    can_review_team_work,
    readable_teams_for,
    team_or_404,
    teams_for,
)
from sprints.models import AssignmentKind, AssignmentTemplate


def _team(request, team_pk, *, read_only=False):
    """The team, if the user may work on it; with `read_only`, also a past (archived) team of theirs."""
    teams = (readable_teams_for if read_only else teams_for)(request.user)
    return team_or_404(request.user, team_pk, teams.select_related("cohort__program"))


def _submission(request, team_pk, template_pk, *, read_only=False):
    """The team's submission for the template; unsaved and empty when nobody has saved yet.

    Reading never writes: the row is created by the first save (``_started``). A past team's
    work is only read: an assignment it never started is not there.
    """
    team = _team(request, team_pk, read_only=read_only)
    template = get_object_or_404(AssignmentTemplate, pk=template_pk, program_id=team.cohort.program_id)
    submission = Submission.objects.filter(team=team, template=template).first()
    if submission is None:
        if team.archived_at is not None:
            raise Http404
        content = initial_content(template.kind, _sources(team, template))
        submission = Submission(team=team, template=template, content=content)
    submission.team = team
    return team, template, submission


def _sources(team, template):
    """The team's current content of the deliverables this template's kind builds on."""
    return selectors.source_contents(team, KINDS[template.kind].sources)


def _started(submission):
    """The submission, created on the first change (a POST by a member)."""
    if submission.pk is None:
        submission = submission_for(team=submission.team, template=submission.template)
    return submission


@login_required
def assignment_list(request, team_pk):
    team = _team(request, team_pk, read_only=True)
    return render(
        request,
        "cohorts/assignments/list.html",
        {"team": team, "assignments": selectors.team_assignments(team, None)},
    )


#: The kinds that describe the city's data systems show the report of each system's published data.
DATA_REPORT_KINDS = (
    AssignmentKind.DATA_SYSTEMS_MAP,
    AssignmentKind.OCDS_ASSESSMENT,
    AssignmentKind.OCDS_WORK_PLAN,
)


def _editor_context(request, team, template, submission, editor, **extra):
    spec = KINDS[template.kind]
    saved = submission.pk is not None
    latest = None
    if saved:
        latest = submission.versions.order_by("-number").prefetch_related("feedback__author").first()
    return {
        "team": team,
        "template": template,
        "submission": submission,
        "editor": editor,
        "spec": spec,
        "can_edit": can_edit_team_work(request.user, team) and submission.status in EDITABLE_STATUSES,
        "is_member": can_edit_team_work(request.user, team),
        "attachments": list(submission.attachments.filter(removed_at=None)) if saved else [],
        "latest_version": latest,
        "latest_feedback": list(latest.feedback.all()) if latest else [],
        "data_report_kind": template.kind in DATA_REPORT_KINDS,
        "data_reports": latest_per_source(team) if template.kind in DATA_REPORT_KINDS else [],
        "refused_drafts": list(
            RefusedDraft.objects.filter(submission=submission, user=request.user, dismissed_at=None)[:1]
        )
        if saved
        else [],
        **extra,
    }


@dataclass(frozen=True)
class SaveResult:
    editor: Editor
    error: str | None = None
    status: int = 200
    saved: bool = False  # whether the draft itself was saved (files may still have been refused)


def _save(request, submission, template):
    """Save the posted editor, then its files."""
    editor = Editor(template.kind, data=request.POST, sources=_sources(submission.team, template))
    if not editor.is_valid():
        return SaveResult(editor, _("Please correct the marked fields: nothing has been saved yet."), 400)
    revision = ascii_number(request.POST.get("revision"), maximum=REVISION_MAX)
    try:
        submission_save_draft(
            submission=submission,
            content=editor.cleaned_content,
            revision=-1 if revision is None else revision,
            user=request.user,
        )
    except ValidationError as error:
        status = 409 if error.code == "stale_revision" else 400
        return SaveResult(editor, " ".join(error.messages), status)
    refused = []
    for upload in request.FILES.getlist("files"):
        try:
            attachment_add(submission=submission, file=upload, user=request.user)
        except ValidationError as error:
            refused.append(f"“{uploads.display_name(upload.name)}”: {' '.join(error.messages)}")
    if refused:
        message = _("Your draft was saved, but these files were not attached: %(files)s") % {
            "files": " ".join(refused)
        }
        return SaveResult(editor, message, 400, saved=True)
    return SaveResult(editor, saved=True)


@login_required
@limit_upload_size
def assignment(request, team_pk, template_pk):
    """The structured editor of one assignment (read-only once submitted, and on a past team)."""
    team, template, submission = _submission(
        request, team_pk, template_pk, read_only=request.method != "POST"
    )
    if request.method == "POST":
        if not can_edit_team_work(request.user, team):
            raise Http404
        submission = _started(submission)
        result = _save(request, submission, template)
        submission.refresh_from_db()
        if request.POST.get("autosave"):
            return JsonResponse(
                {"saved": result.saved, "error": result.error, "revision": submission.revision},
                status=result.status,
            )
        if result.error is None:
            messages.success(request, _("Draft saved."))
            return redirect("cohorts:assignment", team_pk=team.pk, template_pk=template.pk)
        return render(
            request,
            "cohorts/assignments/editor.html",
            _editor_context(
                request,
                team,
                template,
                submission,
                result.editor,
                error=result.error,
                show_current=not result.saved,
            ),
            status=result.status,
        )
    content = submission.content
    refused = request.GET.get("from_refused")
    if refused:
        refused_pk = ascii_number(refused)
        if submission.pk is None or refused_pk is None:
            raise Http404
        draft = get_object_or_404(RefusedDraft, pk=refused_pk, submission=submission, user=request.user)
        content = draft.content
    editor = Editor(template.kind, content=content, sources=_sources(team, template))
    return render(
        request,
        "cohorts/assignments/editor.html",
        _editor_context(request, team, template, submission, editor, show_current=bool(refused)),
    )


@login_required
@require_POST
@limit_upload_size
def assignment_submit(request, team_pk, template_pk):
    """Save what is on screen, then submit it as the next version."""
    team, template, submission = _submission(request, team_pk, template_pk)
    if not can_edit_team_work(request.user, team):
        raise Http404
    submission = _started(submission)
    result = _save(request, submission, template)
    editor, error = result.editor, result.error
    if error is None:
        try:
            version = submission_submit(submission=submission, user=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Version %(number)d submitted for review.") % {"number": version.number}
            )
            return redirect("cohorts:assignment", team_pk=team.pk, template_pk=template.pk)
    submission.refresh_from_db()
    return render(
        request,
        "cohorts/assignments/editor.html",
        _editor_context(request, team, template, submission, editor, error=error, show_current=True),
        status=400,
    )


@login_required
@require_POST
def refused_draft_dismiss(request, team_pk, template_pk, pk):
    team, template, submission = _submission(request, team_pk, template_pk)
    if submission.pk is None:
        raise Http404
    draft = get_object_or_404(RefusedDraft, pk=pk, submission=submission, user=request.user)

    draft.dismissed_at = timezone.now()
    draft.save(update_fields=["dismissed_at"])
    return redirect("cohorts:assignment", team_pk=team.pk, template_pk=template.pk)


@login_required
def assignment_history(request, team_pk, template_pk):
    """Every submitted version with the feedback given on it, newest first."""
    team, template, submission = _submission(request, team_pk, template_pk, read_only=True)
    versions = (
        list(
            submission.versions.select_related("submitted_by")
            .prefetch_related("feedback__author", "attachments")
            .order_by("-number")
        )
        if submission.pk
        else []
    )
    shown = ascii_number(request.GET.get("version"), maximum=REVISION_MAX)
    version = next((v for v in versions if v.number == shown), versions[0] if versions else None)
    return render(
        request,
        "cohorts/assignments/history.html",
        {
            "team": team,
            "template": template,
            "submission": submission,
            "spec": KINDS[template.kind],
            "versions": versions,
            "version": version,
            "can_review": can_review_team_work(request.user, team),
        },
    )


@dataclass(frozen=True)
class Shown:
    """One content of a submission as shown or exported: its label, content, files and date (the
    version's submission, or the draft's last save)."""

    label: str
    content: dict
    attachments: list
    when: object = None
    submitted: bool = False


def _content_of(submission, which) -> Shown:
    """'draft' | a version number -> what it holds; 404 when there is no such version."""
    saved = submission.pk is not None
    if which in (None, "", "draft"):
        attachments = list(submission.attachments.filter(removed_at=None)) if saved else []
        return Shown(_("Current draft"), submission.content, attachments, submission.updated_at)
    version = (
        submission.versions.filter(number=ascii_number(which, maximum=REVISION_MAX)).first()
        if saved
        else None
    )
    if version is None:
        raise Http404
    return Shown(
        _("Version %(number)d") % {"number": version.number},
        version.content,
        list(version.attachments.all()),
        version.submitted_at,
        submitted=True,
    )


def _compared(request, submission):
    """The two contents the compare page shows: (a, b, shown a, shown b, numbers of the versions)."""
    numbers = (
        list(submission.versions.order_by("number").values_list("number", flat=True)) if submission.pk else []
    )
    default_a = str(numbers[-2]) if len(numbers) > 1 else (str(numbers[-1]) if numbers else "draft")
    default_b = str(numbers[-1]) if len(numbers) > 1 else "draft"
    a = request.GET.get("a") or default_a
    b = request.GET.get("b") or default_b
    return a, b, _content_of(submission, a), _content_of(submission, b), numbers


@login_required
def assignment_compare(request, team_pk, template_pk):
    team, template, submission = _submission(request, team_pk, template_pk, read_only=True)
    a, b, shown_a, shown_b, numbers = _compared(request, submission)
    return render(
        request,
        "cohorts/assignments/compare.html",
        {
            "team": team,
            "template": template,
            "submission": submission,
            "spec": KINDS[template.kind],
            "numbers": numbers,
            "a": a,
            "b": b,
            "label_a": shown_a.label,
            "label_b": shown_b.label,
            "sections": compare.diff(template.kind, shown_a.content, shown_b.content),
            "export_formats": COMPARE_FORMATS,
        },
    )


#: The formats a comparison exports to: every kind compares field by field, so all three.
COMPARE_FORMATS = (("pdf", "PDF"), ("xlsx", "Excel"), ("csv", "CSV"))


@login_required
def assignment_compare_export(request, team_pk, template_pk, fmt):
    """The comparison the compare page shows, as a PDF, an Excel workbook or a CSV file."""
    team, template, submission = _submission(request, team_pk, template_pk, read_only=True)
    if fmt not in dict(COMPARE_FORMATS):
        raise Http404
    _a, _b, shown_a, shown_b, _numbers = _compared(request, submission)
    return exports.comparison_response(
        request,
        fmt,
        team=team,
        template=template,
        label_a=shown_a.label,
        label_b=shown_b.label,
        sections=compare.diff(template.kind, shown_a.content, shown_b.content),
    )


@login_required
def assignment_export(request, team_pk, template_pk, fmt):
    team, template, submission = _submission(request, team_pk, template_pk, read_only=True)
    # Submitted work has no draft of its own until the coach sends it back: without a version, its
    # export is the latest version, labelled and dated as such.
    latest = submission.exported_version if submission.pk else None
    shown = _content_of(submission, request.GET.get("version") or (str(latest) if latest else "draft"))
    spec = KINDS[template.kind]
    if fmt == "pdf":
        return exports.assignment_pdf_response(
            request,
            team=team,
            template=template,
            submission=submission,
            label=shown.label,
            content=shown.content,
            attachments=shown.attachments,
            when=shown.when,
            submitted=shown.submitted,
        )
    if not spec.is_tabular or fmt not in ("xlsx", "csv"):
        raise Http404
    header = exports.export_header(team=team, template=template, version=shown.label, when=shown.when)
    respond = exports.assignment_xlsx_response if fmt == "xlsx" else exports.assignment_csv_response
    return respond(template=template, team=team, label=shown.label, content=shown.content, header=header)


@login_required
def attachment_download(request, team_pk, pk):
    """A file of the team's submission, for members (past ones too), the team's coach and staff only."""
    team = _team(request, team_pk, read_only=True)
    attachment = get_object_or_404(SubmissionAttachment, pk=pk, submission__team=team)
    return private_file_response(attachment.file, filename=attachment.original_name)


@login_required
@require_POST
def attachment_remove_view(request, team_pk, pk):
    team = _team(request, team_pk)
    attachment = get_object_or_404(SubmissionAttachment, pk=pk, submission__team=team)
    if not can_edit_team_work(request.user, team):
        raise Http404
    try:
        attachment_remove(attachment=attachment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("“%(name)s” removed from the draft.") % {"name": attachment.original_name}
        )
    return redirect("cohorts:assignment", team_pk=team.pk, template_pk=attachment.submission.template_id)
