"""Nothing unpublished, ever: every hidden state × every entry point of the API.

One world is built for the module: per hidden state, a kk article "Secret story
<state>" in that state, with a visible ru translation (its "twin"), a visible
child page, a redirect to it, a tag only it uses, a place among the home page's
featured articles and a link from the control article's body. Each entry point
must show the visible control and nothing of any secret page: no title, no
public path, no id, no redirect, no tag, no link.
"""

import datetime
import json
import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.api.paths import public_path
from home.models import HomePageFeaturedArticle, StandardPage
from news.models import NewsArticlePage
from tests.factories import locales, make_image, make_trees

pytestmark = pytest.mark.django_db

STATES = [
    "draft",
    "unpublished",
    "scheduled",
    "live-before-go-live",
    "expired",
    "password",
    "login",
    "groups",
    "under-restricted",
    "other-locale",
]


def _set(page, **fields):
    Page.objects.filter(pk=page.pk).update(**fields)
    page.refresh_from_db()


def _restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.create(name=f"Members of {page.slug}"))


def hide(page, state, members_area):
    """Put a published page into one of the hidden states."""
    soon, past = timezone.now() + datetime.timedelta(days=1), timezone.now() - datetime.timedelta(1)
    if state == "draft":  # never published
        _set(page, live=False, first_published_at=None, last_published_at=None, live_revision=None)
    elif state == "unpublished":
        page.unpublish()
    elif state == "scheduled":  # as Wagtail keeps it until go-live
        _set(page, live=False, go_live_at=soon)
    elif state == "live-before-go-live":  # live, but its go-live is still ahead
        _set(page, go_live_at=soon)
    elif state == "expired":  # publish_scheduled has not run yet
        _set(page, expire_at=past)
    elif state in ("password", "login", "groups"):
        _restrict(page, state)
    elif state == "under-restricted":
        page.move(members_area, pos="last-child")
        page.refresh_from_db()


def add_redirect(page):
    return Redirect.objects.create(old_path=f"/old-{page.slug}", redirect_page=page)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def live(parent, page, tags=()):
    """Add a live page without revisions: the world is large, revisions are slow."""
    page.first_published_at = page.last_published_at = timezone.now() - datetime.timedelta(hours=1)
    if tags:
        page.tags.set(tags)
    return parent.add_child(instance=page)


def article(title, slug, locale, **fields):
    return NewsArticlePage(
        title=title, slug=slug, locale=locale, lead=f"Lead of {title}.", **fields
    )


def build_world():
    homes, indexes = make_trees()
    by_code = locales()
    control = live(
        indexes["kk"], article("Visible story", "visible-story", by_code["kk"]), ["tag-visible"]
    )
    neighbour = live(
        indexes["kk"], article("Visible neighbour story", "visible-neighbour", by_code["kk"])
    )
    control_child = live(control, StandardPage(title="Control child"))
    control_ru = live(
        indexes["ru"],
        article(
            "Visible story ru",
            "visible-story",
            by_code["ru"],
            translation_key=control.translation_key,
        ),
    )
    add_redirect(control)
    HomePageFeaturedArticle.objects.create(home_page=homes["kk"], page=control, sort_order=0)
    members_area = live(indexes["kk"], StandardPage(title="Members area", slug="members"))
    _restrict(members_area, "login")

    secrets, paragraphs = {}, []
    for number, state in enumerate(STATES, start=1):
        code = "en" if state == "other-locale" else "kk"
        page = live(
            indexes[code],
            article(f"Secret story {state}", f"secret-{state}", by_code[code]),
            [f"tag-{state}"],
        )
        twin = live(
            indexes["ru"],
            article(
                f"Visible twin {state}",
                page.slug,
                by_code["ru"],
                translation_key=page.translation_key,
            ),
        )
        child = live(page, StandardPage(title=f"Visible child {state}"))
        add_redirect(page)
        HomePageFeaturedArticle.objects.create(home_page=homes["kk"], page=page, sort_order=number)
        hide(page, state, members_area)
        secrets[state] = SimpleNamespace(
            page=page, twin=twin, child=child, code=code, tag=f"tag-{state}"
        )
        paragraphs.append(f'<p><a linktype="page" id="{page.pk}">read {state}</a></p>')
    control.body = [("paragraph", "".join(paragraphs))]
    control.save()
    return SimpleNamespace(
        media=build_media(),
        homes=homes,
        indexes=indexes,
        control=control,
        neighbour=neighbour,
        control_child=control_child,
        control_ru=control_ru,
        secrets=secrets,
    )


