"""Kazakh Cyrillic -> Latin ("kk-Latn"), for serving kk pages in Latin script.

Alphabet: the 31-letter Kazakh Latin alphabet presented by the National
Commission on 28 January 2021 (government release via KazTAG/bairaq.kz; letter
table as in en.wikipedia.org/wiki/Kazakh_alphabets#Latin_script, whose 2021
sample gives e.g. үйіне -> üiıne, сый -> syi, шаһарының -> şaharynyñ).

    а a   ә ä   б b   в v   г g   ғ ğ   д d   е e   ж j   з z   и i   й i
    к k   қ q   л l   м m   н n   ң ñ   о o   ө ö   п p   р r   с s   т t
    у u   ұ ū   ү ü   ф f   х h   һ h   ш ş   ы y   і ı
    Capitals: И/Й -> İ (dotted), І -> I (dotless), the rest as usual.

Letters outside the alphabet (Russian loans): no approved 2021 spelling rules
exist for them. The 2018 rules (kipk.edu.kz summary) respell loans by sound
(in 2018 letters: цирк -> sırk, актёр -> aktór, ь fronts the vowel), which needs
a dictionary. We write each as the alphabet letters it stands for, the first
option listed for the 2021 alphabet (sports.ru, Jan 2021), so that every output
letter is one of the 31 and names stay recognisable (Юрий -> İurii):

    ё io   ю iu   я ia   (= й + о/у/а, how Kazakh Cyrillic defines я, ю)
    ц ts   ч tş   щ şş   (= т+с, т+ш, ш+ш; ащы -> aşşy; no C in the alphabet)
    э e    ъ, ь dropped  (объект -> obekt, фильм -> film, as the 2018 rules)

Case: a multi-letter output is title-cased (Юсуп -> İusup) unless the word is
in capitals (ЮНЕСКО -> İUNESKO). Never call str.upper()/lower() on the result:
Python maps i -> I and İ -> i + U+0307, which is wrong for this alphabet.

In rich text, a `keep` phrase must lie within one text node (not across <b> or &nbsp;).

Speed (timeit, best of 5, Python 3.11, a busy 2-core box): 20 news items
(81-char title + 245-char lead) 0.20-0.34 ms; a 2 KB rich text 0.17-0.26 ms.
str.translate alone took about 1 ms for the 20 items, hence the kz1048 path.
`python -m languages.transliteration` measures again.
"""

import codecs
import re
from collections.abc import Iterable
from functools import lru_cache

_LOWER = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "tş", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
# Dotted and dotless capitals, set by hand: Python upper-cases i to I, not İ.
_UPPER_SPECIAL = {"И": "İ", "Й": "İ", "І": "I"}


def _upper(cyr: str) -> str:
    """Title-case Latin for a capital Cyrillic letter (Ю -> İu)."""
    if cyr in _UPPER_SPECIAL:
        return _UPPER_SPECIAL[cyr]
    lat = _LOWER[cyr.lower()]
    return lat[:1].replace("i", "İ").upper() + lat[1:]


_TITLE = {c.upper(): _upper(c.upper()) for c in _LOWER}
# Letters that give one letter are mapped in one pass; the rest (ё ю я ц ч щ ъ ь) after.
_ONE = {c: lat for c, lat in {**_LOWER, **_TITLE}.items() if len(lat) == 1}
_LOWER_MULTI = tuple((c, lat) for c, lat in _LOWER.items() if c not in _ONE)
# ALL-CAPS forms of the capitals that give several letters (ЮНЕСКО -> İUNESKO).
_CAPS = {c: lat.replace("i", "İ").upper() for c, lat in _TITLE.items() if c not in _ONE}
# Fast path: kz1048, the Kazakh single-byte code page, has every Kazakh letter, so
# encoding to it and decoding with our own 256-character table maps the letters in C,
# about 8x faster than str.translate. Text it cannot encode (emoji, é) takes translate.
_KZ1048 = "".join(_ONE.get(c, c) for c in bytes(range(256)).decode("kz1048", "replace"))
_TABLE = str.maketrans(_ONE)
# Decomposed й/ё (и + breve, е + diaeresis), as some copy-paste sources give them.
_NFD = {"и\u0306": "й", "И\u0306": "Й", "е\u0308": "ё", "Е\u0308": "Ё"}


