"""Reads of a team's procurement data: its sources with their latest imports, one import, the
reports read, the stored facts of an import and the indicators over any period. Each a fixed
number of queries, whatever the amount of data."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from cohorts.opendata import indicators
from cohorts.opendata.analysis import Award, Process, covered_stages
from cohorts.opendata.models import DataAward, DataImport, DataProcess, DataSource, ImportStatus

#: Imports listed per source on the data page (the latest first).
IMPORTS_LISTED = 10
#: What a listing needs of an import (not its report, which can be long).
LISTING_DEFERRED = ("report", "columns", "mapping")
PROCESS_FIELDS = ("ocid", "stages", "reference_on", "method", "tenderers", "tender_end", "first_award_on")
AWARD_FIELDS = ("ocid", "awarded_on", "supplier_debut_on")


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


def read_reports(team):
    """The team's imports that were read (its data reports), newest first, with their source."""
    return (
        DataImport.objects.filter(source__team=team, source__removed_at=None, status=ImportStatus.DONE)
        .select_related("source")
        .order_by("-finished_at", "-pk")
    )


def latest_report(team):
    """The team's most recently read data report, or None."""
    return read_reports(team).first()


def latest_per_source(team) -> list:
    """Each of the team's sources' latest report (one query), for the data systems map and the
    OCDS assessment: the report of each system's data."""
    latest = {}
    for data_import in read_reports(team):
        if data_import.source_id not in latest:
            data_import.stages_published = covered_stages(data_import.report)
            latest[data_import.source_id] = data_import
    return sorted(latest.values(), key=lambda report: (report.source.system or report.source.name).lower())


def import_facts(data_import, start=None, end=None) -> tuple[list, list]:
    """The import's processes and awards (those dated in [start, end) when given) as the analysis's
    facts, in two queries: what the indicators are computed from."""
    processes = DataProcess.objects.filter(data_import=data_import)
    awards = DataAward.objects.filter(data_import=data_import)
    if start and end:
        processes = processes.filter(reference_on__gte=start, reference_on__lt=end)
        awards = awards.filter(awarded_on__gte=start, awarded_on__lt=end)
    return (
        [Process(*row) for row in processes.values_list(*PROCESS_FIELDS)],
        [Award(*row) for row in awards.values_list(*AWARD_FIELDS)],
    )


def period_indicators(data_import: DataImport, start: datetime.date, end: datetime.date) -> dict:
    """The indicators over the import's processes and awards dated in [start, end)."""
    processes, awards = import_facts(data_import, start, end)
    return indicators.compute(processes, awards, start, end)
