"""The admin in Kazakh: no English interface string on the pages the newsroom works in.

The demo users' admin language is set to Kazakh (their Wagtail preference), then
each opens the pages of their role: the dashboard, the explorer of the kk news
section, an article's editor, the image library, the news categories, the
translation editor of a translated demo article and a chief editor's review of
a submitted article. On each, the visible interface labels (buttons, links,
headings, labels, table headers, menu items, placeholders, aria-labels) are
collected, leaving out what editors wrote (titles, names, article text: data),
and checked against the English messages of Wagtail's, wagtail-localize's,
taggit's and the project's catalogues whose Kazakh differs from the English
(`english_messages`): a label that is one of them, or has one among its Latin
words ("Choose" in "Choose серіктес"), is English. A label whose words are
Latin script but in no catalogue (a string hard-coded in a template) is English
too, unless it is a name or code that stays as it is (`LATIN_ALLOWED`).

Screenshots: var/screenshots/kazakh_admin_has_no_english_labels-*.png; docs/admin-kk-dashboard.png
and docs/admin-kk-editor.png are copies of two of them (UPDATE_DOCS_SCREENSHOTS=1 refreshes them).
"""

import gettext as gettext_module
import os
import re
import shutil
from functools import cache
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils.translation import trans_real
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from demo.pages import page_key
from news.models import NewsArticlePage, NewsIndexPage

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BASE = Path(settings.BASE_DIR)
LOCALES = BASE / "locales"
DOCS = BASE / "docs"
ARTICLE = "japan-association"  # a kk demo article, translated into ru and en

# Latin-script words a Kazakh admin shows as they are: names, codes, units, formats.
LATIN_ALLOWED = {
    "wagtail",
    "otandas",
    "kk",
    "ru",
    "en",
    "url",
    "urls",
    "slug",
    "id",
    "seo",
    "rss",
    "api",
    "po",
    "html",
    "json",
    "pdf",
    "jpeg",
    "jpg",
    "png",
    "gif",
    "webp",
    "avif",
    "svg",
    "kzt",
    "iso",
    "utc",
    "h2",
    "h3",
    "h4",
    "deepl",
    "google",
    "libretranslate",
    "graphql",
    "x",
    "youtube",
    "instagram",
}

# Where the admin shows what editors wrote: never interface labels.
DATA = [
    ".title-wrapper",  # page titles in the explorer and headers
    "[data-listing-page-title]",
    ".Draftail-Editor .public-DraftEditor-content",  # rich text
    "[data-chooser-title]",  # what a chooser holds
    ".c-sf-block__title",  # a block's content, shown in its heading
    "a.w-minimap-item[href^='#block-']",  # the same in the minimap (the type is in the block)
    ".js-translation-editor li p",  # a segment's source text and its translation
]


