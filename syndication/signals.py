"""Wagtail and model signals that feed the syndication change log (`syndication.changelog`).

`news` knows nothing of syndication: everything that can move an article into
or out of a client's scope is observed here. The handlers run inside the
transaction of the change when there is one: admin writes are wrapped by
`syndication.transactions.AtomicAdminWritesMiddleware`, `publish_scheduled` by the
worker; without one, each recording is at least atomic in itself.

- publish (also of an ancestor: URLs may change), unpublish, expiry: the article(s);
- deletion: pre_delete of each article, recorded as DELETED;
- move: the moved subtree (a new URL, maybe into or out of a restricted section);
- view restrictions saved or deleted: the restricted subtree;
- a news category deleted: the articles that lost it;
- an alias converted into a real page (or back) without a publish.

Aliases are never syndicated (they show another locale's text), so their
`page_published(alias=True)` is ignored.
"""

import threading

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import NewsArticleCategory, NewsArticlePage, NewsCategory
from syndication.changelog import resync_client, subtree_articles, sync_articles
from syndication.models import SyndicatedArticle, SyndicationClient

_local = threading.local()
ALIAS_FIELDS = {"alias_of", "alias_of_id", "live_revision", "live_revision_id"}


def _deleting():
    """Ids of pages whose deletion is under way in this thread (between pre_ and post_delete)."""
    if not hasattr(_local, "pages"):
        _local.pages = set()
    return _local.pages


def on_page_published(sender, instance, alias=False, **kwargs):
    if alias:
        return
    if isinstance(instance, NewsArticlePage):
        sync_articles(NewsArticlePage.objects.filter(pk=instance.pk), cause="published")
    else:
        # Publishing an ancestor can change its descendants' URLs (a new slug), not
        # their visibility: only articles some client has can be concerned.
        had = SyndicatedArticle.objects.values("page_id")
        sync_articles(subtree_articles(instance).filter(pk__in=had), cause="ancestor published")


def on_page_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, NewsArticlePage):
        return
    if NewsArticlePage.objects.filter(pk=instance.pk, live=True).exists():
        # Wagtail unpublishes a page it is about to delete without saving it; the
        # deletion itself is recorded (as DELETED) by on_article_pre_delete.
        return
    sync_articles(NewsArticlePage.objects.filter(pk=instance.pk), cause="unpublished")


def on_article_saved(sender, instance, update_fields=None, **kwargs):
    """An alias turned into a real page, or back, without publishing (Wagtail's "convert
    alias", wagtail-localize's sync): the only saves that change the scope without a signal."""
    if update_fields and ALIAS_FIELDS & set(update_fields):
        sync_articles(NewsArticlePage.objects.filter(pk=instance.pk), cause="alias converted")


def on_client_saved(sender, instance, created, **kwargs):
    """Inside the client's save (`SyndicationClient.save` holds the transaction)."""
    resync_client(instance, cause="client created" if created else "client changed")


def on_page_pre_delete(sender, instance, **kwargs):
    _deleting().add(instance.pk)


def on_page_post_delete(sender, instance, **kwargs):
    _deleting().discard(instance.pk)


def on_article_pre_delete(sender, instance, **kwargs):
    sync_articles(NewsArticlePage.objects.none(), gone={instance.pk}, cause="deleted")


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        sync_articles(subtree_articles(instance), cause="moved")


def on_restriction_changed(sender, instance, **kwargs):
    if instance.page_id in _deleting():
        return  # the restricted pages are being deleted: each is recorded as such
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        sync_articles(subtree_articles(page), cause="view restriction")


def on_category_pre_delete(sender, instance, **kwargs):
    links = NewsArticleCategory.objects.filter(category=instance)
    instance._syndication_page_ids = list(links.values_list("page_id", flat=True))


def on_category_post_delete(sender, instance, **kwargs):
    page_ids = getattr(instance, "_syndication_page_ids", None)
    if page_ids:
        articles = NewsArticlePage.objects.filter(pk__in=page_ids)
        sync_articles(articles, cause="category deleted")


def connect():
    page_published.connect(on_page_published, dispatch_uid="syndication_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="syndication_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="syndication_moved")
    post_save.connect(on_article_saved, sender=NewsArticlePage, dispatch_uid="syndication_alias")
    post_save.connect(on_client_saved, sender=SyndicationClient, dispatch_uid="syndication_client")
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid="syndication_page_pre")
    post_delete.connect(on_page_post_delete, sender=Page, dispatch_uid="syndication_page_post")
    pre_delete.connect(
        on_article_pre_delete, sender=NewsArticlePage, dispatch_uid="syndication_deleted"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"syndication_restriction_{id(signal)}",
        )
    pre_delete.connect(on_category_pre_delete, sender=NewsCategory, dispatch_uid="synd_cat_pre")
    post_delete.connect(on_category_post_delete, sender=NewsCategory, dispatch_uid="synd_cat_post")
