"""The demo news articles, one module each, newest last.

Each article is a dict: `name` (stable, gives the translation key),
`source_locale` (the language it was written in first), optional `locales`
(default: every locale in `text`), `published` (Asia/Almaty wall time),
`categories`, `country`, `tags`, `hero` (image key), optional `agency` and
`byline`, and `text`: per locale the title, slug, dateline, lead, hero alt
text and caption, and the body as (block type, value) pairs with the same
structure in every locale.
"""

from .berlin_consultation import BERLIN_CONSULTATION
from .istanbul_nauryz import ISTANBUL_NAURYZ
from .japan_association import JAPAN_ASSOCIATION
from .omsk_abai_readings import OMSK_ABAI_READINGS
from .tashkent_reading_room import TASHKENT_READING_ROOM
from .ulaanbaatar_school import ULAANBAATAR_SCHOOL
from .urumqi_concert import URUMQI_CONCERT

ARTICLES = [
    JAPAN_ASSOCIATION,
    ISTANBUL_NAURYZ,
    ULAANBAATAR_SCHOOL,
    BERLIN_CONSULTATION,
    URUMQI_CONCERT,
    TASHKENT_READING_ROOM,
    OMSK_ABAI_READINGS,
]
