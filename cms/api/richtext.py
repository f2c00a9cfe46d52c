"""Rich text for readers: links to pages point at the front end, in the reader's locale.

Stored rich text links pages as `<a linktype="page" id="42">`. A reader gets
`<a href="/ru/news/<slug>/">`: the linked page's translation in the locale of
the page (or snippet) being rendered when a visible one exists, else the linked
page itself if visible, else no link at all (its text is kept). Links to
documents in private collections are removed the same way; other documents get
their absolute URL.

Why wrapped resolvers rather than Wagtail's link handlers: a link handler
(`register_rich_text_features`) sees only the link's attributes, not which page
is being rendered, nor the request; rich text reaches grapple through three
paths (StreamField `RichTextBlock.value`, `GraphQLRichText` fields in blocks, and
`RichTextField`s), all without the page. `wrap_resolver` (installed on the
schema by `cms.api.guards`) remembers the locale of each page or snippet by its
position in the response (`info.path`) and renders rich text fields with the
locale of the nearest one above them. Output is plain HTML, so grapple's own
expansion that may follow is a no-op. `render_rich_text` works without GraphQL
too (feeds).

All links of one value are resolved in one query; results are cached for the
request, so a link repeated across a list costs nothing more.
"""

import re
from functools import cache
from types import SimpleNamespace

from django.conf import settings
from django.db.models import BooleanField, Case, Q, Value, When
from django.utils.html import escape
from graphql import get_named_type, is_leaf_type
from wagtail.documents import get_document_model
from wagtail.models import Page, TranslatableMixin
from wagtail.rich_text import RichText, expand_db_html
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from .context import language_code, request_cache
from .paths import public_path
from .visibility import public_media, restricted_pages, visible_filter

UNLINK = '<a data-otandas-unlink="">'
FIND_UNLINKED = re.compile(re.escape(UNLINK) + r"(.*?)</a>", re.S)


