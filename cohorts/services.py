"""State changes that touch several cohort models. Each one is a single function."""

import datetime

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from cohorts.models import Cohort, Session


def translated_values(source, fields):
    """Copy every language's value of `fields` from a translated model instance."""
    return {
        build_localized_fieldname(field, code): getattr(source, build_localized_fieldname(field, code))
        for field in fields
        for code, _name in settings.LANGUAGES
    }


@transaction.atomic
def cohort_generate_sessions(*, cohort: Cohort) -> list[Session]:
    """Schedule every curriculum session not yet scheduled for the cohort.

    Each session falls on the cohort's weekday in its program week, at the cohort's local
    time in the cohort's time zone; the UTC instant follows daylight-saving changes, so a
    11:00 session stays at 11:00 local time all season. Sessions already scheduled (and
    possibly moved or cancelled by staff) are left as they are.
    """
    scheduled = set(cohort.sessions.exclude(plan=None).values_list("plan_id", flat=True))
    created = []
    for plan in cohort.program.session_plans.order_by("week", "id"):
        if plan.pk in scheduled:
            continue
        starts_at = datetime.datetime.combine(
            cohort.session_date(plan.week), cohort.local_time, tzinfo=cohort.zone
        )
        session = Session(
            cohort=cohort,
            plan=plan,
            week=plan.week,
            kind=plan.kind,
            starts_at=starts_at,
            minutes=plan.minutes,
            **translated_values(plan, ["title", "description"]),
        )
        session.full_clean()
        session.save()
        created.append(session)
    return created
