from django.db import migrations

from home.migration_operations import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_webhooks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("partners", "culturalprojectpartner", "page")
