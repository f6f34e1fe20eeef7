"""The schemas of the Design and Implementation kinds of the Open Contracting process (PROGRAMS.md §4).

Data-user interview guide, design research framework, actionable opportunities report, action
plan, OCDS technical assessment and OCDS work plan. Links between rows are stable row ids
(``RowId``); links inside one content are checked here (an opportunity's challenge area, a task's
dependencies), links to another deliverable's rows are checked by the editor's choices.
"""

import datetime
from typing import Annotated, Literal, get_args

from django.utils.translation import gettext as _
from pydantic import Field, model_validator

from sprints.models import AssignmentKind
from sprints.schemas.base import LongText, RowId, Schema, ShortText
from sprints.schemas.sprint import ProcurementStage

#: The kind the opportunities report builds on (the diagnostic group's kind).
BASELINE_OBSERVATIONS = "baseline_observations"

#: An OCDS field path such as ``tender/title`` or ``awards/value``.
FieldPath = Annotated[str, Field(min_length=1, max_length=200)]
Question = Annotated[str, Field(min_length=1, max_length=500)]
OcdsField = Field(default_factory=list, max_length=100)

# --- Data-user interview guide ------------------------------------------------------------

DataUserType = Literal[
    "journalists", "businesses", "academics", "internal_analysts", "civil_society", "other"
]
DataFormat = Literal["csv", "spreadsheet", "api", "ocds_json", "dashboard", "report"]
DATA_USER_TYPES = list(get_args(DataUserType))
DATA_FORMATS = list(get_args(DataFormat))


class DataUser(Schema):
    id: str = RowId
    user_type: DataUserType
    who: str = Field(min_length=1, max_length=200)
    questions: list[Question] = Field(default_factory=list, max_length=30)
    data_needed: str = LongText
    formats: list[DataFormat] = Field(default_factory=list)
    notes: str = LongText


class DataUserGuide(Schema):
    purpose: str = LongText
    users: list[DataUser] = Field(default_factory=list, max_length=30)


# --- Design research framework -------------------------------------------------------------

ResearchMethod = Literal["interviews", "survey", "observation", "workshop", "usability_test", "data_analysis"]
HypothesisStatus = Literal["untested", "confirmed", "refuted"]


class ResearchQuestion(Schema):
    id: str = RowId
    question: str = Field(min_length=1, max_length=500)


class Method(Schema):
    method: ResearchMethod
    description: str = LongText
    participants: str = ShortText


class ParticipantGroup(Schema):
    group: str = Field(min_length=1, max_length=200)
    number: int | None = Field(default=None, ge=0, le=10_000)
    recruitment: str = LongText


class Hypothesis(Schema):
    assumption: str = Field(min_length=1, max_length=500)
    how_to_test: str = LongText
    status: HypothesisStatus = "untested"


class Milestone(Schema):
    activity: str = Field(min_length=1, max_length=200)
    start: datetime.date | None = None
    end: datetime.date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError(_("“%(activity)s” ends before it starts.") % {"activity": self.activity})
        return self


class DesignResearchFramework(Schema):
    objective: str = LongText
    questions: list[ResearchQuestion] = Field(default_factory=list, max_length=30)
    methods: list[Method] = Field(default_factory=list, max_length=20)
    participants: list[ParticipantGroup] = Field(default_factory=list, max_length=30)
    hypotheses: list[Hypothesis] = Field(default_factory=list, max_length=30)
    timeline: list[Milestone] = Field(default_factory=list, max_length=50)


# --- Actionable opportunities report -------------------------------------------------------

Horizon = Literal["short", "medium", "long"]
HORIZONS = list(get_args(Horizon))
Rating = Field(ge=1, le=5)


class ChallengeArea(Schema):
    id: str = RowId
    title: str = Field(min_length=1, max_length=200)
    description: str = LongText


class Opportunity(Schema):
    id: str = RowId
    challenge_area: str = Field(min_length=1, max_length=32)
    title: str = Field(min_length=1, max_length=200)
    description: str = LongText
    horizon: Horizon
    impact: int = Rating
    feasibility: int = Rating
    ocds_fields: list[FieldPath] = OcdsField


class OpportunitiesReport(Schema):
    summary: str = LongText
    challenge_areas: list[ChallengeArea] = Field(default_factory=list, max_length=6)
    opportunities: list[Opportunity] = Field(default_factory=list, max_length=60)

    @model_validator(mode="after")
    def _opportunities_in_known_areas(self):
        areas = {area.id for area in self.challenge_areas if area.id}
        for opportunity in self.opportunities:
            if opportunity.challenge_area not in areas:
                raise ValueError(
                    _("The opportunity “%(title)s” belongs to a challenge area that is not in this report.")
                    % {"title": opportunity.title}
                )
        return self


