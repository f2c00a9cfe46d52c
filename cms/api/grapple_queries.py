"""Grapple's queries, hardened: the visibility rules, locales and safe arguments.

Stock grapple 0.31 serves drafts and restricted pages through `search`, expired
pages everywhere, ambiguous slugs as errors, and sorts by any field path
(`order: "owner__password"` leaks data through the order). The mixin built by
`reader_query_mixin()` is registered (cms/wagtail_hooks.py) ahead of grapple's
own, so its fields replace grapple's fields of the same name.

`cms.api.guards` covers every other field, grapple's included: it checks
`order` against an allow-list, validates preview tokens, makes
`searchOperator` usable, and drops from any result a page the reader may not
see (relations no list query filters, such as a Site's pages, a redirect's
page or a page chooser block).
"""

import copy

import graphene
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, IntegerField, Q, Value, When
from taggit.models import ItemBase, Tag
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, DraftStateMixin, Page, Site, TranslatableMixin
from wagtail.search.index import class_is_indexed

from .errors import bad_input
from .fallbacks import with_fallback
from .lists import (
    MEDIA_ORDER,
    NAME_ORDER,
    PAGE_ORDER,
    int_argument,
    order_description,
    resolve_list,
    search_queryset,
)
from .locales import content_languages, get_locale
from .preview import preview_page
from .visibility import (
    public_collections,
    public_media,
    reader_pages_filter,
    visible_pages,
)


def order_argument(fields):
    return graphene.Argument(graphene.String, description=order_description(fields))


def reader_pages(locale=None):
    """Every page a reader may see (the tree's root excluded), in one locale if given."""
    queryset = reader_pages_filter(Page.objects.filter(depth__gt=1))
    if locale is not None:
        queryset = queryset.filter(locale=get_locale(locale))
    return queryset


def filter_content_types(queryset, content_type):
    """`app.Model`, or several separated by commas."""
    query = Q()
    for name in content_type.split(","):
        app_label, _, model = name.strip().lower().partition(".")
        if not app_label or not model:
            raise bad_input(
                f"Unknown content type {name.strip()!r}; use app.Model, e.g. news.NewsArticlePage.",
                argument="contentType",
            )
        query |= Q(content_type__app_label=app_label, content_type__model=model)
    return queryset.filter(query)


def locale_preference(queryset):
    """Sort candidates by the configured order of locales: the default locale first."""
    whens = [
        When(locale__language_code=code, then=Value(rank))
        for rank, code in enumerate(content_languages())
    ]
    rank = Case(*whens, default=Value(len(whens)), output_field=IntegerField())
    return queryset.annotate(locale_rank=rank).order_by("locale_rank", "path")


def url_path_candidates(url_path, locale):
    """Wagtail url_paths a path may stand for, and the locale it names (if any).

    `/ru/news/<slug>/` is the public form (see cms/api/paths.py): the first segment
    is the locale, the rest hangs under that locale's home page. Anything else is
    taken as a path under any locale's home, or as Wagtail's own url_path.
    """
    segments = [segment for segment in url_path.strip("/").split("/") if segment]
    if segments and segments[0] in content_languages():
        path_locale = get_locale(segments.pop(0))
        if locale is not None and locale != path_locale:
            raise bad_input(
                f"`urlPath` is in locale {path_locale.language_code!r}, "
                f"but `locale` is {locale.language_code!r}.",
                argument="urlPath",
            )
        locale = path_locale
    tail = "".join(f"{segment}/" for segment in segments)
    homes = Page.objects.filter(depth=2)
    if locale is not None:
        homes = homes.filter(locale=locale)
    paths = [home_path + tail for home_path in homes.values_list("url_path", flat=True)]
    return paths + [f"/{tail}"], locale


