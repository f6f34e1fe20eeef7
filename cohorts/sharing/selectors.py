"""Reads of shared results: a team's own, and the published ones visitors and peers read."""

from wagtail import hooks

from cohorts.sharing.models import SharedResult

#: A higher layer (the site) registers a function results -> {result pk: public URL} here: the
#: address of each published result's page, in the active language.
PUBLIC_URL_HOOK = "shared_result_public_urls"


def team_results(team):
    return SharedResult.objects.filter(team=team).select_related(
        "version__submission__template", "proposed_by", "reviewed_by"
    )


def published_results():
    """Everything visitors may read: published results (of teams that kept their place)."""
    return SharedResult.objects.published().filter(team__archived_at=None)


def published_results_of_program(program):
    """A program's published results, newest first, with their team and cohort, in one query."""
    return (
        published_results()
        .filter(team__cohort__program=program)
        .select_related("team__cohort", "team__focus_area")
        .order_by("-published_at", "-pk")
    )


def public_urls(results) -> dict:
    """{result pk: its public address} for the published ones of `results` (see PUBLIC_URL_HOOK);
    each result also gets it as `public_url` (None when it has none)."""
    published = [result for result in results if result.is_published]
    urls = {}
    if published:
        for hook in hooks.get_hooks(PUBLIC_URL_HOOK):
            urls.update(hook(published))
    for result in results:
        result.public_url = urls.get(result.pk)
    return urls
