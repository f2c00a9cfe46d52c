"""RSS 2.0 and Atom 1.0 writers that also carry the full body and the hero image.

Django's generators write the summary only. Feed readers and partners want
the article itself and its picture: the body goes in `content:encoded` (RSS)
or `<content type="html">` (Atom); the hero image in Media RSS
`<media:content>`, which both RSS and Atom readers understand, with the
page's alt text as `media:description` and its credit as `media:credit`.
Items pass these as the extra keys `content_html` and `media` (a dict from
`news.html.rendition_info` plus `alt` and `credit`).
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def add_media(handler, media):
    if not media:
        return
    handler.startElement(
        "media:content",
        {
            "url": media["url"],
            "medium": "image",
            "type": media["content_type"],
            "width": str(media["width"]),
            "height": str(media["height"]),
        },
    )
    if media.get("alt"):
        handler.addQuickElement("media:description", media["alt"], {"type": "plain"})
    if media.get("credit"):
        handler.addQuickElement("media:credit", media["credit"])
    handler.endElement("media:content")


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media(handler, item.get("media"))


class MediaAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media(handler, item.get("media"))
