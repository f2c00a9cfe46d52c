"""A database made before the syndication app existed migrates without losing a row.

The syndication models were the partners app's (tables partners_*): the test
migrates back to that state, writes a partner, a client with a key, its change
log, webhook deliveries and attempts, a permission granted on the client model,
then migrates forward and finds all of it through the syndication app's models.
"""

import json
import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from partners.models import Partner
from syndication.models import (
    ApiKey,
    ChangeLogEntry,
    SyndicatedArticle,
    SyndicationClient,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

# Migrations run outside a transaction; the test starts from the migrated data, restored
# from the copy pytest-django serializes when the test database is made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def empty_every_table_but_content_types():
    """Every table emptied, without post_migrate and keeping the sequences (the rows loaded
    next carry their ids; rows a test adds must get others), then the content types of the
    migrated data: Wagtail's Task makes its content type when a task is built, which a
    load in serialized order (wagtailcore before contenttypes) would otherwise do."""
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=False)
    )
    content_types = [
        row
        for row in json.loads(connection._test_serialized_contents)
        if row["model"] == "contenttypes.contenttype"
    ]
    for row in serializers.deserialize("json", json.dumps(content_types)):
        row.save()
    ContentType.objects.clear_cache()


@pytest.fixture(scope="module", autouse=True)
def _start_and_end_with_the_migrated_data(django_db_setup, django_db_blocker):
    """The test's serialized rollback loads the migrated data (root page, locales, groups)
    before it, into tables emptied here: a transactional test before it ended with a
    flush and post_migrate, which on PostgreSQL (sequences are not reset) makes the
    groups again under new ids, which the serialized rows would clash with. Its own end
    empties every table; the tests after it expect the migrated data."""
    with django_db_blocker.unblock():
        empty_every_table_but_content_types()
    yield
    with django_db_blocker.unblock():
        empty_every_table_but_content_types()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


# The migrations of main before the syndication app (and the apps added with it).
BEFORE = [
    ("partners", "0004_translatable_project_partners"),
    ("syndication", None),
    ("languages", None),
    ("newsroom", "0001_roles"),
]


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets).apps  # the models as of those migrations


def write_old_data(apps):
    """Rows as the partners app of main wrote them, through the models of that state."""
    Locale = apps.get_model("wagtailcore", "Locale")
    old = {name: apps.get_model("partners", name) for name in OLD_MODELS}
    locale = Locale.objects.get_or_create(language_code="kk")[0]
    partner = old["Partner"].objects.create(
        name="Tokyo association", locale=locale, translation_key=uuid.uuid4()
    )
    client = old["SyndicationClient"].objects.create(
        partner=partner, name="Tokyo site", locales=["kk"], last_sequence=2
    )
    old["ApiKey"].objects.create(client=client, prefix="otk_abcdefgh", hashed_key="f" * 64)
    key = uuid.uuid4()
    now = timezone.now()
    for sequence, action in ((1, "PUBLISHED"), (2, "UPDATED")):
        entry = old["ChangeLogEntry"].objects.create(
            client=client,
            sequence=sequence,
            action=action,
            occurred_at=now,
            page_id=41,
            locale="kk",
            translation_key=key,
            url="https://front.test/kk/news/a/",
            revision_id=7,
            cause="published",
        )
        delivery = old["WebhookDelivery"].objects.create(
            client=client,
            entry=entry,
            sequence=sequence,
            webhook_id=f"msg_{client.pk}_{sequence}",
            event_type="news.published",
            next_attempt_at=now,
        )
        old["WebhookAttempt"].objects.create(delivery=delivery, started_at=now, status_code=500)
    old["SyndicatedArticle"].objects.create(
        client=client, page_id=41, locale="kk", translation_key=key, url="https://f.test/"
    )
    old["WebhookEndpoint"].objects.create(client=client, url="https://partner.test/hook")
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="partners", model="syndicationclient"
    )[0]
    permission = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="change_syndicationclient",
        defaults={"name": "Can change syndication client"},
    )[0]
    apps.get_model("auth", "Group").objects.create(name="Old partner managers").permissions.add(
        permission
    )
    return client.pk, content_type.pk


OLD_MODELS = [
    "Partner",
    "SyndicationClient",
    "ApiKey",
    "ChangeLogEntry",
    "SyndicatedArticle",
    "WebhookEndpoint",
    "WebhookDelivery",
    "WebhookAttempt",
]


def test_a_database_of_main_keeps_every_row():
    try:
        client_pk, content_type_pk = write_old_data(migrate_to(BEFORE))
    finally:
        call_command("migrate", verbosity=0)
    client = SyndicationClient.objects.get(pk=client_pk)
    assert client.name == "Tokyo site" and client.last_sequence == 2
    assert client.partner == Partner.objects.get(name="Tokyo association")
    assert ApiKey.objects.get(client=client).prefix == "otk_abcdefgh"
    entries = ChangeLogEntry.objects.filter(client=client).order_by("sequence")
    assert [(e.sequence, e.action) for e in entries] == [(1, "PUBLISHED"), (2, "UPDATED")]
    deliveries = WebhookDelivery.objects.filter(client=client)
    assert {d.webhook_id for d in deliveries} == {f"msg_{client_pk}_1", f"msg_{client_pk}_2"}
    assert WebhookAttempt.objects.filter(delivery__client=client).count() == 2
    assert SyndicatedArticle.objects.get(client=client).page_id == 41
    assert WebhookEndpoint.objects.get(client=client).url == "https://partner.test/hook"
    # The content type moved with the model, so permissions granted on it still hold.
    content_type = ContentType.objects.get_for_model(SyndicationClient)
    assert (content_type.pk, content_type.app_label) == (content_type_pk, "syndication")
    group = Group.objects.get(name="Old partner managers")
    assert group.permissions.get().content_type_id == content_type_pk
