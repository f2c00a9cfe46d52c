"""Batch loading for lists, so a list of n pages costs the same queries as a list of one.

A StreamField loads its own images, one query per page; here the images of a
whole list (hero images and image blocks alike) are loaded in one query with
their renditions, kept in the request scope, and handed to the blocks by
`PreloadingImageChooserBlock` (home/blocks.py).
"""

import copy

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .context import scope_store

IMAGES_KEY = "preloaded_images"


def stream_image_ids(block, raw):
    """Ids of the images in the raw (JSON) value of a block, found by walking its definition."""
    if raw is None:
        return set()
    if isinstance(block, ImageChooserBlock):
        return {raw} if isinstance(raw, int) else set()
    if isinstance(block, blocks.StreamBlock):
        ids = set()
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                ids |= stream_image_ids(child, item.get("value"))
        return ids
    if isinstance(block, blocks.StructBlock):
        ids = set()
        for name, child in block.child_blocks.items():
            ids |= stream_image_ids(child, raw.get(name))
        return ids
    if isinstance(block, blocks.ListBlock):
        ids = set()
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            ids |= stream_image_ids(block.child_block, value)
        return ids
    return set()


def page_image_ids(page, *stream_fields):
    ids = set()
    for name in stream_fields:
        stream = getattr(page, name)
        ids |= stream_image_ids(stream.stream_block, stream.raw_data)
    return ids


def preload_images(ids, specs=None):
    """Load images with their renditions in two queries; remember them for this request.

    `specs`: the rendition filter specs the query will show (`cms.api.lookahead`); all
    renditions when unknown.
    """
    store = scope_store()
    known = store.setdefault(IMAGES_KEY, {}) if store is not None else {}
    missing = [pk for pk in ids if pk not in known]
    if missing:
        images = get_image_model().objects.filter(pk__in=missing)
        for image in images.prefetch_renditions(*sorted(specs or ())):
            known[image.pk] = image
    return {pk: copy.copy(known[pk]) for pk in ids if pk in known}


def preloaded_images(ids):
    """Copies of the preloaded images among `ids` (a copy per use, as alt text differs)."""
    store = scope_store()
    known = store.get(IMAGES_KEY, {}) if store is not None else {}
    return {pk: copy.copy(known[pk]) for pk in ids if pk in known}
