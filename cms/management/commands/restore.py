"""``manage.py restore ARCHIVE``: the database and the media files back from a backup."""

import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cms.backup import archive, media, restore
from cms.backup.database import BackupError


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checks every checksum first, then "
        "replaces the database and writes the media files back. Stop the web and worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, yes=False, database=DEFAULT_DB_ALIAS, **options):
        path = Path(options["archive"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        connection = connections[database]
        started = time.monotonic()
        try:
            manifest_data = self.preflight(connection, path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{path.name}: checksums match ({len(manifest_data['files'])} files)")
        if not yes and not self.confirm(connection, manifest_data):
            raise CommandError("restore cancelled: nothing was changed")
        try:
            written = restore.restore(connection, path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = restore.summary(database)
        self.stdout.write(
            f"restored the backup of {manifest_data['created_at']} in "
            f"{time.monotonic() - started:.1f} s: "
            + ", ".join(f"{count} {label}" for label, count in counts.items())
            + f", {written} media files"
        )
        self.stdout.write("next: manage.py migrate (if the code is newer), then start the site")

    def preflight(self, connection, path):
        manifest_data = archive.verify(path)
        restore.check_compatible(connection, manifest_data)
        restore.check_names(manifest_data)
        return manifest_data

    def confirm(self, connection, manifest_data):
        if not sys.stdin.isatty():
            raise CommandError("not a terminal: pass --yes to restore without confirmation")
        where = media.note()["storage"]
        self.stdout.write(
            f"This replaces the database {connection.settings_dict['NAME']} "
            f"and writes the media files back ({where}: {settings.MEDIA_ROOT}) "
            f"with the backup of {manifest_data['created_at']}. Stop the web and worker first."
        )
        return input("Type 'yes' to restore: ").strip().lower() == "yes"
