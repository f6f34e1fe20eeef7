"""The schemas of the Diagnostic phase's kinds (PROGRAMS.md §4, phase I).

Environment questionnaire, key-informant interview guide, outreach tracker, interview notes,
baseline observations and baseline summary report. Rows another row or deliverable points at
carry a stable ``id`` (``RowId``); links store that id, never the linked row's text.

The chain, without cycles: guide → tracker (planned informants) → notes (each interview and
observation picks its person from the tracker; observations carry codes) → observations (each
challenge area lists the codes it synthesises, so an observation's challenge area is derived
from its codes, stored once) → summary (challenge areas prefilled from the observations, data
findings from the data systems map).
"""

import datetime
from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from sprints.models import AssignmentKind
from sprints.schemas.base import LongText, RowId, Schema, ShortText

#: A rating on a five-point scale (1 = very weak … 5 = very strong); None = not rated yet.
Rating = Field(default=None, ge=1, le=5)

#: The track's four challenge areas (PROGRAMS.md §3), the issue focus a city picks from.
IssueFocus = Literal["", "efficiency_fairness", "results_driven", "equity", "strategic_function"]

OutreachStatus = Literal["to_contact", "contacted", "scheduled", "done", "declined"]

MAX_INFORMANTS = 10
MAX_FOCUS_GROUP_PEOPLE = 8
MIN_CHALLENGE_AREAS = 4
MAX_CHALLENGE_AREAS = 6

#: A code given to an observation ("late payment", "portal"): short, one line.
Code = Annotated[str, Field(min_length=1, max_length=60)]
Line = Annotated[str, Field(min_length=1, max_length=500)]


class EnvironmentQuestionnaire(Schema):
    # 1. Goals, political support and pain points
    goals_short_term: str = LongText
    goals_long_term: str = LongText
    political_support: str = LongText
    political_support_rating: int | None = Rating
    pain_points: str = LongText
    # 2. Issue focus
    issue_focus: IssueFocus = ""
    issue_description: str = LongText
    issue_evidence: str = LongText
    # 3. Data governance
    data_owners: str = LongText
    data_policies: str = LongText
    data_published: str = LongText
    data_governance_rating: int | None = Rating
    # 4. Performance management
    performance_measures: str = LongText
    performance_routines: str = LongText
    performance_use: str = LongText
    performance_rating: int | None = Rating


class QuestionGroup(Schema):
    id: str = RowId
    interviewee_type: str = Field(min_length=1, max_length=200)
    questions: list[Line] = Field(default_factory=list, max_length=30)


class Informant(Schema):
    id: str = RowId
    name: str = Field(min_length=1, max_length=200)
    role: str = ShortText
    organisation: str = ShortText
    interviewee_type: str = ShortText
    why: str = ShortText


class FocusGroup(Schema):
    id: str = RowId
    topic: str = Field(min_length=1, max_length=200)
    date: datetime.date | None = None
    participants: list[Line] = Field(default_factory=list, max_length=MAX_FOCUS_GROUP_PEOPLE)


class KeyInformantGuide(Schema):
    purpose: str = LongText
    interviewer: str = ShortText
    notetaker: str = ShortText
    question_groups: list[QuestionGroup] = Field(default_factory=list, max_length=20)
    informants: list[Informant] = Field(default_factory=list, max_length=MAX_INFORMANTS)
    focus_groups: list[FocusGroup] = Field(default_factory=list, max_length=10)


class Contact(Schema):
    id: str = RowId
    person: str = Field(min_length=1, max_length=200)
    role: str = ShortText
    organisation: str = ShortText
    status: OutreachStatus = "to_contact"
    date: datetime.date | None = None
    notes: str = ShortText


class OutreachTracker(Schema):
    contacts: list[Contact] = Field(default_factory=list, max_length=100)


class InterviewNote(Schema):
    id: str = RowId
    contact: str = RowId  # the tracker's contact id
    date: datetime.date | None = None
    interviewer: str = ShortText
    notetaker: str = ShortText
    summary: str = LongText


class Observation(Schema):
    id: str = RowId
    contact: str = RowId  # who said it: the tracker's contact id
    text: str = Field(min_length=1, max_length=2000)
    quote: str = ShortText
    codes: list[Code] = Field(default_factory=list, max_length=10)


class InterviewNotes(Schema):
    interviews: list[InterviewNote] = Field(default_factory=list, max_length=100)
    observations: list[Observation] = Field(default_factory=list, max_length=500)


class IssueRating(Schema):
    id: str = RowId
    issue: str = Field(min_length=1, max_length=300)
    rating: int | None = Rating
    respondents: str = ShortText
    comment: str = LongText


class ChallengeArea(Schema):
    id: str = RowId
    title: str = Field(min_length=1, max_length=200)
    description: str = LongText
    codes: list[Code] = Field(default_factory=list, max_length=30)


class BaselineObservations(Schema):
    ratings: list[IssueRating] = Field(default_factory=list, max_length=40)
    # 4 to 6 areas: at most 6 on every save, at least 4 on submit (a draft builds them one by one).
    challenge_areas: list[ChallengeArea] = Field(default_factory=list, max_length=MAX_CHALLENGE_AREAS)


class SummaryArea(Schema):
    id: str = RowId  # the observations' challenge area id
    title: str = Field(min_length=1, max_length=200)
    description: str = LongText
    findings: str = LongText


class BaselineIndicator(Schema):
    id: str = RowId
    name: str = Field(min_length=1, max_length=200)
    baseline: str = ShortText
    unit: str = ShortText
    as_of: datetime.date | None = None
    data_source: str = ShortText


class BaselineSummary(Schema):
    overview: str = LongText
    method: str = LongText
    challenge_areas: list[SummaryArea] = Field(default_factory=list, max_length=MAX_CHALLENGE_AREAS)
    data_findings: str = LongText
    indicators: list[BaselineIndicator] = Field(default_factory=list, max_length=40)
    next_steps: str = LongText


SCHEMAS: dict[str, type[Schema]] = {
    AssignmentKind.ENVIRONMENT_QUESTIONNAIRE: EnvironmentQuestionnaire,
    AssignmentKind.KEY_INFORMANT_GUIDE: KeyInformantGuide,
    AssignmentKind.OUTREACH_TRACKER: OutreachTracker,
    AssignmentKind.INTERVIEW_NOTES: InterviewNotes,
    AssignmentKind.BASELINE_OBSERVATIONS: BaselineObservations,
    AssignmentKind.BASELINE_SUMMARY: BaselineSummary,
}

TOO_FEW_CHALLENGE_AREAS = _(
    "Name at least %(minimum)d challenge areas before submitting: there are %(count)d so far."
)


def observations_ready(content):
    """What still keeps baseline observations from being submitted (a list of messages)."""
    count = len(content.get("challenge_areas", []))
    if count < MIN_CHALLENGE_AREAS:
        return [TOO_FEW_CHALLENGE_AREAS % {"minimum": MIN_CHALLENGE_AREAS, "count": count}]
    return []


#: Checks a kind's content must pass to be submitted, beyond its schema (which every save meets).
SUBMIT_CHECKS = {AssignmentKind.BASELINE_OBSERVATIONS: observations_ready}
