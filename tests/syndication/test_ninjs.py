"""ninjs 3.1 and 1.6 documents validate against IPTC's schemas and say what partners need."""

import datetime
import json
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from home.models import PublishingSettings
from news.models import NewsArticlePage
from syndication.ninjs import article_ninjs, withdrawn_ninjs
from tests.factories import make_article, make_category, make_country, make_image, translate

SCHEMA_DIRS = [Path(__file__).parent / "ninjs_schemas"]  # IPTC's files (MIT)
VERSIONS = ["3.1", "1.6"]
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

# The format libraries jsonschema would use (rfc3987, rfc3339-validator) are not installed:
# check the two formats ninjs uses here, strictly.
FORMATS = FormatChecker(formats=())
FORMATS.checks("date-time")(lambda value: bool(RFC3339.match(value)))
FORMATS.checks("uri")(
    lambda value: (
        bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value))
        and (urlsplit(value).scheme not in ("http", "https") or bool(urlsplit(value).netloc))
    )
)


def schema_file(version):
    for directory in SCHEMA_DIRS:
        path = directory / f"ninjs-schema_{version}.json"
        if path.exists():
            return path
    pytest.skip(f"ninjs {version} schema not found")


def assert_valid(doc, version):
    schema = json.loads(schema_file(version).read_text())
    cls = validator_for(schema)  # from `$schema`: draft 2020-12 for 3.1, draft 7 for 1.6
    assert cls.META_SCHEMA["$schema"].rstrip("#") == schema["$schema"].rstrip("#")
    cls.check_schema(schema)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in cls(schema, format_checker=FORMATS).iter_errors(doc)
    ]
    assert not errors, errors


def fact_box_body(image):
    return json.dumps(
        [
            {"type": "paragraph", "value": "<p>Compatriots met in Tokyo.</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Hall", "caption": "", "credit": ""},
            },
            {
                "type": "fact_box",
                "value": {"title": "Reference", "text": "<p>Founded in 2010.</p>"},
            },
        ]
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.FRONTEND_BASE_URL = "https://otandas.example"


@pytest.fixture
def article(trees):
    _, indexes = trees
    settings = PublishingSettings.load()
    settings.copyright_notice = "© Otandas 2025"
    settings.save()
    image = make_image(size=(1600, 900))
    culture = make_category("Мәдениет", "madeniet", "kk")
    make_category("Culture", "culture", "en", translation_key=culture.translation_key)
    japan = make_country("Жапония", "JP", "kk")
    make_country("Japan", "JP", "en", translation_key=japan.translation_key)
    page = make_article(
        indexes["kk"],
        "Tokyo",
        categories=[culture],
        country=japan,
        dateline="ТОКИО",
        source="KAZINFORM",
        source_url="https://www.inform.kz/",
        byline="A. Reporter",
        hero_image=image,
        hero_alt="Compatriots in a hall",
        hero_caption="The meeting",
        hero_credit="Photo: Kazinform",
        body=fact_box_body(image),
    )
    translate(page, "en", title="Tokyo meeting", slug="tokyo-meeting")
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_every_language_version_validates(article, version):
    pages = NewsArticlePage.objects.filter(translation_key=article.translation_key)
    assert {page.locale.language_code for page in pages} == {"kk", "en"}
    for page in pages:
        assert_valid(article_ninjs(page, version=version), version)


@pytest.mark.django_db
def test_ninjs_31_content(article):
    doc = article_ninjs(article)
    assert doc["uri"] == f"tag:otandas.kz,2025:article:{article.translation_key}:kk"
    assert doc["type"] == "text" and doc["pubStatus"] == "usable" and doc["language"] == "kk"
    assert doc["headlines"] == [{"role": "main", "value": "Tokyo"}]
    assert doc["descriptions"][0]["value"] == "Lead of Tokyo."
    roles = [body["role"] for body in doc["bodies"]]
    assert roles == ["main", "factbox"]
    main, box = doc["bodies"]
    assert "Compatriots met" in main["value"] and "Founded" not in main["value"]
    assert box["value"].startswith("<aside") and "Founded in 2010." in box["value"]
    assert doc["located"] == "ТОКИО" and doc["by"] == "A. Reporter"
    assert doc["infoSources"] == [
        {"name": "KAZINFORM", "role": "source", "uri": "https://www.inform.kz/"}
    ]
    assert [s["name"] for s in doc["subjects"]] == ["Мәдениет"]
    assert doc["places"][0]["name"] == "Жапония" and doc["places"][0]["literal"] == "JP"
    assert doc["copyrightNotice"] == "© Otandas 2025" and doc["usageTerms"]
    assert {"role": "url", "value": "https://otandas.example/kk/news/tokyo/"} in doc["altIds"]
    image, translation = doc["associations"]
    assert image["name"] == "featureimage" and image["type"] == "picture"
    assert {"role": "alt", "contentType": "text/plain", "value": "Compatriots in a hall"} in image[
        "descriptions"
    ]
    for rendition in image["renditions"]:
        assert rendition["href"].startswith("http") and rendition["contentType"] == "image/jpeg"
        assert rendition["width"] > 0 and rendition["height"] > 0
    assert translation["rel"] == "translation" and translation["language"] == "en"
    assert translation["uri"] == f"tag:otandas.kz,2025:article:{article.translation_key}:en"
    assert translation["altIds"] == [
        {"role": "url", "value": "https://otandas.example/en/news/tokyo-meeting/"}
    ]
    first = datetime.datetime.fromisoformat(doc["firstCreated"])
    assert first == article.first_published_at.replace(microsecond=0)


