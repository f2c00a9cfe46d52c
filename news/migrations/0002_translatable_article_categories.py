from django.db import migrations

from home.migration_operations import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("news", "newsarticlecategory", "page")
