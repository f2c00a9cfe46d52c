"""`manage.py backup` and `restore`: a populated site backed up, restored into an empty
database and media folder, and found there again; damaged or foreign archives refused."""

import io
import json
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.test.utils import override_settings
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from news.models import NewsArticlePage
from syndication.models import ApiKey, ChangeLogEntry
from tests.factories import make_article, make_image, make_trees, translate
from tests.syndication.syndication_helpers import make_client, make_key

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TARGET = "restored"


def backup(output, *args):
    out = io.StringIO()
    call_command("backup", "--output", str(output), *args, stdout=out)
    return Path(out.getvalue().split()[0]), out.getvalue()


def restore(archive, media_root):
    out = io.StringIO()
    with override_settings(MEDIA_ROOT=str(media_root)):
        call_command("restore", str(archive), "--yes", "--database", TARGET, stdout=out)
    return out.getvalue()


@pytest.fixture
def empty_database(transactional_db, tmp_path):
    """A second, empty database on the same engine, as the `restored` alias."""
    settings_dict = dict(connection.settings_dict)
    name = f"otandas_restored_{uuid.uuid4().hex[:8]}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        settings_dict["NAME"] = name
    else:
        settings_dict["NAME"] = str(tmp_path / f"{name}.sqlite3")
    connections.settings[TARGET] = settings_dict
    target = connections[TARGET]

    # Django's test case refuses to connect to an alias it was not told of; this one is
    # made here, after its set-up, and connecting to it is the point of the test.
    def ensure_connection():
        if target.connection is None:
            target.connect()

    target.ensure_connection = ensure_connection
    yield settings_dict["NAME"]
    connections[TARGET].close()
    del connections[TARGET]
    del connections.settings[TARGET]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}"')


@pytest.fixture
def site():
    """Pages in three locales with translations and revisions, an image with its file, a
    partner client with a key, and the change-log entries publishing wrote for it."""
    _homes, indexes = make_trees()
    client = make_client(locales_=("kk", "ru", "en"))
    make_key(client)
    image = make_image("Tokyo")
    article = make_article(indexes["en"], "Tokyo forum", hero_image=image)
    article.save_revision().publish()
    translate(article, "kk", title="Токио форумы")
    translate(article, "ru", title="Форум в Токио")
    return {"article": article, "image": image, "client": client}


def snapshot(alias):
    """What an operator would look for after a restore, read through one database alias."""
    articles = NewsArticlePage.objects.using(alias)
    return {
        "pages": sorted(
            Page.objects.using(alias).values_list("id", "title", "locale__language_code")
        ),
        "revisions": Revision.objects.using(alias).count(),
        "translations": sorted(articles.values_list("translation_key", "locale__language_code")),
        "images": sorted(Image.objects.using(alias).values_list("id", "file")),
        "key_hashes": sorted(ApiKey.objects.using(alias).values_list("hashed_key", flat=True)),
        "change_log": sorted(
            ChangeLogEntry.objects.using(alias).values_list(
                "client_id", "sequence", "action", "page_id", "locale"
            )
        ),
    }


def test_a_restore_into_an_empty_database_finds_everything_again(
    site, empty_database, tmp_path, settings
):
    before = snapshot("default")
    assert len(before["translations"]) == 3 and before["key_hashes"]
    assert len(before["change_log"]) >= 3
    archive, printed = backup(tmp_path / "backups")
    assert archive.name.startswith("otandas-") and archive.suffix == ".tar"
    assert " MB in " in printed
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]  # no temporary file

    media_root = tmp_path / "restored-media"
    printed = restore(archive, media_root)

    assert snapshot(TARGET) == before
    assert f"{len(before['pages'])} pages" in printed and "1 images" in printed
    image = site["image"]
    original = Path(settings.MEDIA_ROOT, image.file.name).read_bytes()
    assert (media_root / image.file.name).read_bytes() == original


def test_the_manifest_lists_every_file_with_its_checksum(site, tmp_path):
    archive, _ = backup(tmp_path)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "manifest.json"
    assert manifest["engine"] == connection.vendor
    assert manifest["migrations"]["wagtailcore"].startswith("0")
    assert {entry["name"] for entry in manifest["files"]} == set(names[1:])
    assert f"media/{site['image'].file.name}" in names
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"])


def rewrite(archive, change):
    """A copy of `archive` with `change(name, bytes) -> bytes` applied to each member."""
    copy = archive.with_name("copy-" + archive.name)
    with tarfile.open(archive) as source, tarfile.open(copy, "w") as target:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def test_a_damaged_archive_is_refused_and_nothing_is_touched(site, empty_database, tmp_path):
    archive, _ = backup(tmp_path)

    def flip_a_byte(name, data):
        return data if name == "manifest.json" else bytes([data[0] ^ 1]) + data[1:]

    damaged = rewrite(archive, flip_a_byte)
    media_root = tmp_path / "restored-media"
    with pytest.raises(CommandError, match="damaged, nothing was restored: checksum mismatch"):
        restore(damaged, media_root)
    assert not media_root.exists()
    assert "wagtailcore_page" not in connections[TARGET].introspection.table_names()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"engine": "oracle"}, "holds a oracle database"),
        ({"migrations": {"wagtailcore": "9999_from_the_future"}}, "made by newer code"),
    ],
)
def test_foreign_or_newer_archives_are_refused(empty_database, tmp_path, edit, message):
    archive, _ = backup(tmp_path)

    def edit_manifest(name, data):
        return (
            json.dumps({**json.loads(data), **edit}).encode() if name == "manifest.json" else data
        )

    with pytest.raises(CommandError, match=message):
        restore(rewrite(archive, edit_manifest), tmp_path / "media")


def test_retention_keeps_the_newest_archives(tmp_path, settings):
    output = tmp_path / "backups"
    output.mkdir()
    for day in range(1, 5):
        (output / f"otandas-2020010{day}T030000Z.tar").write_bytes(b"old")
    (output / "notes.txt").write_text("not an archive")

    archive, printed = backup(output, "--keep", "3")
    assert sorted(p.name for p in output.iterdir()) == [
        "notes.txt",
        "otandas-20200103T030000Z.tar",
        "otandas-20200104T030000Z.tar",
        archive.name,
    ]
    assert "deleted otandas-20200101T030000Z.tar" in printed

    settings.BACKUP_KEEP = 1
    (output / archive.name).rename(output / "otandas-20200105T030000Z.tar")
    newest, _ = backup(output)
    assert sorted(p.name for p in output.glob("*.tar")) == [newest.name]
