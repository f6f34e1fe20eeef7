"""The team's schedule: every session of its cohort, one session's page, and attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts import exports
from cohorts.policies import team_or_404, teams_for
from cohorts.schedule import calendar, selectors, services
from cohorts.schedule.models import Attendance, CalendarFeed
from cohorts.workspace import selectors as workspace_selectors


def _team(request, team_pk):
    return team_or_404(request.user, team_pk, teams_for(request.user).select_related("cohort__program"))


@login_required
def team_schedule(request, team_pk):
    team = _team(request, team_pk)
    today = timezone.localdate()
    sessions = selectors.cohort_session_list(team.cohort)
    context = {
        "team": team,
        "cohort": team.cohort,
        "timeline": selectors.cohort_timeline(team.cohort, sessions, today),
    }
    return render(request, "cohorts/workspace/schedule.html", context)


@login_required
def team_session(request, team_pk, session_pk):
    """What the session is, its materials and links, and the team's attendance at it."""
    team = _team(request, team_pk)
    session = selectors.team_session_or_none(team, session_pk)
    if session is None:
        raise Http404
    records = {
        record.membership_id: record
        for record in Attendance.objects.filter(session=session, membership__team=team)
    }
    attendance = [
        (membership, records.get(membership.pk)) for membership in workspace_selectors.team_roster(team)
    ]
    context = {
        "team": team,
        "cohort": team.cohort,
        "session": session,
        "has_happened": session.ends_at <= timezone.now(),
        "attendance": attendance if records else [],
    }
    return render(request, "cohorts/workspace/session.html", context)


@login_required
def team_attendance(request, team_pk):
    """The team's attendance record: members × sessions held so far."""
    team = _team(request, team_pk)
    sessions = list(selectors.attendance_sessions(team.cohort))
    context = {
        "team": team,
        "cohort": team.cohort,
        "sessions": sessions,
        "rows": selectors.team_attendance(team, sessions),
    }
    return render(request, "cohorts/workspace/attendance.html", context)


ICS = "text/calendar; charset=utf-8"


def calendar_feed(request, token):
    """The subscribed feed: no login, the token is the secret; revoked or unknown is a 404."""
    feed = CalendarFeed.objects.filter(token=token, revoked_at=None).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    response = HttpResponse(calendar.user_calendar(feed.user), content_type=ICS)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def session_ics(request, team_pk, session_pk):
    team = team_or_404(request.user, team_pk)
    session = selectors.team_session_or_none(team, session_pk)
    if session is None:
        raise Http404
    name = exports.filename_part(session.title) or f"session-{session.pk}"
    return exports.attachment(calendar.session_calendar(session), content_type=ICS, filename=f"{name}.ics")


@login_required
def calendar_settings(request):
    feed = calendar.calendar_feed_for(request.user)
    context = {"feed": feed, "feed_url": calendar.calendar_feed_url(feed) if feed else ""}
    return render(request, "cohorts/calendar.html", context)


@login_required
@require_POST
def calendar_reset(request):
    services.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your calendar address is ready. Any previous address no longer works."))
    return redirect("cohorts:calendar")
