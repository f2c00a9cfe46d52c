"""Builds the whole demo: locales, images, snippets, one page tree per locale, header data.

Every step looks its objects up by stable keys (translation keys derived from
names, slugs, image titles), so running it again changes nothing but the
header readings of the day.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.management.base import CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from home.models import HomePageFeaturedArticle
from news import archive

from . import content, page_builders
from .header import load_header
from .images import load_images
from .pages import ensure_page, install_home, set_dates, set_featured
from .snippets import load_snippets

PUBLISHED_TZ = zoneinfo.ZoneInfo("Asia/Almaty")


DEMO_LANGUAGES = ("kk", "ru", "en")  # the languages the demo texts are written in


def load_locales(stdout):
    """A Locale for every content language; returns those with demo texts, default first."""
    locales = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    if locales[0].language_code not in DEMO_LANGUAGES:
        raise CommandError(f"The demo has no texts in the default language {locales[0]}.")
    skipped = [loc.language_code for loc in locales if loc.language_code not in DEMO_LANGUAGES]
    if skipped:
        stdout.write(f"No demo texts in {', '.join(skipped)}: those trees stay empty.")
    return [loc for loc in locales if loc.language_code in DEMO_LANGUAGES]


def build_trees(locales, images):
    """Home page, section index pages and "About" in every locale."""
    code = locales[0].language_code
    root = Page.get_first_root_node()
    homes = ensure_page({code: root}, "home", code, locales, page_builders.home_page(content.HOME))
    install_home(homes[code], settings.WAGTAIL_SITE_NAME)
    sections = {"home": homes}
    for name, (model_label, texts) in content.INDEXES.items():
        build = page_builders.index_page(name, model_label, texts)
        sections[name] = ensure_page(homes, name, code, locales, build)
    build = page_builders.standard_page(content.ABOUT, images)
    sections["about"] = ensure_page(homes, content.ABOUT["name"], code, locales, build)
    return sections


def build_articles(locales, sections, images, snippets):
    """Each article in the folder of its year, in every locale, as the admin puts it."""
    articles = {}
    for spec in content.ARTICLES:
        wanted = [loc for loc in locales if loc.language_code in spec.get("locales", spec["text"])]
        year = spec["published"][0]
        folders = {
            code: archive.year_folder(index, year) for code, index in sections["news"].items()
        }
        build = page_builders.article_page(spec, images, snippets)
        articles[spec["name"]] = ensure_page(
            folders, spec["name"], spec["source_locale"], wanted, build
        )
    return articles


def build_partner_pages(locales, sections, images, snippets):
    programme = content.LANGUAGE_PROGRAMME
    project = content.CULTURE_DAYS_TOKYO
    return {
        "programme": ensure_page(
            sections["programmes"],
            programme["name"],
            programme["source_locale"],
            locales,
            page_builders.programme_page(programme, images, snippets),
        ),
        "project": ensure_page(
            sections["projects"],
            project["name"],
            project["source_locale"],
            locales,
            page_builders.project_page(project, images, snippets),
        ),
    }


def feature_articles(locales, sections, articles):
    for locale in locales:
        code = locale.language_code
        pages = [articles[name][code] for name in content.FEATURED]
        set_featured(sections["home"][code], pages, HomePageFeaturedArticle)


def sync_trees(locales):
    """Keep the other trees synced from the default locale, as wagtail-localize does.

    Pages of the default locale that nobody has translated yet appear as
    aliases in the other trees (here: the kk-only article).
    """
    default = locales[0]
    for locale in locales[1:]:
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
    for sync in LocaleSynchronization.objects.filter(locale__in=locales[1:]):
        synchronize_tree(sync.sync_from, sync.locale)


def build(stdout):
    locales = load_locales(stdout)
    stdout.write("Locales: " + ", ".join(locale.language_code for locale in locales) + ".")
    images = load_images(stdout)
    snippets = load_snippets(locales, images, stdout)
    sections = build_trees(locales, images)
    stdout.write(f"Trees: {len(sections)} sections in {len(locales)} locales.")
    articles = build_articles(locales, sections, images, snippets)
    partner_pages = build_partner_pages(locales, sections, images, snippets)
    stdout.write(f"Pages: {len(articles)} articles, {len(partner_pages)} partner pages.")
    feature_articles(locales, sections, articles)
    sync_trees(locales)
    for spec in content.ARTICLES:  # every locale's version, aliases included
        published = datetime.datetime(*spec["published"], tzinfo=PUBLISHED_TZ)
        set_dates(next(iter(articles[spec["name"]].values())), published)
    load_header(snippets["cities"], locales[0].language_code, stdout)
    # Roles need the trees (page permissions, review workflow); demo users for each role.
    from demo.users import create_demo_users
    from newsroom.roles import grant_page_permissions

    grant_page_permissions()
    create_demo_users(stdout)
