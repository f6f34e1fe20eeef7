"""Reads of a team's procurement data: the stored facts of an import, and its latest report."""

from cohorts.opendata.analysis import Award, Process, covered_stages
from cohorts.opendata.models import DataAward, DataImport, DataProcess, ImportStatus

PROCESS_FIELDS = ("ocid", "stages", "reference_on", "method", "tenderers", "tender_end", "first_award_on")
AWARD_FIELDS = ("ocid", "awarded_on", "supplier_debut_on")


def import_facts(data_import) -> tuple[list, list]:
    """The import's processes and awards as the analysis's facts (two queries), for the indicators."""
    processes = [
        Process(*row)
        for row in DataProcess.objects.filter(data_import=data_import).values_list(*PROCESS_FIELDS)
    ]
    awards = [
        Award(*row) for row in DataAward.objects.filter(data_import=data_import).values_list(*AWARD_FIELDS)
    ]
    return processes, awards


def read_reports(team):
    """The team's imports that were read, newest first, with their source."""
    return (
        DataImport.objects.filter(source__team=team, source__removed_at=None, status=ImportStatus.DONE)
        .select_related("source")
        .order_by("-finished_at", "-pk")
    )


def latest_report(team):
    """The team's most recently read data, or None."""
    return read_reports(team).first()


def latest_per_source(team) -> list:
    """Each of the team's sources' latest read report (one query), for the data systems map and
    the OCDS assessment: the report of each system's data."""
    latest = {}
    for data_import in read_reports(team):
        if data_import.source_id not in latest:
            data_import.stages_published = covered_stages(data_import.report)
            latest[data_import.source_id] = data_import
    return sorted(
        latest.values(),
        key=lambda data_import: (data_import.source.system or data_import.source.name).lower(),
    )
