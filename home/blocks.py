"""The StreamField blocks every page type shares.

`news` and `partners` import `BaseStreamBlock` from here, never the reverse.
Text inside the blocks (captions, alt text, fact boxes) is extracted by
wagtail-localize, so each locale carries its own.
"""

from django.utils.translation import gettext_lazy as _
from grapple.helpers import register_streamfield_block
from grapple.models import (
    GraphQLDocument,
    GraphQLImage,
    GraphQLRichText,
    GraphQLStreamfield,
    GraphQLString,
)
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.api.image_loader import ImageLoader


class PreloadingImageChooserBlock(ImageChooserBlock):
    """Takes its images from the request's image loader (cms.api.image_loader): the images
    of everything the request shows come in one query, not one per stream."""

    def bulk_to_python(self, values):
        found = ImageLoader.of().many(values)
        return [found.get(v) for v in values]

    def deconstruct(self):
        # Stored data is the same as ImageChooserBlock's; keep migrations free of this class.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs


INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    graphql_fields = [
        GraphQLString("text", required=True, description="The heading's text."),
        GraphQLString("level", required=True, description="h2, h3 or h4."),
    ]

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading inside the text.")
        preview_value = {"text": "The association's first projects", "level": "h2"}


@register_streamfield_block
class CaptionedImageBlock(blocks.StructBlock):
    image = PreloadingImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)
    credit = blocks.CharBlock(label=_("Credit"), max_length=200, required=False)

    graphql_fields = [
        GraphQLImage("image", required=True, description="The image."),
        GraphQLString("alt_text", description="Alt text in this page's language."),
        GraphQLString("caption", description="Caption shown under the image."),
        GraphQLString("credit", description="Photographer or agency."),
    ]

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("An image with its alt text, caption and credit.")


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=200, required=False)

    graphql_fields = [
        GraphQLString("quote", required=True, description="The quoted words."),
        GraphQLString("attribution", description="Who said it."),
    ]

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A quotation with the name of the person quoted.")
        preview_value = {
            "quote": "Many of us wanted to keep in touch with compatriots.",
            "attribution": "A member of the association",
        }


@register_streamfield_block
class FactBoxBlock(blocks.StructBlock):
    """The "Reference" box that closes many agency articles."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Reference")
    text = blocks.RichTextBlock(label=_("Text"), features=PARAGRAPH_FEATURES)

    graphql_fields = [
        GraphQLString("title", required=True, description="The box's title, e.g. Reference."),
        GraphQLRichText("text", required=True, description="The box's text as HTML."),
    ]

    class Meta:
        icon = "info-circle"
        label = _("Fact box")
        description = _("A background box, such as the Reference box at the end of an article.")
        preview_value = {
            "title": "Reference",
            "text": "<p>Background that helps the reader place the story.</p>",
        }


@register_streamfield_block
class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Images"), min_num=1)

    graphql_fields = [
        GraphQLString("title", description="Optional title of the gallery."),
        GraphQLStreamfield(
            "images", source="image_items", description="The gallery's images, in order."
        ),
    ]

    def image_items(self, info, values, **kwargs):
        """Each image as a block with its own id (grapple would hand out bare values)."""
        from grapple.types.streamfield import StructBlockItem

        images = values["images"]
        return [
            StructBlockItem(id=child.id, block=images.list_block.child_block, value=child.value)
            for child in images.bound_blocks
        ]

    class Meta:
        icon = "image"
        label = _("Gallery")
        description = _("Several images shown together.")


@register_streamfield_block
class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    graphql_fields = [
        GraphQLDocument("document", required=True, description="The linked document."),
        GraphQLString("title", description="Link text; the document's title when empty."),
    ]

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        description = _("A link to a document, such as a PDF.")


class BaseStreamBlock(blocks.StreamBlock):
    """The block set of every page body."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        description=_("Text with links and lists."),
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        icon="media",
        description=_("A video or post from YouTube, X, Instagram and the like."),
    )
    fact_box = FactBoxBlock()
    gallery = GalleryBlock()
    document = DocumentLinkBlock()
