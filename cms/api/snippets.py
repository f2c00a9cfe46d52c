"""Snippets in the reader's locale.

wagtail-localize points a translated page's foreign keys at the target
locale's snippets, but a page copied some other way (or translated before the
snippet was) still points at the source locale's. The API maps each one to its
translation in the page's locale, one query per snippet model for a whole list,
and none when everything already matches.
"""

from collections import defaultdict


def localize_snippets(slots):
    """`slots`: (holder, attribute name, target locale id); swaps in translations in place."""
    wrong = defaultdict(list)
    for holder, attr, locale_id in slots:
        snippet = getattr(holder, attr)
        if snippet is not None and snippet.locale_id != locale_id:
            wrong[type(snippet)].append((holder, attr, locale_id, snippet))
    for model, entries in wrong.items():
        keys = {snippet.translation_key for *_, snippet in entries}
        locale_ids = {locale_id for _, _, locale_id, _ in entries}
        found = {
            (s.translation_key, s.locale_id): s
            for s in model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids)
        }
        for holder, attr, locale_id, snippet in entries:
            translation = found.get((snippet.translation_key, locale_id))
            if translation is not None:
                setattr(holder, attr, translation)
