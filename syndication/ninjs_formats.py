"""ninjs 3.1 and 1.6 written from the facts of `syndication.ninjs.article_facts`.

Kept apart from the gathering so that the mapping of each version can be read
against its schema (IPTC's `ninjs-schema_3.1.json` / `_1.6.json`) line by
line. Both schemas reject unknown properties, so empty values are left out
rather than sent as null.
"""

import datetime

SCHEMA_31 = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
SCHEMA_16 = "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json#"
COUNTRY_SCHEME = "http://cv.iptc.org/newscodes/iso3166-1a2/"


def rfc3339(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def clean(value):
    """Drop None and empty strings, lists and dicts, at every depth."""
    if isinstance(value, dict):
        items = ((key, clean(item)) for key, item in value.items())
        return {key: item for key, item in items if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [clean(item) for item in value if item not in (None, "", [], {})]
    return value


class V31:
    """ninjs 3.x: camelCase; headlines, bodies, associations as arrays with roles and names."""

    @staticmethod
    def article(f):
        html = "text/html"
        bodies = [{"role": "main", "contentType": html, "value": f["body"]}] if f["body"] else []
        bodies += [
            {"role": "factbox", "contentType": html, "value": box} for box in f["fact_boxes"]
        ]
        lead = {"role": "summary", "contentType": "text/plain", "value": f["lead"]}
        source = {"name": f["source"], "role": "source", "uri": f["source_url"]}
        country = f["country"]
        place = country and {
            "name": country["name"],
            "uri": COUNTRY_SCHEME + country["code"],
            "literal": country["code"],
        }
        associations = [V31.image(f["hero"])] if f["hero"] else []
        associations += [V31.translation(t) for t in f["translations"]]
        return clean(
            {
                "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_31},
                "uri": f["uri"],
                "type": "text",
                "representationType": "full",
                "version": f["version"],
                "firstCreated": rfc3339(f["first_created"]),
                "versionCreated": rfc3339(f["version_created"]),
                "pubStatus": "usable",
                "language": f["language"],
                "headlines": [{"role": "main", "value": f["title"]}],
                "descriptions": [lead] if f["lead"] else [],
                "bodies": bodies,
                "by": f["byline"],
                "located": f["dateline"],
                "infoSources": [source] if f["source"] else [],
                "subjects": [
                    {"name": c["name"], "uri": f"{c['scheme']}:{c['code']}"}
                    for c in f["categories"]
                ],
                "places": [place] if place else [],
                "copyrightHolder": f["organisation"],
                "copyrightNotice": f["copyright_notice"],
                "usageTerms": f["usage_terms"],
                "altIds": V31.alt_ids(f),
                "associations": associations,
            }
        )

    @staticmethod
    def alt_ids(f):
        ids = {"url": f["url"], "translationKey": f["translation_key"], "pageId": f["page_id"]}
        return [{"role": role, "value": value} for role, value in ids.items() if value]

    @staticmethod
    def image(hero):
        return {
            "name": "featureimage",
            "uri": hero["uri"],
            "type": "picture",
            "descriptions": [
                {"role": "alt", "contentType": "text/plain", "value": hero["alt"]},
                {"role": "caption", "contentType": "text/plain", "value": hero["caption"]},
            ],
            "by": hero["credit"],
            "renditions": [
                {
                    "name": r["name"],
                    "href": r["url"],
                    "contentType": r["content_type"],
                    "width": r["width"],
                    "height": r["height"],
                }
                for r in hero["renditions"]
            ],
        }

    @staticmethod
    def translation(t):
        return {
            "name": f"translation_{t['language']}",
            "rel": "translation",
            "uri": t["uri"],
            "type": "text",
            "representationType": "partial",
            "language": t["language"],
            "altIds": [{"role": "url", "value": t["url"]}],
        }

    @staticmethod
    def withdrawn(f):
        return clean(
            {
                "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_31},
                "uri": f["uri"],
                "type": "text",
                "representationType": "partial",
                "pubStatus": "canceled",
                "versionCreated": rfc3339(f["version_created"]),
                "language": f["language"],
                "altIds": V31.alt_ids(f),
            }
        )


class V16:
    """ninjs 1.6: lowercase names; bodies as `body_<purpose>_<format>`, objects keyed by name."""

    @staticmethod
    def article(f):
        country = f["country"]
        associations = {"featureimage": V16.image(f["hero"])} if f["hero"] else {}
        for t in f["translations"]:
            associations[f"translation_{t['language']}"] = V16.translation(t)
        place = country and {
            "name": country["name"],
            "scheme": COUNTRY_SCHEME,
            "code": country["code"],
        }
        source = {"name": f["source"], "rel": "source"}
        if f["source_url"]:
            source["contactinfo"] = [{"type": "web", "value": f["source_url"]}]
        return clean(
            {
                "$standard": {"name": "ninjs", "version": "1.6", "schema": SCHEMA_16},
                "uri": f["uri"],
                "type": "text",
                "representationtype": "complete",
                "version": f["version"],
                "firstcreated": rfc3339(f["first_created"]),
                "versioncreated": rfc3339(f["version_created"]),
                "pubstatus": "usable",
                "language": f["language"],
                "headline": f["title"],
                "description_text": f["lead"],
                "body_html": f["body"],
                "body_factbox_html": "".join(f["fact_boxes"]),
                "byline": f["byline"],
                "located": f["dateline"],
                "infosource": [source] if f["source"] else [],
                "subject": [
                    {"name": c["name"], "scheme": c["scheme"], "code": c["code"]}
                    for c in f["categories"]
                ],
                "place": [place] if country else [],
                "copyrightholder": f["organisation"],
                "copyrightnotice": f["copyright_notice"],
                "usageterms": f["usage_terms"],
                "altids": V16.alt_ids(f),
                "associations": associations,
            }
        )

    @staticmethod
    def alt_ids(f):
        return {"url": f["url"], "translationKey": f["translation_key"], "pageId": f["page_id"]}

    @staticmethod
    def image(hero):
        return {
            "uri": hero["uri"],
            "type": "picture",
            "description_alt": hero["alt"],
            "description_caption": hero["caption"],
            "byline": hero["credit"],
            "renditions": {
                r["name"]: {
                    "href": r["url"],
                    "mimetype": r["content_type"],
                    "width": r["width"],
                    "height": r["height"],
                }
                for r in hero["renditions"]
            },
        }

    @staticmethod
    def translation(t):
        return {
            "uri": t["uri"],
            "type": "text",
            "representationtype": "incomplete",
            "language": t["language"],
            "altids": {"url": t["url"]},
        }

    @staticmethod
    def withdrawn(f):
        return clean(
            {
                "$standard": {"name": "ninjs", "version": "1.6", "schema": SCHEMA_16},
                "uri": f["uri"],
                "type": "text",
                "representationtype": "incomplete",
                "pubstatus": "canceled",
                "versioncreated": rfc3339(f["version_created"]),
                "language": f["language"],
                "altids": V16.alt_ids(f),
            }
        )


WRITERS = {"3.1": V31, "1.6": V16}