def build_media():
    """A public image and document, and one of each per private collection state."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    collections = {"restricted": private, "under-restricted": private.add_child(name="Minutes")}
    media = {"public": media_pair("Public photo", root)}
    for state, collection in collections.items():
        media[state] = media_pair(f"Secret photo {state}", collection)
    return media


def media_pair(title, collection):
    image = make_image(title, size=(40, 30))
    type(image).objects.filter(pk=image.pk).update(collection=collection)
    document = get_document_model().objects.create(
        title=title.replace("photo", "paper"),
        file=ContentFile(b"%PDF-1.4", name="paper.pdf"),
        collection=collection,
    )
    return SimpleNamespace(image=image, document=document, collection=collection)


# --- the entry points -------------------------------------------------------------

PAGE_FIELDS = "id title url"


@dataclass
class Entry:
    name: str
    query: str
    expect: str  # in the response: proof the entry point works at all
    locale_scoped: bool = True  # False: a page in another locale is legitimately there
    errors: tuple = ()  # error codes this entry point may answer with

    def __post_init__(self):
        self.query = self.query.replace("@page", PAGE_FIELDS)

    def variables(self, world, state):
        """The values this entry's query declares (so equal requests can be shared)."""
        secret = world.secrets[state]
        values = {
            "id": secret.page.pk,
            "slug": secret.page.slug,
            "path": public_path(secret.page, "kk"),
            "child": secret.child.pk,
            "twin": secret.twin.pk,
            "control": world.control.pk,
            "controlSlug": world.control.slug,
            "controlChild": world.control_child.pk,
            "controlRu": world.control_ru.pk,
            "index": world.indexes["kk"].pk,
            "home": world.homes["kk"].pk,
        }
        return {name: values[name] for name in set(re.findall(r"\$(\w+)", self.query))}


def q(variables, body):
    return f"query({variables}) {{ {body} }}"


RICH_TEXT = q(
    "$control: ID",
    "page(id: $control) { ... on NewsArticlePage { body { ... on RichTextBlock { value } } } }",
)


