"""`manage.py load_demo`: demo content in every content locale; safe to run again."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from demo.builder import build


class Command(BaseCommand):
    help = (
        "Load demo content: a page tree per locale (kk, ru, en) with articles, a programme "
        "and a cultural project, translated with wagtail-localize; partners, categories, "
        "countries, generated images and today's header data. Running it again adds nothing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # A new translation gets its own slug after wagtail-localize copied the
        # source's: that is no move, so no automatic redirect from the copied slug.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
            build(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.1f} s.")
        )
