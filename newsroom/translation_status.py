"""Which translations are missing or out of date, per locale: for the dashboard, the
status pages and the translation column of the page listing.

Missing: a page (not an alias) whose translation key has no real page in the
locale. The synced trees show untranslated pages as aliases of the source:
those do not count as translations.

Out of date: a wagtail-localize translation into the locale whose source
changed after the translation was last synced into its target page.
wagtail-localize records every sync as a `TranslationLog` (the
`Translation.translations_last_updated_at` and `destination_last_updated_at`
fields are never written). The source changed when its content was extracted
again (`TranslationSource.last_updated_at`, e.g. "Sync translated pages") or
when a publish since changed its text (`SourceTextChange`, a change not
extracted yet): a publish that changes no text (featured articles, settings)
leaves its translations in sync.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Subquery
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import Translation, TranslationLog

from cms.api.folders import without_folders

IN_SYNC, OUT_OF_DATE, MISSING = "in_sync", "out_of_date", "missing"
SYMBOLS = {IN_SYNC: "✓", OUT_OF_DATE: "⟳", MISSING: "–"}


def real_pages():
    """Pages with content of their own: neither the root nor aliases, nor folders (the
    news year folders: each locale has its own, translated or not)."""
    return without_folders(Page.objects.filter(depth__gt=1, alias_of__isnull=True))


def missing_pages(locale):
    """Pages of other locales with no translation in `locale` (several per key if the
    page exists in several other locales)."""
    translated = real_pages().filter(locale=locale).values("translation_key")
    return real_pages().exclude(locale=locale).exclude(translation_key__in=translated)


def missing_count(locale):
    return missing_pages(locale).values("translation_key").distinct().count()


def page_translations():
    """Enabled wagtail-localize translations of pages whose target page exists."""
    content_types = ContentType.objects.get_for_models(*get_page_models()).values()
    target = real_pages().filter(
        translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale")
    )
    return Translation.objects.filter(
        Exists(target), enabled=True, source__specific_content_type__in=content_types
    )


def out_of_date_translations(locale=None):
    last_sync = (
        TranslationLog.objects.filter(source=OuterRef("source"), locale=OuterRef("target_locale"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    translations = (
        page_translations()
        .annotate(last_sync=Subquery(last_sync))
        .filter(
            Q(last_sync__isnull=True)
            | Q(source__last_updated_at__gt=F("last_sync"))
            | Q(source__text_change__changed_at__gt=F("last_sync"))
        )
    )
    if locale is not None:
        translations = translations.filter(target_locale=locale)
    return translations


def ordered_locales():
    """The locales in the order of the content languages setting (default first)."""
    order = {code: index for index, code in enumerate(get_content_languages())}
    return sorted(Locale.objects.all(), key=lambda loc: order.get(loc.language_code, len(order)))


def locale_summary():
    """[(locale, missing count, out-of-date count)] for every locale, default first."""
    return [
        (locale, missing_count(locale), out_of_date_translations(locale).count())
        for locale in ordered_locales()
    ]


def statuses_for(pages):
    """{page pk: [(language code, state)]} over every locale, for a page listing:
    the same few queries whatever the number of pages."""
    keys = {page.translation_key for page in pages}
    existing = set(
        real_pages().filter(translation_key__in=keys).values_list("translation_key", "locale_id")
    )
    behind = set(
        out_of_date_translations()
        .filter(source__object_id__in=keys)
        .values_list("source__object_id", "target_locale_id")
    )
    locales = ordered_locales()
    statuses = {}
    for page in pages:
        row = []
        for locale in locales:
            key = (page.translation_key, locale.pk)
            state = MISSING if key not in existing else OUT_OF_DATE if key in behind else IN_SYNC
            row.append((locale.language_code, state))
        statuses[page.pk] = row
    return statuses
