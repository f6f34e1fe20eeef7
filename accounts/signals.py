from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile

from accounts.models import User


@receiver(post_save, sender=User)
def keep_admin_language_and_time_zone(sender, instance, raw=False, **kwargs):
    """The Wagtail admin speaks the user's language and shows their time zone."""
    if raw:
        return
    profile = UserProfile.get_for_user(instance)
    if (profile.preferred_language, profile.current_time_zone) != (
        instance.preferred_language,
        instance.time_zone,
    ):
        profile.preferred_language = instance.preferred_language
        profile.current_time_zone = instance.time_zone
        profile.save(update_fields=["preferred_language", "current_time_zone"])
