"""Whether a page's text is a translation or still its source's text.

Compared as wagtail-localize sees a page: its translatable strings (title,
lead, rich text split into sentences and blocks...). A page whose strings are
all strings of the source locale, the source page's current ones or any that
wagtail-localize ever extracted in that locale (an older version of the
source), shows the source's text. One translated string makes it a
translation: how much must be translated before publishing is the reviewer's
decision.
"""

import uuid

from wagtail.models import Page
from wagtail_localize.models import String, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Not text: wagtail-localize makes the slug unique in the target tree itself.
IGNORED_PATHS = {"slug"}


def page_strings(page):
    """The translatable strings of a (specific) page, as wagtail-localize extracts them."""
    return {
        segment.string.data
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue) and segment.path not in IGNORED_PATHS
    }


def translation_source_locale(page):
    """The locale wagtail-localize translates `page` from, if it is a translation target."""
    return (
        TranslationSource.objects.filter(
            object_id=page.translation_key, translations__target_locale=page.locale_id
        )
        .exclude(locale=page.locale_id)
        .values_list("locale_id", flat=True)
        .first()
    )


def shows_source_text(page, source_locale_id):
    """True when every string of `page` is a string of the source locale."""
    strings = page_strings(page)
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source_locale_id)
        .specific()
        .first()
    )
    if source is not None:
        strings -= page_strings(source)
    if not strings:
        return True
    hashes = {uuid.uuid5(String.UUID_NAMESPACE, text) for text in strings}
    known = String.objects.filter(locale_id=source_locale_id, data_hash__in=hashes).count()
    return known == len(hashes)
