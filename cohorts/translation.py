from modeltranslation.translator import TranslationOptions, register

from cohorts.announcements.models import Announcement
from cohorts.models import Cohort
from cohorts.schedule.models import CohortBreak, Session
from cohorts.sharing.models import SharedResult


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("name",)


@register(CohortBreak)
class CohortBreakTranslation(TranslationOptions):
    fields = ("reason",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Announcement)
class AnnouncementTranslation(TranslationOptions):
    # Every language is required, but by Announcement.clean() (one clear message per missing
    # language) rather than by required_languages, which would repeat a generic one.
    fields = Announcement.TRANSLATED_FIELDS


@register(SharedResult)
class SharedResultTranslation(TranslationOptions):
    # The original language is required and the translation optional, by SharedResult.clean().
    fields = SharedResult.TRANSLATED_FIELDS
