"""Keeping `UntranslatedPage` true on every path that turns an alias into a page.

- An alias converted into a page of its own (wagtail-localize's "Translate this
  page", its translation editor, sync and bulk actions, its API, Wagtail's own
  "convert alias"): all save the page with `update_fields=["alias_of_id"]`. The
  row still holds the source's text, so the page is recorded as untranslated
  before the save (and before the syndication handlers of the same save run).
- A page made a translation again by the alias being restored: the record goes.
- A publish of a wagtail-localize translation, or of a page recorded here: the
  published text decides (`languages.text`). Only a revision with translated
  text makes the page a translation in its locale.

Folder pages (`is_folder`, e.g. the news year folders) have no text to translate
and are never recorded.
"""

from django.db.models.signals import pre_save
from wagtail.models import Page
from wagtail.signals import page_published

from languages.models import UntranslatedPage
from languages.text import shows_source_text, translation_source_locale

ALIAS_FIELDS = {"alias_of", "alias_of_id"}


def mark_untranslated(page, content_locale_id):
    UntranslatedPage.objects.update_or_create(
        page_id=page.pk, defaults={"content_locale_id": content_locale_id}
    )


def is_folder(page):
    return getattr(page.specific_class, "is_folder", False)


def on_page_pre_save(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if not update_fields or not ALIAS_FIELDS & set(update_fields) or is_folder(instance):
        return
    if instance.alias_of_id is not None:
        UntranslatedPage.objects.filter(page_id=instance.pk).delete()
        return
    source_locale = (
        Page.objects.filter(pk=instance.pk, alias_of__isnull=False)
        .values_list("alias_of__locale_id", flat=True)
        .first()
    )
    if source_locale is not None and source_locale != instance.locale_id:
        mark_untranslated(instance, source_locale)


def on_page_published(sender, instance, alias=False, **kwargs):
    if alias or instance.alias_of_id is not None or is_folder(instance):
        return
    recorded = (
        UntranslatedPage.objects.filter(page_id=instance.pk)
        .values_list("content_locale_id", flat=True)
        .first()
    )
    source_locale = recorded or translation_source_locale(instance)
    if source_locale is None:
        return  # written in its own locale
    if shows_source_text(instance, source_locale):
        mark_untranslated(instance, source_locale)
    elif recorded is not None:
        UntranslatedPage.objects.filter(page_id=instance.pk).delete()


def connect():
    pre_save.connect(on_page_pre_save, dispatch_uid="languages_alias_conversion")
    page_published.connect(on_page_published, dispatch_uid="languages_published_text")
