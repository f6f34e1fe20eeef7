"""iCalendar feeds: one private, revocable feed per user, and single-session downloads.

(The cohort's calendar of program weeks and breaks is ``cohorts.schedule.weeks``.)"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from cohorts.models import Team, within_date_range
from cohorts.schedule.models import CalendarFeed, Session, SessionStatus
from sprints.models import AssignmentTemplate

PRODID = "-//Ruta//Cohort calendar//EN"
UID_DOMAIN = "ruta"


def calendar_feed_for(user) -> CalendarFeed | None:
    """The user's active feed, or None when they have none."""
    return CalendarFeed.objects.filter(user=user, revoked_at=None).first()


def calendar_feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("calendar_feed", kwargs={"token": feed.token})


def _new_calendar(name: str, zone_name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    if zone_name:
        calendar.add("x-wr-timezone", zone_name)
    return calendar


def session_event(session: Session) -> Event:
    """One session as a VEVENT: UTC times, a stable UID, its revision as SEQUENCE."""
    event = Event()
    event.add("uid", f"session-{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    event.add("summary", session.title)
    event.add("sequence", session.sequence)
    if session.description:
        event.add("description", session.description)
    if session.effective_meeting_url:
        event.add("location", session.effective_meeting_url)
        event.add("url", session.effective_meeting_url)
    cancelled = session.status == SessionStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def assignment_event(team: Team, template: AssignmentTemplate) -> Event:
    """An all-day event on the last day of the template's due week, for one team."""
    due = team.cohort.due_date(template.due_week)
    event = Event()
    event.add("uid", f"assignment-{team.pk}-{template.pk}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", due)
    event.add("dtend", due + datetime.timedelta(days=1))
    event.add("summary", f"{template.title} ({team.name})")
    event.add("transp", "TRANSPARENT")
    return event


def break_event(cohort, brk) -> Event:
    """A cohort's break weeks as one all-day, free-time event."""
    event = Event()
    event.add("uid", f"break-{cohort.pk}-{brk.key}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", brk.starts_on)
    event.add("dtend", brk.ends_on + datetime.timedelta(days=1))
    summary = _("Break: %(reason)s") % {"reason": brk.reason} if brk.reason else _("Break")
    event.add("summary", f"{summary} ({cohort.name})")
    event.add("transp", "TRANSPARENT")
    return event


def user_calendar(user) -> bytes:
    """Every session of the user's teams' cohorts and their teams' assignment due dates."""
    teams = list(
        Team.objects.filter(archived_at=None, memberships__user=user)
        .select_related("cohort__program")
        .prefetch_related("cohort__breaks")
        .distinct()
        .order_by("pk")
    )
    zone_name = teams[0].cohort.time_zone if teams else None
    calendar = _new_calendar("Ruta", zone_name)
    cohort_ids = {team.cohort_id for team in teams}
    sessions = (
        Session.objects.filter(within_date_range("starts_at"), cohort_id__in=cohort_ids)
        .select_related("cohort")
        .order_by("starts_at")
    )
    for session in sessions:
        calendar.add_component(session_event(session))
    program_ids = {team.cohort.program_id for team in teams}
    templates = list(
        AssignmentTemplate.objects.filter(Q(program_id__in=program_ids)).order_by("due_week", "pk")
    )
    cohorts = {team.cohort_id: team.cohort for team in teams}
    for cohort in cohorts.values():
        for brk in cohort.calendar.effective_breaks:
            calendar.add_component(break_event(cohort, brk))
    for team in teams:
        for template in templates:
            if template.program_id == team.cohort.program_id:
                calendar.add_component(assignment_event(team, template))
    return calendar.to_ical()


def session_calendar(session: Session) -> bytes:
    """A calendar with the one session, for a download."""
    calendar = _new_calendar(session.title, session.cohort.time_zone)
    calendar.add_component(session_event(session))
    return calendar.to_ical()
