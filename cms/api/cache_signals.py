"""What purges cached answers: every change readers could see, once it is committed.

- a page published, unpublished, deleted or moved (a translation's publish is a publish):
  `surrogate_keys.keys_for_page`; a move also purges its descendants (their ancestors
  changed) and the lists below its old and new parents;
- a go-live or expiry scheduled: the lists of that page's type, so that answers are made
  again with a lifetime that ends at the new moment (`response_cache.answer_ttl`);
- any other row the API serves saved or deleted — snippets (categories, countries,
  partners, weather and rates of the ticker), images: `surrogate_keys.keys_for_instance`.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import response_cache, surrogate_keys

PENDING_DELETE = "_otandas_purge_on_delete"


def purge_after_commit(keys):
    keys = set(keys)
    if keys:
        transaction.on_commit(lambda: response_cache.purge(keys))


def served_by_the_api(model):
    return issubclass(model, (AbstractImage, BaseGenericSetting, BaseSiteSetting)) or bool(
        getattr(model, "graphql_fields", None)
    )


def _page_changed(sender, instance, **kwargs):
    purge_after_commit(surrogate_keys.keys_for_page(instance))


def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    keys = surrogate_keys.keys_for_page(instance)
    for parent in (parent_page_before, parent_page_after):
        keys.add(surrogate_keys.below(parent.path))
        keys.update(map(surrogate_keys.below, surrogate_keys.ancestor_paths(parent.path)))
    descendants = Page.objects.descendant_of(instance).values_list("pk", flat=True)
    keys.update(f"page:{pk}" for pk in descendants)
    purge_after_commit(keys)


def _before_delete(sender, instance, **kwargs):
    # Its ancestors and translations are still there to be found.
    if isinstance(instance, Page):
        setattr(instance, PENDING_DELETE, surrogate_keys.keys_for_page(instance))


def _row_saved_or_deleted(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the rows around it may not be there yet
        return
    if isinstance(instance, Page):
        keys = getattr(instance, PENDING_DELETE, None)
        if keys is not None and kwargs.get("signal") is post_delete:
            purge_after_commit(keys)
        return
    if served_by_the_api(type(instance)):
        purge_after_commit(surrogate_keys.keys_for_instance(instance))


def _revision_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.approved_go_live_at is None:
        return
    content_object = instance.content_object
    if isinstance(content_object, Page):
        purge_after_commit(surrogate_keys.list_keys(content_object.specific_class or Page))


def connect():
    page_published.connect(_page_changed, dispatch_uid="response-cache-publish")
    page_unpublished.connect(_page_changed, dispatch_uid="response-cache-unpublish")
    post_page_move.connect(_page_moved, dispatch_uid="response-cache-move")
    pre_delete.connect(_before_delete, dispatch_uid="response-cache-pre-delete")
    post_save.connect(_row_saved_or_deleted, dispatch_uid="response-cache-save")
    post_delete.connect(_row_saved_or_deleted, dispatch_uid="response-cache-delete")
    post_save.connect(_revision_saved, sender=Revision, dispatch_uid="response-cache-schedule")
