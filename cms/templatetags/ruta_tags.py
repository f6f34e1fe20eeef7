from django import template
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import BaseForm, BaseFormSet
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cohorts.models import RegistrationWindow
from cohorts.templatetags.schedule_tags import session_time_summary
from sprints.models import Weekday

register = template.Library()

# The same, inside a sentence ("En español — miércoles 11:00"), where Spanish writes no article.
WEEKDAY_PLURALS_IN_LABEL = {
    Weekday.MONDAY: pgettext_lazy("cohort label", "Mondays"),
    Weekday.TUESDAY: pgettext_lazy("cohort label", "Tuesdays"),
    Weekday.WEDNESDAY: pgettext_lazy("cohort label", "Wednesdays"),
    Weekday.THURSDAY: pgettext_lazy("cohort label", "Thursdays"),
    Weekday.FRIDAY: pgettext_lazy("cohort label", "Fridays"),
    Weekday.SATURDAY: pgettext_lazy("cohort label", "Saturdays"),
    Weekday.SUNDAY: pgettext_lazy("cohort label", "Sundays"),
}

# Cities whose names a language writes its own way ("Nueva York"); any other time zone is named
# by its city as the time zone database spells it ("America/Puerto_Rico": "Puerto Rico").
TIME_ZONE_CITIES = {
    "America/New_York": _("New York"),
    "America/Mexico_City": _("Mexico City"),
    "America/Los_Angeles": _("Los Angeles"),
    "America/Bogota": _("Bogotá"),
    "America/Panama": _("Panama"),
    "America/Sao_Paulo": _("São Paulo"),
}

COHORT_LABEL = _("Taught in %(language)s — %(weekdays)s %(time)s %(city)s time")
COHORT_LABEL_TO_BE_AGREED = _("Taught in %(language)s — day and time agreed with the participants")


def time_zone_city(name):
    """The city a time zone is named after, in the active language."""
    return TIME_ZONE_CITIES.get(name) or name.rsplit("/", 1)[-1].replace("_", " ")


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language, for the language switcher.

    A Wagtail page links to its own translated URL (slugs differ per language); any
    other view links to the same route under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    subpage = context.get("subpage")  # (name, kwargs) of a routable page's route being shown
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            with translation.override(code):
                url = page.get_url(request=request)
                if subpage:
                    url += page.reverse_subpage(subpage[0], kwargs=subpage[1])
            if request is not None and request.GET:
                url = f"{url}?{request.GET.urlencode()}"  # keep the program index's filters
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


@register.simple_tag
def cohort_schedule(cohort):
    """A cohort's dates as announced, all derived from its start date, weekday and time.

    `first_week` and `last_week` are the Mondays (start days) of its first and last program
    weeks; the session time is that of ``session_time_summary``: `to_be_agreed` while the day
    and time are being agreed with the participants (no weekday, time or first session then),
    otherwise `first_session` the date of its week-1 session, `weekdays` the plural weekday name,
    and `zone_abbreviation` the time zone's short name on the first session (EST, AST).
    """
    return {
        "first_week": cohort.start_date,
        "last_week": cohort.week_start(cohort.program.duration_weeks),
        **session_time_summary(cohort),
    }


@register.simple_tag
def cohort_label(cohort):
    """ "Taught in English — Tuesdays 11:00 New York time", written in the cohort's own language
    ("En español — miércoles 11:00, hora de Nueva York"), so that a reader finds the cohort taught
    in their language whatever the page's language."""
    with translation.override(cohort.language):
        language = translation.get_language_info(cohort.language)["name_local"]
        if cohort.schedule_to_be_agreed:
            return COHORT_LABEL_TO_BE_AGREED % {"language": language}
        return COHORT_LABEL % {
            "language": language,
            "weekdays": WEEKDAY_PLURALS_IN_LABEL[cohort.weekday],
            "time": cohort.local_time.strftime("%H:%M"),
            "city": time_zone_city(cohort.time_zone),
        }


@register.filter
def has_started(cohort):
    """Whether the cohort's first week has begun today."""
    return cohort.start_date <= timezone.localdate()


@register.inclusion_tag("cms/includes/registration_cta.html")
def registration_cta(cohort):
    """The call to action for `cohort` today: when registration opens, apply, join the waitlist or closed.

    Listings annotate the cohorts with `with_places_taken()`, so this runs no query.
    """
    today = timezone.localdate()
    return {
        "cohort": cohort,
        "window": cohort.registration_window(today),
        "days_left": cohort.days_to_deadline(today),
        "windows": RegistrationWindow,
        "in_progress": cohort.start_date <= today,
    }


def _form_errors(form):
    """Each error of a bound form as {"message", "href"}: the field's id to link to, or none."""
    items = []
    for name, errors in form.errors.items():
        href = ""
        message_label = ""
        if name != NON_FIELD_ERRORS and name in form.fields:
            field = form[name]
            if not field.is_hidden and form.auto_id:
                href = field.id_for_label or f"{field.auto_id}_0"
                message_label = field.label
        for error in errors:
            message = f"{message_label}: {error}" if message_label else str(error)
            items.append({"message": message, "href": href})
    return items


def error_items(*objects):
    """Every error of the given forms and formsets (nested lists flattened), in page order."""
    items = []
    for obj in objects:
        if obj is None or obj == "":
            continue
        if isinstance(obj, list | tuple):
            items += error_items(*obj)
        elif isinstance(obj, BaseFormSet):
            if not obj.is_bound:
                continue
            items += [{"message": str(error), "href": ""} for error in obj.non_form_errors()]
            for form in obj.forms:
                errors = _form_errors(form)
                if obj.can_delete and obj._should_delete_form(form):
                    continue  # a removed row: hidden on the page, not saved
                items += errors
        elif isinstance(obj, BaseForm):
            items += _form_errors(obj)
    return items


@register.inclusion_tag("cms/includes/error_summary.html")
def error_summary(*objects):
    """The error summary at the top of a page whose forms have errors, each linked to its field
    (focused on load by cms/js/error-summary.js)."""
    return {"errors": error_items(*objects)}


@register.simple_tag
def error_title(*objects):
    """The words before the page title when the forms have errors ("Error: "), else nothing."""
    if not error_items(*objects):
        return ""
    # Translators: before the title of a page whose form came back with errors ("Error: Apply to …").
    return gettext("Error:") + " "


SITE_NAME = "Ruta"


class PageTitleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        title = " ".join(self.nodelist.render(context).split())
        if not title or title == SITE_NAME:
            return SITE_NAME
        if title.endswith(f"· {SITE_NAME}"):
            return title
        return f"{title} · {SITE_NAME}"


@register.tag
def page_title(parser, token):
    """{% page_title %}…{% endpage_title %}: the page's title followed by the site's name, once
    ("About · Ruta"; the home page, titled "Ruta", is just "Ruta"; a page without a title too)."""
    nodelist = parser.parse(("endpage_title",))
    parser.delete_first_token()
    return PageTitleNode(nodelist)
