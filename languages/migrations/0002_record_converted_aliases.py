"""Pages converted from aliases before `UntranslatedPage` existed and never published
since still show their source's text: record them, so that they stop being served as
translations when this migration runs."""

from django.db import migrations


def record_converted_aliases(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    UntranslatedPage = apps.get_model("languages", "UntranslatedPage")
    conversions = PageLogEntry.objects.filter(action="wagtail.convert_alias").order_by("timestamp")
    for entry in conversions:
        page = Page.objects.filter(pk=entry.page_id, alias_of__isnull=True).first()
        if page is None:
            continue
        published_since = PageLogEntry.objects.filter(
            page_id=page.pk, action="wagtail.publish", timestamp__gt=entry.timestamp
        ).exists()
        if published_since:
            continue
        source_locale = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .exclude(locale_id=page.locale_id)
            .values_list("locale_id", flat=True)
            .first()
        )
        if source_locale is not None:
            UntranslatedPage.objects.update_or_create(
                page_id=page.pk, defaults={"content_locale_id": source_locale}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("languages", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(record_converted_aliases, migrations.RunPython.noop)]
