"""Reads of a team's procurement data: its sources with their latest imports, one import, the
indicators over any period. Each a fixed number of queries, whatever the amount of data."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from cohorts.opendata import indicators
from cohorts.opendata.models import DataAward, DataImport, DataProcess, DataSource

#: Imports listed per source on the data page (the latest first).
IMPORTS_LISTED = 10
#: What a listing needs of an import (not its report, which can be long).
LISTING_DEFERRED = ("report", "columns", "mapping")


def team_sources(team):
    """The team's sources (not removed), each with its latest imports in `listed_imports`."""
    latest = DataImport.objects.defer(*LISTING_DEFERRED).order_by("-created_at", "-pk")[:IMPORTS_LISTED]
    return (
        DataSource.objects.active()
        .filter(team=team)
        .order_by("created_at", "pk")
        .prefetch_related(Prefetch("imports", queryset=latest, to_attr="listed_imports"))
    )


def latest_import(team):
    """The team's most recent import (of a source not removed), or None."""
    return (
        DataImport.objects.filter(source__team=team, source__removed_at=None)
        .select_related("source")
        .defer(*LISTING_DEFERRED)
        .order_by("-created_at", "-pk")
        .first()
    )


def team_import_or_404(team, pk):
    return get_object_or_404(
        DataImport.objects.select_related("source"), pk=pk, source__team=team, source__removed_at=None
    )


def team_source_or_404(team, pk):
    return get_object_or_404(DataSource.objects.active(), pk=pk, team=team)


def period_indicators(data_import: DataImport, start: datetime.date, end: datetime.date) -> dict:
    """The indicators over the import's processes and awards dated in [start, end)."""
    processes = DataProcess.objects.filter(
        data_import=data_import, reference_on__gte=start, reference_on__lt=end
    ).values_list("reference_on", "method", "tenderers", "tender_end", "first_award_on", named=True)
    awards = DataAward.objects.filter(
        data_import=data_import, awarded_on__gte=start, awarded_on__lt=end
    ).values_list("awarded_on", "supplier_debut_on", named=True)
    return indicators.compute(list(processes), list(awards), start, end)
