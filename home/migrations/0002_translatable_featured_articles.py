from django.db import migrations

from home.migration_operations import make_translatable


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("home", "homepagefeaturedarticle", "home_page")
