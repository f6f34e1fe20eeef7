from modeltranslation.translator import TranslationOptions, register

from cms.models import HomePage, ProgramIndexPage, ProgramPage, StandardPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(ProgramIndexPage)
class ProgramIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ProgramPage)
class ProgramPageTranslation(TranslationOptions):
    fields = ("intro", "body")
