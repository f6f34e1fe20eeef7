"""What is missing to open a cohort: the opening checklist staff see on the cohort's edit page and,
for the cohorts starting soon, on the admin home.

Two steps, so the rules are tested without a database and a page of cohorts costs one query:

- ``with_opening_facts(queryset)`` annotates cohorts with the counts the checklist needs (curriculum
  sessions and those generated, teams and teams without a coach, announcements sent and drafted,
  break weeks), each a subquery: joining the relations instead would multiply the rows and the
  counts with them;
- ``opening_checklist(cohort, today=…)`` turns an annotated cohort into the items, each done or
  missing, saying what it found and where to fix it. It reads nothing more from the database.

A team counts as coached while it has an assignment without an end date, as in
``cohorts.policies.coached_teams``; archived teams (withdrawn) are not counted at all.
"""

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.languages import time_zone_label
from cohorts.announcements.models import Announcement
from cohorts.models import Cohort, Team
from cohorts.schedule.models import CohortBreak, Session
from sprints.models import SessionPlan

#: The admin home lists the cohorts starting within this many days.
OPENING_SOON_DAYS = 6 * 7

FACTS = (
    "plan_count",
    "generated_count",
    "team_count",
    "teams_without_coach",
    "announcements_sent",
    "announcements_drafted",
    "break_weeks",
)


def _count(queryset, by):
    """The number of rows of `queryset` for the outer cohort (`by`: the field that points to it)."""
    counted = queryset.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _current_coach():
    """A current assignment of the outer team: the coaching app's model, reached through the
    relation (cohorts comes before coaching in the layers and does not import it)."""
    assignments = Team._meta.get_field("coach_assignments").related_model
    return Exists(assignments.objects.filter(team=OuterRef("pk"), ends_on__isnull=True))


def with_opening_facts(queryset=None):
    """Cohorts annotated with what the checklist reads: one query for any number of cohorts."""
    queryset = Cohort.objects.all() if queryset is None else queryset
    teams = Team.objects.filter(cohort=OuterRef("pk"), archived_at=None)
    breaks = (
        CohortBreak.objects.filter(cohort=OuterRef("pk"))
        .order_by()
        .values("cohort")
        .annotate(weeks=Sum("weeks"))
        .values("weeks")
    )
    return queryset.select_related("program").annotate(
        plan_count=_count(SessionPlan.objects.filter(program=OuterRef("program_id")), "program"),
        generated_count=_count(Session.objects.filter(cohort=OuterRef("pk"), plan__isnull=False), "cohort"),
        team_count=_count(teams, "cohort"),
        teams_without_coach=_count(teams.filter(~_current_coach()), "cohort"),
        announcements_sent=_count(
            Announcement.objects.filter(cohort=OuterRef("pk"), sent_at__isnull=False), "cohort"
        ),
        announcements_drafted=_count(
            Announcement.objects.filter(cohort=OuterRef("pk"), sent_at__isnull=True), "cohort"
        ),
        break_weeks=Coalesce(Subquery(breaks, output_field=IntegerField()), 0),
    )


def opening_soon(today=None, days=OPENING_SOON_DAYS):
    """The cohorts starting from `today` to `days` days later, soonest first, with their facts."""
    today = today or timezone.localdate()
    return with_opening_facts(
        Cohort.objects.filter(start_date__gte=today, start_date__lte=today + datetime.timedelta(days=days))
    ).order_by("start_date", "pk")


@dataclass(frozen=True)
class OpeningItem:
    key: str
    label: str
    done: bool
    #: What was found: done, what it is; missing, what is missing.
    detail: str
    #: Where to fix it (or to check it), and the link's words.
    url: str
    action: str


@dataclass(frozen=True)
class OpeningChecklist:
    cohort: Cohort
    items: list

    @property
    def done_count(self):
        return sum(1 for item in self.items if item.done)

    @property
    def missing(self):
        return [item for item in self.items if not item.done]

    @property
    def is_ready(self):
        return not self.missing


def _date(value):
    return date_format(value, "DATE_FORMAT")


def _facts(cohort):
    missing = [name for name in FACTS if not hasattr(cohort, name)]
    if missing:
        raise ValueError(f"Annotate the cohort with with_opening_facts() first (missing: {missing}).")
    return {name: getattr(cohort, name) for name in FACTS}


def _dates_item(cohort, edit_url):
    return OpeningItem(
        key="dates",
        label=_("Dates"),
        done=True,  # the form requires them and the database keeps them in order
        detail=_("Registration %(opens)s to %(deadline)s; sessions %(start)s to %(end)s.")
        % {
            "opens": _date(cohort.registration_opens),
            "deadline": _date(cohort.registration_deadline),
            "start": _date(cohort.start_date),
            "end": _date(cohort.end_date),
        },
        url=edit_url,
        action=_("Change the dates"),
    )


def _schedule_item(cohort, facts, edit_url):
    if cohort.schedule_to_be_agreed:
        return OpeningItem(
            key="schedule",
            label=_("Day, time and calendar"),
            done=False,
            detail=_("The day and time are to be agreed with the participants: confirm one of the slots."),
            url=reverse("cohorts_schedule_poll", args=(quote(cohort.pk),)),
            action=_("Open the schedule poll"),
        )
    breaks = facts["break_weeks"]
    detail = capfirst(
        _("%(weekday)s at %(time)s (%(zone)s).")
        % {
            "weekday": cohort.get_weekday_display(),
            "time": time_format(cohort.local_time, "H:i"),
            "zone": time_zone_label(cohort.time_zone),
        }
    )
    detail += " " + (
        ngettext("%(count)d break week.", "%(count)d break weeks.", breaks) % {"count": breaks}
        if breaks
        else _("No break weeks.")
    )
    return OpeningItem(
        key="schedule",
        label=_("Day, time and calendar"),
        done=True,
        detail=detail,
        url=edit_url,
        action=_("Change the schedule or the breaks"),
    )


