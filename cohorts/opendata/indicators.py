"""Participation and competition indicators, computed from the facts of a city's procurement processes.

Each takes the processes whose reference date (the tender's start) falls in a period and the awards
dated in it. They work on the analysis's facts and on the rows stored from them alike: anything
with the same attributes.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Metric:
    key: str
    label: Promise
    unit: Promise
    direction: str  # "higher" or "lower": which way is better (cohorts.progress.models.Direction)
    help_text: Promise


METRICS = {
    metric.key: metric
    for metric in (
        Metric(
            "mean_tenderers",
            _("Mean tenderers per tender"),
            _("tenderers"),
            "higher",
            _("The average number of tenderers, over the tenders whose number of tenderers is published."),
        ),
        Metric(
            "single_bid_share",
            _("Single-bid tenders"),
            "%",
            "lower",
            _("The share of tenders with at least one tenderer that received exactly one."),
        ),
        Metric(
            "open_procedure_share",
            _("Open procedures"),
            "%",
            "higher",
            _("The share of processes whose procurement method is published that were open to any supplier."),
        ),
        Metric(
            "new_supplier_share",
            _("Awards to new suppliers"),
            "%",
            "higher",
            _("The share of awards that went to a supplier with no earlier award from the city in the data."),
        ),
        Metric(
            "median_days_to_award",
            _("Median days from tender close to award"),
            _("days"),
            "lower",
            _("The middle number of days between the tender's closing date and its first award."),
        ),
    )
}


def _percent(part, whole):
    return round(100 * part / whole, 2) if whole else None


def days_to_award(process):
    if process.tender_end is None or process.first_award_on is None:
        return None
    return (process.first_award_on - process.tender_end).days


def measure(processes, awards, start) -> dict:
    """The indicators over processes and awards already chosen for a period that begins on `start`."""
    tenderers = [process.tenderers for process in processes if process.tenderers is not None]
    bid = [count for count in tenderers if count >= 1]
    methods = [process.method for process in processes if process.method]
    known_suppliers = [award for award in awards if award.supplier_debut_on is not None]
    waits = [days for process in processes if (days := days_to_award(process)) is not None and days >= 0]
    return {
        "mean_tenderers": round(statistics.fmean(tenderers), 2) if tenderers else None,
        "single_bid_share": _percent(sum(count == 1 for count in bid), len(bid)),
        "open_procedure_share": _percent(methods.count("open"), len(methods)),
        "new_supplier_share": _percent(
            sum(award.supplier_debut_on >= start for award in known_suppliers), len(known_suppliers)
        ),
        "median_days_to_award": round(float(statistics.median(waits)), 2) if waits else None,
    }


def _within(day, start, end):
    return day is not None and start <= day < end


def compute(processes, awards, start: datetime.date, end: datetime.date) -> dict:
    """The indicators for the period [start, end)."""
    return measure(
        [process for process in processes if _within(process.reference_on, start, end)],
        [award for award in awards if _within(award.awarded_on, start, end)],
        start,
    )


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(start: datetime.date) -> datetime.date:
    return datetime.date(start.year + start.month // 10, (start.month + 2) % 12 + 1, 1)


def quarters(earliest: datetime.date, latest: datetime.date, limit: int = 12) -> list[tuple]:
    """The calendar quarters from the one holding `earliest` to the one holding `latest`, as
    [start, end) pairs; only the last `limit` of them."""
    periods, start = [], quarter_start(earliest)
    while start <= latest:
        end = next_quarter(start)
        periods.append((start, end))
        start = end
    return periods[-limit:]
