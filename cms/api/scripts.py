"""Kazakh in both scripts: the kk pages served in Latin letters, as locale "kk-Latn".

No second tree and no editor work: `get_locale("kk-Latn")` answers the kk Locale
and puts the request in the variant (`cms.api.context.set_script_variant`). From
then on, the text the API gives out (the text fields of pages, blocks and
snippets, rich text's text nodes: never markup, URLs, slugs or codes), the feeds
and ninjs are transliterated (`languages.transliteration`), names the editors
listed in *Latin spellings* written their way, and kk pages say `kk-Latn` in
`locale`, `contentLocale` and `/kk-latn/...` URLs. A request is in one script:
fallback text of another locale shown in it is transliterated too.
"""

import re

from django.conf import settings

from languages.models import LatinSpelling
from languages.transliteration import to_latin, to_latin_html

from .context import request_cache, script_variant

# The GraphQL fields that hold text for readers (names as in the schema).
TEXT_FIELDS = frozenset(
    {
        "alt",
        "altText",
        "attribution",
        "byline",
        "caption",
        "city",
        "credit",
        "dateline",
        "description",
        "eligibility",
        "heroAlt",
        "heroCaption",
        "heroCredit",
        "howToApply",
        "intro",
        "lead",
        "name",
        "place",
        "quote",
        "searchDescription",
        "seoTitle",
        "source",
        "summary",
        "text",
        "title",
        "value",
    }
)
_TAG = re.compile(r"(<[^>]*>)")


def split_variant(code):
    """(the code of the locale whose pages serve `code`, the variant or None)."""
    for variant, base in settings.CMS_SCRIPT_VARIANTS.items():
        if isinstance(code, str) and code.lower() == variant.lower():
            return base, variant
    return code, None


def _spellings():
    """(Cyrillic, Latin) of the editors' list, longest first; one query per request."""
    return request_cache(
        "latin_spellings",
        lambda: sorted(
            LatinSpelling.objects.values_list("cyrillic", "latin"),
            key=lambda pair: -len(pair[0]),
        ),
    )


def transliterate(value):
    """`value` in the request's script: unchanged unless the request is for a variant."""
    if not value or not isinstance(value, str) or script_variant() is None:
        return value
    spellings = _spellings()
    keep = [cyrillic for cyrillic, _latin in spellings]
    is_html = "<" in value or "&" in value
    result = to_latin_html(value, keep) if is_html else to_latin(value, keep)
    for cyrillic, latin in spellings:
        if latin and cyrillic in result:
            result = (
                _replace_in_text(result, cyrillic, latin)
                if is_html
                else result.replace(cyrillic, latin)
            )
    return result


def _replace_in_text(html, old, new):
    """Replace in the text between tags only, never in a tag's attributes (URLs)."""
    parts = _TAG.split(html)
    return "".join(part if part.startswith("<") else part.replace(old, new) for part in parts)


def wrap_resolver(field_name, field_type, resolve):
    """`resolve`, transliterating its text in a variant's request (text fields only)."""
    named = getattr(field_type, "of_type", field_type)
    if field_name not in TEXT_FIELDS or getattr(named, "name", None) not in ("String", "RichText"):
        return resolve

    def resolve_in_script(root, info, **args):
        return transliterate(resolve(root, info, **args))

    return resolve_in_script
