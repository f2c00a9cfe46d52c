"""The archive's `manifest.json`: what was saved, from which code, and each file's checksum."""

import hashlib
import platform
from importlib import metadata

from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
CHUNK = 1024 * 1024


def sha256_of(stream):
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def applied_migrations(connection):
    """{app label: the last migration applied}: the highest name, as migrations are numbered
    (the order they were applied in puts a squashed migration last)."""
    last = {}
    for app, name in MigrationRecorder(connection).migration_qs.values_list("app", "name"):
        last[app] = max(name, last.get(app, name))
    return dict(sorted(last.items()))


def versions():
    found = {"python": platform.python_version()}
    for name in ("otandas", "Django", "wagtail", "wagtail-grapple", "wagtail-localize"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def build(connection, files, media_note):
    """The manifest; `files` is a list of {"name", "size", "sha256"} in archive order."""
    return {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "database": str(connection.settings_dict["NAME"]),
        "migrations": applied_migrations(connection),
        "versions": versions(),
        "media": media_note,
        "files": files,
    }
