from django.db import models
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms import selectors
from cms.blocks import BodyBlock
from cms.program_filters import ProgramFilterForm
from cohorts.models import RegistrationWindow
from cohorts.sharing import selectors as sharing_selectors


class HomePage(Page):
    """The site's front page: what Ruta is and which programs are open."""

    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ProgramIndexPage", "cms.ProgramPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Programs directly under the home page and under the program index alike.
        pages = ProgramPage.objects.descendant_of(self).live().public()
        context["program_pages"] = selectors.program_pages_with_cohorts(pages, today=timezone.localdate())
        context["program_index"] = ProgramIndexPage.objects.child_of(self).live().public().first()
        return context


class StandardPage(Page):
    """A plain content page: about, FAQ, privacy."""

    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ProgramIndexPage(Page):
    """The list of programs, each with its next cohort, filtered by language and kind."""

    intro = RichTextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgramPage"]
    max_count = 1

    class Meta:
        verbose_name = _("program index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ProgramFilterForm(request.GET)
        form.is_valid()  # an unknown value is reported and ignored; the valid filters still apply
        filters = {key: value for key, value in form.cleaned_data.items() if value}
        pages = ProgramPage.objects.child_of(self).live().public()
        context["filter_form"] = form
        context["filtered"] = bool(filters)
        context["program_pages"] = selectors.program_pages_with_cohorts(
            pages, today=timezone.localdate(), **filters
        )
        return context


class ProgramPage(RoutablePageMixin, Page):
    """The public page of one program, with its cohorts and their dates, and the results its
    teams published (each at ``results/<slug>/`` under the page: a route rather than a page of
    its own, so a result lives in one place, cohorts.sharing, and visitors never reach one that
    is not published)."""

    program = models.ForeignKey(
        "sprints.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("program"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    # Under the program index; directly under the home page too, where earlier sites put them.
    parent_page_types = ["cms.ProgramIndexPage", "cms.HomePage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("program page")

    @property
    def listed_cohorts(self):
        """The program's cohorts not yet finished, earliest first (prefetched by the listings)."""
        if not hasattr(self.program, "listed_cohorts"):
            self.program.listed_cohorts = list(
                selectors.listed_cohorts(today=timezone.localdate()).filter(program=self.program)
            )
        return self.program.listed_cohorts

    @property
    def next_cohort(self):
        """The cohort a visitor would apply to: the earliest taking applications, else the earliest
        not yet finished, or None."""
        cohorts = self.listed_cohorts
        taking_applications = (RegistrationWindow.OPEN, RegistrationWindow.WAITLIST)
        return next(
            (cohort for cohort in cohorts if cohort.registration_window() in taking_applications),
            cohorts[0] if cohorts else None,
        )

    @property
    def cohort_languages(self):
        """The languages of the listed cohorts, as (code, name) pairs in the order they first run."""
        languages = {}
        for cohort in self.listed_cohorts:
            languages.setdefault(cohort.language, cohort.get_language_display())
        return list(languages.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        program = self.program
        current = translation.get_language()
        cohorts = list(
            selectors.listed_cohorts(today=timezone.localdate())
            .filter(program=program)
            .select_related("program")
        )
        # Parallel cohorts in several languages: the visitor's own language first.
        cohorts.sort(key=lambda cohort: (cohort.start_date, cohort.language != current))
        program.listed_cohorts = cohorts
        context["cohorts"] = cohorts
        context["cohort_runs"] = selectors.cohort_runs(cohorts)
        context["roles"] = program.roles.all()
        context["focus_areas"] = program.focus_areas.all()
        context["sessions"] = program.session_plans.aggregate(
            count=Count("pk"), weeks=Count("week", distinct=True)
        )
        context["results"] = self.listed_results(current, request=request)
        return context

    def listed_results(self, language, request=None):
        """The program's published results, each with the language a reader of `language` reads
        it in (theirs when translated, else the original) and its address."""
        results = list(sharing_selectors.published_results_of_program(self.program_id))
        base = self.get_url(request=request)
        for result in results:
            result.shown_in = result.display_language(language)
            result.shown_title = result.text("title", result.shown_in)
            result.public_url = base + self.reverse_subpage("result", kwargs={"slug": result.slug})
        return results

    @path("results/<slug:slug>/", name="result")
    def result(self, request, slug):
        """A published result of one of this program's teams, in the visitor's language when it
        is translated, else in the language it was written in; anything else is a 404."""
        result = (
            sharing_selectors.published_results_of_program(self.program_id)
            .select_related("version__submission__template")
            .filter(slug=slug)
            .first()
        )
        if result is None:
            raise Http404
        current = translation.get_language()
        code = result.display_language(current)
        context = Page.get_context(self, request)
        context.update(
            {
                "result": result,
                "code": code,
                "texts": result.texts(code),
                "fallback": code != current,
                "subpage": ("result", {"slug": slug}),
            }
        )
        return TemplateResponse(request, "cms/program_result.html", context)
