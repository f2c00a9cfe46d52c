"""The `locale` argument: a language code mapped to a Wagtail Locale."""

from django.conf import settings

from .context import locales_by_code, set_script_variant
from .errors import UNKNOWN_LOCALE, ApiError
from .scripts import split_variant


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def accepted_locales():
    """What a client may send: the content languages and their script variants."""
    return content_languages() + list(settings.CMS_SCRIPT_VARIANTS)


def get_locale(code):
    """The Locale for a code the client sent, or an UNKNOWN_LOCALE error. A script variant
    ("kk-Latn") answers its base locale's and puts the request in that script."""
    code, variant = split_variant(code)
    languages = content_languages()
    if code not in languages:
        raise ApiError(
            UNKNOWN_LOCALE,
            f"Unknown locale {code!r}. Use one of: {', '.join(accepted_locales())}.",
            available=accepted_locales(),
        )
    locale = locales_by_code().get(code)
    if locale is None:
        raise ApiError(UNKNOWN_LOCALE, f"The locale {code!r} is not set up yet.")
    if variant is not None:
        set_script_variant(variant)
    return locale
