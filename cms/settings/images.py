"""The image sizes the apps use: the only filters a client may ask for."""

WIDTHS = [320, 480, 640, 960, 1280, 1920]
FORMATS = ["webp", "avif", "jpeg"]

ALLOWED_IMAGE_FILTERS = [
    *[f"width-{w}" for w in WIDTHS],
    *[f"width-{w}|format-{f}" for w in WIDTHS for f in FORMATS],
    *[f"fill-{w}x{w * 9 // 16}" for w in (320, 640, 1280)],
    *[f"fill-{w}x{w * 9 // 16}|format-{f}" for w in (320, 640, 1280) for f in FORMATS],
    "fill-160x160",
    "fill-160x160|format-webp",
    "fill-400x400",
    "fill-400x400|format-webp",
    "original",
]