ENTRIES = [
    Entry(
        "newsArticles",
        '{ newsArticles(locale: "kk", perPage: 100) { items { @page } } }',
        "Visible story",
    ),
    Entry(
        "newsArticles(searchQuery)",
        '{ newsArticles(locale: "kk", searchQuery: "story", perPage: 100) { items { @page } } }',
        "Visible story",
    ),
    Entry(
        "newsArticle",
        q(
            "$slug: String!, $controlSlug: String!",
            f'hidden: newsArticle(locale: "kk", slug: $slug) {{ {PAGE_FIELDS} }} '
            f'control: newsArticle(locale: "kk", slug: $controlSlug) {{ {PAGE_FIELDS} }}',
        ),
        "Visible story",
        errors=("NOT_FOUND",),
    ),
    Entry(
        "page(id)",
        q(
            "$id: ID, $control: ID",
            f"hidden: page(id: $id) {{ {PAGE_FIELDS} }} control: page(id: $control) {{ title }}",
        ),
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "page(id, locale)",
        q(
            "$id: ID, $control: ID",
            f'hidden: page(id: $id, locale: "kk") {{ {PAGE_FIELDS} }} '
            'control: page(id: $control, locale: "kk") { title }',
        ),
        "Visible story",
    ),
    Entry(
        "page(slug, locale)",
        q(
            "$slug: String, $controlSlug: String",
            f'hidden: page(slug: $slug, locale: "kk") {{ {PAGE_FIELDS} }} '
            f'control: page(slug: $controlSlug, locale: "kk") {{ title }}',
        ),
        "Visible story",
    ),
    Entry(
        "page(slug)",
        q(
            "$slug: String, $controlSlug: String",
            f"hidden: page(slug: $slug) {{ {PAGE_FIELDS} }} "
            f"control: page(slug: $controlSlug) {{ title }}",
        ),
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "page(urlPath)",
        q(
            "$path: String",
            f"hidden: page(urlPath: $path) {{ {PAGE_FIELDS} }} "
            'control: page(urlPath: "/kk/news/visible-story/") { title }',
        ),
        "Visible story",
    ),
    Entry("pages", "{ pages(limit: 100) { @page } }", "Visible story", False),
    Entry("pages(locale)", '{ pages(locale: "kk", limit: 100) { @page } }', "Visible story"),
    Entry(
        "pages(searchQuery)",
        '{ pages(searchQuery: "story", limit: 100) { @page } }',
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "pages(parent)",
        q("$index: ID", f"pages(parent: $index, limit: 100) {{ {PAGE_FIELDS} }}"),
        "Visible story",
    ),
    Entry(
        "search",
        '{ search(query: "story") { ... on PageInterface { @page } } }',
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "search(locale)",
        '{ search(query: "story", locale: "kk") { ... on PageInterface { @page } } }',
        "Visible story",
    ),
    Entry(
        "children",
        q("$index: ID", f"page(id: $index) {{ children(limit: 100) {{ {PAGE_FIELDS} }} }}"),
        "Visible story",
    ),
    Entry(
        "siblings",
        q("$control: ID", f"page(id: $control) {{ siblings(limit: 100) {{ {PAGE_FIELDS} }} }}"),
        "Visible neighbour story",
    ),
    Entry(
        "descendants",
        q("$home: ID", f"page(id: $home) {{ descendants(limit: 100) {{ {PAGE_FIELDS} }} }}"),
        "Visible story",
    ),
    Entry(
        "parent",
        q(
            "$child: ID, $controlChild: ID",
            f"hidden: page(id: $child) {{ parent {{ {PAGE_FIELDS} }} }} "
            f"control: page(id: $controlChild) {{ parent {{ {PAGE_FIELDS} }} }}",
        ),
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "ancestors",
        q(
            "$child: ID, $controlChild: ID",
            f"hidden: page(id: $child) {{ ancestors {{ {PAGE_FIELDS} }} }} "
            f"control: page(id: $controlChild) {{ ancestors {{ {PAGE_FIELDS} }} }}",
        ),
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "HomePage.featuredArticles",
        q(
            "$home: ID",
            f"page(id: $home) {{ ... on HomePage {{ featuredArticles {{ {PAGE_FIELDS} }} }} }}",
        ),
        "Visible story",
        locale_scoped=False,
    ),
    Entry(
        "translations",
        q(
            "$twin: ID, $controlRu: ID",
            "hidden: page(id: $twin) { translations { id locale url } } "
            "control: page(id: $controlRu) { translations { id locale url } }",
        ),
        "/kk/news/visible-story/",
        locale_scoped=False,
    ),
    Entry(
        "rich text links",
        RICH_TEXT,
        "read draft",
        locale_scoped=False,
    ),
    Entry(
        "redirects",
        "{ redirects { oldPath newUrl page { @page } } }",
        "/old-visible-story",
        locale_scoped=False,
    ),
    Entry("tags", "{ tags(limit: 100) { name } }", "tag-visible", locale_scoped=False),
    Entry("sites.pages", "{ sites(limit: 5) { pages(limit: 100) { @page } } }", "Visible story"),
]

CASES = [
    pytest.param(state, entry, id=f"{state}-{entry.name}")
    for entry in ENTRIES
    for state in STATES
    if entry.locale_scoped or state != "other-locale"
]


