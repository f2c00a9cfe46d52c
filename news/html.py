"""An article body as one HTML string, for those who read it outside the API.

The GraphQL API hands out the body as typed blocks; feed readers and partners'
systems (ninjs) want HTML. Each block becomes plain semantic HTML that reads
well without styles or scripts and survives the sanitisers of feed readers:
no iframes (an embed is a link), images as `<figure>` with alt text and
absolute URLs of an allow-listed rendition, the "Reference" fact box as an
`<aside>`. Rich text links are resolved by `cms.api.richtext` for the page's
locale (front-end URLs; no links to hidden pages or private documents). ninjs
carries the fact boxes as a body of their own, so they can be left out of the
main body.
"""

import mimetypes
import re

from django.conf import settings
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from cms.api.context import request_cache
from cms.api.images import rendition_for
from cms.api.richtext import LinkResolver, render_rich_text
from cms.api.scripts import transliterate
from cms.api.visibility import public_media

IMAGE_SPEC = "width-1280"
HEADING_LEVELS = {"h2", "h3", "h4"}
_RELATIVE = re.compile(r'\b(href|src)="(/[^/"][^"]*|/)"')


def absolute_url(url):
    """Media and documents are served by the CMS, everything else by the front end."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    backend = (settings.MEDIA_URL, "/documents/")
    base = settings.WAGTAILADMIN_BASE_URL if url.startswith(backend) else settings.FRONTEND_BASE_URL
    return base + url


def rendition_info(image, spec=IMAGE_SPEC):
    """An allow-listed rendition as partners need it: absolute URL, size, media type."""
    rendition = rendition_for(image, spec)
    content_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "content_type": content_type,
    }


def rich_text_html(source, locale_id=None):
    """Stored rich text for readers: page links to the front end in the page's locale
    (cms.api.richtext, one resolver per request), root-relative URLs made absolute."""
    resolver = request_cache("news_html_link_resolver", LinkResolver)
    html = render_rich_text(source or "", locale_id, resolver)
    return _RELATIVE.sub(lambda m: f'{m.group(1)}="{absolute_url(m.group(2))}"', html)


def _figure(value, locale_id=None):
    image = value.get("image")
    if image is None:  # the image was deleted
        return ""
    info = rendition_info(image)
    parts = [format_html("{}", value["caption"])] if value.get("caption") else []
    if value.get("credit"):
        parts.append(format_html("<small>{}</small>", value["credit"]))
    caption = _safe(" ".join(parts))
    return format_html(
        '<figure><img src="{}" width="{}" height="{}" alt="{}">{}</figure>',
        info["url"],
        info["width"],
        info["height"],
        value.get("alt_text") or "",
        format_html("<figcaption>{}</figcaption>", caption) if caption else "",
    )


def _heading(value, locale_id=None):
    level = value["level"] if value["level"] in HEADING_LEVELS else "h2"
    return format_html("<{0}>{1}</{0}>", level, value["text"])


def _quote(value, locale_id=None):
    attribution = value.get("attribution")
    return format_html(
        "<figure><blockquote>{}</blockquote>{}</figure>",
        _safe(linebreaks(value["quote"], autoescape=True)),
        format_html("<figcaption>— {}</figcaption>", attribution) if attribution else "",
    )


def _fact_box(value, locale_id=None):
    return format_html(
        '<aside class="fact-box"><h2>{}</h2>{}</aside>',
        value["title"],
        _safe(rich_text_html(value["text"].source, locale_id)),
    )


def _gallery(value, locale_id=None):
    figures = "".join(_figure(item) for item in value["images"])
    title = value.get("title")
    return format_html(
        '<figure class="gallery">{}{}</figure>',
        _safe(figures),
        format_html("<figcaption>{}</figcaption>", title) if title else "",
    )


def _embed(value, locale_id=None):
    url = getattr(value, "url", None)
    return format_html('<p><a href="{0}">{0}</a></p>', url) if url else ""


def _document(value, locale_id=None):
    document = value.get("document")
    # Like rich text links (cms.api.richtext): no link to a document in a private collection.
    if document is None or not public_media(type(document).objects.filter(pk=document.pk)).exists():
        return ""
    title = value.get("title") or document.title
    return format_html('<p><a href="{}">{}</a></p>', absolute_url(document.url), title)


def _safe(html):
    return mark_safe(html)  # built from escaped parts or from expanded rich text


RENDERERS = {
    "paragraph": lambda value, locale_id: rich_text_html(value.source, locale_id),
    "heading": _heading,
    "image": _figure,
    "quote": _quote,
    "embed": _embed,
    "fact_box": _fact_box,
    "gallery": _gallery,
    "document": _document,
}


def render_block(block, locale_id=None):
    renderer = RENDERERS.get(block.block_type)
    return str(renderer(block.value, locale_id)) if renderer else ""


def body_html(page, *, include_fact_boxes=True):
    """The body, block by block; fact boxes at their place as `<aside>`, or left out (in the
    request's script, `cms.api.scripts`)."""
    return transliterate(
        "".join(
            render_block(block, page.locale_id)
            for block in page.body
            if include_fact_boxes or block.block_type != "fact_box"
        )
    )


def fact_boxes(page):
    """Each fact box ("Reference") of the body as its own `<aside>`, in order."""
    return [
        transliterate(render_block(block, page.locale_id))
        for block in page.body
        if block.block_type == "fact_box"
    ]
