"""The admin home's "Applications to decide" panel, for staff who decide on applications.

How many submitted applications wait for a decision, per cohort (oldest waiting first, each
linked to the cohort's queue), and the oldest few, each linked to its decide page. Three queries
whatever the number of applications and cohorts (one when none waits).
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.db.models import Count, Min, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from cohorts.models import Cohort
from cohorts.policies import can_review_registrations, is_staff
from cohorts.registration.models import Registration, RegistrationStatus


@dataclass(frozen=True)
class CohortToDecide:
    cohort: Cohort
    count: int
    queue_url: str


@dataclass(frozen=True)
class ApplicationToDecide:
    registration: Registration
    decide_url: str


@dataclass(frozen=True)
class ApplicationsToDecide:
    total: int
    #: The cohorts with applications waiting, the one waiting longest first (at most COHORT_LIMIT).
    cohorts: list
    #: The applications waiting longest (at most OLDEST_LIMIT).
    oldest: list
    more_cohorts: int


COHORT_LIMIT = 8
OLDEST_LIMIT = 5


def cohort_queue_url(cohort_id):
    return f"{reverse('registration:index')}?cohort={cohort_id}&status={RegistrationStatus.SUBMITTED}"


def applications_to_decide(*, cohort_limit=COHORT_LIMIT, oldest_limit=OLDEST_LIMIT) -> ApplicationsToDecide:
    """The submitted applications waiting for a decision, by cohort and the oldest few."""
    submitted = Registration.objects.filter(status=RegistrationStatus.SUBMITTED)
    counts = submitted.aggregate(total=Count("pk"), cohorts=Count("cohort", distinct=True))
    if not counts["total"]:
        return ApplicationsToDecide(total=0, cohorts=[], oldest=[], more_cohorts=0)
    waiting = Q(registrations__status=RegistrationStatus.SUBMITTED)
    shown = list(
        Cohort.objects.annotate(
            to_decide=Count("registrations", filter=waiting),
            waiting_since=Min("registrations__submitted_at", filter=waiting),
        )
        .filter(to_decide__gt=0)
        .select_related("program")
        .order_by("waiting_since", "start_date", "pk")[:cohort_limit]
    )
    oldest = submitted.select_related("cohort__program").order_by("submitted_at", "pk")[:oldest_limit]
    return ApplicationsToDecide(
        total=counts["total"],
        cohorts=[CohortToDecide(cohort, cohort.to_decide, cohort_queue_url(cohort.pk)) for cohort in shown],
        oldest=[
            ApplicationToDecide(registration, reverse("registration:decide", args=(quote(registration.pk),)))
            for registration in oldest
        ],
        more_cohorts=counts["cohorts"] - len(shown),
    )


def show_applications_panel(user):
    """Staff who may decide on applications; never a coach who is not staff."""
    return is_staff(user) and can_review_registrations(user)


class ApplicationsToDecidePanel(Component):
    name = "applications_to_decide"
    template_name = "cohorts/admin/dashboard_applications.html"
    order = 30

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            {
                "to_decide": applications_to_decide(),
                "queue_url": f"{reverse('registration:index')}?status={RegistrationStatus.SUBMITTED}",
            }
        )
        return context


def add_applications_panel(request, panels):
    if show_applications_panel(request.user):
        panels.append(ApplicationsToDecidePanel(request))
