"""The rules a team's application must meet, shared by the application form and the services."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cohorts.models import RegistrationWindow

TEAM_TOO_SMALL = ngettext_lazy(
    "This program needs a team of at least %(count)d person.",
    "This program needs a team of at least %(count)d people.",
    "count",
)
TEAM_TOO_LARGE = ngettext_lazy(
    "This program takes teams of at most %(count)d person.",
    "This program takes teams of at most %(count)d people.",
    "count",
)
# Counted in people, so a role's name is never pluralised ("2 Executive sponsor").
ROLE_TOO_FEW = ngettext_lazy(
    "The team needs at least %(min)d person in the role “%(role)s” (it has %(count)d).",
    "The team needs at least %(min)d people in the role “%(role)s” (it has %(count)d).",
    "min",
)
ROLE_TOO_MANY = ngettext_lazy(
    "The team can have at most %(max)d person in the role “%(role)s” (it has %(count)d).",
    "The team can have at most %(max)d people in the role “%(role)s” (it has %(count)d).",
    "max",
)
TEAM_SIZE_DIFFERS = ngettext_lazy(
    "This team has %(count)d member; the program recommends %(recommended)d.",
    "This team has %(count)d members; the program recommends %(recommended)d.",
    "count",
)
TEAM_SIZE_RECOMMENDED = ngettext_lazy(
    "Teams of ideally %(count)d person.",
    "Teams of ideally %(count)d people.",
    "count",
)
ANSWER_REQUIRED = _("Please answer this question.")
ANSWER_MISSING = _("Please answer “%(question)s”.")
CHOICE_INVALID = _("Choose one of the options offered.")
DUPLICATE_EMAIL = _("%(email)s is listed more than once; each member needs their own email address.")
NOT_OPEN_YET = _("Registration for this cohort opens on %(date)s.")
DEADLINE_PASSED = _("The registration deadline for this cohort (%(date)s) has passed.")
CITY_ALREADY_APPLIED = _("%(city)s, %(jurisdiction)s has already applied to this cohort.")
TIME_COMMITMENT_REQUIRED = _("Please confirm that the team can commit the time each role asks for.")
MOU_REQUIRED = _(
    "This program requires a signed memorandum of understanding; please confirm you will sign it."
)


def team_composition_errors(program, members):
    """What is wrong with a team of `members` (objects with .email and .role) for `program`."""
    errors = []
    size = len(members)
    # The program's hard limits, where it sets them (a recommendation is never refused: team_size_warning).
    if program.team_size_min is not None and size < program.team_size_min:
        errors.append(
            ValidationError(TEAM_TOO_SMALL % {"count": program.team_size_min}, code="team_too_small")
        )
    if program.team_size_max is not None and size > program.team_size_max:
        errors.append(
            ValidationError(TEAM_TOO_LARGE % {"count": program.team_size_max}, code="team_too_large")
        )
    per_role = Counter(member.role_id for member in members if member.role_id)
    for role in program.roles.all():
        count = per_role.get(role.pk, 0)
        if role.required and count < role.min_count:
            errors.append(
                ValidationError(
                    ROLE_TOO_FEW,
                    code="role_too_few",
                    params={"min": role.min_count, "role": role.name, "count": count},
                )
            )
        if count > role.max_count:
            errors.append(
                ValidationError(
                    ROLE_TOO_MANY,
                    code="role_too_many",
                    params={"max": role.max_count, "role": role.name, "count": count},
                )
            )
    emails = Counter(member.email.strip().lower() for member in members if member.email)
    for email, count in emails.items():
        if count > 1:
            errors.append(ValidationError(DUPLICATE_EMAIL, code="duplicate_email", params={"email": email}))
    return errors


TEAM_SIZE_RANGE = _("This program takes teams of %(low)d to %(high)d people.")


def team_size_guidance(program):
    """What the application form tells applicants about the team's size: the recommendation, the limits."""
    lines = []
    if program.team_size_recommended:
        lines.append(TEAM_SIZE_RECOMMENDED % {"count": program.team_size_recommended})
    low, high = program.team_size_min, program.team_size_max
    if low is not None and high is not None:
        if low == high:
            lines.append(TEAM_TOO_SMALL % {"count": low})
        else:
            lines.append(TEAM_SIZE_RANGE % {"low": low, "high": high})
    elif low is not None:
        lines.append(TEAM_TOO_SMALL % {"count": low})
    elif high is not None:
        lines.append(TEAM_TOO_LARGE % {"count": high})
    return [str(line) for line in lines]


def team_size_warning(program, size):
    """Staff's warning when a team's size differs from the program's recommendation, else None."""
    recommended = program.team_size_recommended
    if recommended is None or size == recommended:
        return None
    return TEAM_SIZE_DIFFERS % {"count": size, "recommended": recommended}


def answer_errors(questions, answers):
    """What keeps `answers` ({question pk: text}) from being complete for the program's `questions`."""
    errors = []
    for question in questions:
        answer = (answers.get(question.pk) or "").strip()
        if question.required and not answer:
            errors.append(
                ValidationError(ANSWER_MISSING, code="answer_required", params={"question": question.text})
            )
    return errors


def window_error(cohort, today=None):
    """Why nobody can apply to `cohort` on `today`, or None while the window is open."""
    window = cohort.registration_window(today)
    if window == RegistrationWindow.NOT_YET_OPEN:
        return ValidationError(
            NOT_OPEN_YET, code="not_open_yet", params={"date": date_format(cohort.registration_opens)}
        )
    if window == RegistrationWindow.CLOSED:
        return ValidationError(
            DEADLINE_PASSED,
            code="deadline_passed",
            params={"date": date_format(cohort.registration_deadline)},
        )
    return None
