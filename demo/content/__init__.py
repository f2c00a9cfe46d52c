"""The demo texts, in Kazakh, Russian and English, written for Otandas.

Facts about the Association of Kazakhs in Japan come from the reference page;
every other story is invented demo content.
"""

from .articles import ARTICLES
from .partner_pages import CULTURE_DAYS_TOKYO, LANGUAGE_PROGRAMME
from .sections import ABOUT, HOME, INDEXES
from .taxonomy import CATEGORIES, CITIES, COUNTRIES, PARTNERS

# Featured on every locale's home page, in this order.
FEATURED = ["japan-association", "tashkent-reading-room", "urumqi-concert"]

__all__ = [
    "ABOUT",
    "ARTICLES",
    "CATEGORIES",
    "CITIES",
    "COUNTRIES",
    "CULTURE_DAYS_TOKYO",
    "FEATURED",
    "HOME",
    "INDEXES",
    "LANGUAGE_PROGRAMME",
    "PARTNERS",
]
