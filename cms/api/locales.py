"""The `locale` argument: a language code mapped to a Wagtail Locale."""

from django.conf import settings
from wagtail.models import Locale

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
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise ApiError(UNKNOWN_LOCALE, f"The locale {code!r} is not set up yet.")
    return locale


def locale_codes_by_id():
    """Locale id → language code. Locales hardly ever change; one query per request."""
    return dict(Locale.objects.values_list("id", "language_code"))
