"""Whether the reader has something at a path, for the HTTP status of its shell.

app.js routes the same way (`parseRoute`): /<locale>/ is a home page,
/<locale>/news/<slug>/ an article, anything with ``?token=`` a preview. The
server checks only what it can tell cheaply, by the API's own rule
(`cms.api.visibility.locale_pages`, with which `newsArticle` looks articles up, not
yet translated ones included): for an article, the locale, the restricted paths and
one EXISTS; no query for any other path. Other pages keep 200 (the shell says "Page
not found" when there is none).
"""

from django.conf import settings
from wagtail.models import Locale

from cms.api.visibility import locale_pages
from news.models import NewsArticlePage


def exists(path, params):
    """False when nothing is at `path` (the part after /reader/) for a reader."""
    if params.get("token"):
        return True  # a preview: the token decides, in the API
    parts = [part for part in path.split("/") if part]
    if not parts:
        return True  # /reader/: app.js goes on to the default locale
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    variants = {variant.lower(): base for variant, base in settings.CMS_SCRIPT_VARIANTS.items()}
    code = variants.get(parts[0], parts[0])  # /reader/kk-latn/...: the kk pages
    if code not in languages:
        return False
    if len(parts) == 3 and parts[1] == "news":
        return article_exists(code, parts[2])
    return True


def article_exists(code, slug):
    """Whether the article `slug` is one a reader may see in locale `code`."""
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return False
    articles = locale_pages(NewsArticlePage, locale, include_untranslated=True)
    return articles.filter(slug=slug).exists()
