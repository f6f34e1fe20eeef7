from modeltranslation.translator import TranslationOptions, register

from notifications.models import Notification


@register(Notification)
class NotificationTranslation(TranslationOptions):
    fields = ("title", "link")
