"""The image type of the API: allow-listed renditions and alt text in the reader's locale.

Images are not translatable, so alt text lives on what shows the image (a page's
`hero_alt`, an image block's `alt_text`); whoever hands an image to the API sets
it with `with_alt()`. Renditions are made ahead of requests (see
`home.renditions`); one that is missing anyway is made on the spot and logged,
never answered with a broken image.
"""

import logging
from functools import lru_cache

import graphene
from django.conf import settings
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .errors import bad_input

logger = logging.getLogger("cms.api.images")
ALT_ATTR = "_reader_alt"


def allowed_filters():
    return settings.GRAPPLE["ALLOWED_IMAGE_FILTERS"]


def with_alt(image, alt):
    """Attach the alt text of the place showing the image (a copy per place is not needed)."""
    if image is not None:
        setattr(image, ALT_ATTR, alt or "")
    return image


@lru_cache(maxsize=256)
def _filter(spec):
    """Filters are parsed once per spec (specs come from the short allow-list)."""
    return Filter(spec=spec)


def rendition_for(image, spec):
    if spec not in allowed_filters():
        raise bad_input(
            f"The image size {spec!r} is not offered. See the list of sizes in the API docs.",
            filter=spec,
        )
    rendition_model = image.get_rendition_model()
    try:
        return image.find_existing_rendition(_filter(spec))
    except rendition_model.DoesNotExist:
        logger.warning("rendition %s of image %s was missing and made on request", spec, image.pk)
        return image.get_rendition(_filter(spec))


def register():
    """Make grapple use this type wherever it exposes an image.

    Built here rather than at import: a model type needs the app registry ready.
    """
    from grapple.actions import build_node_type
    from grapple.registry import registry
    from grapple.types.images import ImageObjectType
    from grapple.utils import get_media_item_url

    class ReaderImage(ImageObjectType):
        """An image with renditions limited to the sizes the apps use."""

        alt = graphene.String(
            required=True,
            description="Alt text in the locale of the page showing the image; "
            "empty for a decorative image.",
        )

        class Meta:
            abstract = True

        def resolve_alt(self, info, **kwargs):
            alt = getattr(self, ALT_ATTR, None)
            return alt if alt is not None else (self.default_alt_text or "")

        def resolve_rendition(self, info, preserve_svg=True, **kwargs):
            spec = "|".join(f"{key}-{value}" for key, value in kwargs.items()) or "original"
            return rendition_for(self, spec)

        def resolve_src_set(self, info, sizes=None, format=None, preserve_svg=True, **kwargs):
            if sizes is None:
                # Optional in grapple's schema, yet a srcset is nothing without its widths.
                raise bad_input(
                    "Invalid argument: `sizes` is required: the widths of the srcset, "
                    "e.g. [320, 640].",
                    argument="sizes",
                )
            suffix = f"|format-{format}" if format else ""
            renditions = [rendition_for(self, f"width-{width}{suffix}") for width in sizes]
            return ", ".join(f"{get_media_item_url(r)} {r.width}w" for r in renditions)

    model = get_image_model()
    registry.images[model] = build_node_type(model, "", None, ReaderImage)
