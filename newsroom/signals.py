"""Recording when a translation source's text changes (newsroom.models.SourceTextChange)."""

from django.utils import timezone
from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from languages.text import page_strings
from newsroom.models import SourceTextChange


def on_page_published(sender, instance, alias=False, **kwargs):
    if alias:
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return  # nothing is translated from this page
    if page_strings(instance) != page_strings(source.as_instance()):
        SourceTextChange.objects.update_or_create(
            source=source, defaults={"changed_at": timezone.now()}
        )
    else:  # the same text as the translations were made from
        SourceTextChange.objects.filter(source=source).delete()


def connect():
    page_published.connect(on_page_published, dispatch_uid="newsroom_source_text_change")
