"""The schemas of the sprint kinds: journey map, data systems map, interviews, pilot plan, document."""

import datetime
from typing import Literal, get_args

from pydantic import Field, HttpUrl

from sprints.models import AssignmentKind
from sprints.schemas.base import LongText, Schema, ShortText


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