class LinkResolver:
    """Hrefs of linked pages and documents, cached for one request (or one render)."""

    def __init__(self):
        self._pages = {}
        self._documents = {}

    def page_hrefs(self, ids, locale_id):
        wanted = {pk for pk in ids if (pk, locale_id) not in self._pages}
        if wanted:
            self._load_pages(wanted, locale_id)
        return {pk: self._pages[pk, locale_id] for pk in ids}

    def _load_pages(self, wanted, locale_id):
        # The linked pages and their versions in the rendering locale, with their
        # visibility, in one query.
        linked = Page.objects.filter(pk__in=wanted)
        candidates = Q(pk__in=wanted)
        if locale_id is not None:
            candidates |= Q(
                locale_id=locale_id, translation_key__in=linked.values("translation_key")
            )
        shown = Case(
            When(visible_filter() & ~restricted_pages(), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        rows = [
            SimpleNamespace(pk=pk, key=key, locale_id=locale, url_path=url_path, shown=is_shown)
            for pk, key, locale, url_path, is_shown in Page.objects.filter(candidates)
            .annotate(shown=shown)
            .values_list("pk", "translation_key", "locale_id", "url_path", "shown")
        ]
        by_pk = {row.pk: row for row in rows}
        in_locale = {row.key: row for row in rows if row.locale_id == locale_id and row.shown}
        for pk in wanted:
            row = by_pk.get(pk)
            target = row and (in_locale.get(row.key) or (row if row.shown else None))
            self._pages[pk, locale_id] = (
                public_path(target, language_code(target.locale_id)) if target else None
            )

    def document_hrefs(self, ids):
        wanted = {pk for pk in ids if pk not in self._documents}
        if wanted:
            found = {
                document.pk: document
                for document in public_media(get_document_model().objects.filter(pk__in=wanted))
            }
            for pk in wanted:
                document = found.get(pk)
                url = document.url if document else None
                if url and url.startswith("/"):
                    url = settings.WAGTAILADMIN_BASE_URL + url
                self._documents[pk] = url
        return {pk: self._documents[pk] for pk in ids}


def _link_id(attrs):
    try:
        return int(attrs.get("id", ""))
    except ValueError:
        return None


def render_rich_text(source, locale_id=None, resolver=None):
    """Stored rich text → reader HTML (see the module docstring)."""
    if not source:
        return ""
    resolver = resolver or LinkResolver()
    tags = [(match, extract_attrs(match.group(1))) for match in FIND_A_TAG.finditer(source)]
    ids = {"page": set(), "document": set()}
    for _match, attrs in tags:
        if attrs.get("linktype") in ids:
            ids[attrs["linktype"]].add(_link_id(attrs))
    if not ids["page"] and not ids["document"]:
        return expand_db_html(source)
    hrefs = {
        "page": resolver.page_hrefs(ids["page"] - {None}, locale_id) if ids["page"] else {},
        "document": resolver.document_hrefs(ids["document"] - {None}) if ids["document"] else {},
    }
    parts, position = [], 0
    for match, attrs in tags:
        linktype = attrs.get("linktype")
        if linktype not in hrefs:
            continue
        href = hrefs[linktype].get(_link_id(attrs))
        opening = f'<a href="{escape(href)}">' if href else UNLINK
        parts += [source[position : match.start()], opening]
        position = match.end()
    html = "".join(parts) + source[position:]
    html = FIND_UNLINKED.sub(r"\1", html).replace(UNLINK, "")
    return expand_db_html(html)


class _RenderState:
    def __init__(self):
        self.resolver = LinkResolver()
        self.locales = {}  # response path of a page or snippet → its locale id

    def locale_for(self, path):
        while path is not None:
            if path in self.locales:
                return self.locales[path]
            path = path.prev
        return None


@cache
def _rich_text_scalar():
    from grapple.types.rich_text import RichText as RichTextScalar

    return RichTextScalar


def _render_state():
    return request_cache("rich_text", _RenderState)


def _locale_of(root, info, state):
    """The locale of the page or snippet the rich text belongs to."""
    locale_id = getattr(root, "locale_id", None)
    return locale_id if isinstance(locale_id, int) else state.locale_for(info.path.prev)


def _render(root, info, source):
    state = _render_state()
    return render_rich_text(source, _locale_of(root, info, state), state.resolver)


def _renders_html():
    return settings.GRAPPLE.get("RICHTEXT_FORMAT", "html") == "html"


def wrap_resolver(parent_type, field_name, field, resolve):
    """A field's resolver, wrapped if the field is rich text or may lead to rich text.

    Called by `cms.api.guards.install` for every field of the schema:

    - a field of the RichText scalar type is rendered;
    - `value` of a StreamField block is rendered when it holds rich text (grapple's
      RichTextBlock resolver would expand the links itself);
    - any other field of a page or snippet type that leads to objects (blocks,
      images, other snippets) remembers the locale of its page or snippet at its
      position in the response, for the rich text found below it.
    """
    named = get_named_type(field.type)
    if getattr(named, "graphene_type", None) is _rich_text_scalar():

        def resolve_rich_text(root, info, **args):
            value = resolve(root, info, **args)
            if value is None or not _renders_html():
                return value
            return _render(root, info, value.source if isinstance(value, RichText) else value)

        return resolve_rich_text

    if field_name == "value" and _is_block_type(parent_type):

        def resolve_block_value(root, info, **args):
            value = getattr(root, "value", None)
            if isinstance(value, RichText) and _renders_html():
                return _render(root, info, value.source)
            return resolve(root, info, **args)

        return resolve_block_value

    if is_leaf_type(named) or not _is_translatable_type(parent_type):
        return resolve

    def resolve_remembering_locale(root, info, **args):
        locale_id = getattr(root, "locale_id", None)
        if isinstance(locale_id, int) and info.path.prev is not None:
            _render_state().locales.setdefault(info.path.prev, locale_id)
        return resolve(root, info, **args)

    return resolve_remembering_locale


def _is_block_type(object_type):
    return any(interface.name == "StreamFieldInterface" for interface in object_type.interfaces)


def _is_translatable_type(object_type):
    model = getattr(getattr(object_type.graphene_type, "_meta", None), "model", None)
    return isinstance(model, type) and issubclass(model, TranslatableMixin)
