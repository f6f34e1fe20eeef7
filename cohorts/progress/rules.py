"""The RDC rules, pure: the N-of-M rule and what counts toward a criterion."""

from cohorts.progress.models import ProgressStatus


def items_needed(*, required_count: int, item_count: int) -> int:
    """How many verified items meet the criterion: N, or all M when there are fewer than N."""
    return min(required_count, item_count)


def criterion_is_met(*, verified_count: int, item_count: int, required_count: int) -> bool:
    """Met when the verified items reach min(N, M); a criterion without items is never met."""
    if item_count <= 0:
        return False
    return verified_count >= items_needed(required_count=required_count, item_count=item_count)


def counts_toward_criterion(progress) -> bool:
    """Only an item a coach verified counts; a team's own "met" does not."""
    return progress is not None and progress.status == ProgressStatus.MET and progress.verified_at is not None


def percent(part: int, whole: int) -> int:
    if whole <= 0:
        return 0
    return min(100, round(100 * part / whole))