def _sessions_item(cohort, facts):
    plans, generated = facts["plan_count"], facts["generated_count"]
    generate_url = reverse("cohorts_generate_sessions", args=(quote(cohort.pk),))
    if not plans:
        return OpeningItem(
            key="sessions",
            label=_("Sessions"),
            done=False,
            detail=_("The program's curriculum has no sessions yet."),
            url=f"{reverse('sessionplan:index')}?{urlencode({'program': cohort.program_id})}",
            action=_("Add curriculum sessions"),
        )
    if generated >= plans:
        return OpeningItem(
            key="sessions",
            label=_("Sessions"),
            done=True,
            detail=ngettext(
                "The curriculum's %(count)d session is scheduled.",
                "All %(count)d sessions of the curriculum are scheduled.",
                plans,
            )
            % {"count": plans},
            url=f"{reverse('session:index')}?{urlencode({'cohort': cohort.pk})}",
            action=_("See the sessions"),
        )
    return OpeningItem(
        key="sessions",
        label=_("Sessions"),
        done=False,
        detail=ngettext(
            "%(generated)d of %(count)d curriculum session is scheduled.",
            "%(generated)d of %(count)d curriculum sessions are scheduled.",
            plans,
        )
        % {"generated": generated, "count": plans},
        url=generate_url,
        action=_("Generate sessions"),
    )


def _coaches_item(cohort, facts):
    teams, without = facts["team_count"], facts["teams_without_coach"]
    if not teams:
        return OpeningItem(
            key="coaches",
            label=_("Coaches"),
            done=False,
            detail=_("No team has been accepted yet."),
            url=f"{reverse('registration:index')}?{urlencode({'cohort': cohort.pk})}",
            action=_("Review applications"),
        )
    if not without:
        return OpeningItem(
            key="coaches",
            label=_("Coaches"),
            done=True,
            detail=ngettext("The team has a coach.", "Each of the %(count)d teams has a coach.", teams)
            % {"count": teams},
            url=f"{reverse('coachassignment:index')}?{urlencode({'team__cohort': cohort.pk})}",
            action=_("See the coach assignments"),
        )
    return OpeningItem(
        key="coaches",
        label=_("Coaches"),
        done=False,
        detail=ngettext(
            "%(without)d of %(count)d team has no coach.",
            "%(without)d of %(count)d teams have no coach.",
            teams,
        )
        % {"without": without, "count": teams},
        url=reverse("coachassignment:add"),
        action=_("Assign a coach"),
    )


def _announcement_item(cohort, facts):
    sent, drafted = facts["announcements_sent"], facts["announcements_drafted"]
    listing = f"{reverse('announcement:index')}?{urlencode({'cohort': cohort.pk})}"
    if sent:
        return OpeningItem(
            key="announcement",
            label=_("Announcements"),
            done=True,
            detail=ngettext("%(count)d announcement sent.", "%(count)d announcements sent.", sent)
            % {"count": sent},
            url=listing,
            action=_("See the announcements"),
        )
    if drafted:
        return OpeningItem(
            key="announcement",
            label=_("Announcements"),
            done=False,
            detail=ngettext(
                "%(count)d announcement is written but not sent.",
                "%(count)d announcements are written but not sent.",
                drafted,
            )
            % {"count": drafted},
            url=f"{reverse('announcement:index')}?{urlencode({'cohort': cohort.pk, 'sent': 'unsent'})}",
            action=_("Send it"),
        )
    return OpeningItem(
        key="announcement",
        label=_("Announcements"),
        done=False,
        detail=_("No announcement has been sent to the cohort yet."),
        url=f"{reverse('announcement:add')}?{urlencode({'cohort': cohort.pk})}",
        action=_("Write an announcement"),
    )


def _registration_item(cohort, today, edit_url):
    if today < cohort.registration_opens:
        detail = _("Registration opens on %(date)s.") % {"date": _date(cohort.registration_opens)}
        done = False
    elif today <= cohort.registration_deadline:
        detail = _("Registration is open until %(date)s.") % {"date": _date(cohort.registration_deadline)}
        done = True
    else:
        detail = _("Registration closed on %(date)s.") % {"date": _date(cohort.registration_deadline)}
        done = True
    return OpeningItem(
        key="registration",
        label=_("Registration"),
        done=done,
        detail=detail,
        url=edit_url,
        action=_("Change the registration dates"),
    )


def opening_checklist(cohort, *, today=None) -> OpeningChecklist:
    """The items to check before `cohort` opens, from a cohort annotated by with_opening_facts()."""
    today = today or timezone.localdate()
    facts = _facts(cohort)
    edit_url = reverse("cohort:edit", args=(quote(cohort.pk),))
    return OpeningChecklist(
        cohort=cohort,
        items=[
            _dates_item(cohort, edit_url),
            _schedule_item(cohort, facts, edit_url),
            _sessions_item(cohort, facts),
            _coaches_item(cohort, facts),
            _announcement_item(cohort, facts),
            _registration_item(cohort, today, edit_url),
        ],
    )
