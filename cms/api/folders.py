"""Folder pages: pages that only group others in the tree, never content for a reader.

A page type says it is one with `is_folder = True` (the news section's year folders,
`news.NewsYearPage`, which keep a parent under the tree's limit on children). The
delivery API leaves folders out of every page list and relation: a folder is not
visible (`cms.api.visibility`), and a page inside one has the folder's parent as its
`parent` (`cms.api.tree`). A typed list (e.g. the news articles) never holds one.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, get_page_models


def folder_models():
    return tuple(model for model in get_page_models() if getattr(model, "is_folder", False))


def is_folder(page):
    """A specific page, or a plain `Page` (its type then comes from the content type cache)."""
    cls = type(page) if type(page) is not Page else page.specific_class
    return getattr(cls, "is_folder", False)


def folder_content_types(model=Page):
    """The content types of the folder types derived from `model` (a subquery), or None."""
    models = [m for m in folder_models() if issubclass(m, model)]
    if not models:
        return None
    names = reduce(or_, (Q(app_label=m._meta.app_label, model=m._meta.model_name) for m in models))
    return ContentType.objects.filter(names)


def without_folders(queryset):
    """Leave folders out of a page queryset; a subquery, so no query is run to build it.

    A queryset of a type no folder type derives from is returned unchanged."""
    content_types = folder_content_types(queryset.model)
    if content_types is None:
        return queryset
    return queryset.exclude(content_type__in=content_types)


def only_folders(queryset):
    content_types = folder_content_types(queryset.model)
    if content_types is None:
        return queryset.none()
    return queryset.filter(content_type__in=content_types)
