"""Builders for test content: small functions, each making one thing the way an editor would."""

import datetime
import io
import uuid

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from home.models import Country, HomePage, StandardPage
from news.models import NewsArticleCategory, NewsArticlePage, NewsCategory, NewsIndexPage
from partners.models import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    ProgrammeIndexPage,
    ProgrammePage,
)

LANGUAGES = ("kk", "ru", "en")
# Every page type of the project, for tests that go through each.
PAGE_TYPES = [
    HomePage,
    StandardPage,
    NewsIndexPage,
    NewsArticlePage,
    ProgrammeIndexPage,
    ProgrammePage,
    CulturalProjectIndexPage,
    CulturalProjectPage,
]


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def make_image(title="Test image", size=(1600, 900), color=(30, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{uuid.uuid4().hex[:8]}.jpg")
    )


def publish(page, at=None):
    page.save_revision().publish()
    if at is not None:
        Page.objects.filter(pk=page.pk).update(first_published_at=at, last_published_at=at)
        page.refresh_from_db()
    return page


def make_trees():
    """A home page and a news index per locale, the kk home as the site root."""
    by_code = locales()
    root = Page.get_first_root_node()
    for page in root.get_children():
        if not isinstance(page.specific, HomePage):
            Site.objects.filter(root_page=page).delete()
            page.delete()
    homes, indexes = {}, {}
    kk_home = None
    for code, locale in by_code.items():
        if kk_home is None:
            home = root.add_child(
                instance=HomePage(title=f"Home {code}", slug=f"home-{code}", locale=locale)
            )
            kk_home = home
        else:
            home = kk_home.copy_for_translation(locale)
        publish(home)
        homes[code] = home
        if code == "kk":
            index = home.add_child(instance=NewsIndexPage(title="News", slug="news", locale=locale))
        else:
            index = indexes["kk"].copy_for_translation(locale)
        publish(index)
        indexes[code] = index
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": homes["kk"],
            "site_name": "Otandas",
        },
    )
    return homes, indexes


def make_category(name, slug, code="en", translation_key=None):
    return NewsCategory.objects.create(
        name=name,
        slug=slug,
        locale=locales()[code],
        translation_key=translation_key or uuid.uuid4(),
    )


def make_country(name, iso, code="en", translation_key=None):
    return Country.objects.create(
        name=name, code=iso, locale=locales()[code], translation_key=translation_key or uuid.uuid4()
    )


def make_article(index, title, *, categories=(), published_at=None, live=True, **fields):
    fields.setdefault("lead", f"Lead of {title}.")
    fields.setdefault("slug", title.lower().replace(" ", "-"))
    article = NewsArticlePage(title=title, locale=index.locale, **fields)
    for category in categories:
        article.categories.add(NewsArticleCategory(category=category))
    index.add_child(instance=article)
    if live:
        publish(article, at=published_at or timezone.now() - datetime.timedelta(hours=1))
    else:
        article.save_revision()
        NewsArticlePage.objects.filter(pk=article.pk).update(live=False)
        article.refresh_from_db()
    return article


def translate(page, code, **fields):
    """A real (non-alias) translation of `page` into locale `code`, published."""
    translated = page.copy_for_translation(locales()[code])
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)
