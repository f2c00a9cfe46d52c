"""The syndication models, moved here from the partners app: their tables (still named
partners_*) and rows stay where they are; only Django's state and the content types
(hence the permissions granted on them) move to this app."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = [
    "syndicationclient",
    "apikey",
    "syndicatedarticle",
    "changelogentry",
    "webhookendpoint",
    "webhookdelivery",
    "webhookattempt",
]


def move_content_types(apps, schema_editor, source="partners", target="syndication"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        existing = ContentType.objects.filter(app_label=source, model=model).first()
        if existing is None:
            continue  # a new database: post_migrate creates them
        ContentType.objects.filter(app_label=target, model=model).delete()
        existing.app_label = target
        existing.save(update_fields=["app_label"])


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="syndication", target="partners")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("partners", "0004_translatable_project_partners"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SyndicationClient",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "active",
                            models.BooleanField(
                                default=True,
                                help_text="An inactive client's keys are refused and its articles are withdrawn.",
                                verbose_name="active",
                            ),
                        ),
                        (
                            "locales",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes it receives.",
                                verbose_name="locales",
                            ),
                        ),
                        (
                            "categories",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Translation keys of the news categories it receives; empty for all.",
                                verbose_name="categories",
                            ),
                        ),
                        ("webhook_url", models.URLField(blank=True, verbose_name="webhook URL")),
                        (
                            "webhook_secret",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="webhook secret"
                            ),
                        ),
                        (
                            "last_sequence",
                            models.PositiveBigIntegerField(
                                default=0, editable=False, verbose_name="last sequence"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        (
                            "last_used_at",
                            models.DateTimeField(
                                blank=True, editable=False, null=True, verbose_name="last used"
                            ),
                        ),
                        (
                            "partner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="syndication_clients",
                                to="partners.partner",
                                verbose_name="partner",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "syndication client",
                        "verbose_name_plural": "syndication clients",
                        "db_table": "partners_syndicationclient",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="ChangeLogEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("sequence", models.PositiveBigIntegerField(verbose_name="sequence")),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("PUBLISHED", "published"),
                                    ("UPDATED", "updated"),
                                    ("UNPUBLISHED", "unpublished"),
                                    ("DELETED", "deleted"),
                                ],
                                max_length=12,
                                verbose_name="action",
                            ),
                        ),
                        ("occurred_at", models.DateTimeField(verbose_name="occurred at")),
                        ("page_id", models.PositiveBigIntegerField(verbose_name="article id")),
                        ("locale", models.CharField(max_length=16, verbose_name="locale")),
                        ("translation_key", models.UUIDField()),
                        ("url", models.URLField(max_length=500, verbose_name="canonical URL")),
                        ("revision_id", models.PositiveBigIntegerField(null=True)),
                        (
                            "cause",
                            models.CharField(
                                help_text="What happened: published, moved, scope, ...",
                                max_length=32,
                                verbose_name="cause",
                            ),
                        ),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="change_log",
                                to="syndication.syndicationclient",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "change log entry",
                        "verbose_name_plural": "change log entries",
                        "db_table": "partners_changelogentry",
                        "ordering": ["client", "sequence"],
                    },
                ),
                migrations.CreateModel(
                    name="ApiKey",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "prefix",
                            models.CharField(editable=False, max_length=16, verbose_name="prefix"),
                        ),
                        (
                            "hashed_key",
                            models.CharField(editable=False, max_length=64, unique=True),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        (
                            "last_used_at",
                            models.DateTimeField(
                                blank=True, editable=False, null=True, verbose_name="last used"
                            ),
                        ),
                        (
                            "revoked_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="revoked"),
                        ),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="keys",
                                to="syndication.syndicationclient",
                                verbose_name="client",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "API key",
                        "verbose_name_plural": "API keys",
                        "db_table": "partners_apikey",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="WebhookDelivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("sequence", models.PositiveBigIntegerField(verbose_name="sequence")),
                        (
                            "webhook_id",
                            models.CharField(max_length=64, unique=True, verbose_name="webhook id"),
                        ),
                        ("event_type", models.CharField(max_length=32, verbose_name="event")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "pending"),
                                    ("in_flight", "in flight"),
                                    ("delivered", "delivered"),
                                    ("cancelled", "cancelled"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveIntegerField(default=0, verbose_name="attempts"),
                        ),
                        (
                            "failures",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Failed attempts since last queued: the retry schedule's step.",
                            ),
                        ),
                        ("next_attempt_at", models.DateTimeField(verbose_name="next attempt")),
                        ("lease_token", models.CharField(blank=True, max_length=32)),
                        ("lease_expires_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "body",
                            models.TextField(
                                blank=True, help_text="Built on the first attempt, then reused."
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        (
                            "delivered_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="delivered"),
                        ),
                        (
                            "last_error",
                            models.CharField(blank=True, max_length=500, verbose_name="last error"),
                        ),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="webhook_deliveries",
                                to="syndication.syndicationclient",
                            ),
                        ),
                        (
                            "entry",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="webhook_delivery",
                                to="syndication.changelogentry",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook delivery",
                        "verbose_name_plural": "webhook deliveries",
                        "db_table": "partners_webhookdelivery",
                        "ordering": ["client", "sequence"],
                    },
                ),
                migrations.CreateModel(
                    name="WebhookAttempt",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("started_at", models.DateTimeField(verbose_name="time")),
                        (
                            "status_code",
                            models.PositiveSmallIntegerField(
                                blank=True, null=True, verbose_name="status code"
                            ),
                        ),
                        (
                            "duration_ms",
                            models.PositiveIntegerField(default=0, verbose_name="duration (ms)"),
                        ),
                        ("success", models.BooleanField(default=False, verbose_name="success")),
                        (
                            "error",
                            models.CharField(blank=True, max_length=500, verbose_name="error"),
                        ),
                        (
                            "response_excerpt",
                            models.CharField(blank=True, max_length=300, verbose_name="response"),
                        ),
                        (
                            "delivery",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="log",
                                to="syndication.webhookdelivery",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook attempt",
                        "verbose_name_plural": "webhook attempts",
                        "db_table": "partners_webhookattempt",
                        "ordering": ["-started_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="WebhookEndpoint",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "url",
                            models.URLField(blank=True, verbose_name="URL the status applies to"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "active"),
                                    ("failing", "failing"),
                                    ("disabled", "disabled"),
                                ],
                                default="active",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "status_since",
                            models.DateTimeField(blank=True, null=True, verbose_name="since"),
                        ),
                        (
                            "reason",
                            models.CharField(blank=True, max_length=300, verbose_name="reason"),
                        ),
                        (
                            "last_success_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last success"
                            ),
                        ),
                        (
                            "last_failure_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last failure"
                            ),
                        ),
                        (
                            "client",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="webhook_endpoint",
                                to="syndication.syndicationclient",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook endpoint",
                        "verbose_name_plural": "webhook endpoints",
                        "db_table": "partners_webhookendpoint",
                    },
                ),
                migrations.CreateModel(
                    name="SyndicatedArticle",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("page_id", models.PositiveBigIntegerField()),
                        ("locale", models.CharField(max_length=16)),
                        ("translation_key", models.UUIDField()),
                        ("url", models.URLField(max_length=500)),
                        ("revision_id", models.PositiveBigIntegerField(null=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="syndicated_articles",
                                to="syndication.syndicationclient",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "partners_syndicatedarticle",
                        "indexes": [
                            models.Index(fields=["page_id"], name="partners_sy_page_id_58372b_idx")
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("client", "page_id"), name="unique_syndicated_article"
                            )
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="changelogentry",
                    constraint=models.UniqueConstraint(
                        fields=("client", "sequence"), name="unique_client_sequence"
                    ),
                ),
                migrations.AddIndex(
                    model_name="webhookdelivery",
                    index=models.Index(
                        fields=["status", "next_attempt_at"], name="webhook_due_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="webhookdelivery",
                    index=models.Index(
                        fields=["client", "status", "sequence"], name="webhook_client_idx"
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
