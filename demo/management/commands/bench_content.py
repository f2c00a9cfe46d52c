"""``manage.py bench_content``: enough published articles for the benchmark to list.

Copies the demo's articles in one locale until it holds `--articles` of them.
Idempotent: a second run adds nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from news.models import NewsArticlePage


class Command(BaseCommand):
    help = "Copy demo articles until a locale has enough of them for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--locale", default="en")
        parser.add_argument("--articles", type=int, default=40)

    def handle(self, *args, locale, articles, **options):
        locale_obj = Locale.objects.filter(language_code=locale).first()
        sources = list(
            NewsArticlePage.objects.live().filter(locale=locale_obj, alias_of__isnull=True)
        )
        if not sources:
            raise CommandError(f"No published {locale} articles to copy: run load_demo first.")
        existing = len(sources)
        for number in range(existing, articles):
            source = sources[number % len(sources)]
            copy = source.copy(
                update_attrs={
                    "slug": f"bench-{number}-{source.slug}"[:255],
                    "title": f"{source.title} ({number})",
                },
                keep_live=True,
                log_action=None,
            )
            copy.save_revision().publish()
        total = NewsArticlePage.objects.live().filter(locale=locale_obj).count()
        self.stdout.write(f"{total} published {locale} articles.")
