"""Read queries of RDC progress (bounded: a fixed number of queries whatever the data)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q
from wagtail.models import ModelLogEntry

from cohorts.models import Team
from cohorts.progress.models import CriterionProgress, Evidence, ProgressStatus
from cohorts.progress.rules import counts_toward_criterion, criterion_is_met, items_needed, percent
from sprints.models import ChecklistItem, Criterion


@dataclass(frozen=True)
class CriterionSummary:
    criterion: Criterion
    item_count: int
    verified_count: int
    required_count: int

    @property
    def needed(self):
        return items_needed(required_count=self.required_count, item_count=self.item_count)

    @property
    def still_needed(self):
        return max(self.needed - self.verified_count, 0)

    @property
    def is_met(self):
        return criterion_is_met(
            verified_count=self.verified_count, item_count=self.item_count, required_count=self.required_count
        )


def team_criteria_summary(team: Team) -> list[CriterionSummary]:
    """Per criterion (RDC7, RDC8…): how many of its items are verified for the team, in one query."""
    verified = Q(items__progress__team=team, items__progress__verified_at__isnull=False)
    criteria = Criterion.objects.annotate(
        item_count=Count("items", distinct=True),
        verified_count=Count("items__progress", filter=verified, distinct=True),
    ).order_by("code")
    return [
        CriterionSummary(
            criterion=criterion,
            item_count=criterion.item_count,
            verified_count=criterion.verified_count,
            required_count=criterion.required_count,
        )
        for criterion in criteria
    ]


@dataclass
class ItemRow:
    item: ChecklistItem
    progress: CriterionProgress | None
    evidence: list

    @property
    def status(self):
        return self.progress.status if self.progress else ProgressStatus.NOT_STARTED

    @property
    def status_label(self):
        return ProgressStatus(self.status).label

    @property
    def is_verified(self):
        return counts_toward_criterion(self.progress)

    @property
    def cell(self):
        """Heatmap state: not_started, in_progress, met or verified."""
        return "verified" if self.is_verified else self.status


@dataclass
class CriterionBoard:
    criterion: object
    rows: list

    @property
    def item_count(self):
        return len(self.rows)

    @property
    def verified_count(self):
        return sum(1 for row in self.rows if row.is_verified)

    @property
    def needed(self):
        return items_needed(required_count=self.criterion.required_count, item_count=self.item_count)

    @property
    def is_met(self):
        return criterion_is_met(
            verified_count=self.verified_count,
            item_count=self.item_count,
            required_count=self.criterion.required_count,
        )

    @property
    def percent(self):
        return percent(min(self.verified_count, self.needed), self.needed)


def _criteria():
    return Criterion.objects.prefetch_related("items").order_by("code")


def team_progress_board(team: Team) -> list[CriterionBoard]:
    """Every criterion with its items, the team's status, verification and current evidence."""
    progress_rows = (
        CriterionProgress.objects.filter(team=team)
        .select_related("verified_by")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(removed_at=None).select_related(
                    "submission__template", "added_by"
                ),
            )
        )
    )
    by_item = {row.item_id: row for row in progress_rows}
    boards = []
    for criterion in _criteria():
        rows = []
        for item in criterion.items.all():
            progress = by_item.get(item.pk)
            rows.append(
                ItemRow(
                    item=item, progress=progress, evidence=list(progress.evidence.all()) if progress else []
                )
            )
        boards.append(CriterionBoard(criterion=criterion, rows=rows))
    return boards


def overall_percent(boards) -> int:
    needed = sum(board.needed for board in boards)
    return percent(sum(min(board.verified_count, board.needed) for board in boards), needed)


def team_progress_history(team: Team, limit: int = 50):
    """The logged changes to the team's checklist, newest first."""
    ids = [str(pk) for pk in CriterionProgress.objects.filter(team=team).values_list("pk", flat=True)]
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CriterionProgress), object_id__in=ids
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )


@dataclass
class HeatmapRow:
    team: Team
    cells: list  # one ItemRow per item, in the order of `items`


def cohort_heatmap(teams, criteria=None):
    """Teams × checklist items; three queries whatever the number of teams."""
    teams = list(teams)
    criteria = list(criteria if criteria is not None else _criteria())
    items = [item for criterion in criteria for item in criterion.items.all()]
    progress_rows = CriterionProgress.objects.filter(team__in=[team.pk for team in teams]).only(
        "team_id", "item_id", "status", "verified_at"
    )
    by_key = {(row.team_id, row.item_id): row for row in progress_rows}
    rows = [
        HeatmapRow(
            team=team,
            cells=[
                ItemRow(item=item, progress=by_key.get((team.pk, item.pk)), evidence=[]) for item in items
            ],
        )
        for team in teams
    ]
    return criteria, items, rows