# --- Action plan ------------------------------------------------------------------------------

OwnerSide = Literal["city", "practitioners"]


class Task(Schema):
    id: str = RowId
    title: str = Field(min_length=1, max_length=200)
    description: str = LongText
    owner_side: OwnerSide = "city"
    owner: str = ShortText
    start: datetime.date | None = None
    end: datetime.date | None = None
    depends_on: list[Annotated[str, Field(max_length=32)]] = Field(default_factory=list, max_length=50)
    opportunity: str = Field(default="", max_length=32)
    public: bool = False

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError(_("The task “%(title)s” ends before it starts.") % {"title": self.title})
        return self


class WishlistItem(Schema):
    dataset: str = Field(min_length=1, max_length=200)
    why: str = LongText
    ocds_fields: list[FieldPath] = OcdsField
    owner: str = ShortText


def dependency_cycle(tasks):
    """The titles along one dependency cycle among `tasks` (each with id, title, depends_on), or []."""
    edges = {task.id: list(task.depends_on) for task in tasks if task.id}
    titles = {task.id: task.title for task in tasks if task.id}
    done = set()

    def walk(node, path):
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done or node not in edges:
            return []
        for target in edges[node]:
            cycle = walk(target, [*path, node])
            if cycle:
                return cycle
        done.add(node)
        return []

    for node in edges:
        cycle = walk(node, [])
        if cycle:
            return [titles[item] for item in cycle]
    return []


class ActionPlan(Schema):
    executive_summary: str = LongText
    public_summary: str = LongText
    tasks: list[Task] = Field(default_factory=list, max_length=100)
    wishlist: list[WishlistItem] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _dependencies_known_and_acyclic(self):
        ids = {task.id for task in self.tasks if task.id}
        for task in self.tasks:
            unknown = [target for target in task.depends_on if target not in ids]
            if unknown:
                raise ValueError(
                    _("The task “%(title)s” depends on a task that is not in this plan (%(ids)s).")
                    % {"title": task.title, "ids": ", ".join(unknown)}
                )
            if task.id and task.id in task.depends_on:
                raise ValueError(_("The task “%(title)s” cannot depend on itself.") % {"title": task.title})
        cycle = dependency_cycle(self.tasks)
        if cycle:
            raise ValueError(
                _("These tasks depend on each other in a circle: %(cycle)s.") % {"cycle": " → ".join(cycle)}
            )
        return self


# --- OCDS technical assessment and work plan ---------------------------------------------------

AssessmentStage = Literal["core_team", "it_procurement", "help_desk"]
ASSESSMENT_STAGES = list(get_args(AssessmentStage))
WorkStatus = Literal["not_started", "in_progress", "done", "blocked"]


class Finding(Schema):
    id: str = RowId
    stage: AssessmentStage
    question: str = Field(min_length=1, max_length=500)
    finding: str = LongText
    status: WorkStatus = "not_started"
    date: datetime.date | None = None


class OcdsAssessment(Schema):
    scope: str = LongText
    findings: list[Finding] = Field(default_factory=list, max_length=100)


class WorkStep(Schema):
    id: str = RowId
    task: str = Field(min_length=1, max_length=200)
    owner: str = ShortText
    due_date: datetime.date | None = None
    status: WorkStatus = "not_started"
    sections: list[ProcurementStage] = Field(default_factory=list)
    ocds_fields: list[FieldPath] = OcdsField
    findings: list[Annotated[str, Field(max_length=32)]] = Field(default_factory=list, max_length=50)


class OcdsWorkPlan(Schema):
    goal: str = LongText
    steps: list[WorkStep] = Field(default_factory=list, max_length=100)


SCHEMAS: dict[str, type[Schema]] = {
    AssignmentKind.DATA_USER_GUIDE: DataUserGuide,
    AssignmentKind.DESIGN_RESEARCH_FRAMEWORK: DesignResearchFramework,
    AssignmentKind.OPPORTUNITIES_REPORT: OpportunitiesReport,
    AssignmentKind.ACTION_PLAN: ActionPlan,
    AssignmentKind.OCDS_ASSESSMENT: OcdsAssessment,
    AssignmentKind.OCDS_WORK_PLAN: OcdsWorkPlan,
}
