from modeltranslation.translator import TranslationOptions, register

from sprints.models import (
    ApplicationQuestion,
    AssignmentTemplate,
    ChecklistItem,
    Criterion,
    CriterionSet,
    FocusArea,
    Program,
    ProgramPhase,
    Role,
    SessionPlan,
)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "audience",
        "activities",
        "outcomes",
        "best_results",
        "fit_criteria",
    )


@register(Role)
class RoleTranslation(TranslationOptions):
    fields = ("name", "description")


@register(FocusArea)
class FocusAreaTranslation(TranslationOptions):
    fields = ("name", "description")


@register(SessionPlan)
class SessionPlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    fields = ("text", "guidance")


@register(AssignmentTemplate)
class AssignmentTemplateTranslation(TranslationOptions):
    fields = ("title", "instructions")


@register(ApplicationQuestion)
class ApplicationQuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "options")


@register(CriterionSet)
class CriterionSetTranslation(TranslationOptions):
    fields = ("label",)


@register(ProgramPhase)
class ProgramPhaseTranslation(TranslationOptions):
    fields = ("name", "description")
