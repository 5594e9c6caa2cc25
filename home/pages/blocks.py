"""The shared StreamField blocks that every page body is built from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        description = _("A section heading, listed in the page's outline.")
        preview_value = {"text": "Industry 4.0 for cluster managers", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        description = _("A pull quote with an optional attribution.")
        preview_value = {
            "quote": "Spreading good managerial practices to accelerate the digitalisation "
            "of industry.",
            "attribution": "Cluster4Smart",
        }


class LinkStructValue(blocks.StructValue):
    """Resolves a block's link to one URL: an internal page in the visitor's language first,
    then the external URL."""

    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""

    def is_external(self):
        return not self.get("page") and bool(self.get("external_url"))


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        value_class = LinkStructValue
        description = _("A highlighted box with a button leading to a page or another site.")
        preview_value = {
            "title": "Take the Cluster4Smart MOOC",
            "text": "Free online training for cluster managers.",
            "button_label": "Start the course",
            "external_url": "https://example.org/",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=255, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link.html"
        description = _("A download link to a document, with its type and size.")


class BodyBlock(blocks.StreamBlock):
    """The one body stream shared by every page type."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        description=_("Formatted text with links and lists."),
        preview_value="<p>Creativity, innovation and competitiveness.</p>",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="blocks/embed.html",
        description=_("A video or other media from a supported provider, by its URL."),
    )
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
