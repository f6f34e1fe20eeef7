"""Proposing a result for publication, staff's review (approve or send back), withdrawing it.

A result is proposed by a member of its team, reviewed by staff, and read by visitors only while
published. What staff approve is exactly what visitors read: the indicators are copied when the
team proposes, and an approval names the revision staff reviewed, so a change the team made
meanwhile is never published unseen. Every step is in the result's history; the team is told of
each decision in each member's language.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.progress.models import Indicator
from cohorts.sharing.models import ResultKind, ResultStatus, SharedResult
from notifications.models import NotificationKind
from notifications.services import notify_team

RESULT_CHANGED = _(
    "Someone on your team changed this result since you opened it. Your text is below: compare it "
    "with the current version and save again."
)
RESULT_CHANGED_SINCE_REVIEW = _(
    "The team changed this result since you opened it: read the current version before deciding."
)
RESULT_PUBLISHED_NOT_EDITABLE = _("A published result cannot be changed: withdraw it first.")
RESULT_NOT_WAITING = _("This result is not waiting for review.")
RESULT_NOTE_REQUIRED = _("Tell the team what to change.")
RESULT_ALREADY_WITHDRAWN = _("This result has already been withdrawn.")
RESULT_INDICATOR_OF_ANOTHER_TEAM = _("Choose among your team's indicators.")


def indicator_snapshot(indicators) -> list[dict]:
    """The chosen indicators as they stand: baseline (before) and latest measurement (after)."""
    rows = []
    for indicator in indicators:
        latest = indicator.measurements.order_by("-measured_on", "-pk").first()
        rows.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.unit,
                "direction": indicator.direction,
                "before": None if indicator.baseline_value is None else str(indicator.baseline_value),
                "before_on": indicator.baseline_date.isoformat() if indicator.baseline_date else None,
                "after": None if latest is None else str(latest.value),
                "after_on": latest.measured_on.isoformat() if latest else None,
            }
        )
    return rows


def _unique_slug(result):
    base = slugify(result.text("title", result.language))[:60].strip("-") or "result"
    slug, number = base, 1
    while SharedResult.objects.filter(slug=slug).exclude(pk=result.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def result_propose(*, result: SharedResult, by, indicators=None, revision: int | None = None) -> SharedResult:
    """Propose `result` (new, or changed by the team) for publication; staff review it next.

    `result` carries the team's text; `indicators` (case stories) are the team's Indicators to
    show before and after; `revision` is the one the team's form was opened at (a stale save is
    refused with RESULT_CHANGED).
    """
    if result.pk is not None:
        current = SharedResult.objects.select_for_update().get(pk=result.pk)
        if current.status == ResultStatus.PUBLISHED:
            raise ValidationError(RESULT_PUBLISHED_NOT_EDITABLE, code="published")
        if revision is not None and current.revision != revision:
            raise ValidationError(RESULT_CHANGED, code="stale")
        result.revision = current.revision
        result.slug = current.slug
    else:
        result.language = result.language or result.team.cohort.language
    if indicators is not None:
        indicators = list(indicators)
        if any(indicator.team_id != result.team_id for indicator in indicators):
            raise ValidationError(
                {"indicators": ValidationError(RESULT_INDICATOR_OF_ANOTHER_TEAM, code="other_team")}
            )
        result.indicators = indicator_snapshot(Indicator.objects.filter(pk__in=[i.pk for i in indicators]))
    if result.kind != ResultKind.CASE_STORY:
        result.indicators = []
    result.status = ResultStatus.PROPOSED
    result.proposed_by = by
    result.proposed_at = timezone.now()
    result.revision += 1
    result.full_clean(exclude=["slug"])
    if not result.slug:  # made once, from the title, and kept: a published address never moves
        result.slug = _unique_slug(result)
    result.save()
    log(result, "ruta.result.proposed", user=by, data={"revision": result.revision})
    return result


def _locked(result):
    return SharedResult.objects.select_for_update().select_related("team").get(pk=result.pk)


def _tell_team(result, template):
    notify_team(
        result.team,
        kind=NotificationKind.SHARED_RESULT,
        template=template,
        context={"result": result, "team": result.team},
        link=("cohorts:result_detail", [result.team_id, result.pk]),
    )


@transaction.atomic
def result_approve(*, result: SharedResult, by, revision: int) -> SharedResult:
    """Publish the result staff reviewed at `revision`; the team is told."""
    result = _locked(result)
    if result.status != ResultStatus.PROPOSED:
        raise ValidationError(RESULT_NOT_WAITING, code="not_waiting")
    if result.revision != revision:
        raise ValidationError(RESULT_CHANGED_SINCE_REVIEW, code="stale")
    now = timezone.now()
    result.status = ResultStatus.PUBLISHED
    result.reviewed_by, result.reviewed_at, result.published_at = by, now, now
    result.review_note = ""
    result.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "published_at", "review_note", "updated_at"]
    )
    log(result, "ruta.result.approved", user=by, data={"revision": revision})
    _tell_team(result, "cohorts/emails/result_published")
    return result


@transaction.atomic
def result_send_back(*, result: SharedResult, by, note: str, revision: int) -> SharedResult:
    """Send the result back to the team with `note` saying what to change; the team is told."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": ValidationError(RESULT_NOTE_REQUIRED, code="note_required")})
    result = _locked(result)
    if result.status != ResultStatus.PROPOSED:
        raise ValidationError(RESULT_NOT_WAITING, code="not_waiting")
    if result.revision != revision:
        raise ValidationError(RESULT_CHANGED_SINCE_REVIEW, code="stale")
    result.status = ResultStatus.SENT_BACK
    result.reviewed_by, result.reviewed_at = by, timezone.now()
    result.review_note = note
    result.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    log(result, "ruta.result.sent_back", user=by, data={"note": note, "revision": revision})
    _tell_team(result, "cohorts/emails/result_sent_back")
    return result


@transaction.atomic
def result_withdraw(*, result: SharedResult, by) -> SharedResult:
    """The team withdraws its result (proposed, sent back or published): visitors no longer see it;
    it stays with the team, which can change it and propose it again."""
    result = _locked(result)
    if result.status == ResultStatus.WITHDRAWN:
        raise ValidationError(RESULT_ALREADY_WITHDRAWN, code="already_withdrawn")
    result.status = ResultStatus.WITHDRAWN
    result.withdrawn_at = timezone.now()
    result.save(update_fields=["status", "withdrawn_at", "updated_at"])
    log(result, "ruta.result.withdrawn", user=by)
    return result
