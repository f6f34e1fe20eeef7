"""The opening checklist in the admin (cohorts.opening): a panel on the cohort's edit page, and the
admin home's "Cohorts opening soon" panel for staff."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component

from cohorts.models import Cohort
from cohorts.opening import OPENING_SOON_DAYS, opening_checklist, opening_soon, with_opening_facts
from cohorts.policies import is_staff


class OpeningChecklistPanel(Panel):
    """What is still missing to open the cohort, each item with a link to fix it (one query).
    Shown on the edit page only: a cohort being added or copied has nothing to check yet."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cohorts/admin/opening_checklist_panel.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            cohort = with_opening_facts(Cohort.objects.filter(pk=self.instance.pk)).first()
            context["checklist"] = opening_checklist(cohort) if cohort is not None else None
            return context


class CohortsOpeningSoonPanel(Component):
    """The admin home: the cohorts starting within six weeks, each with what is missing to open it."""

    name = "cohorts_opening_soon"
    template_name = "cohorts/admin/dashboard_opening_soon.html"
    order = 35

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        context.update(
            {
                "checklists": [
                    (opening_checklist(cohort, today=today), reverse("cohort:edit", args=(quote(cohort.pk),)))
                    for cohort in opening_soon(today)
                ],
                "weeks": OPENING_SOON_DAYS // 7,
            }
        )
        return context


def show_opening_soon_panel(user):
    """Staff who may change cohorts; never a coach who is not staff."""
    return is_staff(user) and user.has_perm("cohorts.change_cohort")


def add_opening_soon_panel(request, panels):
    if show_opening_soon_panel(request.user):
        panels.append(CohortsOpeningSoonPanel(request))
