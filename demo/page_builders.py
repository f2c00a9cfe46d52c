"""Unsaved page instances built from the demo texts, one locale at a time.

Every builder takes the language code and whether the page is the source:
only the source needs its links (categories, tags, partners); a translation
gets them from wagtail-localize, which maps translatable snippets to the
target locale.
"""

import datetime

from home.models import HomePage, StandardPage
from news.models import NewsArticleCategory, NewsArticlePage, NewsIndexPage
from partners.models import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    CulturalProjectPartner,
    ProgrammeIndexPage,
    ProgrammePage,
)

from .content.sections import CREDIT
from .streams import stream

INDEX_MODELS = {
    "news.NewsIndexPage": NewsIndexPage,
    "partners.ProgrammeIndexPage": ProgrammeIndexPage,
    "partners.CulturalProjectIndexPage": CulturalProjectIndexPage,
}


def home_page(spec):
    def build(code, is_source):
        text = spec["text"][code]
        return HomePage(title=text["title"], slug=text["slug"], intro=text["intro"])

    return build


def index_page(name, model_label, texts):
    def build(code, is_source):
        title, intro = texts[code]
        return INDEX_MODELS[model_label](title=title, slug=name, intro=intro)

    return build


def standard_page(spec, images):
    def build(code, is_source):
        text = spec["text"][code]
        return StandardPage(
            title=text["title"],
            slug=text["slug"],
            intro=text["intro"],
            body=stream(f"{spec['name']}/body", text["body"], images),
        )

    return build


def article_page(spec, images, snippets):
    def build(code, is_source):
        text = spec["text"][code]
        page = NewsArticlePage(
            title=text["title"],
            slug=text["slug"],
            dateline=text["dateline"],
            source=spec.get("agency", ""),
            byline=spec.get("byline", {}).get(code, ""),
            lead=text["lead"],
            hero_image=images[spec["hero"]],
            hero_alt=text["hero_alt"],
            hero_caption=text["hero_caption"],
            hero_credit=CREDIT[code],
            body=stream(f"{spec['name']}/body", text["body"], images),
        )
        if is_source:
            page.country = snippets["countries"][spec["country"]][code]
            page.categories = [
                NewsArticleCategory(category=snippets["categories"][name][code])
                for name in spec["categories"]
            ]
            page.tags.set(spec["tags"])
        return page

    return build


def programme_page(spec, images, snippets):
    def build(code, is_source):
        text = spec["text"][code]
        page = ProgrammePage(
            title=text["title"],
            slug=text["slug"],
            summary=text["summary"],
            eligibility=text["eligibility"],
            how_to_apply=text["how_to_apply"],
            application_deadline=datetime.date(*spec["deadline"]),
            body=stream(f"{spec['name']}/body", text["body"], images),
        )
        if is_source:
            page.partner = snippets["partners"][spec["partner"]][code]
            if spec["country"]:
                page.country = snippets["countries"][spec["country"]][code]
        return page

    return build


def project_page(spec, images, snippets):
    def build(code, is_source):
        text = spec["text"][code]
        start, end = spec["dates"]
        page = CulturalProjectPage(
            title=text["title"],
            slug=text["slug"],
            summary=text["summary"],
            start_date=datetime.date(*start),
            end_date=datetime.date(*end),
            place=text["place"],
            gallery=stream(f"{spec['name']}/gallery", text["gallery"], images),
            body=stream(f"{spec['name']}/body", text["body"], images),
        )
        if is_source:
            page.country = snippets["countries"][spec["country"]][code]
            page.project_partners = [
                CulturalProjectPartner(partner=snippets["partners"][name][code])
                for name in spec["partners"]
            ]
        return page

    return build
