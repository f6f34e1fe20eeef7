"""One content schema per assignment kind.

A submission's content is JSON validated by the schema of its template's kind, so a new
kind needs a schema (and an editor, renderer and exporter) but no migration.
"""

import datetime
from typing import Literal, get_args

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, ConfigDict, Field, HttpUrl
from pydantic import ValidationError as PydanticValidationError

from sprints.models import AssignmentKind

ShortText = Field(default="", max_length=500)
LongText = Field(default="", max_length=10_000)


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class JourneyStage(Schema):
    name: str = Field(min_length=1, max_length=200)
    vendor_actions: str = LongText
    touchpoints: str = LongText
    pain_points: str = LongText
    opportunities: str = LongText


class VendorJourneyMap(Schema):
    vendor_persona: str = ShortText
    stages: list[JourneyStage] = Field(default_factory=list, max_length=40)


# The procurement stages of the Open Contracting Data Standard.
ProcurementStage = Literal["planning", "tender", "award", "contract", "implementation"]
PROCUREMENT_STAGES = list(get_args(ProcurementStage))


class DataSystem(Schema):
    name: str = Field(min_length=1, max_length=200)
    owner: str = ShortText
    data_held: str = LongText
    stages: list[ProcurementStage] = Field(default_factory=list)
    format: str = ShortText
    published_where: str = ShortText
    quality_issues: str = LongText
    linked_systems: list[str] = Field(default_factory=list, max_length=50)
    ocds_fields: list[str] = Field(default_factory=list, max_length=200)


class DataSystemsMap(Schema):
    systems: list[DataSystem] = Field(default_factory=list, max_length=100)


class Interview(Schema):
    interviewee_type: str = Field(min_length=1, max_length=200)
    date: datetime.date | None = None
    findings: str = LongText
    pain_points: str = LongText


class StakeholderInterviews(Schema):
    interviews: list[Interview] = Field(default_factory=list, max_length=200)


class PilotTask(Schema):
    description: str = Field(min_length=1, max_length=500)
    owner: str = ShortText
    due_date: datetime.date | None = None


class PilotIndicator(Schema):
    name: str = Field(min_length=1, max_length=200)
    baseline: str = ShortText
    target: str = ShortText


class PilotPlan(Schema):
    problem: str = LongText
    solution: str = LongText
    tasks: list[PilotTask] = Field(default_factory=list, max_length=100)
    indicators: list[PilotIndicator] = Field(default_factory=list, max_length=50)


class Document(Schema):
    body: str = Field(default="", max_length=100_000)
    links: list[HttpUrl] = Field(default_factory=list, max_length=50)


SCHEMAS: dict[str, type[Schema]] = {
    AssignmentKind.VENDOR_JOURNEY_MAP: VendorJourneyMap,
    AssignmentKind.DATA_SYSTEMS_MAP: DataSystemsMap,
    AssignmentKind.STAKEHOLDER_INTERVIEWS: StakeholderInterviews,
    AssignmentKind.PILOT_PLAN: PilotPlan,
    AssignmentKind.DOCUMENT: Document,
}

CONTENT_INVALID = _("The %(kind)s content is not valid: %(errors)s")


def empty_content(kind):
    return SCHEMAS[kind]().model_dump(mode="json")


def validate_content(kind, content):
    """Return the content normalised by its kind's schema, or raise a ValidationError."""
    try:
        return SCHEMAS[kind].model_validate(content).model_dump(mode="json")
    except PydanticValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or '—'}: {problem['msg']}"
            for problem in error.errors()
        )
        raise ValidationError(
            CONTENT_INVALID,
            code="invalid_content",
            params={"kind": AssignmentKind(kind).label, "errors": problems},
        ) from error
