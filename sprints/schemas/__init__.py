"""One content schema per assignment kind.

A submission's content is JSON validated by the schema of its template's kind, so a new
kind needs a schema (and an editor, renderer and exporter) but no migration. Each group of
kinds keeps its schemas in a module of its own; this registry joins them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError as PydanticValidationError

from sprints.models import AssignmentKind
from sprints.schemas import design, diagnostic, sprint
from sprints.schemas.base import Schema
from sprints.schemas.sprint import PROCUREMENT_STAGES

__all__ = [
    "PROCUREMENT_STAGES",
    "SCHEMAS",
    "SUBMIT_CHECKS",
    "empty_content",
    "validate_content",
    "validate_for_submit",
]

SCHEMAS: dict[str, type[Schema]] = {**sprint.SCHEMAS, **diagnostic.SCHEMAS, **design.SCHEMAS}

#: kind -> content -> the messages that keep it from being submitted (none: it may be).
SUBMIT_CHECKS = {**diagnostic.SUBMIT_CHECKS}

CONTENT_INVALID = _("The %(kind)s content is not valid: %(errors)s")


def _message(problem):
    """Pydantic's message; our own validators' messages without its "Value error, " prefix."""
    if problem["type"] == "value_error":
        return str(problem.get("ctx", {}).get("error", problem["msg"]))
    return problem["msg"]


def empty_content(kind):
    return SCHEMAS[kind]().model_dump(mode="json")


def validate_content(kind, content):
    """Return the content normalised by its kind's schema, or raise a ValidationError."""
    try:
        return SCHEMAS[kind].model_validate(content).model_dump(mode="json")
    except PydanticValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or '—'}: {_message(problem)}"
            for problem in error.errors()
        )
        raise ValidationError(
            CONTENT_INVALID,
            code="invalid_content",
            params={"kind": AssignmentKind(kind).label, "errors": problems},
        ) from error


def validate_for_submit(kind, content):
    """Raise a ValidationError when valid content is not complete enough to submit (a draft can be)."""
    check = SUBMIT_CHECKS.get(kind)
    problems = check(content) if check else []
    if problems:
        raise ValidationError([str(problem) for problem in problems], code="not_ready")
