from django.core.management.base import BaseCommand

from news import archive
from news.models import NewsArticlePage, NewsIndexPage


class Command(BaseCommand):
    help = (
        "Move the news articles sitting directly under a news index into the folder of "
        "their year (first published, else last edited). URLs do not change; idempotent."
    )

    def handle(self, *args, **options):
        total = 0
        for index in NewsIndexPage.objects.order_by("path"):
            waiting = NewsArticlePage.objects.child_of(index).count()
            name = f"{index.locale.language_code} {index.url_path}"
            if not waiting:
                self.stdout.write(f"{name}: nothing to move.")
                continue

            def progress(done, name=name, waiting=waiting):
                if done % 1000 == 0:
                    self.stdout.write(f"{name}: {done}/{waiting}…")

            moved = archive.move_into_year_folders(index, progress=progress)
            total += moved
            self.stdout.write(f"{name}: {moved} articles moved into year folders.")
        self.stdout.write(f"Moved {total} articles in all.")
