"""StreamField data for the demo pages, with stable block ids.

The demo texts describe a body as a list of `(block type, value)` pairs per
locale, with images named by their key in `demo.images`. Block ids derive
from the page's name and the block's position, so every locale of a page has
the same ids: that is how wagtail-localize pairs a source block with its
translation.
"""

from .translate import stable_uuid

IMAGE_FIELDS = ("alt_text", "caption", "credit")


def _paragraph(text):
    return text if text.lstrip().startswith("<") else f"<p>{text}</p>"


def _image(value, images):
    return {
        "image": images[value["image"]].pk,
        **{name: value.get(name, "") for name in IMAGE_FIELDS},
    }


def _gallery(name, value, images):
    return {
        "title": value.get("title", ""),
        "images": [
            {
                "type": "item",
                "value": _image(item, images),
                "id": str(stable_uuid(f"{name}/item/{index}")),
            }
            for index, item in enumerate(value["images"])
        ],
    }


def _heading(value):
    if isinstance(value, str):
        return {"text": value, "level": "h2"}
    return {"level": "h2", **value}


def block_value(name, block_type, value, images):
    if block_type == "paragraph":
        return _paragraph(value)
    if block_type == "heading":
        return _heading(value)
    if block_type == "image":
        return _image(value, images)
    if block_type == "gallery":
        return _gallery(name, value, images)
    if block_type == "fact_box":
        return {"title": value["title"], "text": _paragraph(value["text"])}
    return value  # quote and any other struct given as a dict


def stream(name, blocks, images):
    """Raw StreamField data for `blocks`; `name` identifies the page and field."""
    return [
        {
            "type": block_type,
            "value": block_value(f"{name}/{index}", block_type, value, images),
            "id": str(stable_uuid(f"{name}/{index}")),
        }
        for index, (block_type, value) in enumerate(blocks)
    ]