def _capital(parts: list[str], k: int, cyr: str) -> str:
    """The capital between parts[k] and parts[k + 1]: ALL-CAPS among capitals."""
    before = parts[k][-1:] or (cyr if k else "")
    after = parts[k + 1][:1] or (cyr if k + 2 < len(parts) else "")
    if after.isupper() or (before.isupper() and not after.islower()):
        return _CAPS[cyr]
    return _TITLE[cyr]


def _plain(text: str) -> str:
    try:
        text = codecs.charmap_decode(text.encode("kz1048"), "strict", _KZ1048)[0]
    except UnicodeEncodeError:
        for decomposed, composed in _NFD.items():
            text = text.replace(decomposed, composed)
        text = text.translate(_TABLE)
    # Plain `in` and replace: far cheaper here than a regex scan of the whole text.
    for cyr, lat in _LOWER_MULTI:
        if cyr in text:
            text = text.replace(cyr, lat)
    for cyr in _CAPS:
        if cyr in text:
            parts = text.split(cyr)
            out = [parts[0]]
            for k in range(len(parts) - 1):
                out += (_capital(parts, k, cyr), parts[k + 1])
            text = "".join(out)
    return text


@lru_cache(maxsize=512)
def _keep_pattern(keep: frozenset[str]) -> re.Pattern[str] | None:
    """One alternation, longest first, so "Абай Құнанбайұлы" wins over "Абай"."""
    words = sorted((k for k in keep if k), key=lambda k: (-len(k), k))
    return re.compile("|".join(map(re.escape, words))) if words else None


def to_latin(text: str, keep: Iterable[str] = ()) -> str:
    """Transliterate `text`; occurrences of the strings in `keep` stay as they are.

    Anything that is not Kazakh Cyrillic (digits, punctuation, Latin, emoji) is
    left unchanged.
    """
    if not text:
        return text
    if isinstance(keep, str):
        keep = (keep,)
    pattern = _keep_pattern(frozenset(keep)) if keep else None
    if pattern is None:
        return _plain(text)
    out, pos = [], 0
    for match in pattern.finditer(text):
        out += (_plain(text[pos : match.start()]), match.group())
        pos = match.end()
    out.append(_plain(text[pos:]))
    return "".join(out)


# What rich text keeps as is: comments, script/style bodies, tags (quoted attribute
# values may hold ">"), character entities, and URLs written in the text.
_MARKUP = re.compile(
    r"""<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[A-Za-z/!?](?:[^>"']|"[^"]*"|'[^']*')*>"""
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|\b(?:https?://|www\.)[^\s<>\"']+",
    re.S | re.I,
)


def to_latin_html(html: str, keep: Iterable[str] = ()) -> str:
    """Transliterate the text nodes of an HTML fragment (rich text) only.

    Tag names, attributes (href, alt, title...), URLs and entities such as
    &amp; &nbsp; &#x2014; are left untouched.
    """
    if not html:
        return html
    keep = (keep,) if isinstance(keep, str) else tuple(keep)
    out, pos = [], 0
    for match in _MARKUP.finditer(html):
        if match.start() > pos:
            out.append(to_latin(html[pos : match.start()], keep))
        out.append(match.group())
        pos = match.end()
    out.append(to_latin(html[pos:], keep))
    return "".join(out)


_SAMPLE_TITLE = "Шымкентте «Жаңа Қазақстан» атты халықаралық ЮНЕСКО конференциясы бүгін сәтті өтті"
_SAMPLE_LEAD = (
    "Конференцияға Алматы, Астана, Орал, Өскемен және Қызылорда қалаларынан 300-ден астам "
    "ғалым қатысты. Юрий Гагарин атындағы орталықта компьютерлік технологиялар, "
    "цифрлық үкімет пен білім беру мәселелері талқыланды, деп хабарлайды ақпарат агенттігі"
)


def benchmark(number: int = 2000) -> dict[str, float]:
    """Milliseconds per call (best of 5): 20 list items (title + lead), a 2 KB rich text."""
    from timeit import repeat

    items = [(_SAMPLE_TITLE, _SAMPLE_LEAD)] * 20
    body = f'<p>{_SAMPLE_LEAD} <a href="/kk/news/ombydagy/">Омбы</a>&nbsp;&amp;</p>' * 7

    def news_list():
        return [(to_latin(title), to_latin(lead)) for title, lead in items]

    def best_ms(func):
        return min(repeat(func, number=number, repeat=5)) / number * 1000

    return {
        "news_list_20_items_ms": best_ms(news_list),
        "rich_text_2kb_ms": best_ms(lambda: to_latin_html(body)),
    }


if __name__ == "__main__":
    print(benchmark())
