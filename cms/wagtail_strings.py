"""Wagtail's own interface strings that its Spanish catalog lacks, translated in ours.

Django looks a message up in the project's catalog (LOCALE_PATHS, locale/es) before the apps'
ones, so a message translated there reads in Spanish in Wagtail's templates too. Each is listed
here, with where Wagtail uses it, so that `make makemessages` keeps it in the catalog.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    # wagtailadmin/shared/avatar.html: the link on the avatar of the dashboard's welcome panel.
    gettext_noop("Edit account avatar"),
]
