"""Small helpers for reading settings from the environment."""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require(name):
    """Return a variable that production cannot run without."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The {name} environment variable is required in production.")
    return value


def local_secret_key(path: Path) -> str:
    """A development key, generated once into ``var/`` and never committed."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def parse_fallbacks(value):
    """ "kk:ru,en;ru:en" -> {"kk": ["ru", "en"], "ru": ["en"]} (CMS_LOCALE_FALLBACKS)."""
    chains = {}
    for part in filter(None, (piece.strip() for piece in value.split(";"))):
        code, _, rest = part.partition(":")
        chains[code.strip()] = [other.strip() for other in rest.split(",") if other.strip()]
    return chains
