from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Django's form rendering, with each field group wrapped so layouts can place it as one."""

    field_template_name = "cms/forms/field.html"
