"""Migration operations for making an existing inline model translatable.

Existing rows get their own translation key and the locale of the page they
belong to, so the unique (translation_key, locale) constraint holds.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def make_translatable(app_label, model_name, parent_field):
    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.select_related(parent_field):
            row.translation_key = uuid.uuid4()
            row.locale_id = getattr(row, parent_field).locale_id
            row.save(update_fields=["translation_key", "locale"])

    locale = models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name=model_name, name="locale", field=locale),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]