def find_page(*, id=None, slug=None, url_path=None, locale=None, content_type=None, site=None):
    """One page for `page(...)`: never an error because locales share a slug or path."""
    locale = get_locale(locale) if locale is not None else None
    queryset = reader_pages_filter(Page.objects.filter(depth__gt=1))
    if site is not None:
        queryset = queryset.in_site(site)
    if content_type:
        queryset = filter_content_types(queryset, content_type)
    if id is not None:
        queryset = queryset.filter(pk=int_argument(id, "id"))
    elif slug is not None:
        queryset = queryset.filter(slug=slug)
    elif url_path is not None:
        paths, locale = url_path_candidates(url_path, locale)
        queryset = queryset.filter(url_path__in=paths)
    else:
        return None
    if locale is None or url_path is not None or id is not None:
        # An id or a path names one page: no stand-in from another locale.
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return locale_preference(queryset).specific().first()
    return with_fallback(lambda loc: queryset.filter(locale=loc).specific().first(), locale)


def page_tags():
    """Tags on pages a reader may see; a tag used only on drafts stays private."""
    tag_ids = None
    for through in apps.get_models():
        if not issubclass(through, ItemBase):
            continue
        try:
            target = through._meta.get_field("content_object").related_model
        except FieldDoesNotExist:
            continue
        if not (isinstance(target, type) and issubclass(target, Page)):
            continue
        used = through.objects.filter(
            content_object__in=visible_pages(target.objects.all()).values("pk")
        ).values("tag_id")
        tag_ids = used if tag_ids is None else tag_ids.union(used)
    if tag_ids is None:
        return Tag.objects.none()
    return Tag.objects.filter(pk__in=tag_ids)


def site_filter(info, site=None, in_site=False):
    """grapple's `site` / `inSite` arguments: (applies, Site or None)."""
    from grapple.types.pages import get_site_filter

    if site is None and not in_site:
        return False, None
    if site is not None and in_site:
        # grapple's own error here is a bare GraphQLError: an internal error to the view.
        raise bad_input(
            "Invalid argument: `site` and `inSite` cannot be used together.", argument="site"
        )
    return True, get_site_filter(info, site=site, in_site=in_site)


def resolve_site_pages(site, info, content_type=None, **kwargs):
    """grapple's `SiteObjectType.pages`, as `pages(site:)` does it: its own would take any
    text for `contentType` apart at the dot (an internal error without one)."""
    queryset = reader_pages().in_site(site)
    if content_type:
        queryset = filter_content_types(queryset, content_type)
    return resolve_list(queryset.specific(), info, order_fields=PAGE_ORDER, **kwargs)


def resolve_site_page(site, info, token=None, **kwargs):
    """grapple's `SiteObjectType.page`, as `page(site:)` does it (its own fails on a
    `contentType` without a dot or of no model, and on a slug two of the site's pages share)."""
    if token:
        return preview_page(token)
    return find_page(site=site, **kwargs)


def install_site_resolvers(schema):
    """Put the two resolvers above in place of grapple's, in a graphql-core schema."""
    site_type = schema.type_map.get("SiteObjectType")
    if site_type is None:
        return
    for name, resolve in (("pages", resolve_site_pages), ("page", resolve_site_page)):
        if name in site_type.fields:
            site_type.fields[name].resolve = resolve


