"""Where a news section keeps its articles: a folder per year (`NewsYearPage`).

Treebeard gives a new child the path after its parent's last child, so the path
space under a parent is used up by every child ever created there, moved or
deleted ones included (`home.tree_capacity`). Articles are therefore created in
the folder of their year, never under the index, and the index holds a few dozen
folders. An article's URL leaves the folder out (`/<lang>/news/<slug>/`), so a
slug must be unique in the whole section of a locale, not only among siblings.

Year folders of the same index in different locales share one translation key
(derived from the index's and the year), so wagtail-localize places the
translation of an article of `en/news/2026` in `kk/news/2026`, and a tree sync
finds the folder already there.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

FOLDER_KEY_NAMESPACE = uuid.UUID("9a3c1e1e-6c0b-4f7e-9a55-2f1f0f8d2a13")


def _models():
    from news.models import NewsArticlePage, NewsIndexPage, NewsYearPage

    return NewsIndexPage, NewsYearPage, NewsArticlePage


def section_index(parent):
    """The news index a page under `parent` belongs to (None outside news)."""
    NewsIndexPage, NewsYearPage, _ = _models()
    if parent is None:
        return None
    parent_class = parent.specific_class
    if parent_class is NewsIndexPage:
        return parent
    if parent_class is NewsYearPage:
        return parent.get_parent()
    return None


def slug_is_free(slug, parent, page=None):
    """No other page of the section (its folders and articles, in every year) has `slug`."""
    index = section_index(parent)
    if index is None:
        return True
    others = Page.objects.descendant_of(index).filter(slug=slug)
    if page is not None and page.pk is not None:
        others = others.exclude(pk=page.pk)
    return not others.exists()


def article_at(index, slug):
    """The article whose URL is `<index url>/<slug>/`, in whichever folder it is."""
    _, _, NewsArticlePage = _models()
    return (
        NewsArticlePage.objects.descendant_of(index)
        .filter(slug=slug, url_path=f"{index.url_path}{slug}/")
        .first()
    )


def year_of(page):
    """The year an article belongs to: first published, else last edited, else now
    (in the newsroom's time zone)."""
    moment = page.first_published_at or page.latest_revision_created_at or timezone.now()
    return timezone.localtime(moment).year


def folder_key(index, year):
    return uuid.uuid5(FOLDER_KEY_NAMESPACE, f"{index.translation_key}/{year}")


@transaction.atomic
def year_folder(index, year, user=None):
    """The index's folder for `year`, created (and published) if there is none yet."""
    _, NewsYearPage, _ = _models()
    key = folder_key(index, year)
    # Two first articles of a year at once must not make two folders (PostgreSQL).
    Page.objects.select_for_update().filter(pk=index.pk).first()
    folder = NewsYearPage.objects.child_of(index).filter(translation_key=key).first()
    if folder is None:
        folder = NewsYearPage.objects.child_of(index).filter(slug=str(year)).first()
    if folder is not None:
        return folder
    folder = NewsYearPage(
        title=str(year), slug=str(year), locale_id=index.locale_id, translation_key=key
    )
    index.add_child(instance=folder)
    # Structure, not content: published for any editor who adds the year's first article
    # (editors may not publish; the log still names who caused it).
    revision = folder.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    return folder


def current_folder(index, user=None):
    return year_folder(index, timezone.localtime().year, user=user)


def move_into_year_folders(index, progress=None):
    """Move the articles sitting directly under `index` into their years' folders.

    Returns the number moved; URLs do not change (the folders add nothing to them).
    """
    _, _, NewsArticlePage = _models()
    articles = NewsArticlePage.objects.child_of(index).order_by("path")
    folders = {}
    moved = 0
    for article in articles.iterator():
        year = year_of(article)
        if year not in folders:
            folders[year] = year_folder(index, year)
        article.move(folders[year], pos="last-child")
        moved += 1
        if progress is not None:
            progress(moved)
    return moved


def on_page_moved(sender, instance, url_path_after, **kwargs):
    """A moved folder: Wagtail's move computes url_paths on a plain `Page`, which gives the
    folder (and so its articles) a path with the year in it. Put them back under the new
    index's path."""
    _, NewsYearPage, _ = _models()
    if sender is not NewsYearPage:
        return
    folder = NewsYearPage.objects.get(pk=instance.pk)
    wanted = folder.get_parent().url_path
    if url_path_after != wanted:
        Page.objects.filter(pk=folder.pk).update(url_path=wanted)
        folder._update_descendant_url_paths(url_path_after, wanted)
