"""The pages the benchmark walks, per role, on the data `manage.py seed_bench` made.

bench/plan.py turns them into the load generator's plan (with a session for each person);
tests/test_bench_pages_queries.py checks that each runs the same SQL queries at two data sizes.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from cms import demo_content as demo
from cms.models import ProgramPage
from cohorts.models import Cohort, Membership
from cohorts.schedule.calendar import calendar_feed_url
from cohorts.schedule.services import calendar_feed_reset

PARTICIPANTS = 10  # distinct participants, each of another team
#: The participants' teams come from the first bench cohorts: seed_bench makes those alike at every
#: size (program, dates, language), so each size's walk sees the same kinds of teams and a page's
#: figures at 40 and 400 teams differ by the data around it, not by whom the plan picked.
COHORTS = 2


def path(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def public_pages():
    pages = {"home (en)": "/en/", "home (es)": "/es/"}
    page = ProgramPage.objects.live().order_by("path").first()
    for language in ("en", "es"):
        with translation.override(language):
            pages[f"program page ({language})"] = page.specific.get_url()
    return pages


def bench_memberships(limit=PARTICIPANTS):
    """One participant of each of the first `limit` bench teams of the first COHORTS bench cohorts."""
    participants = Membership.objects.filter(user__email__startswith="bench-participant-")
    cohorts = participants.values_list("team__cohort_id", flat=True).distinct().order_by("team__cohort_id")
    teams = (
        participants.filter(team__cohort__in=list(cohorts[:COHORTS]))
        .values_list("team_id", flat=True)
        .distinct()
        .order_by("team_id")[:limit]
    )
    first_of_each_team = {}
    for membership in (
        participants.filter(team__in=list(teams))
        .select_related("team__cohort__program", "user")
        .order_by("team_id", "sort_order", "pk")
    ):
        first_of_each_team.setdefault(membership.team_id, membership)
    return list(first_of_each_team.values())


def participant_pages(membership):
    """A team member's pages. Gives the member a new calendar feed address (the old one stops)."""
    team = membership.team
    template = team.cohort.program.templates.order_by("due_week", "pk").first()
    feed = calendar_feed_reset(user=membership.user)
    open_cohort = Cohort.objects.order_by("-start_date").first()
    return {
        "workspace home": path("cohorts:team_home", team.pk),
        "schedule": path("cohorts:team_schedule", team.pk),
        "assignment editor": path("cohorts:assignment", team.pk, template.pk),
        "progress": path("cohorts:team_progress", team.pk),
        "notifications": path("notifications:list"),
        "calendar feed": calendar_feed_url(feed).replace(settings.SITE_URL, ""),
        "application form": path("cohorts:registration_start", open_cohort.pk),
        "progress report PDF": path("cohorts:progress_report", team.pk),
    }


def coach():
    return User.objects.get(email=demo.COACH["email"])


def coach_pages():
    return {
        "admin home (coach panel)": "/admin/",
        "TA session list (coach)": path("tasession:index"),
        "reviews queue (coach)": path("cohorts_review_queue"),
    }


def staff():
    return User.objects.get(email=demo.STAFF["email"])


def staff_pages():
    return {
        "admin home (staff)": "/admin/",
        "TA session list (staff)": path("tasession:index"),
        "RDC heatmap": path("cohorts_progress_heatmap"),
        "application list (staff)": path("registration:index"),
    }
