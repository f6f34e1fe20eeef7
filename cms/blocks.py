from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))

    class Meta:
        label = _("Body")
