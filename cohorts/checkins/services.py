"""Check-in state changes: one function, ``checkin_record``, for this week's check-in of a team."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.checkins.models import CheckIn
from cohorts.models import Team
from cohorts.policies import can_edit_team_work

NOT_A_MEMBER = _("Only members of the team can check in for it.")
NOT_RUNNING = _("Check-ins are asked for while the program runs.")
BREAK_WEEK = _("This is a break week: no check-in is asked for.")
STALE_CHECKIN = _(
    "A teammate saved this week's check-in while you were editing it. Their version is shown below; "
    "your answers are kept in the form. Save again to replace theirs."
)
INVALID_REVISION = _("The form was out of date. Reload the page and try again.")

#: The largest revision a form may carry (the column is a positive 32-bit integer).
REVISION_MAX = 2**31 - 1


def checkin_week(*, team: Team, today: datetime.date | None = None) -> int | None:
    """The program week a check-in is asked for on `today` (the cohort's local date), or None
    before or after the run and in a break week."""
    cohort = team.cohort
    today = today or timezone.localtime(timezone.now(), cohort.zone).date()
    position = cohort.calendar.locate(today)
    return position.week if position.phase == "week" else None


def checkin_record(
    *,
    team: Team,
    user,
    rating: int,
    political_support: str,
    blockers: str = "",
    revision: int,
    today: datetime.date | None = None,
) -> CheckIn:
    """Record the team's check-in for this program week, or update it.

    `revision` is the one the form was opened at: 0 when the week had no check-in yet. If a
    teammate saved in between, nothing is written and the save is refused (code
    ``stale_revision``), so no answer is silently overwritten.
    """
    if not can_edit_team_work(user, team):
        raise ValidationError(NOT_A_MEMBER, code="not_a_member")
    cohort = team.cohort
    today = today or timezone.localtime(timezone.now(), cohort.zone).date()
    position = cohort.calendar.locate(today)
    if position.is_break:
        raise ValidationError(BREAK_WEEK, code="break_week")
    if position.phase != "week":
        raise ValidationError(NOT_RUNNING, code="not_running")
    if isinstance(revision, bool) or not isinstance(revision, int) or not 0 <= revision <= REVISION_MAX:
        raise ValidationError(INVALID_REVISION, code="invalid_revision")
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.select_for_update().filter(team=team, week=position.week).first()
            if checkin is None:
                if revision != 0:
                    raise ValidationError(STALE_CHECKIN, code="stale_revision")
                checkin = CheckIn(team=team, week=position.week, revision=1)
            elif checkin.revision != revision:
                raise ValidationError(STALE_CHECKIN, code="stale_revision")
            else:
                checkin.revision += 1
            checkin.rating = rating
            checkin.political_support = political_support
            checkin.blockers = (blockers or "").strip()
            checkin.updated_by = user
            checkin.full_clean()
            checkin.save()
    except IntegrityError:
        # A teammate created the week's check-in at the same moment.
        raise ValidationError(STALE_CHECKIN, code="stale_revision") from None
    return checkin
