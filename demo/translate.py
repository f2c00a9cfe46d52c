"""Translating demo objects with wagtail-localize, the way a translator would.

A translator opens the source in the segment editor, types a translation for
every segment and publishes. Here the translated text comes from an unsaved
instance of the same model filled in the target language (with the same
stream block ids as the source): wagtail-localize extracts the segments of
both, each source segment is paired with the target string at the same path
and position and saved as a `StringTranslation`, then `Translation.save_target`
builds the target object. The result is a real translation that the segment
editor opens and can sync when the source changes.
"""

import uuid
from collections import defaultdict

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

NAMESPACE = uuid.UUID("0b3f4c52-8d1e-4c61-9a57-3f1f7c0d6a11")


class DemoContentError(Exception):
    """The demo texts of two locales do not have the same structure."""


def stable_uuid(name):
    """A UUID that is the same on every run and every database."""
    return uuid.uuid5(NAMESPACE, name)


def find(model, key, locale):
    """The object of `model` with translation key `key` in `locale`, if any."""
    return model.objects.filter(translation_key=key, locale=locale).first()


def is_translated(model, key, locale):
    """Whether a real translation exists (for pages: not an alias)."""
    queryset = model.objects.filter(translation_key=key, locale=locale)
    if issubclass(model, Page):
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset.exists()


def _strings_by_path(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def _write_string_translations(source, locale, translated):
    targets = _strings_by_path(translated)
    segments = source.stringsegment_set.select_related("context", "string").order_by("order")
    sources = defaultdict(list)
    for segment in segments:
        sources[segment.context.path].append(segment)
    if set(sources) != set(targets) or any(
        len(sources[path]) != len(targets[path]) for path in sources
    ):
        differing = sorted(
            path
            for path in set(sources) | set(targets)
            if len(sources.get(path, ())) != len(targets.get(path, ()))
        )
        raise DemoContentError(
            f"{source.object_repr} → {locale.language_code}: the texts differ in {differing}"
        )
    for path, path_segments in sources.items():
        for segment, text in zip(path_segments, targets[path], strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )


def localize_inline_links(page):
    """Point the page's inline links to snippets (and pages) at the page's own locale.

    A workaround, needed while an inline relation's model (e.g. an article's
    categories) is not itself translatable: wagtail-localize then copies its
    rows unchanged from the source, links to the source locale's snippets
    included. Returns whether anything changed.
    """
    changed = False
    for relation in get_all_child_relations(page):
        for child in getattr(page, relation.get_accessor_name()).all():
            for field in child._meta.concrete_fields:
                model = field.related_model
                if isinstance(field, ParentalKey) or not (
                    field.many_to_one and model and issubclass(model, TranslatableMixin)
                ):
                    continue
                linked = getattr(child, field.name)
                if linked is None or linked.locale_id == page.locale_id:
                    continue
                translated = linked.get_translation_or_none(page.locale)
                if translated is not None:
                    setattr(child, field.name, translated)
                    changed = True
    return changed


def translate(source_object, locale, translated):
    """Create (or finish) the `locale` translation of `source_object`; return it.

    Pages come out published; an alias that the synced tree made is converted
    into a real translation by wagtail-localize.
    """
    source, _ = TranslationSource.update_or_create_from_instance(source_object)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    _write_string_translations(source, locale, translated)
    is_page = isinstance(source_object, Page)
    # Pages are saved as a draft and published here: with publish=True,
    # wagtail-localize would publish on transaction commit, i.e. after the
    # command has set the dates (and never inside a test's transaction).
    translation.save_target(publish=not is_page)
    target = source.get_translated_instance(locale)
    if is_page:
        draft = target.get_latest_revision_as_object()
        revision = (
            draft.save_revision() if localize_inline_links(draft) else target.get_latest_revision()
        )
        revision.publish()
        target.refresh_from_db()
    return target
