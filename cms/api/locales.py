"""The `locale` argument: a language code mapped to a Wagtail Locale."""

from django.conf import settings

from .context import locales_by_code
from .errors import UNKNOWN_LOCALE, ApiError


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def get_locale(code):
    """The Locale for a code the client sent, or an UNKNOWN_LOCALE error."""
    languages = content_languages()
    if code not in languages:
        raise ApiError(
            UNKNOWN_LOCALE,
            f"Unknown locale {code!r}. Use one of: {', '.join(languages)}.",
            available=languages,
        )
    locale = locales_by_code().get(code)
    if locale is None:
        raise ApiError(UNKNOWN_LOCALE, f"The locale {code!r} is not set up yet.")
    return locale
