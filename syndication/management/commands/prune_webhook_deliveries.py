"""`manage.py prune_webhook_deliveries [--days N] [--dry-run]`: remove old webhook deliveries.

Deletes the finished (delivered or cancelled) deliveries on which nothing has
happened for N days (default WEBHOOK_DELIVERY_RETENTION_DAYS), with their
attempts, in short batches (syndication.webhooks.retention). Pending and retrying
deliveries are never deleted. The worker does the same every hour; this is for
a first clean-up or a one-off shorter period.
"""

from django.core.management.base import BaseCommand, CommandError

from syndication.webhooks.retention import prune_deliveries, retention_days


class Command(BaseCommand):
    help = "Delete finished webhook deliveries older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Keep the last N days (default: WEBHOOK_DELIVERY_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = retention_days()
            if days <= 0:
                self.stdout.write(
                    "WEBHOOK_DELIVERY_RETENTION_DAYS is 0: deliveries are kept; "
                    "pass --days to prune anyway."
                )
                return
        elif days < 1:
            raise CommandError("--days must be at least 1.")
        count = prune_deliveries(days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} webhook deliveries (delivered or cancelled) older than {days} days."
        )
