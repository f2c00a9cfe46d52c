"""Demo pages: each is written in one locale, published, then translated into the others."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from .translate import find, is_translated, stable_uuid, translate


def page_key(name):
    return stable_uuid(f"page:{name}")


def publish(page):
    revision = page.save_revision(clean=True)
    revision.publish()
    page.refresh_from_db()
    return page


def ensure_source(parent, name, locale, build):
    """The page `name` in `locale` under `parent`, created and published if missing.

    `build()` returns the unsaved page. A page already at that slug under the
    parent is adopted rather than duplicated.
    """
    key = page_key(name)
    page = find(Page, key, locale)
    if page is not None:
        return page.specific
    page = build()
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        if not isinstance(existing, type(page)):
            raise ValueError(f"{existing.url_path} is a {type(existing).__name__}, not {name}")
        return existing
    page.locale = locale
    page.translation_key = key
    parent.add_child(instance=page)
    return publish(page)


def ensure_translations(source_page, locales, build):
    """Translate `source_page` into every other locale in `locales`; return {code: page}.

    `build(code)` returns an unsaved page holding that locale's texts.
    """
    pages = {source_page.locale.language_code: source_page}
    for locale in locales:
        if locale.pk == source_page.locale_id:
            continue
        if not is_translated(Page, source_page.translation_key, locale):
            translate(source_page, locale, build(locale.language_code))
        pages[locale.language_code] = find(Page, source_page.translation_key, locale).specific
    return pages


def ensure_page(parents, name, source_code, locales, build):
    """A page in its source locale plus its translations into `locales`.

    `parents` maps language codes to the parent page in that locale. When
    the source language is not among `locales`, the first of them is the source.
    """
    by_code = {locale.language_code: locale for locale in locales}
    if source_code not in by_code:
        source_code = locales[0].language_code
    source = ensure_source(
        parents[source_code], name, by_code[source_code], lambda: build(source_code, True)
    )
    return ensure_translations(source, locales, lambda code: build(code, False))


def set_dates(page, published_at):
    """Backdate every locale's version of `page` (aliases included) to `published_at`."""
    Page.objects.filter(translation_key=page.translation_key).update(
        first_published_at=published_at, last_published_at=published_at
    )


def install_home(home, site_name):
    """Make `home` the root of the default site; remove Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.pk is None or site.root_page_id != home.pk or site.site_name != site_name:
        site.root_page = home
        site.site_name = site_name
        site.save()
    welcome_pages = Page.objects.filter(
        depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page)
    ).exclude(pk__in=Site.objects.values("root_page"))
    for page in welcome_pages:
        page.delete()
    return site


def set_featured(home, pages, relation_model):
    """Feature `pages` on `home` (in order), publishing only when it changes."""
    # A fresh copy: publishing a revision keeps the tree fields (numchild) of the
    # instance it was saved from, and children were added since `home` was read.
    home = home.specific_class.objects.get(pk=home.pk)
    wanted = [page.pk for page in pages]
    if [item.page_id for item in home.featured_articles.all()] == wanted:
        return False
    home.featured_articles = [relation_model(page_id=pk) for pk in wanted]
    publish(home)
    return True
