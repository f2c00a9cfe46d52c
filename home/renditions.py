"""Renditions are made ahead of requests, so a reader's request never resizes an image.

When an image is uploaded (or its file replaced) and when a page is published,
a background task makes every size of `RENDITIONS_PREGENERATE` (by default
the API's whole allow-list) for the images involved.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import ForeignKey
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def pregenerated_filters():
    return settings.RENDITIONS_PREGENERATE


@task()
def generate_renditions(image_ids):
    """Make the missing renditions of these images; returns how many exist afterwards."""
    filters = pregenerated_filters()
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions():
        try:
            made += len(image.get_renditions(*filters))
        except (SourceImageIOError, OSError) as exc:
            logger.warning("cannot make renditions of image %s: %s", image.pk, exc)
    return made


def image_ids_of(page):
    """Ids of the images a page shows: image foreign keys and image blocks."""
    image_model = get_image_model()
    ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, ForeignKey) and field.related_model is image_model:
            if value := getattr(page, field.attname):
                ids.add(value)
        elif isinstance(field, StreamField):
            stream = getattr(page, field.attname)
            for model, object_id, *_ in field.stream_block.extract_references(stream):
                if model is image_model:
                    ids.add(int(object_id))
    return sorted(ids)


def enqueue(image_ids):
    if image_ids and pregenerated_filters():
        transaction.on_commit(lambda: generate_renditions.enqueue(list(image_ids)))


def on_image_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or update_fields is None or "file" in update_fields:
        enqueue([instance.pk])


def on_page_published(sender, instance, **kwargs):
    enqueue(image_ids_of(instance.specific))
