"""Restore an archive: refuse what cannot be restored, then the database and the media."""

import tempfile
from pathlib import Path

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

from cms.backup import archive, database, media
from cms.backup.database import BackupError

# What the restore reports, by model label: Wagtail's and Django's, no project app's.
SUMMARY = (
    ("pages", "wagtailcore.Page"),
    ("revisions", "wagtailcore.Revision"),
    ("locales", "wagtailcore.Locale"),
    ("images", "wagtailimages.Image"),
    ("documents", "wagtaildocs.Document"),
    ("users", "auth.User"),
)


def check_compatible(connection, manifest_data):
    """Refuse an archive of another engine or of migrations this code does not have."""
    if manifest_data["engine"] != connection.vendor:
        raise BackupError(
            f"the archive holds a {manifest_data['engine']} database and this site runs on "
            f"{connection.vendor}: restore it on a {manifest_data['engine']} site"
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, name in sorted(manifest_data["migrations"].items())
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "the archive was made by newer code (migrations this code does not have: "
            + ", ".join(unknown[:5])
            + "): deploy that code first, then restore"
        )


def check_names(manifest_data):
    """Refuse file names that would be written outside MEDIA_ROOT, before anything is touched."""
    for entry in manifest_data["files"]:
        if entry["name"].startswith(media.PREFIX):
            try:
                media.destination(entry["name"])
            except ValueError as error:
                raise BackupError(str(error)) from error


def restore(connection, path: Path):
    """Restore a verified, compatible archive, the database first; the media files written."""
    db_member = database.member_name(connection)
    with tempfile.TemporaryDirectory(prefix="otandas-restore-") as work:
        dump = Path(work) / db_member
        for name, stream in archive.members(path):
            if name == db_member:
                archive.copy_to(stream, dump)
                break
        database.restore(connection, dump)
    written = 0
    if media.on_filesystem():
        for name, stream in archive.members(path):
            if name.startswith(media.PREFIX):
                archive.copy_to(stream, media.destination(name))
                written += 1
    return written


def summary(alias):
    counts = {}
    for label, model_label in SUMMARY:
        try:
            model = apps.get_model(model_label)
        except LookupError:
            continue
        counts[label] = model._default_manager.using(alias).count()
    return counts
