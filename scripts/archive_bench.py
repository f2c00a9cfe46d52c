"""A throwaway archive for measuring the lists at scale: bulk SQL, not Wagtail's page API.

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=cms.settings.test \\
        .venv/bin/python scripts/archive_bench.py build 100000
    ... scripts/archive_bench.py measure

`build` migrates, makes the page trees (tests.factories.make_trees), six English
categories and adds N English articles under the English news index in bulk: one
category each (1/6 per category), "Japan" in 1/6 of the titles, "Kazakh" in every
lead, every 10th article sharing its predecessor's first_published_at; then
indexes them with Wagtail's search backend. `measure` runs the list queries
through Django's test client and prints the median of 5 runs of each.
"""

import os
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from news.models import NewsArticleCategory, NewsArticlePage, NewsIndexPage  # noqa: E402
from tests.factories import make_category, make_country, make_trees  # noqa: E402

CATEGORIES = ["politics", "economy", "culture", "sport", "science", "world"]
BATCH = 2000


def build(count):
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        make_trees()
        categories = [make_category(slug.title(), slug, "en") for slug in CATEGORIES]
        country = make_country("Japan", "JP", "en")
    index = NewsIndexPage.objects.get(locale__language_code="en")
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    start = timezone.now() - timedelta(days=3650)
    article_columns = [
        f.column for f in NewsArticlePage._meta.local_concrete_fields if f.column != "page_ptr_id"
    ]
    made = 0
    while made < count:
        with transaction.atomic():
            pages = []
            for number in range(made, min(made + BATCH, count)):
                stamp = start + timedelta(minutes=number - (number % 10 == 9))
                title = f"Story {number}" + (" from Japan" if number % 6 == 0 else "")
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"story-{number}",
                        path=NewsIndexPage._get_path(index.path, index.depth + 1, number + 1),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}story-{number}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        first_published_at=stamp,
                        last_published_at=stamp,
                    )
                )
            Page.objects.bulk_create(pages)
            values = {
                "dateline": "TOKYO",
                "source": "KAZINFORM",
                "source_url": "",
                "byline": "",
                "lead": "News of the Kazakh diaspora.",
                "hero_image_id": None,
                "hero_alt": "",
                "hero_caption": "",
                "hero_credit": "",
                "body": "[]",
                "country_id": country.pk,
                "allow_syndication": True,
            }
            rows = [[page.pk] + [values[column] for column in article_columns] for page in pages]
            columns = ", ".join(["page_ptr_id", *article_columns])
            marks = ", ".join(["%s"] * (len(article_columns) + 1))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO news_newsarticlepage ({columns}) VALUES ({marks})", rows
                )
            NewsArticleCategory.objects.bulk_create(
                NewsArticleCategory(
                    page_id=page.pk,
                    category=categories[int(page.slug[6:]) % 6],
                    sort_order=0,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
                for page in pages
            )
            made += len(pages)
        print(f"{made} articles", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=made)
    backend = get_search_backend()
    queryset = NewsArticlePage.objects.filter(locale_id=index.locale_id).order_by("pk")
    for first in range(0, made, BATCH):
        backend.add_bulk(NewsArticlePage, list(queryset[first : first + BATCH]))
        print(f"{first + BATCH} indexed", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


FIELDS = "items { title url firstPublishedAt }"
LIST = 'newsArticles(locale: "en", perPage: 20'
CASES = {
    "first page + total": LIST + ") { FIELDS pagination { total } }",
    "page 2,000": LIST + ", page: 2000) { FIELDS }",
    "page 500": LIST + ", page: 500) { FIELDS }",
    "category page": LIST + ', category: "culture") { FIELDS }',
    "category page + total": LIST + ', category: "culture") { FIELDS pagination { total } }',
    "search Japan (1/6)": LIST + ', searchQuery: "Japan") { FIELDS }',
    "search Kazakh (all)": LIST + ', searchQuery: "Kazakh") { FIELDS }',
    "search Japan + total": LIST + ', searchQuery: "Japan") { FIELDS pagination { total } }',
}
NEW_CASES = {
    "cursor page after 40,000": LIST + ', after: "CURSOR") { FIELDS pageInfo { endCursor } }',
    "cursor page after 99,000": LIST + ', after: "DEEP") { FIELDS pageInfo { endCursor } }',
    "category cursor after 40,000": LIST
    + ', category: "culture", after: "CURSOR") { FIELDS pageInfo { endCursor } }',
    "search Japan cursor after 40,000": LIST
    + ', searchQuery: "Japan", after: "CURSOR") { FIELDS pageInfo { endCursor } }',
    "search Japan by relevance": LIST
    + ', searchQuery: "Japan", searchOrder: RELEVANCE) { FIELDS }',
    "search Kazakh by relevance": LIST
    + ', searchQuery: "Kazakh", searchOrder: RELEVANCE) { FIELDS }',
}


def timed(client, query):
    times = []
    for _ in range(6):
        started = time.perf_counter()
        response = client.post("/graphql/", {"query": query}, content_type="application/json")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[1:]), response.json()


def measure(new):
    client = Client()
    cases = dict(CASES)
    if new:
        from cms.api.pagination import encode_cursor

        ordered = NewsArticlePage.objects.filter(locale__language_code="en").order_by(
            "-first_published_at", "-pk"
        )
        cursors = {"CURSOR": encode_cursor(ordered[40000]), "DEEP": encode_cursor(ordered[99000])}
        for name, template in NEW_CASES.items():
            for token, cursor in cursors.items():
                template = template.replace(token, cursor)
            cases[name] = template
    for name, template in cases.items():
        ms, body = timed(client, "{ " + template.replace("FIELDS", FIELDS) + " }")
        print(f"{name:34} {ms:8.1f} ms  {str(body)[:100]}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(int(sys.argv[2]))
    else:
        measure("--new" in sys.argv)