def reader_query_mixin():
    """Built when the schema is: grapple's types must be complete by then."""
    from grapple.registry import registry
    from grapple.types.collections import CollectionObjectType
    from grapple.types.documents import get_document_type
    from grapple.types.images import get_image_type
    from grapple.types.interfaces import get_page_interface, get_snippet_interface
    from grapple.types.redirects import RedirectObjectType
    from grapple.types.structures import QuerySetList
    from grapple.types.tags import TagObjectType
    from wagtail.contrib.redirects.models import Redirect

    image_model, document_model = get_image_model(), get_document_model()
    locale_arg = graphene.Argument(
        graphene.String,
        description=f"Language code, one of {', '.join(content_languages())}; "
        "all locales when omitted.",
    )

    class Search(graphene.Union):
        """Anything a reader may find: pages, images, documents, snippets."""

        class Meta:
            types = tuple(registry.class_models.values())

    def page_list(**extra):
        return QuerySetList(
            graphene.NonNull(get_page_interface),
            enable_search=True,
            enable_in_menu=True,
            required=True,
            order=order_argument(PAGE_ORDER),
            **extra,
        )

    class ReaderQuery(graphene.ObjectType):
        page = graphene.Field(
            get_page_interface(),
            id=graphene.ID(),
            slug=graphene.String(
                description="Without `locale`, the default locale's page if it has this "
                "slug, else the first locale's that has."
            ),
            url_path=graphene.String(
                description="The public path, e.g. /ru/news/<slug>/ (its first segment is "
                "the locale), or a path under the home page."
            ),
            token=graphene.String(
                description="A preview token: returns the draft it was made for, whatever "
                "the other arguments. Expired or invalid tokens are errors."
            ),
            content_type=graphene.String(description="app.Model, e.g. news.NewsArticlePage."),
            in_site=graphene.Boolean(
                default_value=False, description="Only pages in the current site."
            ),
            site=graphene.String(description="Only pages in the site with this hostname."),
            locale=locale_arg,
            description="One page a reader may see: live, public, neither scheduled nor expired.",
        )
        pages = page_list(
            content_type=graphene.String(description="app.Model, comma-separated for several."),
            in_site=graphene.Boolean(
                default_value=False, description="Only pages in the current site."
            ),
            site=graphene.String(description="Only pages in the site with this hostname."),
            ancestor=graphene.ID(description="Only descendants of this page."),
            parent=graphene.ID(description="Only children of this page (wins over ancestor)."),
            locale=locale_arg,
            description="Pages a reader may see.",
        )
        search = graphene.List(
            graphene.NonNull(Search),
            required=True,
            query=graphene.String(description="Words to search for."),
            locale=locale_arg,
            description="Pages, images, documents and snippets a reader may see that match "
            f"`query`, at most {settings.GRAPPLE['MAX_PAGE_SIZE']} of each kind.",
        )
        image = graphene.Field(
            get_image_type(), id=graphene.ID(), description="An image outside private collections."
        )
        images = QuerySetList(
            graphene.NonNull(get_image_type()),
            enable_search=True,
            required=True,
            collection=graphene.ID(description="Only images in this collection."),
            order=order_argument(MEDIA_ORDER),
            description="Images outside private collections.",
        )
        document = graphene.Field(
            get_document_type(),
            id=graphene.ID(),
            description="A document outside private collections.",
        )
        documents = QuerySetList(
            graphene.NonNull(get_document_type()),
            enable_search=True,
            required=True,
            collection=graphene.ID(description="Only documents in this collection."),
            order=order_argument(MEDIA_ORDER),
            description="Documents outside private collections.",
        )
        collections = QuerySetList(
            registry.collections.get(Collection, CollectionObjectType),
            enable_search=False,
            required=True,
            order=order_argument(NAME_ORDER),
            description="Collections without view restrictions, on themselves or above.",
        )
        tag = graphene.Field(
            TagObjectType, id=graphene.ID(), description="A tag used on a page readers may see."
        )
        tags = QuerySetList(
            graphene.NonNull(TagObjectType),
            required=True,
            enable_search=False,
            order=order_argument(NAME_ORDER),
            description="Tags used on pages readers may see.",
        )
        snippets = graphene.List(
            graphene.NonNull(get_snippet_interface),
            required=True,
            description="Every snippet (unpublished drafts of draftable snippets left out).",
        )
        redirects = graphene.List(
            graphene.NonNull(RedirectObjectType),
            required=True,
            description="Redirects, without those to pages a reader may not see.",
        )

        def resolve_page(self, info, token=None, in_site=False, site=None, **kwargs):
            if token:
                return preview_page(token)
            applies, site_obj = site_filter(info, site, in_site)
            if applies and site_obj is None:
                return None
            return find_page(site=site_obj, **kwargs)

        def resolve_pages(
            self,
            info,
            locale=None,
            content_type=None,
            in_site=False,
            site=None,
            ancestor=None,
            parent=None,
            **kwargs,
        ):
            queryset = reader_pages(locale)
            relative_to = parent or ancestor
            if relative_to is not None:
                anchor = Page.objects.filter(pk=int_argument(relative_to, "parent")).first()
                if anchor is None:
                    return []
                queryset = queryset.child_of(anchor) if parent else queryset.descendant_of(anchor)
            applies, site_obj = site_filter(info, site, in_site)
            if applies:
                if site_obj is None:
                    return []
                queryset = queryset.in_site(site_obj)
            if content_type:
                queryset = filter_content_types(queryset, content_type)
            return resolve_list(queryset.specific(), info, order_fields=PAGE_ORDER, **kwargs)

        def resolve_search(self, info, query=None, locale=None):
            text = (query or "").strip()
            if not text:
                return []
            limit = settings.GRAPPLE["MAX_PAGE_SIZE"]
            language = get_locale(locale) if locale is not None else None
            pages = reader_pages(locale).specific()
            results = list(search_queryset(pages, text, locale=language)[:limit])
            for model in (image_model, document_model, *registry.snippets):
                if model not in registry.class_models or not class_is_indexed(model):
                    continue
                queryset = model.objects.all()
                if issubclass(model, (AbstractImage, AbstractDocument)):
                    queryset = public_media(queryset)
                if issubclass(model, DraftStateMixin):
                    queryset = queryset.filter(live=True)
                # Only translatable objects are indexed in their language's configuration.
                in_language = language if issubclass(model, TranslatableMixin) else None
                if in_language is not None:
                    queryset = queryset.filter(locale=in_language)
                results += list(search_queryset(queryset, text, locale=in_language)[:limit])
            return results

        def resolve_image(self, info, id=None):
            queryset = public_media(image_model.objects.all()).prefetch_renditions()
            return queryset.filter(pk=int_argument(id, "id")).first() if id else None

        def resolve_images(self, info, **kwargs):
            queryset = public_media(image_model.objects.all()).prefetch_renditions()
            return resolve_list(queryset, info, order_fields=MEDIA_ORDER, **kwargs)

        def resolve_document(self, info, id=None):
            queryset = public_media(document_model.objects.all())
            return queryset.filter(pk=int_argument(id, "id")).first() if id else None

        def resolve_documents(self, info, **kwargs):
            queryset = public_media(document_model.objects.all())
            return resolve_list(queryset, info, order_fields=MEDIA_ORDER, **kwargs)

        def resolve_collections(self, info, **kwargs):
            return resolve_list(public_collections(), info, order_fields=NAME_ORDER, **kwargs)

        def resolve_tag(self, info, id=None):
            return page_tags().filter(pk=int_argument(id, "id")).first() if id else None

        def resolve_tags(self, info, **kwargs):
            return resolve_list(page_tags(), info, order_fields=NAME_ORDER, **kwargs)

        def resolve_snippets(self, info):
            found = []
            for model in registry.snippets:
                queryset = model.objects.all()
                if issubclass(model, DraftStateMixin):
                    queryset = queryset.filter(live=True)
                found += list(queryset)
            return found

        def resolve_redirects(self, info):
            redirects = list(Redirect.objects.select_related("redirect_page", "site"))
            target_ids = {r.redirect_page_id for r in redirects if r.redirect_page_id}
            shown = set(
                visible_pages(Page.objects.filter(pk__in=target_ids)).values_list("pk", flat=True)
            )
            sites = None
            found = []
            for redirect in redirects:
                if redirect.redirect_page_id and redirect.redirect_page_id not in shown:
                    continue
                if redirect.site_id is not None:
                    found.append(redirect)
                    continue
                # A redirect for every site is listed once per site, as grapple does.
                sites = sites if sites is not None else list(Site.objects.all())
                for site_obj in sites:
                    duplicate = copy.deepcopy(redirect)
                    duplicate.site = site_obj
                    found.append(duplicate)
            return found

    return ReaderQuery
