"""Batch loading for lists, so a list of n pages costs the same queries as a list of one.

A StreamField loads its own images, one query per page; here the images of a
whole list (hero images and image blocks alike) are loaded in one query with
their renditions, kept in the request scope, and handed to the blocks by
`PreloadingImageChooserBlock` (home/blocks.py).
"""

import copy
from collections import defaultdict

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .context import scope_store

IMAGES_KEY = "preloaded_images"
ALL = object()  # every rendition of an image is loaded


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
    """Load images and their renditions; remember them for this request.

    `specs`: the rendition filter specs the query will show (`cms.api.lookahead`), or
    None for all. An image loaded earlier in the request for other sizes gets the
    missing ones added, so each list costs at most one image and one rendition query.
    """
    store = scope_store()
    if store is None:
        store = {}
    known = store.setdefault(IMAGES_KEY, {})
    loaded_specs = store.setdefault(IMAGES_KEY + ":specs", {})
    missing = [pk for pk in ids if pk not in known]
    if missing:
        for image in get_image_model().objects.filter(pk__in=missing):
            image.prefetched_renditions = []
            known[image.pk] = image
            loaded_specs[image.pk] = set()
    _load_renditions([known[pk] for pk in ids if pk in known], specs, loaded_specs)
    return {pk: copy.copy(known[pk]) for pk in ids if pk in known}


def _load_renditions(images, specs, loaded_specs):
    """Add the renditions not loaded yet to each image's (shared) prefetched list."""
    wanted = ALL if specs is None else set(specs)
    todo = [
        image
        for image in images
        if loaded_specs[image.pk] is not ALL
        and (wanted is ALL or not wanted <= loaded_specs[image.pk])
    ]
    if not todo:
        return
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id__in=[image.pk for image in todo])
    )
    if wanted is not ALL:
        renditions = renditions.filter(filter_spec__in=wanted)
    by_image = defaultdict(list)
    for rendition in renditions:
        by_image[rendition.image_id].append(rendition)
    for image in todo:
        have = {(r.filter_spec, r.focal_point_key) for r in image.prefetched_renditions}
        image.prefetched_renditions.extend(
            r for r in by_image[image.pk] if (r.filter_spec, r.focal_point_key) not in have
        )
        loaded_specs[image.pk] = ALL if wanted is ALL else loaded_specs[image.pk] | wanted


def preloaded_images(ids):
    """Copies of the preloaded images among `ids` (a copy per use, as alt text differs)."""
    store = scope_store()
    known = store.get(IMAGES_KEY, {}) if store is not None else {}
    return {pk: copy.copy(known[pk]) for pk in ids if pk in known}
