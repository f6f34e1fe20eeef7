"""Write the benchmark's plan (bench/run calls it after seeding): who signs in, which pages each role
walks, and the session cookies to walk them with.

    DJANGO_SETTINGS_MODULE=cms.settings.production python bench/plan.py bench/results/plan.json

Sessions are created here, in the server's own session store, rather than by signing in through
the form under load: allauth's sign-in rate limits would (rightly) stop a load generator.
"""

import json
import sys
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from accounts.models import User  # noqa: E402
from cms import demo_content as demo  # noqa: E402
from cms.models import ProgramPage  # noqa: E402
from cohorts.models import Cohort, Membership  # noqa: E402
from cohorts.schedule.calendar import calendar_feed_url  # noqa: E402
from cohorts.schedule.services import calendar_feed_reset  # noqa: E402

PARTICIPANTS = 10  # distinct participants, each of another team
#: The participants' teams come from the first bench cohorts: seed_bench makes those alike at every
#: size (program, dates, language), so each size's walk sees the same kinds of teams and a page's
#: figures at 40 and 400 teams differ by the data around it, not by whom the plan picked.
COHORTS = 2


def session_for(user):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def path(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def participant_pages(membership):
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


def public_pages():
    pages = {"home (en)": "/en/", "home (es)": "/es/"}
    page = ProgramPage.objects.live().order_by("path").first()
    for language in ("en", "es"):
        with translation.override(language):
            pages[f"program page ({language})"] = page.specific.get_url()
    return pages


def main(out):
    with transaction.atomic():
        participants = Membership.objects.filter(user__email__startswith="bench-participant-")
        cohorts = participants.values_list("team__cohort", flat=True).distinct().order_by("team__cohort")
        memberships = list(
            participants.filter(team__cohort__in=list(cohorts[:COHORTS]))
            .select_related("team__cohort__program", "user")
            .order_by("team_id", "sort_order")
            .distinct("team_id")[:PARTICIPANTS]
        )
        coach = User.objects.get(email=demo.COACH["email"])
        staff = User.objects.get(email=demo.STAFF["email"])
        plan = {
            "made_at": timezone.now().isoformat(),
            "floor": {"floor (/healthz)": "/healthz"},
            "anonymous": public_pages(),
            "participants": [
                {"session": session_for(m.user), "pages": participant_pages(m)} for m in memberships
            ],
            "coach": {
                "session": session_for(coach),
                "pages": {
                    "admin home (coach panel)": "/admin/",
                    "TA session list (coach)": path("tasession:index"),
                    "reviews queue (coach)": path("cohorts_review_queue"),
                },
            },
            "staff": {
                "session": session_for(staff),
                "pages": {
                    "admin home (staff)": "/admin/",
                    "TA session list (staff)": path("tasession:index"),
                    "RDC heatmap": path("cohorts_progress_heatmap"),
                    "application list (staff)": path("registration:index"),
                },
            },
        }
    Path(out).write_text(json.dumps(plan, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