def data_texts():
    """What editors wrote and named, as the admin may show it within a label: titles of
    pages, images and documents, snippets' names, people's names, workflows and tasks."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page, Task, Workflow

    from home.models import City, Country
    from news.models import NewsCategory
    from partners.models import Partner

    texts = set()
    for model, field in [
        (Page, "title"),
        (get_image_model(), "title"),
        (get_document_model(), "title"),
        (NewsCategory, "name"),
        (Country, "name"),
        (City, "name"),
        (Partner, "name"),
        (Workflow, "name"),
        (Task, "name"),
        (Collection, "name"),
    ]:
        texts.update(model.objects.values_list(field, flat=True))
    for user in get_user_model().objects.all():
        texts.update([user.get_username(), user.get_full_name(), user.first_name])
    return sorted({_norm(text) for text in texts if text and len(text) > 2}, key=len, reverse=True)


def without_data(label, data):
    """`label` less what editors wrote in it ("«Newsroom review» жұмыс барысына жіберу"):
    their texts, whole or cut short with "…" as the admin shortens long titles."""
    if label.endswith("…"):
        head = label[:-1].rstrip()
        cut = [
            start
            for start in range(len(head) - 3)
            if any(text.startswith(head[start:]) for text in data)
        ]
        if cut:
            label = head[: cut[0]]
    for text in data:
        if text in label:
            label = label.replace(text, " ")
    return _norm(label)


# --- the English messages ----------------------------------------------------


def _norm(text):
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _key(text):
    return _norm(text).strip(" :.…").casefold()


PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^{}]*\}")
TAG = re.compile(r"<[^>]+>")


def _catalogue_paths(language):
    """Wagtail's, wagtail-localize's and taggit's catalogues in `language` (for kk: ours),
    Django's, and the project's."""
    paths = []
    for config in apps.get_app_configs():
        if not config.name.startswith(("wagtail", "taggit", "django")):
            continue
        if language == "kk":
            paths += (LOCALES / "vendor" / config.name / "kk" / "LC_MESSAGES").glob("*.po")
        paths += (Path(config.path) / "locale" / language / "LC_MESSAGES").glob("*.po")
    paths += (Path(django.__file__).parent / "conf" / "locale" / language).glob("LC_MESSAGES/*.po")
    paths.append(LOCALES / language / "LC_MESSAGES" / "django.po")
    return [path for path in paths if path.is_file()]


@cache
def english_messages():
    """(exact, patterns): the English messages whose Kazakh is another text (or missing),
    as keys (`_key`), and those with placeholders as regular expressions."""
    kazakh = {}
    for path in _catalogue_paths("kk"):
        for entry in polib.pofile(str(path)).translated_entries():
            texts = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
            kazakh.setdefault((entry.msgctxt, entry.msgid), set()).update(texts)
    exact, patterns = {}, {}
    for path in _catalogue_paths("en"):
        if "/django/conf/" in str(path) or "/django/contrib/" in str(path):
            continue  # Django's own: only what Wagtail shows of it matters, via Wagtail's
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            translated = kazakh.get((entry.msgctxt, entry.msgid), set())
            for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
                if msgid in translated:
                    continue  # the same in Kazakh ("URL")
                text = _norm(TAG.sub("", msgid))
                if PLACEHOLDER.search(text):
                    literal = PLACEHOLDER.sub(" ", text)
                    if len(re.findall(r"[A-Za-z]", literal)) >= 4:
                        regex = ".+".join(re.escape(part) for part in PLACEHOLDER.split(text))
                        patterns[msgid] = re.compile(f"^{regex}$", re.IGNORECASE)
                elif re.search(r"[A-Za-z]{2}", text):
                    exact.setdefault(_key(text), msgid)
    return exact, list(patterns.items())


LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ /][A-Za-z][A-Za-z'’-]*)*")


def english_in(label):
    """Why `label` is English, or None."""
    exact, patterns = english_messages()
    key = _key(label)
    if key in exact:
        return f"the message {exact[key]!r}"
    for msgid, pattern in patterns:
        if pattern.match(_norm(label)):
            return f"the message {msgid!r}"
    for run in LATIN_RUN.findall(label):
        words = re.split(r"[ /]", run)
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if phrase.casefold() in LATIN_ALLOWED:
                    continue
                if _key(phrase) in exact:
                    return f"its words {phrase!r} (the message {exact[_key(phrase)]!r})"
        unknown = [w for w in words if w.casefold() not in LATIN_ALLOWED and len(w) > 1]
        if unknown:
            return f"its Latin words {run!r} (in no catalogue)"
    return None


# --- labels on a page --------------------------------------------------------

COLLECT = """(data) => {
  const isData = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!el && data.some((selector) => el.closest(selector));
  };
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  };
  const ownText = (el) => {
    let text = "";
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (isData(node) || parent.closest("script, style, template, svg, textarea, select")) {
        continue;
      }
      if (!visible(parent)) continue;  // e.g. an empty counter, hidden
      text += " " + node.textContent;
    }
    return text.replace(/\\s+/g, " ").trim();
  };
  const found = [];
  const add = (kind, text, el) => {
    text = (text || "").replace(/\\s+/g, " ").trim();
    if (text) found.push({ kind, text, html: el.outerHTML.slice(0, 160) });
  };
  const labelled = [
    "button", "a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "th", "legend",
    "summary", "caption", "[role=menuitem]", "[role=tab]", "[role=button]",
    "[role=option]", "[role=status]", "p", ".help", ".help-block", ".w-field__help",
    ".w-help-text", ".w-status", ".status-tag",
  ].join(",");
  for (const el of document.querySelectorAll(labelled)) {
    if (visible(el) && !isData(el)) add(el.tagName.toLowerCase(), ownText(el), el);
  }
  for (const el of document.querySelectorAll("[placeholder]")) {
    if (visible(el) && !isData(el)) add("placeholder", el.getAttribute("placeholder"), el);
  }
  for (const el of document.querySelectorAll("[aria-label]")) {
    if (visible(el) && !isData(el)) add("aria-label", el.getAttribute("aria-label"), el);
  }
  for (const el of document.querySelectorAll("[data-w-tooltip-content-value], [title]")) {
    const tooltip = el.getAttribute("data-w-tooltip-content-value") || el.getAttribute("title");
    if (visible(el) && !isData(el) && el.tagName !== "HTML") add("tooltip", tooltip, el);
  }
  return found;
}"""


def english_labels(page):
    """[(kind, label, why it is English, HTML)] of the visible labels of `page`."""
    found = page.evaluate(COLLECT, DATA)
    data = data_texts()
    seen, english = set(), []
    for item in found:
        why = english_in(without_data(item["text"], data))
        if why and (item["kind"], item["text"]) not in seen:
            seen.add((item["kind"], item["text"]))
            english.append((item["kind"], item["text"], why, item["html"]))
    return english


# --- the test ----------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """Compile the .mo files (gitignored), then make Django and Python's gettext (which
    keeps each .mo file it read) load them again."""
    call_command("compilemessages", ignore=[".venv", "var", "node_modules"], verbosity=0)
    gettext_module._translations.clear()
    trans_real._translations = {}
    trans_real._default = None


def speak_kazakh(*usernames):
    for user in User.objects.filter(username__in=usernames):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "kk"
        profile.save()


def submit_for_review(article, username):
    """What "Submit to Newsroom review" in the editor does."""
    user = User.objects.get(username=username)
    article.title = f"{article.title} (жаңартылды)"
    revision = article.save_revision(user=user)
    article.get_workflow().start(article, user)
    return revision


def open_footer_menu(page):
    """Open the editor footer's "More actions" (found by its place: it is labelled in Kazakh)."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect(page.locator("footer [data-w-dropdown-target='content']").first).to_be_visible()


