"""`manage.py load_demo`: three locale trees, real translations, idempotent."""

import datetime
import zoneinfo
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo import content
from demo.pages import page_key
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from partners.models import CulturalProjectIndexPage, CulturalProjectPage, ProgrammeIndexPage

LOCALES = ["kk", "ru", "en"]
COUNTED = [
    "wagtailcore.Page",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.Collection",
    "wagtailcore.Revision",
    "wagtailimages.Image",
    "home.Country",
    "home.City",
    "home.CityWeather",
    "home.ExchangeRate",
    "home.HomePageFeaturedArticle",
    "news.NewsCategory",
    "news.NewsArticleCategory",
    "partners.Partner",
    "partners.CulturalProjectPartner",
    "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation",
    "wagtail_localize.StringTranslation",
    "wagtail_localize.LocaleSynchronization",
    "wagtailredirects.Redirect",
]


def versions(name):
    """{language code: page} for every version of a demo page."""
    pages = Page.objects.filter(translation_key=page_key(name)).select_related("locale")
    return {page.locale.language_code: page.specific for page in pages}


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


@pytest.mark.django_db
def test_every_locale_has_a_tree(demo):
    assert "Demo content loaded" in demo
    for code in LOCALES:
        home = HomePage.objects.get(locale__language_code=code)
        assert home.live and home.alias_of_id is None and home.depth == 2
        children = {page.slug: type(page) for page in home.get_children().specific()}
        assert children == {
            "news": NewsIndexPage,
            "programmes": ProgrammeIndexPage,
            "projects": CulturalProjectIndexPage,
            "about": StandardPage,
        }
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Otandas"
    assert site.root_page.specific == HomePage.objects.get(locale__language_code="kk")
    assert not Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.all()).exists()
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths, numchild all sound


@pytest.mark.django_db
def test_lead_article_is_translated_into_ru_and_en(demo):
    lead = versions("japan-association")
    assert set(lead) == set(LOCALES)
    titles = {code: page.title for code, page in lead.items()}
    assert len(set(titles.values())) == 3
    assert titles["en"] == "Association of Kazakhs founded in Japan"
    published = datetime.datetime(2021, 4, 15, 22, 6, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))
    for page in lead.values():
        assert page.alias_of_id is None and page.live and not page.has_unpublished_changes
        assert page.translation_key == lead["kk"].translation_key
        assert page.first_published_at == published
        assert page.source == "KAZINFORM"
        assert [block.block_type for block in page.body][-2:] == ["quote", "fact_box"]
    assert lead["en"].dateline == "TOKYO"
    assert lead["ru"].body[-1].value["title"] == "Справка"
    assert lead["kk"].body[-1].value["title"] == "Анықтама"


@pytest.mark.django_db
def test_translated_links_point_to_snippets_of_the_same_locale(demo):
    for code in ["ru", "en"]:
        article = versions("japan-association")[code]
        categories = article.category_list()
        assert categories and {category.locale.language_code for category in categories} == {code}
        assert article.country.code == "JP" and article.country.locale.language_code == code
    en_project = versions("culture-days-tokyo")["en"]
    assert isinstance(en_project, CulturalProjectPage)
    assert {partner.locale.language_code for partner in en_project.partner_list()} == {"en"}
    en_home = HomePage.objects.get(locale__language_code="en")
    featured = [item.page for item in en_home.featured_articles.all()]
    assert len(featured) == 3 and {page.locale.language_code for page in featured} == {"en"}


@pytest.mark.django_db
def test_segment_editor_can_open_the_translations(demo):
    lead = versions("japan-association")
    source = TranslationSource.objects.get_for_instance(lead["kk"])
    for code in ["ru", "en"]:
        translation = Translation.objects.get(source=source, target_locale__language_code=code)
        assert translation.enabled
        assert translation.get_target_instance().pk == lead[code].pk
        title = StringTranslation.objects.get(
            translation_of__segments__source=source,
            translation_of__segments__context__path="title",
            locale__language_code=code,
        )
        assert title.data == lead[code].title and not title.has_error


@pytest.mark.django_db
def test_articles_written_first_in_ru_or_en_are_translated_too(demo):
    sources = TranslationSource.objects.filter(
        specific_content_type__model="newsarticlepage"
    ).exclude(locale=Locale.get_default())
    assert {source.locale.language_code for source in sources} >= {"ru", "en"}
    for source in sources:
        for code in LOCALES:
            page = source.get_translated_instance(Locale.objects.get(language_code=code))
            assert page.live and page.alias_of_id is None


@pytest.mark.django_db
def test_one_article_is_not_translated_yet(demo):
    article = versions("omsk-abai-readings")
    assert article["kk"].alias_of_id is None
    assert article["en"].alias_of_id == article["kk"].pk  # the synced tree's placeholder
    real = NewsArticlePage.objects.filter(alias_of__isnull=True)
    assert real.filter(locale__language_code="kk").count() == 7
    assert real.filter(locale__language_code="en").count() == 6


@pytest.mark.django_db
def test_header_data_for_today(demo):
    weather = apps.get_model("home.CityWeather").objects.select_related("city")
    assert {(r.city.name, float(r.temperature_c)) for r in weather} == {
        ("Астана", 7.0),
        ("Алматы", 14.0),
    }
    rates = apps.get_model("home.ExchangeRate").objects.filter(date=timezone.localdate())
    assert {rate.currency: str(rate.rate) for rate in rates} == {
        "USD": "421.5800",
        "EUR": "496.8300",
        "RUB": "5.5300",
        "CNY": "62.2000",
    }


@pytest.mark.django_db
def test_running_again_adds_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == before
    assert before["wagtailimages.Image"] >= 16
    years = {spec["published"][0] for spec in content.ARTICLES}  # a news folder per year
    # root, trees, news, year folders, partners
    assert before["wagtailcore.Page"] == 1 + 3 * 5 + 7 * 3 + len(years) * 3 + 2 * 3


DEMO_ARTICLE = """
query($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) {
    title dateline lead locale url
    heroImage { alt rendition(fill: "640x360", format: "webp") { url width height } }
    body { blockType ... on FactBoxBlock { title text } }
  }
}
"""


@pytest.mark.django_db
@pytest.mark.parametrize("code", LOCALES)
def test_graphql_serves_the_demo_article_in_each_locale(demo, graphql, code):
    page = versions("japan-association")[code]
    status, body = graphql(DEMO_ARTICLE, {"locale": code, "slug": page.slug})
    assert status == 200 and "errors" not in body, body
    article = body["data"]["newsArticle"]
    assert article["title"] == page.title
    assert article["dateline"] == page.dateline and article["dateline"]
    assert article["lead"] == page.lead and article["lead"]
    assert article["url"] == f"/{code}/news/{page.slug}/"
    rendition = article["heroImage"]["rendition"]
    assert rendition["url"].startswith("http") and rendition["url"].endswith(".webp")
    assert (rendition["width"], rendition["height"]) == (640, 360)
    assert article["heroImage"]["alt"] == page.hero_alt != ""
    assert article["body"][-1]["blockType"] == "FactBoxBlock"


@pytest.mark.django_db
def test_demo_articles_live_in_the_folder_of_their_year(demo):
    for article in NewsArticlePage.objects.filter(alias_of__isnull=True):
        folder = article.get_parent()
        assert folder.specific_class.__name__ == "NewsYearPage"
        assert folder.slug == str(timezone.localtime(article.first_published_at).year)
        assert article.url_path == folder.get_parent().url_path + article.slug + "/"
