"""Surrogate keys: what an answer contains, so that a change purges exactly the answers it
changes (in the response cache, `cms.api.response_cache`, and in a CDN or Varnish in front).

An answer's keys:

- `page:<id>`, `image:<id>`, `<app>.<model>:<id>` (snippets and other rows): every object
  the request showed (`cms.api.loaders.show`: the result of every field that returns
  model instances, and what the loaders loaded for them);
- `list:<app>.<model>`: every list of that model it is (a page of) — `newsArticles`,
  grapple's `pages`, `images`, the ticker's readings — and `list:wagtailcore.page` for any
  list of pages;
- `below:<path>`: the answer lists pages below the page at that tree path (`children`,
  `siblings`, `descendants`).

What a change purges (`keys_for_page`, `keys_for_instance`) follows from that: a page's
own key, its type's lists, the pages whose `translations` name it, and `below:` each of
its ancestors (their paths are the prefixes of its own: no query).
"""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page

from .context import scope_store
from .loaders import SHOWN_KEY

TAGS_KEY = "surrogate_keys:tags"
GENERIC_PAGE_LIST = "list:wagtailcore.page"


def label(model):
    return model._meta.label_lower


def object_key(obj):
    """The key of one row; None for what is not content (renditions belong to their image)."""
    if isinstance(obj, Page):
        return f"page:{obj.pk}"
    if isinstance(obj, AbstractImage):
        return f"image:{obj.pk}"
    if isinstance(obj, AbstractRendition):
        return f"image:{obj.image_id}"
    return f"{label(type(obj))}:{obj.pk}"


def list_keys(model):
    """The keys of a list of `model`."""
    if issubclass(model, Page):
        return {GENERIC_PAGE_LIST, f"list:{label(model)}"}
    return {f"list:{label(model)}"}


def tag(*keys):
    """Add keys to the request's answer (lists, subtrees: what `show` cannot see)."""
    store = scope_store()
    if store is not None:
        store.setdefault(TAGS_KEY, set()).update(keys)


def tag_list(model):
    tag(*list_keys(model))


def collect():
    """The keys of the answer made so far in this request, sorted."""
    store = scope_store()
    if store is None:
        return []
    keys = set(store.get(TAGS_KEY, ()))
    for (_model, _pk), obj in store.get(SHOWN_KEY, {}).items():
        key = object_key(obj)
        if key:
            keys.add(key)
    return sorted(keys)


def below(path):
    return f"below:{path}"


def ancestor_paths(path):
    return [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]


def keys_for_page(page):
    """What a change to `page` (publish, unpublish, delete, move) may change."""
    specific_model = page.specific_class or type(page)
    keys = {f"page:{page.pk}"} | list_keys(specific_model)
    # Lists below its ancestors (its siblings too), and below itself: whether its subtree
    # is visible, and the `ancestors` of the pages in it.
    keys.update(below(path) for path in [*ancestor_paths(page.path), page.path])
    if page.translation_key:
        translations = Page.objects.filter(translation_key=page.translation_key)
        keys.update(f"page:{pk}" for pk in translations.values_list("pk", flat=True))
    return keys


def keys_for_instance(instance):
    """What a change to a row other than a page (a snippet, an image) may change."""
    if isinstance(instance, models.Model) and not isinstance(instance, Page):
        key = object_key(instance)
        return ({key} if key else set()) | list_keys(type(instance))
    return set()
