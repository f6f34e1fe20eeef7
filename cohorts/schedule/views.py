"""The team's schedule: every session of its cohort, one session's page, and attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts import exports
from cohorts.policies import (
    team_or_404,
    workspace_team_or_404,
)
from cohorts.schedule import calendar, selectors, services
from cohorts.schedule.forms import ScheduleAnswersForm
from cohorts.schedule.models import Attendance, CalendarFeed, ScheduleAnswer, SchedulePoll, ScheduleVote
from cohorts.workspace import selectors as workspace_selectors
from cohorts.workspace.panels import TeamHomePanel


@login_required
def team_schedule(request, team_pk):
    team = workspace_team_or_404(request.user, team_pk)
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
    team = workspace_team_or_404(request.user, team_pk)
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
    team = workspace_team_or_404(request.user, team_pk)
    sessions = list(selectors.attendance_sessions(team.cohort))
    context = {
        "team": team,
        "cohort": team.cohort,
        "sessions": sessions,
        "rows": selectors.team_attendance(team, sessions),
    }
    return render(request, "cohorts/workspace/attendance.html", context)


@login_required
def team_schedule_poll(request, team_pk):
    """The slots staff proposed for the cohort's day and time, in the reader's time zone with the
    cohort's alongside; members mark each one until the poll closes. Coaches and staff read it."""
    team = workspace_team_or_404(request.user, team_pk)
    cohort = team.cohort
    poll = selectors.cohort_poll(cohort)
    membership = team.memberships.filter(user=request.user).first()
    if poll is not None and poll.opened_at is None and membership is not None:
        poll = None  # staff are still preparing the slots
    answers = selectors.member_answers(poll, membership) if poll and membership else {}
    can_answer = bool(poll and membership and poll.is_open)
    for slot in poll.slot_list if poll else []:
        answer = answers.get(slot.pk)
        slot.my_answer_label = ScheduleAnswer(answer).label if answer else ""
    form = None
    if request.method == "POST":
        if membership is None:
            raise Http404
        if not can_answer:
            messages.error(request, services.POLL_NOT_OPEN)
            return redirect("cohorts:team_schedule_poll", team_pk=team.pk)
        form = ScheduleAnswersForm(request.POST, slots=poll.slot_list, answers=answers)
        if form.is_valid():
            try:
                services.schedule_vote_record(membership=membership, answers=form.answers())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Thank you: your answers are saved. You can change them until the poll closes."),
                )
                return redirect("cohorts:team_schedule_poll", team_pk=team.pk)
    elif can_answer:
        form = ScheduleAnswersForm(slots=poll.slot_list, answers=answers)
    context = {
        "team": team,
        "cohort": cohort,
        "poll": poll,
        "membership": membership,
        "answers": answers,
        "form": form,
        "slots": poll.slot_list if poll else [],
        "is_staff_or_coach": membership is None,
    }
    return render(
        request, "cohorts/workspace/schedule_poll.html", context, status=400 if form and form.errors else 200
    )


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


def schedule_poll_home_panel(*, team, user):
    """On the team home while the cohort's day and time are to be agreed: that they are, and
    whether the poll waits for the viewer's answers (two queries; none once they are set)."""
    cohort = team.cohort
    if not cohort.schedule_to_be_agreed or team.archived_at is not None:
        return None
    poll = SchedulePoll.objects.filter(cohort=cohort).only("pk", "opened_at", "closed_at").first()
    is_open = bool(poll and poll.opened_at and not poll.closed_at)
    has_answered = (
        is_open
        and ScheduleVote.objects.filter(
            slot__poll=poll, membership__team=team, membership__user=user
        ).exists()
    )
    return TeamHomePanel(
        template_name="cohorts/workspace/_schedule_poll_panel.html",
        context={"poll_is_open": is_open, "has_answered": has_answered},
    )
