"""The team's weekly check-in page: members only (anyone else gets a 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.checkins import selectors, services
from cohorts.checkins.forms import CheckInForm
from cohorts.policies import member_teams, team_or_404


@login_required
def team_checkin(request, team_pk):
    """This week's check-in (a form a teammate may update) and the team's recent check-ins."""
    team = team_or_404(request.user, team_pk, member_teams(request.user).select_related("cohort__program"))
    cohort = team.cohort
    today = timezone.localtime(timezone.now(), cohort.zone).date()
    position = cohort.calendar.locate(today)
    week = services.checkin_week(team=team, today=today)
    current = selectors.team_checkin(team, week)
    status, stored = 200, None
    if request.method == "POST" and week is not None:
        form = CheckInForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.checkin_record(
                    team=team,
                    user=request.user,
                    rating=data["rating"],
                    political_support=data["political_support"],
                    blockers=data["blockers"],
                    revision=data["revision"],
                    today=today,
                )
            except ValidationError as error:
                form.add_error(None, error)
                if getattr(error, "code", None) == "stale_revision":
                    # Keep what was typed; carry the stored revision, so saving again is deliberate.
                    stored = selectors.team_checkin(team, week)
                    posted = request.POST.copy()
                    posted["revision"] = stored.revision if stored else 0
                    form = CheckInForm(posted)
                    form.is_valid()
                    form.add_error(None, error)
                    status = 409
                else:
                    status = 400
            else:
                messages.success(
                    request, _("Thank you: your check-in for week %(week)s is saved.") % {"week": week}
                )
                return redirect("cohorts:team_checkin", team_pk=team.pk)
        else:
            status = 400
    elif request.method == "POST":
        messages.error(request, str(services.BREAK_WEEK if position.is_break else services.NOT_RUNNING))
        return redirect("cohorts:team_checkin", team_pk=team.pk)
    elif current is not None:
        form = CheckInForm(
            initial={
                "rating": current.rating,
                "political_support": current.political_support,
                "blockers": current.blockers,
                "revision": current.revision,
            }
        )
    else:
        form = CheckInForm()
    context = {
        "team": team,
        "week": week,
        "position": position,
        "form": form,
        "current": current,
        "stored": stored,
        "recent": list(selectors.recent_checkins(team)),
    }
    return render(request, "cohorts/checkins/checkin.html", context, status=status)
