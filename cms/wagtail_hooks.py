"""The site's part in other layers' registries."""

from wagtail import hooks

from cms.models import ProgramPage
from cohorts.sharing.models import SharedResult
from cohorts.sharing.selectors import PUBLIC_URL_HOOK


@hooks.register(PUBLIC_URL_HOOK)
def shared_result_urls(results):
    """{result pk: address} of published results, under their program's live, public page."""
    programs = dict(
        SharedResult.objects.filter(pk__in=[result.pk for result in results]).values_list(
            "pk", "team__cohort__program_id"
        )
    )
    pages = {}
    for page in ProgramPage.objects.live().public().filter(program_id__in=set(programs.values())):
        pages.setdefault(page.program_id, page)
    urls = {}
    for result in results:
        page = pages.get(programs.get(result.pk))
        if page is not None:
            urls[result.pk] = page.get_url() + page.reverse_subpage("result", kwargs={"slug": result.slug})
    return urls
