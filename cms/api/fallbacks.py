"""A declared fallback chain: a single page asked in a locale it does not exist in.

`CMS_LOCALE_FALLBACKS` (e.g. "kk:ru,en;ru:en;en:ru") lists, per locale, where to look
next. When `newsArticle` or `page` finds nothing in the asked locale, the first locale
of the chain where the page exists answers, if the page has no version at all (neither
a translation nor an alias) in the asked one. The page is marked: `isFallback: true`,
`locale` the asked one, `contentLocale` and `url` its own. Lists are not affected:
`includeUntranslated` is theirs.
"""

from django.conf import settings
from wagtail.models import Page

from .context import locales_by_code

ASKED_ATTR = "_otandas_asked_locale_id"


def asked_locale_id(page):
    """The locale a fallback page answers for (else its own)."""
    return getattr(page, ASKED_ATTR, page.locale_id)


def with_fallback(find, locale):
    """`find(locale)`, else the first page `find` gives in the chain of `locale`, marked."""
    page = find(locale)
    if page is not None or locale is None:
        return page
    for code in settings.CMS_LOCALE_FALLBACKS.get(locale.language_code, ()):
        other = locales_by_code().get(code)
        page = find(other) if other is not None else None
        if page is None:
            continue
        versions = Page.objects.filter(translation_key=page.translation_key, locale=locale)
        if versions.exists():
            return None  # it exists there (hidden, or a draft): no stand-in for it
        setattr(page, ASKED_ATTR, locale.pk)
        return page
    return None
