"""Which checklist items a data report supports, and why, in words the team and its coach read.

Each checklist item may say what the city's own data can show for it (sprints.DataEvidence); a
report supports the item when the data shows that. Ruta then suggests the report as evidence; the
coach still verifies.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts.opendata.analysis import covered_stages
from sprints.models import DataEvidence

#: The latest date in up-to-date data is at most this many days before the data was read.
UP_TO_DATE_DAYS = 62
#: Identifiers are consistent when no identifier is used twice and nearly every supplier has one.
UNIDENTIFIED_SUPPLIERS_TOLERATED = 0.05


def _problem_count(report, code):
    return next((problem["count"] for problem in report.get("problems", []) if problem["code"] == code), 0)


def _published(report, as_of):
    processes = report.get("processes", 0)
    if not processes:
        return None
    return ngettext(
        "Ruta read %(count)s contracting process from this machine-readable data.",
        "Ruta read %(count)s contracting processes from this machine-readable data.",
        processes,
    ) % {"count": processes}


def _up_to_date(report, as_of):
    if not report.get("latest"):
        return None
    latest = datetime.date.fromisoformat(report["latest"])
    days = (as_of - latest).days
    if days > UP_TO_DATE_DAYS:
        return None
    days = max(days, 0)
    return ngettext(
        "The latest date in the data is %(date)s, %(days)s day before Ruta read it.",
        "The latest date in the data is %(date)s, %(days)s days before Ruta read it.",
        days,
    ) % {
        "date": date_format(latest),
        "days": days,
    }


def _stages(report, as_of):
    covered = covered_stages(report)
    if len(covered) < 2:
        return None
    return _("The data covers these stages: %(stages)s.") % {"stages": ", ".join(covered)}


def _identifiers(report, as_of):
    processes = report.get("processes", 0)
    if not processes or _problem_count(report, "duplicate_identifier"):
        return None
    unidentified = _problem_count(report, "supplier_without_identifier")
    if unidentified > UNIDENTIFIED_SUPPLIERS_TOLERATED * processes:
        return None
    return _(
        "Every process has its own identifier, and suppliers are identified in %(share)s%% of processes."
    ) % {"share": round(100 * (processes - unidentified) / processes)}


def _participation(report, as_of):
    measured = [
        period for period in report.get("periods", []) if period["values"].get("mean_tenderers") is not None
    ]
    if not measured:
        return None
    return ngettext(
        "The data gives the number of tenderers for %(count)s quarter, so participation can be measured.",
        "The data gives the number of tenderers for %(count)s quarters, so participation can be measured.",
        len(measured),
    ) % {"count": len(measured)}


_CHECKS = {
    DataEvidence.PUBLISHED: _published,
    DataEvidence.UP_TO_DATE: _up_to_date,
    DataEvidence.STAGES: _stages,
    DataEvidence.IDENTIFIERS: _identifiers,
    DataEvidence.PARTICIPATION: _participation,
}


def supported(report: dict, *, as_of: datetime.date) -> dict[str, str]:
    """What the report shows, as {DataEvidence value: the reason in the active language}."""
    reasons = {}
    for kind, check in _CHECKS.items():
        if reason := check(report, as_of):
            reasons[kind.value] = reason
    return reasons
