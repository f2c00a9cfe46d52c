"""The programme and project querysets of the delivery API (their relations: loaders)."""

from cms.api.visibility import locale_pages


def section_queryset(model, locale, country=None, include_untranslated=False):
    """A locale's visible pages of a section, newest first, optionally in one country."""
    queryset = locale_pages(model, locale, include_untranslated).select_related("country")
    return queryset.filter(country__code=country.upper()) if country else queryset
