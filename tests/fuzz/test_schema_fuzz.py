"""A property-based fuzz of the whole GraphQL schema: no query may be an internal error.

For every root field of `Query` in the committed `schema.graphql`, hypothesis-graphql
generates valid queries (any arguments, nested selections, fragments); some arguments are
then left out or given values of the content (`varied`), and the test POSTs each query to
/graphql/ against a little content. Each answer must be a client's error or data: never
HTTP 5xx, never `INTERNAL_SERVER_ERROR`. Derandomized, no example database: the same
examples on every run. FUZZ_MAX_EXAMPLES=<n> (per root field) explores further locally.
"""

import datetime
import json
import os
from pathlib import Path

import graphql
import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model

from tests.factories import (
    locales,
    make_article,
    make_category,
    make_country,
    make_image,
    make_trees,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db

SCHEMA = graphql.build_schema(
    (Path(__file__).resolve().parents[2] / "schema.graphql").read_text(encoding="utf-8")
)
ROOT_FIELDS = sorted(SCHEMA.query_type.fields)
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "50"))

# PositiveInt (grapple's limit/offset) is not a built-in scalar: without a strategy the
# generator would leave those arguments out. Mostly small, sometimes out of range.
CUSTOM_SCALARS = {
    "PositiveInt": st.one_of(
        st.integers(min_value=0, max_value=30), st.integers(min_value=-(2**31), max_value=2**31 - 1)
    ).map(lambda number: graphql.IntValueNode(value=str(number))),
}


