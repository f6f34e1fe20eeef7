"""Read queries of RDC progress (bounded: a fixed number of queries whatever the data)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, When
from wagtail.models import ModelLogEntry

from cohorts.models import Cohort, Team
from cohorts.progress.models import (
    CertificationRecord,
    CohortCriterionSet,
    CriterionProgress,
    Evidence,
    ProgressStatus,
)
from cohorts.progress.rules import counts_toward_criterion, criterion_is_met, items_needed, percent
from sprints.models import ChecklistItem, Criterion, CriterionSet, Program


def _cohort_criterion_sets(cohort: Cohort):
    """Criterion sets, the one a cohort tracks first: the one fixed for it once its teams began,
    otherwise its program's, otherwise the latest version."""
    pinned = Exists(CohortCriterionSet.objects.filter(cohort=cohort.pk, criterion_set=OuterRef("pk")))
    program_set = Program.objects.filter(pk=cohort.program_id).values("criterion_set")
    return CriterionSet.objects.annotate(
        rank=Case(When(pinned, then=0), When(pk=Subquery(program_set), then=1), default=2)
    ).order_by("rank", "-version")


def cohort_criterion_set(cohort: Cohort) -> CriterionSet | None:
    """The criteria version a cohort tracks (one query)."""
    return _cohort_criterion_sets(cohort).first()


def _cohort_criterion_set_id(cohort: Cohort):
    """The same, as a subquery: reads that filter by it stay one query."""
    return Subquery(_cohort_criterion_sets(cohort).values("pk")[:1])


def cohort_items(cohort: Cohort):
    """The checklist items a cohort's teams work on (those of its criteria version)."""
    return ChecklistItem.objects.filter(criterion__criterion_set=_cohort_criterion_set_id(cohort))


def current_certification(team: Team) -> CertificationRecord | None:
    """The team's city's latest recorded certification level."""
    return CertificationRecord.objects.filter(team=team).select_related("recorded_by").first()


def certification_history(team: Team):
    return CertificationRecord.objects.filter(team=team).select_related("recorded_by")


def cohort_certifications(teams) -> dict:
    """{team pk: its latest certification record}, in one query, for a listing of teams."""
    latest = {}
    for record in CertificationRecord.objects.filter(team__in=[team.pk for team in teams]):
        latest.setdefault(record.team_id, record)  # newest first (the model's ordering)
    return latest


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
    criteria = (
        Criterion.objects.filter(criterion_set=_cohort_criterion_set_id(team.cohort))
        .annotate(
            item_count=Count("items", distinct=True),
            verified_count=Count("items__progress", filter=verified, distinct=True),
        )
        .order_by("code")
    )
    return [
        CriterionSummary(
            criterion=criterion,
            item_count=criterion.item_count,
            verified_count=criterion.verified_count,
            required_count=criterion.required_count,
        )
        for criterion in criteria
    ]


def numbered_items(criterion):
    """The criterion's checklist items with their numbers as participants read them: 1, 2, 3…
    within each criterion (RDC8's first item is RDC8.1, whatever RDC7 holds)."""
    return list(enumerate(criterion.items.all(), start=1))


def item_label(criterion, number):
    """ "RDC8.1": the criterion's code and the item's number within it."""
    return f"{criterion.code}.{number}"


@dataclass
class ItemRow:
    item: ChecklistItem
    progress: CriterionProgress | None
    evidence: list
    number: int | None = None

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


def _criteria(cohort):
    return (
        Criterion.objects.filter(criterion_set=_cohort_criterion_set_id(cohort))
        .prefetch_related("items")
        .order_by("code")
    )


def team_progress_board(team: Team) -> list[CriterionBoard]:
    """Every criterion with its items, the team's status, verification and current evidence."""
    progress_rows = (
        CriterionProgress.objects.filter(team=team)
        .select_related("verified_by")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(removed_at=None).select_related(
                    "submission__template", "added_by", "data_import__source"
                ),
            )
        )
    )
    by_item = {row.item_id: row for row in progress_rows}
    boards = []
    for criterion in _criteria(team.cohort):
        rows = []
        for number, item in numbered_items(criterion):
            progress = by_item.get(item.pk)
            rows.append(
                ItemRow(
                    item=item,
                    progress=progress,
                    evidence=list(progress.evidence.all()) if progress else [],
                    number=number,
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


def cohort_heatmap(teams, criteria=None, *, cohort=None):
    """Teams (of one cohort) × its checklist items; a fixed number of queries whatever the number of teams."""
    teams = list(teams)
    if criteria is None:
        cohort = cohort or (teams[0].cohort if teams else None)
        criteria = _criteria(cohort) if cohort else []
    criteria = list(criteria)
    items = []
    for criterion in criteria:
        for number, item in numbered_items(criterion):
            item.number, item.label = number, item_label(criterion, number)
            items.append(item)
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