def page_ids(node):
    if isinstance(node, dict):
        found = {node["id"]} if isinstance(node.get("id"), str) else set()
        return found.union(*(page_ids(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(page_ids(value) for value in node))
    return set()


def traces(body, secret):
    """What of the secret page a response shows."""
    text = json.dumps(body.get("data"), ensure_ascii=False)
    page = secret.page
    markers = [page.title, f"/old-{page.slug}", secret.tag]
    found = [marker for marker in markers if marker in text]
    # The page's own URL, as a value or an href (a child's longer URL is not the page's).
    path = public_path(page, secret.code)
    if re.search(re.escape(f'"{path}') + r'\\?"', text):
        found.append(path)
    if str(page.pk) in page_ids(body.get("data")):
        found.append(f"id {page.pk}")
    return found


@pytest.fixture(scope="module")
def responses():
    """The world does not change: one request per distinct query and variables."""
    return {}


@pytest.fixture
def ask(graphql, responses):
    def run(query, variables):
        key = (query, json.dumps(variables, sort_keys=True))
        if key not in responses:
            responses[key] = graphql(query, variables)
        return responses[key]

    return run


@pytest.mark.parametrize("state,entry", CASES)
def test_hidden_page_stays_hidden(world, ask, state, entry):
    status, body = ask(entry.query, entry.variables(world, state))

    assert status == 200, body
    codes = {error["extensions"]["code"] for error in body.get("errors", [])}
    assert codes <= set(entry.errors), body
    assert traces(body, world.secrets[state]) == []
    assert entry.expect in json.dumps(body["data"], ensure_ascii=False)


@pytest.mark.parametrize("state", [s for s in STATES if s != "other-locale"])
def test_a_link_to_a_hidden_page_keeps_its_text_without_the_link(world, ask, state):
    status, body = ask(RICH_TEXT, {"control": world.control.pk})

    assert status == 200, body
    html = body["data"]["page"]["body"][0]["value"]
    assert f"<p>read {state}</p>" in html


# --- images and documents in private collections ----------------------------------

MEDIA_STATES = ["restricted", "under-restricted"]
MEDIA_ENTRIES = {
    "images": "{ images(limit: 100) { id title } }",
    "images(searchQuery)": '{ images(searchQuery: "photo", limit: 100) { id title } }',
    "images(collection)": q(
        "$collection: ID, $public: ID",
        "hidden: images(collection: $collection) { title } "
        "control: images(collection: $public) { title }",
    ),
    "image(id)": q(
        "$image: ID, $publicImage: ID",
        "hidden: image(id: $image) { title } control: image(id: $publicImage) { title }",
    ),
    "documents": "{ documents(limit: 100) { id title } }",
    "documents(searchQuery)": '{ documents(searchQuery: "paper", limit: 100) { id title } }',
    "document(id)": q(
        "$document: ID, $publicDocument: ID",
        "hidden: document(id: $document) { title } "
        "control: document(id: $publicDocument) { title }",
    ),
    "search": '{ search(query: "photo") { ... on Image { id title } } }',
    "collections": "{ collections { name } }",
}


@pytest.mark.parametrize("entry", MEDIA_ENTRIES)
@pytest.mark.parametrize("state", MEDIA_STATES)
def test_media_in_private_collections_stay_hidden(world, ask, state, entry):
    query = MEDIA_ENTRIES[entry]
    secret, public = world.media[state], world.media["public"]
    values = {
        "collection": secret.collection.pk,
        "public": public.collection.pk,
        "image": secret.image.pk,
        "publicImage": public.image.pk,
        "document": secret.document.pk,
        "publicDocument": public.document.pk,
    }
    variables = {name: values[name] for name in set(re.findall(r"\$(\w+)", query))}

    status, body = ask(query, variables)

    assert status == 200 and "errors" not in body, body
    text = json.dumps(body["data"])
    for marker in (secret.image.title, secret.document.title, secret.collection.name):
        assert marker not in text
    assert "Public" in text or "Root" in text


# --- locales: a slug or path shared by several locales is never an error -----------

PAGE_IN_LOCALE = """
query($slug: String, $urlPath: String, $locale: String) {
  page(slug: $slug, urlPath: $urlPath, locale: $locale) { title url locale }
}
"""


@pytest.mark.parametrize(
    "arguments,url",
    [
        ({"slug": "news"}, "/kk/news/"),
        ({"slug": "news", "locale": "ru"}, "/ru/news/"),
        ({"slug": "visible-story", "locale": "ru"}, "/ru/news/visible-story/"),
        ({"urlPath": "/ru/news/visible-story/"}, "/ru/news/visible-story/"),
        ({"urlPath": "/ru/news/visible-story"}, "/ru/news/visible-story/"),
        ({"urlPath": "/en/news/"}, "/en/news/"),
        ({"urlPath": "/ru/"}, "/ru/"),
        ({"urlPath": "/news/visible-story/"}, "/kk/news/visible-story/"),
        ({"urlPath": "/news/", "locale": "en"}, "/en/news/"),
        ({"urlPath": "/home-kk/news/"}, "/kk/news/"),
        ({"slug": "secret-twin-only-in-ru"}, None),
    ],
)
def test_page_by_slug_or_path_picks_one_locale(world, ask, arguments, url):
    status, body = ask(PAGE_IN_LOCALE, arguments)

    assert status == 200 and "errors" not in body, body
    page = body["data"]["page"]
    assert (page and page["url"]) == url


def test_a_slug_only_another_locale_has_finds_that_page(world, ask):
    _status, body = ask(PAGE_IN_LOCALE, {"slug": "visible-story"})
    _status, twin = ask(PAGE_IN_LOCALE, {"slug": "secret-draft"})

    assert body["data"]["page"]["url"] == "/kk/news/visible-story/"
    assert twin["data"]["page"] == {
        "title": "Visible twin draft",
        "url": "/ru/news/secret-draft/",
        "locale": "ru",
    }


@pytest.mark.parametrize(
    "arguments,code",
    [
        ({"slug": "news", "locale": "xx"}, "UNKNOWN_LOCALE"),
        ({"urlPath": "/ru/news/", "locale": "kk"}, "BAD_USER_INPUT"),
    ],
)
def test_page_lookup_errors(world, ask, arguments, code):
    status, body = ask(PAGE_IN_LOCALE, arguments)

    assert status == 200
    assert body["data"]["page"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]


def test_pages_in_one_locale(world, ask):
    _status, body = ask('{ pages(locale: "ru", limit: 100) { locale } }', {})

    assert {page["locale"] for page in body["data"]["pages"]} == {"ru"}


# --- arguments: order is allow-listed, bad input is an error, never a 500 ----------

ORDERED = {
    "pages": '{ pages(order: "%s") { title } }',
    "children": 'query($home: ID) { page(id: $home) { children(order: "%s") { title } } }',
    "siblings": 'query($control: ID) { page(id: $control) { siblings(order: "%s") { title } } }',
    "descendants": 'query($home: ID) { page(id: $home) { descendants(order: "%s") { title } } }',
    "ancestors": 'query($control: ID) { page(id: $control) { ancestors(order: "%s") { title } } }',
    "nextSiblings": 'query($home: ID) { page(id: $home) { nextSiblings(order: "%s") { title } } }',
    "images": '{ images(order: "%s") { title } }',
    "documents": '{ documents(order: "%s") { title } }',
    "tags": '{ tags(order: "%s") { name } }',
    "collections": '{ collections(order: "%s") { name } }',
    "sites": '{ sites(order: "%s") { hostname } }',
    "sites.pages": '{ sites { pages(order: "%s") { title } } }',
}


@pytest.mark.parametrize("order", ["owner__password", "title,owner__email", "-live", "path"])
@pytest.mark.parametrize("field", ORDERED)
def test_order_outside_the_allow_list_is_refused(world, ask, field, order):
    query = ORDERED[field].replace("%s", order)
    variables = {"home": world.homes["kk"].pk, "control": world.control.pk}
    variables = {name: variables[name] for name in set(re.findall(r"\$(\w+)", query))}

    status, body = ask(query, variables)

    assert status == 200
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == "order"


def test_allowed_orders_sort(world, ask):
    _status, by_title = ask('{ pages(locale: "kk", order: "-title", limit: 3) { title } }', {})
    _status, by_two = ask('{ pages(locale: "kk", order: "slug, -id", limit: 2) { slug } }', {})

    assert [p["title"] for p in by_title["data"]["pages"]] == [
        "Visible story",
        "Visible neighbour story",
        "Visible child unpublished",
    ]
    assert [p["slug"] for p in by_two["data"]["pages"]] == ["control-child", "home-kk"]


@pytest.mark.parametrize("operator", ["AND", "OR"])
def test_search_operator_works(world, ask, operator):
    query = '{ pages(searchQuery: "visible neighbour", searchOperator: OP) { title } }'
    query = query.replace("OP", operator)

    status, body = ask(query, {})

    assert status == 200 and "errors" not in body, body
    titles = {page["title"] for page in body["data"]["pages"]}
    assert "Visible neighbour story" in titles
    assert ("Visible story" in titles) == (operator == "OR")


@pytest.mark.parametrize(
    "query",
    [
        '{ page(id: "abc") { title } }',
        '{ pages(contentType: "news") { title } }',
        '{ pages(parent: "x") { title } }',
        '{ image(id: "x") { title } }',
    ],
)
def test_malformed_arguments_are_bad_input(world, ask, query):
    status, body = ask(query, {})

    assert status == 200
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_USER_INPUT"]