def build_content():
    """A little of everything the schema reaches: pages in three locales, a translation,
    a draft, categories, a country, images, a programme, a cultural project, partners, a
    document, a redirect, the ticker, a partner client with a key."""
    from home.models import City, CityWeather, ExchangeRate
    from partners.models import (
        CulturalProjectIndexPage,
        CulturalProjectPage,
        CulturalProjectPartner,
        Partner,
        ProgrammeIndexPage,
        ProgrammePage,
    )
    from tests.syndication.syndication_helpers import make_client, make_key

    homes, indexes = make_trees()
    en = locales()["en"]
    category = make_category("Culture", "culture", "en")
    country = make_country("Japan", "JP", "en")
    image = make_image("hero", (400, 225))
    body = [
        ("paragraph", '<p>Text with <a href="https://example.com">a link</a></p>'),
        ("image", {"image": image, "alt_text": "Alt", "caption": "", "credit": ""}),
        ("fact_box", {"title": "Reference", "text": "<p>Fact</p>"}),
    ]
    article = make_article(
        indexes["en"],
        "Story",
        categories=[category],
        country=country,
        hero_image=image,
        hero_alt="Alt",
        body=body,
    )
    article.tags.set(["culture"])
    publish(article)
    translate(article, "ru", title="История")
    make_article(indexes["kk"], "Draft", live=False)
    make_article(
        indexes["kk"], "Old", published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    partner = Partner.objects.create(name="Foundation", locale=en, logo=image)
    programmes = homes["en"].add_child(instance=ProgrammeIndexPage(title="P", slug="programmes"))
    projects = homes["en"].add_child(instance=CulturalProjectIndexPage(title="C", slug="projects"))
    image_block = {"image": image, "alt_text": "", "caption": "", "credit": ""}
    publish(
        programmes.add_child(
            instance=ProgrammePage(
                title="Programme",
                summary="S",
                partner=partner,
                country=country,
                body=[("image", image_block)],
            )
        )
    )
    project = CulturalProjectPage(
        title="Project",
        summary="S",
        country=country,
        gallery=[("gallery", {"title": "", "images": [image_block]})],
    )
    project.project_partners.add(CulturalProjectPartner(partner=partner))
    publish(projects.add_child(instance=project))
    city = City.objects.create(name="Astana", locale=en)
    CityWeather.objects.create(city=city, temperature_c=7)
    ExchangeRate.objects.create(currency="USD", rate=421.58)
    get_document_model().objects.create(
        title="report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
    )
    Redirect.objects.create(old_path="/old-story", redirect_page=article)
    return make_key(make_client(locales_=("kk", "en")))


@pytest.fixture(scope="module")
def api_key(django_db_setup, django_db_blocker):
    """The content, built once for the module and rolled back after it; the partner key."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_content()
        transaction.set_rollback(True)


# Random text rarely names anything that exists: half the time, an argument of one of
# these names takes a value the content has (or an id no column holds), so that resolvers
# go past their first check.
BIG = "99999999999999999999"  # more than 64 bits: no column holds it
KNOWN = {
    "locale": ("kk", "ru", "en", "kk-Latn", "KK-LATN"),
    "slug": ("story", "draft", "old", "programme", "project", "culture", "home-en"),
    "urlPath": ("/", "/home-en/news/story/", "/home-kk/news/draft/", "/en/news/story/"),
    "category": ("culture",),
    "country": ("JP", "jp"),
    "tag": ("culture",),
    "id": ("1", "2", "3", "5", "8", BIG),
    "ancestor": ("1", "2", "3", BIG),
    "parent": ("1", "2", "3", BIG),
    "collection": ("1", BIG),
    "site": ("localhost", "localhost:80"),
    "hostname": ("localhost",),
    "name": ("PublishingSettings", "home.PublishingSettings"),
    "contentType": ("news.NewsArticlePage", "home.HomePage", "wagtailcore.Page"),
    "order": ("title", "-id", "name", "-first_published_at", "created_at"),
    "searchQuery": ("story", "culture"),
    "query": ("story", "culture"),
    "format": ("webp", "avif", "jpeg"),
    "fill": ("640x360", "320x180"),
    "width": (320, 640),
    "page": (1, 2),
    "perPage": (1, 5, 100),
    "first": (1, 10),
}


def varied(document, draw):
    """The generated document with some arguments changed (in a new tree: generated nodes
    may be shared between examples). hypothesis-graphql writes every argument, `null` when
    it gives none: such an argument is sometimes left out, as clients do; one named in
    KNOWN sometimes takes a value of the content."""

    class Vary(graphql.Visitor):
        def enter_argument(self, node, *_):
            if isinstance(node.value, graphql.NullValueNode):
                return graphql.REMOVE if draw(st.booleans()) else None
            known = KNOWN.get(node.name.value)
            if not known or not isinstance(
                node.value, (graphql.StringValueNode, graphql.IntValueNode)
            ):
                return None
            value = draw(st.one_of(st.none(), st.sampled_from(known)))
            if value is None:
                return None
            literal = (
                graphql.IntValueNode(value=str(value))
                if isinstance(value, int)
                else graphql.StringValueNode(value=value)
            )
            return graphql.ArgumentNode(name=node.name, value=literal)

    return graphql.print_ast(graphql.visit(document, Vary()))


def documents(field):
    return from_schema(
        SCHEMA, fields=[field], custom_scalars=CUSTOM_SCALARS, print_ast=lambda document: document
    )


def internal_errors(body):
    return [
        error
        for error in (body.get("errors") or [] if isinstance(body, dict) else [])
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR"
    ]


@pytest.mark.parametrize("field", ROOT_FIELDS)
def test_no_query_is_an_internal_error(api_key, field):
    # A key for the partner-only field, so that its resolver runs rather than refusing.
    headers = {"Authorization": f"Bearer {api_key}"} if field == "syndicationChanges" else {}
    client = Client()

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=False,
        # No shrinking: a failure is reported at once, with its whole query (shrinking
        # a large one takes minutes of requests).
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(document=documents(field), data=st.data())
    def check(document, data):
        query = varied(document, data.draw)
        response = client.post(
            "/graphql/",
            {"query": query},
            content_type="application/json",
            headers=headers,
        )
        try:
            body = json.loads(response.content)
        except ValueError:
            body = response.content[:500]
        assert response.status_code < 500, f"HTTP {response.status_code} for\n{query}\n{body}"
        assert not internal_errors(body), f"internal error for\n{query}\n{body}"

    check()