def check(site, page, name, found, screenshot=True):
    """Screenshot `page` and add its English labels to `found`; returns the screenshot."""
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    screenshot = site.screenshot(page, name) if screenshot else None
    for kind, label, why, html in english_labels(page):
        found.append(f"{name}: {kind} {label!r}: {why}\n      {html}")
    return screenshot


def check_menus(site, page, name, found):
    """Open each menu of the sidebar (the page explorer and the account too) and check
    what it shows."""
    buttons = page.locator(".sidebar button[aria-haspopup]")
    for index in range(buttons.count()):
        button = buttons.nth(index)
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        check(site, page, f"{name}-menu-{index + 1}", found, screenshot=False)
        page.keyboard.press("Escape")
        if button.get_attribute("aria-expanded") == "true":
            button.click()
        expect(button).to_have_attribute("aria-expanded", "false")


def test_kazakh_admin_has_no_english_labels(site):
    speak_kazakh("editor", "chief", "translator", "partners")
    kk = Locale.objects.get(language_code="kk")
    news = NewsIndexPage.objects.get(locale=kk)
    article = NewsArticlePage.objects.get(translation_key=page_key(ARTICLE), locale=kk)
    source = TranslationSource.objects.get_for_instance(article)
    translated = Translation.objects.get(source=source, target_locale__language_code="ru")
    target = translated.get_target_instance()
    found = []

    editor = site.login("editor")
    dashboard = check(site, editor, "dashboard", found)
    editor.goto(f"/admin/pages/{news.pk}/")
    check(site, editor, "explorer", found)
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    expect(editor.locator("footer")).to_be_visible()
    article_editor = check(site, editor, "editor", found)
    open_footer_menu(editor)
    check(site, editor, "editor-actions", found)
    editor.goto("/admin/images/")
    check(site, editor, "images", found)

    chief = site.login("chief")
    chief.goto(f"/admin/snippets/news/newscategory/?locale={kk.language_code}")
    check(site, chief, "categories", found)

    translator = site.login("translator")
    translator.goto(f"/admin/pages/{target.pk}/edit/")
    expect(translator.locator(".js-translation-editor footer, footer").first).to_be_visible()
    check(site, translator, "translation-editor", found)

    submit_for_review(article, "editor")
    chief.goto("/admin/")
    check(site, chief, "chief-dashboard", found)
    check_menus(site, chief, "chief-dashboard", found)
    chief.goto(f"/admin/pages/{article.pk}/edit/")
    check(site, chief, "review", found)
    open_footer_menu(chief)
    check(site, chief, "review-actions", found)

    partners = site.login("partners")
    check_menus(site, partners, "partners-dashboard", found)
    partners.goto("/admin/syndication_clients/new/")
    check(site, partners, "syndication-client", found)

    if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):  # the two committed under docs/
        shutil.copyfile(dashboard, DOCS / "admin-kk-dashboard.png")
        shutil.copyfile(article_editor, DOCS / "admin-kk-editor.png")
    assert not found, f"{len(found)} English labels:\n" + "\n".join(found)
