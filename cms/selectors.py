"""Read queries for the public program listings, in a number of queries that does not grow with the data."""

from itertools import groupby

from django.db.models import Prefetch

from cohorts.models import Cohort


def listed_cohorts(*, today, language=None):
    """Cohorts a visitor can still see: not finished on `today`, earliest first.

    Annotated with the accepted teams, so `registration_window()` runs no query per cohort.
    """
    cohorts = (
        Cohort.objects.current_or_upcoming(today).with_places_taken().order_by("start_date", "language", "pk")
    )
    if language:
        cohorts = cohorts.filter(language=language)
    return cohorts


def program_pages_with_cohorts(pages, *, today, language=None, kind=None):
    """ProgramPages from `pages` with their program and its listed cohorts in three queries.

    Each page's `program.listed_cohorts` holds its cohorts not yet finished (in `language`
    when given), so `page.next_cohort` is the first of them. With `language`, only programs
    with such a cohort in that language remain; with `kind`, only programs of that kind.
    """
    pages = pages.select_related("program").prefetch_related(
        Prefetch(
            "program__cohorts",
            queryset=listed_cohorts(today=today, language=language),
            to_attr="listed_cohorts",
        )
    )
    if kind:
        pages = pages.filter(program__kind=kind)
    if language:
        running = Cohort.objects.current_or_upcoming(today).filter(language=language)
        pages = pages.filter(program__in=running.values("program"))
    return pages


def cohort_runs(cohorts):
    """`cohorts` (sorted by start date) grouped into runs: the cohorts that start together, such
    as a sprint's English and Spanish cohorts, in their given order within each run."""
    return [list(run) for _start, run in groupby(cohorts, key=lambda cohort: cohort.start_date)]
