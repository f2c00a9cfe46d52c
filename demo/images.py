"""Demo pictures drawn with Pillow (never downloaded), stored as Wagtail images.

Each picture has a stable key and title, so a second run reuses the image
instead of drawing it again.
"""

import zlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo"
SIZE = (1600, 900)
LOGO_SIZE = (600, 600)

# key: (label drawn on the picture, top colour, bottom colour)
PICTURES = {
    "tokyo-meeting": ("Tokyo - inaugural meeting", "#1d3557", "#e63946"),
    "tokyo-memorandum": ("Tokyo - memorandum signed", "#264653", "#e9c46a"),
    "istanbul-nauryz": ("Istanbul - Nauryz", "#2a9d8f", "#f4a261"),
    "istanbul-kitchen": ("Istanbul - festive table", "#6d597a", "#eaac8b"),
    "ulaanbaatar-school": ("Ulaanbaatar - summer school", "#3a86ff", "#8ecae6"),
    "ulaanbaatar-lesson": ("Ulaanbaatar - first lesson", "#023047", "#ffb703"),
    "berlin-consultation": ("Berlin - consultation day", "#22223b", "#9a8c98"),
    "urumqi-concert": ("Concert - dombra ensemble", "#7b2cbf", "#ff9e00"),
    "urumqi-stage": ("Concert - on stage", "#10002b", "#e0aaff"),
    "urumqi-audience": ("Concert - the audience", "#370617", "#faa307"),
    "tashkent-centre": ("Tashkent - cultural centre", "#005f73", "#94d2bd"),
    "omsk-conference": ("Omsk - student conference", "#3d405b", "#f2cc8f"),
    "culture-days": ("Culture Days - opening", "#0b525b", "#ffd166"),
    "culture-days-yurt": ("Culture Days - the yurt", "#540b0e", "#e09f3e"),
    "culture-days-crafts": ("Culture Days - crafts", "#1b4332", "#b7e4c7"),
    "language-course": ("Kazakh language online", "#03045e", "#00b4d8"),
}

# key: (initials, background colour)
LOGOS = {
    "logo-otandastar": ("OT", "#00afca"),
    "logo-akj": ("AKJ", "#c1121f"),
    "logo-istanbul-centre": ("KCC", "#6a994e"),
}


def image_title(key):
    return f"Otandas demo: {key}"


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow built without FreeType
        return ImageFont.load_default()


def _gradient(size, top, bottom):
    """A vertical gradient: Pillow's 256-step ramp stretched over the picture."""
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(
        PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask
    )


def draw_picture(label, top, bottom):
    width, height = SIZE
    picture = _gradient(SIZE, top, bottom)
    draw = ImageDraw.Draw(picture, "RGBA")
    # A steppe horizon, a sun and a few hills: shapes, not a photograph. The
    # label seeds where they go, so each picture differs and stays the same.
    seed = zlib.crc32(label.encode())
    sun_x = 200 + seed % 1100
    draw.ellipse((sun_x, 120, sun_x + 300, 420), fill=(255, 255, 255, 90))
    peaks = [480 + (seed >> shift) % 160 for shift in (3, 7, 11, 15)]
    draw.polygon(
        [
            (0, height),
            (0, 640),
            (380, peaks[0]),
            (760, peaks[1] + 120),
            (1150, peaks[2]),
            (width, peaks[3] + 100),
            (width, height),
        ],
        fill=(0, 0, 0, 70),
    )
    draw.rectangle((0, height - 150, width, height), fill=(0, 0, 0, 110))
    draw.text((60, height - 120), label, font=_font(64), fill="white")
    draw.text((60, 50), "OTANDAS DEMO", font=_font(36), fill=(255, 255, 255, 200))
    return picture


def draw_logo(initials, colour):
    logo = PILImage.new("RGB", LOGO_SIZE, "white")
    draw = ImageDraw.Draw(logo)
    draw.ellipse((40, 40, 560, 560), fill=colour)
    font = _font(180 if len(initials) < 3 else 140)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    position = ((600 - (right - left)) / 2 - left, (600 - (bottom - top)) / 2 - top)
    draw.text(position, initials, font=font, fill="white")
    return logo


def demo_collection():
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


def _store(key, picture, collection, fmt):
    Image = get_image_model()
    buffer = BytesIO()
    picture.save(buffer, format=fmt, **({"quality": 82} if fmt == "JPEG" else {}))
    extension = "jpg" if fmt == "JPEG" else "png"
    image = Image(
        title=image_title(key),
        collection=collection,
        file=ImageFile(buffer, name=f"otandas-demo-{key}.{extension}"),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def load_images(stdout=None):
    """Return {key: Image} for every demo picture and logo, drawing only the missing ones."""
    Image = get_image_model()
    collection = demo_collection()
    titles = {image_title(key): key for key in [*PICTURES, *LOGOS]}
    existing = {
        titles[image.title]: image
        for image in Image.objects.filter(collection=collection, title__in=titles)
    }
    created = 0
    for key, (label, top, bottom) in PICTURES.items():
        if key not in existing:
            existing[key] = _store(key, draw_picture(label, top, bottom), collection, "JPEG")
            created += 1
    for key, (initials, colour) in LOGOS.items():
        if key not in existing:
            existing[key] = _store(key, draw_logo(initials, colour), collection, "PNG")
            created += 1
    if stdout is not None:
        stdout.write(f"Images: {created} drawn, {len(existing) - created} reused.")
    return existing
