"""Translatable snippets: written in the default locale, translated with wagtail-localize.

They are loaded before the pages, so that translating a page maps its
country, partner and category links to the snippets of the target locale.
"""

from home.models import City, Country
from news.models import NewsCategory
from partners.models import Partner

from . import content
from .translate import find, is_translated, stable_uuid, translate


def ensure_snippet(model, name, locales, build, natural_key=None):
    """Return {language code: object} for one snippet in every locale.

    `build(code)` returns an unsaved instance with the texts of that locale.
    An object already present under its natural key (e.g. a country's code in
    the source locale) is reused, whatever its translation key.
    """
    source_locale = locales[0]
    key = stable_uuid(f"{model._meta.label_lower}:{name}")
    source = find(model, key, source_locale)
    if source is None and natural_key:
        source = model.objects.filter(locale=source_locale, **natural_key).first()
    if source is None:
        source = build(source_locale.language_code)
        source.locale = source_locale
        source.translation_key = key
        source.save()
    for locale in locales[1:]:
        if not is_translated(model, source.translation_key, locale):
            translate(source, locale, build(locale.language_code))
    return {locale.language_code: find(model, source.translation_key, locale) for locale in locales}


def load_countries(locales):
    return {
        code: ensure_snippet(
            Country,
            code,
            locales,
            lambda lang, code=code, names=names: Country(code=code, name=names[lang]),
            natural_key={"code": code},
        )
        for code, names in content.COUNTRIES.items()
    }


def load_cities(locales):
    return {
        name: ensure_snippet(City, name, locales, lambda lang, names=names: City(name=names[lang]))
        for name, names in content.CITIES.items()
    }


def _category(texts, lang):
    name, slug, description = texts[lang]
    return NewsCategory(name=name, slug=slug, description=description)


def load_categories(locales):
    source_code = locales[0].language_code
    return {
        name: ensure_snippet(
            NewsCategory,
            name,
            locales,
            lambda lang, texts=texts: _category(texts, lang),
            natural_key={"slug": texts[source_code][1]},
        )
        for name, texts in content.CATEGORIES.items()
    }


def load_partners(locales, images, countries):
    source_code = locales[0].language_code

    def builder(spec):
        def build(lang):
            name, description = spec["text"][lang]
            return Partner(
                name=name,
                description=description,
                logo=images[spec["logo"]],
                website=spec["website"],
                country=countries[spec["country"]][source_code],
            )

        return build

    return {
        name: ensure_snippet(
            Partner,
            name,
            locales,
            builder(spec),
            natural_key={"name": spec["text"][source_code][0]},
        )
        for name, spec in content.PARTNERS.items()
    }


def load_snippets(locales, images, stdout):
    snippets = {
        "countries": load_countries(locales),
        "cities": load_cities(locales),
        "categories": load_categories(locales),
    }
    snippets["partners"] = load_partners(locales, images, snippets["countries"])
    stdout.write(
        "Snippets: "
        + ", ".join(f"{len(items)} {kind}" for kind, items in snippets.items())
        + f" in {len(locales)} locales."
    )
    return snippets