@pytest.mark.django_db
def test_ninjs_16_content(article):
    doc = article_ninjs(article, version="1.6")
    assert doc["uri"] == article_ninjs(article)["uri"]
    assert doc["pubstatus"] == "usable" and doc["headline"] == "Tokyo"
    assert "Founded" not in doc["body_html"] and doc["body_factbox_html"].startswith("<aside")
    assert doc["place"] == [
        {"name": "Жапония", "scheme": "http://cv.iptc.org/newscodes/iso3166-1a2/", "code": "JP"}
    ]
    assert set(doc["associations"]) == {"featureimage", "translation_en"}
    assert set(doc["associations"]["featureimage"]["renditions"]) == {"thumbnail", "preview", "web"}


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_a_bare_article_validates(trees, version):
    _, indexes = trees
    page = make_article(indexes["en"], "Short", lead="Just a lead.")
    doc = article_ninjs(page, version=version)
    assert_valid(doc, version)
    assert "associations" not in doc


@pytest.mark.django_db
def test_uri_survives_a_slug_change(article):
    before = article_ninjs(article)["uri"]
    article.slug = "tokyo-renamed"
    article.save_revision().publish()
    assert article_ninjs(NewsArticlePage.objects.get(pk=article.pk))["uri"] == before


@pytest.mark.django_db
@pytest.mark.parametrize("version", VERSIONS)
def test_withdrawn_documents(article, version):
    status = "pubStatus" if version == "3.1" else "pubstatus"
    uri = article_ninjs(article, version=version)["uri"]
    fields = {"translation_key": str(article.translation_key), "locale": "kk"}
    docs = [
        withdrawn_ninjs(article, version=version),
        withdrawn_ninjs(fields, version=version),
        withdrawn_ninjs(  # as syndication.feed calls it for a change log entry
            page_id=article.pk,
            url="https://otandas.example/kk/news/tokyo/",
            withdrawn_at=datetime.datetime(2025, 5, 1, 12, tzinfo=datetime.UTC),
            version=version,
            **fields,
        ),
    ]
    for doc in docs:
        assert_valid(doc, version)
        assert doc["uri"] == uri and doc[status] == "canceled"
    assert docs[2]["versionCreated" if version == "3.1" else "versioncreated"] == (
        "2025-05-01T12:00:00Z"
    )


def test_unknown_version():
    with pytest.raises(ValueError, match="2.0"):
        withdrawn_ninjs({"translation_key": "x", "locale": "kk"}, version="2.0")


@pytest.mark.django_db
def test_every_demo_article_validates(settings, tmp_path):
    for version in VERSIONS:
        schema_file(version)
    call_command("load_demo", stdout=StringIO())
    articles = NewsArticlePage.objects.filter(alias_of__isnull=True, live=True)
    languages = set(articles.values_list("locale__language_code", flat=True))
    assert articles.count() >= 3 and languages == {"kk", "ru", "en"}
    for page in articles:
        for version in VERSIONS:
            assert_valid(article_ninjs(page, version=version), version)


@pytest.mark.parametrize(
    "version,bad",
    [
        ("3.1", {"uri": "tag:x,2025:a", "pubStatus": "gone"}),
        ("3.1", {"uri": "tag:x,2025:a", "headline": "1.6 name in 3.1"}),
        ("3.1", {"uri": "tag:x,2025:a", "versionCreated": "2025-05-01"}),
        ("3.1", {"uri": "not a uri"}),
        ("3.1", {"uri": "tag:x,2025:a", "associations": [{"uri": "tag:x,2025:b"}]}),
        ("1.6", {"uri": "tag:x,2025:a", "headlines": [{"value": "3.1 name in 1.6"}]}),
        ("1.6", {"type": "text"}),
    ],
)
def test_the_validation_itself_rejects_bad_documents(version, bad):
    with pytest.raises(AssertionError):
        assert_valid(bad, version)
