"""The page interface every page type implements.

It extends grapple's with what a multilingual front end needs (locale,
translations, the public URL) and applies the visibility rules to every
relation grapple offers (parent, children, siblings, ancestors, descendants).
"""

import graphene
from grapple.types.interfaces import PageInterface as GrapplePageInterface

from .context import language_code
from .fallbacks import asked_locale_id
from .lists import PAGE_ORDER, resolve_list
from .paths import public_path
from .translations import text_locale_id, translations_of
from .tree import (
    AncestorsLoader,
    ChildrenLoader,
    DescendantsLoader,
    ParentLoader,
    SiblingsLoader,
)
from .visibility import reader_pages_filter


class PageTranslation(graphene.ObjectType):
    """The same page in another locale."""

    id = graphene.ID(required=True, description="The page id of that locale's version.")
    locale = graphene.String(required=True, description="Language code, e.g. ru.")
    url = graphene.String(required=True, description="Public path, e.g. /ru/news/<slug>/.")


class PageInterface(GrapplePageInterface):
    locale = graphene.String(required=True, description="Language code of this page's tree.")
    translation_key = graphene.String(
        required=True, description="The same for every locale's version of this page."
    )
    url = graphene.String(description="Public path the front end routes on, e.g. /kk/news/<slug>/.")
    translations = graphene.List(
        graphene.NonNull(PageTranslation),
        required=True,
        description="Published versions really translated into the other locales.",
    )
    is_fallback = graphene.Boolean(
        required=True,
        description="True when this locale has no translation yet and the page shows "
        "the text of another locale (see contentLocale).",
    )
    content_locale = graphene.String(
        required=True, description="Language code of the text this page actually shows."
    )

    def resolve_locale(self, info, **kwargs):
        return language_code(asked_locale_id(self))

    def resolve_translation_key(self, info, **kwargs):
        return str(self.translation_key)

    def resolve_url(self, info, **kwargs):
        return public_path(self, language_code(self.locale_id))

    def resolve_translations(self, info, **kwargs):
        return [
            PageTranslation(
                id=other.pk,
                locale=language_code(other.locale_id),
                url=public_path(other, language_code(other.locale_id)),
            )
            for other in translations_of(self)
        ]

    def resolve_is_fallback(self, info, **kwargs):
        return text_locale_id(self) != asked_locale_id(self)

    def resolve_content_locale(self, info, **kwargs):
        return language_code(text_locale_id(self))

    def resolve_parent(self, info, **kwargs):
        # A hidden parent is dropped by the field's guard (cms.api.guards).
        return ParentLoader.of().load(self)

    def resolve_children(self, info, **kwargs):
        return _related(ChildrenLoader, self, info, kwargs, self.get_children)

    def resolve_siblings(self, info, **kwargs):
        return _related(SiblingsLoader, self, info, kwargs, self.get_siblings)

    def resolve_next_siblings(self, info, **kwargs):
        return _unbatched(self.get_next_siblings().exclude(pk=self.pk), info, kwargs)

    def resolve_previous_siblings(self, info, **kwargs):
        return _unbatched(self.get_prev_siblings().exclude(pk=self.pk), info, kwargs)

    def resolve_descendants(self, info, **kwargs):
        return _related(DescendantsLoader, self, info, kwargs, self.get_descendants)

    def resolve_ancestors(self, info, **kwargs):
        return _related(AncestorsLoader, self, info, kwargs, self.get_ancestors)


def _related(loader, page, info, kwargs, queryset):
    """A relation loaded for every page the request shows at once (cms.api.tree); a search
    within it runs for this page alone."""
    if kwargs.get("search_query"):
        return _unbatched(queryset(), info, kwargs)
    return loader.of(tuple(sorted(kwargs.items()))).load(page)


def _unbatched(queryset, info, kwargs):
    """The relation's pages the reader may see, with grapple's list arguments."""
    queryset = reader_pages_filter(queryset.filter(depth__gt=1)).specific()
    return resolve_list(queryset, info, order_fields=PAGE_ORDER, **kwargs)
