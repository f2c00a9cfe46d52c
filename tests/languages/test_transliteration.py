"""Kazakh Cyrillic -> Latin (2021 alphabet): words, case, sentences, rich text, `keep`."""

import pytest

from languages.transliteration import benchmark, to_latin, to_latin_html
from tests.languages.transliteration_cases import (
    ALL_WORDS,
    CASES,
    HTML,
    KEEP,
    SENTENCES,
    UNCHANGED,
)

# The 31 letters of the 2021 alphabet, both cases.
ALPHABET = set("AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ" + "aäbdefgğhıijklmnñoöpqrsştuūüvyz")
KAZAKH_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def test_the_cases_are_enough():
    assert len(ALL_WORDS) >= 200
    assert len(SENTENCES) >= 10


@pytest.mark.parametrize(("cyrillic", "latin"), ALL_WORDS)
def test_word(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), ALL_WORDS)
def test_word_on_the_slow_path(cyrillic, latin):
    """Text outside the kz1048 code page (here an emoji) takes str.translate: same result."""
    assert to_latin(f"{cyrillic} 👋") == f"{latin} 👋"


@pytest.mark.parametrize(("cyrillic", "latin"), CASES)
def test_case(cyrillic, latin):
    assert to_latin(cyrillic) == latin
    assert to_latin(f"{cyrillic} é") == f"{latin} é"


@pytest.mark.parametrize(("cyrillic", "latin"), SENTENCES)
def test_sentence(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("html", "latin"), HTML)
def test_rich_text(html, latin):
    assert to_latin_html(html) == latin


@pytest.mark.parametrize(("text", "keep", "latin"), KEEP)
def test_keep(text, keep, latin):
    assert to_latin(text, keep=keep) == latin


def test_keep_in_rich_text():
    html = '<p>Абай Құнанбайұлы <a href="/kk/abai/">туралы</a></p>'
    expected = '<p>Абай Құнанбайұлы <a href="/kk/abai/">turaly</a></p>'
    assert to_latin_html(html, keep=["Абай Құнанбайұлы"]) == expected
    assert to_latin_html(html, keep="Абай Құнанбайұлы") == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_non_kazakh_text_is_left_alone(text):
    assert to_latin(text) == text
    assert to_latin_html(text) == text


def test_latin_next_to_cyrillic():
    assert to_latin("iPhone 15 сатылымы, Wi-Fi тегін") == "iPhone 15 satylymy, Wi-Fi tegın"


def test_decomposed_letters():
    """й and ё typed as и + breve, е + diaeresis (some copy-paste sources)."""
    assert to_latin("Абаи\u0306 ЖИИ\u0306Н е\u0308лка") == "Abai JİİN iolka"


@pytest.mark.parametrize("letter", KAZAKH_CYRILLIC + KAZAKH_CYRILLIC.upper())
def test_every_letter_comes_out_in_the_alphabet(letter):
    for text in (letter, letter * 3, f"{letter}а", f"{letter}А"):
        latin = to_latin(text)
        assert set(latin) <= ALPHABET, (text, latin)


def test_soft_and_hard_signs_are_dropped():
    assert to_latin("ъьЪЬ") == ""


def test_benchmark_runs():
    result = benchmark(number=3)
    assert set(result) == {"news_list_20_items_ms", "rich_text_2kb_ms"}
    assert all(ms > 0 for ms in result.values())
