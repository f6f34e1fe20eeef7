"""The team's schedule: every session of its cohort, one session's page, and attendance."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from cohorts import selectors
from cohorts.models import Attendance
from cohorts.policies import team_or_404, teams_for


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
    attendance = [(membership, records.get(membership.pk)) for membership in selectors.team_roster(team)]
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
