"""The N-of-M rule: met when min(N, M) items are verified; only verified items count."""

import pytest
from django.utils import timezone

from cms.demo import factories as f
from cohorts.progress.models import ProgressStatus
from cohorts.progress.rules import counts_toward_criterion, criterion_is_met, items_needed
from cohorts.progress.selectors import team_progress_board


@pytest.mark.parametrize(
    ("verified", "items", "required", "met"),
    [
        (0, 4, 2, False),
        (1, 4, 2, False),
        (2, 4, 2, True),
        (4, 4, 2, True),
        (2, 2, 3, True),  # fewer items than N: all of them are enough
        (1, 2, 3, False),
        (0, 0, 1, False),  # no items: never met
    ],
)
def test_criterion_is_met_when_n_of_m_items_are_verified(verified, items, required, met):
    assert criterion_is_met(verified_count=verified, item_count=items, required_count=required) is met


def test_items_needed_is_the_smaller_of_n_and_m():
    assert items_needed(required_count=3, item_count=5) == 3
    assert items_needed(required_count=3, item_count=2) == 2


class Progress:
    def __init__(self, status, verified_at=None):
        self.status = status
        self.verified_at = verified_at


def test_unverified_items_never_count():
    assert not counts_toward_criterion(None)
    assert not counts_toward_criterion(Progress(ProgressStatus.NOT_STARTED))
    assert not counts_toward_criterion(Progress(ProgressStatus.IN_PROGRESS))
    assert not counts_toward_criterion(Progress(ProgressStatus.MET))
    assert counts_toward_criterion(Progress(ProgressStatus.MET, timezone.now()))


@pytest.mark.django_db
def test_board_counts_only_verified_items_toward_the_criterion():
    team = f.TeamFactory()
    criterion = f.CriterionFactory(code="RDC7", required_count=2)
    items = [f.ChecklistItemFactory(criterion=criterion) for _ in range(3)]
    coach = f.StaffUserFactory()
    f.CriterionProgressFactory(team=team, item=items[0], status=ProgressStatus.MET)
    f.CriterionProgressFactory(team=team, item=items[1], status=ProgressStatus.MET)
    board = next(b for b in team_progress_board(team) if b.criterion == criterion)
    assert board.verified_count == 0
    assert not board.is_met
    assert board.percent == 0

    f.CriterionProgressFactory(
        team=team, item=items[2], status=ProgressStatus.MET, verified_at=timezone.now(), verified_by=coach
    )
    board = next(b for b in team_progress_board(team) if b.criterion == criterion)
    assert board.verified_count == 1
    assert board.percent == 50
    assert not board.is_met
