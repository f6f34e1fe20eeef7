from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts import calendar, exports, selectors
from cohorts.models import CalendarFeed
from cohorts.policies import team_or_404

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
    calendar.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your calendar address is ready. Any previous address no longer works."))
    return redirect("cohorts:calendar")
