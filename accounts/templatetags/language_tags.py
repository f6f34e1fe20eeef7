"""Text written in another language than the page's is marked with its own `lang`, so a screen
reader reads a Spanish team's answers in Spanish to a coach reading the site in English (WCAG 3.1.2).

The one place that decides it: `{{ team|written_in }}` (or a cohort, a shared result, any object
with a `language`, or a language code) gives ` lang="es"` when that language is not the page's,
and nothing when it is, to put inside the tag of the element holding the text:
``<p{{ team|written_in }}>{{ checkin.body }}</p>``.
"""

from django import template

from accounts.languages import lang_attribute
from accounts.languages import language_in_sentence as _language_in_sentence

register = template.Library()


@register.filter
def written_in(source):
    return lang_attribute(source)


@register.filter
def language_in_sentence(source):
    """``{{ result|language_in_sentence }}``: the name of a language as it reads mid-sentence in the
    page's language ("only available in English", "solo disponible en inglés")."""
    return _language_in_sentence(source)
