"""The syndication models moved to the syndication app (its 0001): state only, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_translatable_project_partners"),
        ("syndication", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="changelogentry",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="webhookdelivery",
                    name="entry",
                ),
                migrations.RemoveField(
                    model_name="syndicatedarticle",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="syndicationclient",
                    name="partner",
                ),
                migrations.RemoveField(
                    model_name="webhookdelivery",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="webhookendpoint",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="webhookattempt",
                    name="delivery",
                ),
                migrations.DeleteModel(
                    name="ApiKey",
                ),
                migrations.DeleteModel(
                    name="ChangeLogEntry",
                ),
                migrations.DeleteModel(
                    name="SyndicatedArticle",
                ),
                migrations.DeleteModel(
                    name="SyndicationClient",
                ),
                migrations.DeleteModel(
                    name="WebhookEndpoint",
                ),
                migrations.DeleteModel(
                    name="WebhookAttempt",
                ),
                migrations.DeleteModel(
                    name="WebhookDelivery",
                ),
            ],
        ),
    ]
