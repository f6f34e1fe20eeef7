"""The project's select template (options written in place, not included one by one) renders what
Django's own does."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer


def same_markup(html):
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


class OptionWithItsOwnTemplate(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


def test_a_select_renders_as_djangos_own():
    ours = get_default_renderer().get_template("django/forms/widgets/select.html")
    assert "cms/templates" in ours.origin.name
    choices = [("", "---"), ("Region <A>", [(1, "Team “1” & co"), (2, "Two")]), (3, "Three")]
    for widget, value in (
        (forms.Select(choices=choices, attrs={"id": "team", "data-x": "y"}), 2),
        (forms.SelectMultiple(choices=choices), [1, 3]),
        (OptionWithItsOwnTemplate(choices=choices), 3),
    ):
        ours = widget.render("team", value)
        djangos = widget.render("team", value, renderer=DjangoTemplates())
        assert same_markup(ours) == same_markup(djangos)
        assert "<option" in ours or "<input" in ours
