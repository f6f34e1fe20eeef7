"""A cohort's session day and time as people read it: "Wednesdays at 10:00 AST (America/Puerto_Rico)",
or, while they are to be agreed with the participants, that they are being agreed — never a
made-up time."""

import datetime

from django import template
from django.utils.translation import gettext_lazy as _

from accounts.languages import time_zone_label
from sprints.models import Weekday

register = template.Library()

# "Sessions on Tuesdays": weekday names in the plural, which no language forms by adding an "s".
WEEKDAY_PLURALS = {
    Weekday.MONDAY: _("Mondays"),
    Weekday.TUESDAY: _("Tuesdays"),
    Weekday.WEDNESDAY: _("Wednesdays"),
    Weekday.THURSDAY: _("Thursdays"),
    Weekday.FRIDAY: _("Fridays"),
    Weekday.SATURDAY: _("Saturdays"),
    Weekday.SUNDAY: _("Sundays"),
}


def session_time_summary(cohort) -> dict:
    """What a page says of the cohort's session time: `to_be_agreed`, or the plural weekday name,
    the local time, the zone's name and its short name when the same all along (EST, AST; see
    `zone_abbreviation`), and the first session's date."""
    if cohort.schedule_to_be_agreed:
        return {"to_be_agreed": True, "zone": time_zone_label(cohort.time_zone)}
    first_session = cohort.session_date(1)
    return {
        "to_be_agreed": False,
        "first_session": first_session,
        "weekdays": WEEKDAY_PLURALS[cohort.weekday],
        "time": cohort.local_time,
        "zone": time_zone_label(cohort.time_zone),
        "zone_abbreviation": zone_abbreviation(cohort),
    }


def zone_abbreviation(cohort) -> str:
    """The zone's short name (EST, AST) when it is the same on every week of the cohort, else "":
    a February–May cohort in New York meets at 11:00 EST, then at 11:00 EDT, so a page names its
    zone ("America/New York") rather than one abbreviation that is wrong for half the weeks."""
    day, last = cohort.session_date(1), cohort.end_date or cohort.plain_end_date()
    names = set()
    while True:  # every week from the first session to the run's end (breaks included: no query)
        names.add(datetime.datetime.combine(day, cohort.local_time, tzinfo=cohort.zone).tzname())
        day += datetime.timedelta(weeks=1)
        if day > last:
            break
    return names.pop() if len(names) == 1 else ""


@register.inclusion_tag("cohorts/includes/session_time.html")
def cohort_session_time(cohort):
    """One line: "Wednesdays at 10:00 AST (America/Puerto_Rico)" or "to be agreed"."""
    return {"schedule": session_time_summary(cohort)}
