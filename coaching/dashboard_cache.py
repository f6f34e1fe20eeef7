"""The coaching panels on the admin home, kept until a fact they read changes.

Coaches see their teams' TA status and momentum; staff who coach no team see, across every running
team, the teams in a dip or worth watching and the teams longest without a TA session. Each reads
the facts of many teams: computed on every visit, they made the admin home the slowest page at a
few hundred teams. What they show changes only when one of those facts does (a TA session, an
action item, a submission or its review, attendance, a check-in, RDC progress, a coach or a coach's
note, a team, its cohort or its members) or when the day does. Each such save or delete bumps one
version number, shared by every instance through the cache; the day, language and time zone are
part of the key, and the callers put the user in the name of what is theirs alone.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation

from accounts import versioned_cache

VERSION_KEY = "coaching-dashboard:version"

WATCHED_MODELS = {
    "accounts.user",  # coaches' names
    "coaching.actionitem",
    "coaching.coachassignment",
    "coaching.momentumnote",
    "coaching.tasession",
    "cohorts.attendance",
    "cohorts.checkin",
    "cohorts.cohort",
    "cohorts.cohortbreak",
    "cohorts.criterionprogress",
    "cohorts.feedback",
    "cohorts.membership",
    "cohorts.session",
    "cohorts.submission",
    "cohorts.submissionversion",
    "cohorts.team",
    "sprints.assignmenttemplate",
}


def _watched_model_changed(sender, update_fields=None, **kwargs):
    if sender._meta.label_lower not in WATCHED_MODELS:
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:  # a sign-in shows nowhere here
        return
    versioned_cache.bump(VERSION_KEY)


def connect_signals():
    post_save.connect(_watched_model_changed, dispatch_uid="coaching_dashboard_saved")
    post_delete.connect(_watched_model_changed, dispatch_uid="coaching_dashboard_deleted")


def dashboard(name, compute):
    """`compute()`, or what it gave since the facts and the day last changed. Not kept at all when
    COACHING_DASHBOARD_CACHE_SECONDS is 0 (tests and development)."""
    seconds = settings.COACHING_DASHBOARD_CACHE_SECONDS
    if not seconds:
        return compute()
    now = timezone.localtime()
    version = versioned_cache.current(VERSION_KEY)
    key = ":".join(
        (
            "coaching-dashboard",
            str(version),
            name,
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            now.date().isoformat(),
        )
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=min(seconds, versioned_cache.seconds_to_midnight(now)))
    return value
