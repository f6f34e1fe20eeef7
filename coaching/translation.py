from modeltranslation.translator import TranslationOptions, register

from coaching.models import Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
