"""The schemas of the sprint kinds: journey map, data systems map, interviews, pilot plan, document."""

import datetime
import re
from typing import Literal, get_args

from django.utils.translation import gettext as _
from pydantic import Field, HttpUrl, field_validator, model_validator

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


# Where a system's data is published: only "open" counts as published in the stage coverage.
Publication = Literal["open", "internal", "none"]
PUBLICATIONS = list(get_args(Publication))

_NOT_PUBLISHED_WORDS = {
    "",
    "-",
    "—",
    "n/a",
    "na",
    "no",
    "none",
    "nowhere",
    "not published",
    "unpublished",
    "ninguno",
    "ninguna",
    "ningún lugar",
    "ningun lugar",
    "no se publica",
    "no publicado",
    "no publicada",
    "sin publicar",
}
_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)


def legacy_publication(text):
    """The publication fields for a system saved with free text in "published where".

    Empty or "not published" (English or Spanish) is not published; a web address (with or
    without its scheme) is published openly at that address; any other text is shared
    internally, the text kept as its note.
    """
    text = (text or "").strip()
    if text.casefold().rstrip(".") in _NOT_PUBLISHED_WORDS:
        return {"published": "none", "published_url": "", "published_note": ""}
    if re.match(r"^https?://\S+$", text, re.IGNORECASE):
        return {"published": "open", "published_url": text, "published_note": ""}
    if _HOST.match(text):
        return {"published": "open", "published_url": f"https://{text}", "published_note": ""}
    return {"published": "internal", "published_url": "", "published_note": text[:500]}


class DataSystem(Schema):
    name: str = Field(min_length=1, max_length=200)
    owner: str = ShortText
    data_held: str = LongText
    stages: list[ProcurementStage] = Field(default_factory=list)
    format: str = ShortText
    published: Publication = "none"
    published_url: HttpUrl | None = None
    published_note: str = ShortText
    quality_issues: str = LongText
    linked_systems: list[str] = Field(default_factory=list, max_length=50)
    ocds_fields: list[str] = Field(default_factory=list, max_length=200)

    @model_validator(mode="before")
    @classmethod
    def _read_legacy_published_where(cls, data):
        """Content saved before the choice (drafts not yet migrated, every stored version) had free
        text in "published_where": read it as the choice, the link and a note."""
        if isinstance(data, dict) and "published_where" in data:
            data = dict(data)
            legacy = legacy_publication(str(data.pop("published_where") or ""))
            for key, value in legacy.items():
                data.setdefault(key, value)
        return data

    @field_validator("published_url", mode="before")
    @classmethod
    def _blank_link_is_none(cls, value):
        return None if value == "" else value

    @model_validator(mode="after")
    def _open_needs_a_link(self):
        if self.published == "open" and self.published_url is None:
            raise ValueError(
                _("“%(name)s” is published openly: give the link where it is published.")
                % {"name": self.name}
            )
        return self


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
