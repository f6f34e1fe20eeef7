from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language, for the language switcher.

    A Wagtail page links to its own translated URL (slugs differ per language); any
    other view links to the same route under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            with translation.override(code):
                url = page.get_url(request=request)
        elif request is not None:
            # translate_url resolves the path in the current language, then reverses it in `code`.
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
                "label": name,
            }
        )
    return links


@register.filter
def lines(text):
    """Split a multi-line text field into its non-empty lines."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]
