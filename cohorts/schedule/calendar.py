"""iCalendar feeds: one private, revocable feed per user, and single-session downloads."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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
    due = team.cohort.week_start(template.due_week) + datetime.timedelta(days=6)
    event = Event()
    event.add("uid", f"assignment-{team.pk}-{template.pk}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", due)
    event.add("dtend", due + datetime.timedelta(days=1))
    event.add("summary", f"{template.title} ({team.name})")
    event.add("transp", "TRANSPARENT")
    return event


def user_calendar(user) -> bytes:
    """Every session of the user's teams' cohorts and their teams' assignment due dates."""
    teams = list(
        Team.objects.filter(archived_at=None, memberships__user=user)
        .select_related("cohort")
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
