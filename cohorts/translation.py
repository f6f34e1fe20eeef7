from modeltranslation.translator import TranslationOptions, register

from cohorts.models import Cohort, Session


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("name",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")
