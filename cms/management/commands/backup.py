"""``manage.py backup``: the database and the media files into one dated archive."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cms.backup import archive
from cms.backup.database import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into otandas-<UTC timestamp>.tar "
        "(with a manifest and checksums), then delete all but the newest BACKUP_KEEP archives."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="folder of the archives (default: BACKUP_DIR)")
        parser.add_argument(
            "--keep",
            type=int,
            help="archives kept in that folder, this one included; 0 keeps all "
            "(default: BACKUP_KEEP)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output=None, keep=None, database=DEFAULT_DB_ALIAS, **options):
        output_dir = Path(output or settings.BACKUP_DIR)
        keep = settings.BACKUP_KEEP if keep is None else keep
        if keep < 0:
            raise CommandError("--keep must be 0 (keep all) or more")
        started = time.monotonic()
        try:
            path = archive.create(connections[database], output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        size_mb = path.stat().st_size / 1_000_000
        self.stdout.write(f"{path} {size_mb:.1f} MB in {elapsed:.1f} s")
        for old in archive.prune(output_dir, keep):
            self.stdout.write(f"deleted {old.name} (BACKUP_KEEP={keep})")
