"""Images by id, with the renditions the request asks for, for everything it shows at once.

A StreamField loads its own images, one query per page, and a hero image or a
partner's logo is a foreign key per object: `ImageLoader` instead loads, the
first time any image is asked for, the images of every object the request has
shown so far (`cms.api.loaders.show`): their image foreign keys and the image
blocks of their stream fields, with their renditions, in two queries. Image
blocks get them through `PreloadingImageChooserBlock` (home/blocks.py), image
fields through `ImageLoader.image`.

Renditions: only the filter specs the query document asks for anywhere
(`set_rendition_specs`, from `cms.api.lookahead`), all of them outside GraphQL
(feeds, ninjs). An image loaded once in the request for some sizes gets the
missing ones added.
"""

import copy
from collections import defaultdict
from functools import cache

from django.db.models import Model
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .context import request_cache, scope_store
from .images import with_alt
from .loaders import shown

SPECS_KEY = "image_loader:specs"
ALL = object()  # every rendition of an image


def set_rendition_specs(specs):
    """The rendition filter specs this request's query shows (None: all)."""
    store = scope_store()
    if store is not None:
        store[SPECS_KEY] = None if specs is None else frozenset(specs)


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


@cache
def _image_fields(model):
    """(image foreign key attnames, stream field names) of a model."""
    image_model = get_image_model()
    keys = tuple(
        field.attname
        for field in model._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, image_model)
    )
    streams = tuple(f.name for f in model._meta.concrete_fields if isinstance(f, StreamField))
    return keys, streams


def referenced_image_ids(obj):
    """The images an object shows: its image fields and the images of its stream fields
    (those loaded: a list that does not show the body defers it)."""
    keys, streams = _image_fields(type(obj))
    ids = {getattr(obj, attname) for attname in keys} - {None}
    deferred = obj.get_deferred_fields()
    for name in streams:
        if name not in deferred:
            stream = getattr(obj, name)
            ids |= stream_image_ids(stream.stream_block, stream.raw_data)
    return ids


class ImageLoader:
    @classmethod
    def of(cls):
        return request_cache(("loader", cls), cls)

    def __init__(self):
        self.images = {}
        self.loaded_specs = {}

    def image(self, image_id, alt=None):
        """The image with this id (or None), with the alt text of the place showing it
        when the place has one (else the image's own)."""
        if image_id is None:
            return None
        image = self.many([image_id]).get(image_id)
        return with_alt(image, alt) if alt is not None else image

    def many(self, ids):
        """{id: image} for `ids` (a copy per call: each place sets its own alt text)."""
        ids = [pk for pk in ids if pk is not None]
        missing = {pk for pk in ids if pk not in self.images}
        if missing:
            for obj in shown(Model):
                missing |= referenced_image_ids(obj)
            missing -= set(self.images)
            for image in get_image_model().objects.filter(pk__in=missing):
                image.prefetched_renditions = []
                self.images[image.pk] = image
                self.loaded_specs[image.pk] = set()
            self._load_renditions()
        return {pk: copy.copy(self.images[pk]) for pk in ids if pk in self.images}

    def _load_renditions(self):
        """Add the renditions not loaded yet to each image's (shared) prefetched list, in
        one query for all the images loaded so far."""
        store = scope_store()
        specs = store.get(SPECS_KEY) if store is not None else None
        wanted = ALL if specs is None else set(specs)
        todo = [
            image
            for image in self.images.values()
            if self.loaded_specs[image.pk] is not ALL
            and (wanted is ALL or not wanted <= self.loaded_specs[image.pk])
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
            self.loaded_specs[image.pk] = (
                ALL if wanted is ALL else self.loaded_specs[image.pk] | wanted
            )
