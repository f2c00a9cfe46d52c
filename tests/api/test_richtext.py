"""Rich text as readers get it: page links to the front end in the page's locale."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from home.models import StandardPage
from partners.models import ProgrammeIndexPage, ProgrammePage
from tests.factories import make_article, publish, translate

pytestmark = pytest.mark.django_db

BODY = """
query($id: ID) {
  page(id: $id) {
    url
    ... on NewsArticlePage {
      body { ... on RichTextBlock { value } ... on FactBoxBlock { text } }
    }
  }
}
"""
PROGRAMME = """
query($id: ID) { page(id: $id) { ... on ProgrammePage { eligibility howToApply } } }
"""
ARTICLES = """
{ newsArticles(locale: "kk", perPage: 50) { items { body { ... on RichTextBlock { value } } } } }
"""


def link(page_or_id, text):
    pk = getattr(page_or_id, "pk", page_or_id)
    return f'<a linktype="page" id="{pk}">{text}</a>'


def paragraph(html):
    return [("paragraph", f"<p>{html}</p>")]


def story(index, title, slug, html):
    """A published article whose body is one paragraph of `html`."""
    return make_article(index, title, slug=slug, body=paragraph(html))


def body_html(graphql, page):
    status, body = graphql(BODY, {"id": page.pk})
    assert status == 200 and "errors" not in body, body
    return [block.get("value") or block.get("text") for block in body["data"]["page"]["body"]]


@pytest.fixture
def japan(trees):
    _homes, indexes = trees
    article = make_article(indexes["kk"], "Japan", slug="japan")
    translate(article, "ru", title="Япония", slug="yaponiya")
    return article


def test_a_link_points_at_the_translation_in_the_rendered_page_locale(trees, japan, graphql):
    _homes, indexes = trees
    source = story(indexes["kk"], "Digest", "digest", link(japan, "Japan"))
    digest_ru = translate(source, "ru", title="Дайджест", slug="daidzhest")

    assert body_html(graphql, source) == ['<p><a href="/kk/news/japan/">Japan</a></p>']
    assert body_html(graphql, digest_ru) == ['<p><a href="/ru/news/yaponiya/">Japan</a></p>']


def test_without_a_translation_the_link_keeps_the_linked_page(trees, graphql):
    _homes, indexes = trees
    korea = make_article(indexes["kk"], "Korea", slug="korea")
    source = story(indexes["en"], "Digest", "digest", link(korea, "Korea"))

    assert body_html(graphql, source) == ['<p><a href="/kk/news/korea/">Korea</a></p>']


def test_a_hidden_page_is_replaced_by_its_visible_translation(trees, japan, graphql):
    _homes, indexes = trees
    Page.objects.filter(pk=japan.pk).update(live=False)
    source = story(indexes["ru"], "Обзор", "obzor", link(japan, "Japan"))

    assert body_html(graphql, source) == ['<p><a href="/ru/news/yaponiya/">Japan</a></p>']


@pytest.mark.parametrize("target", ["unpublished", "deleted", "not a number"])
def test_a_link_to_a_page_readers_cannot_see_is_removed_and_its_text_kept(trees, graphql, target):
    _homes, indexes = trees
    korea = make_article(indexes["kk"], "Korea", slug="korea")
    if target == "unpublished":
        korea.unpublish()
    elif target == "deleted":
        korea.delete()
    linked = "x" if target == "not a number" else korea.pk
    html = f"Read {link(linked, '<b>the story</b>')} today."
    source = story(indexes["kk"], "Digest", "digest", html)

    assert body_html(graphql, source) == ["<p>Read <b>the story</b> today.</p>"]


def test_other_links_are_left_alone(trees, graphql):
    _homes, indexes = trees
    html = (
        '<a href="https://example.org/a?b=1&amp;c=2">out</a> '
        '<a href="mailto:desk@example.org">mail</a> <a href="#notes">notes</a>'
    )
    source = story(indexes["kk"], "Digest", "digest", html)

    assert body_html(graphql, source) == [f"<p>{html}</p>"]


def test_fact_box_text_is_rewritten_too(trees, japan, graphql):
    _homes, indexes = trees
    body = [("fact_box", {"title": "Reference", "text": f"<p>{link(japan, 'Japan')}</p>"})]
    source = make_article(indexes["kk"], "Digest", slug="digest", body=body)

    assert body_html(graphql, source) == ['<p><a href="/kk/news/japan/">Japan</a></p>']


def test_rich_text_fields_are_rewritten_too(trees, japan, graphql):
    homes, _indexes = trees
    index = publish(homes["kk"].add_child(instance=ProgrammeIndexPage(title="Programmes")))
    hidden = make_article(japan.get_parent(), "Hidden", slug="hidden", live=False)
    programme = ProgrammePage(
        title="Grants",
        summary="Grants for students.",
        eligibility=f"<p>As in {link(japan, 'Japan')}.</p>",
        how_to_apply=f"<p>See {link(hidden, 'the form')}.</p>",
    )
    publish(index.add_child(instance=programme))

    _status, body = graphql(PROGRAMME, {"id": programme.pk})

    assert body["data"]["page"] == {
        "eligibility": '<p>As in <a href="/kk/news/japan/">Japan</a>.</p>',
        "howToApply": "<p>See the form.</p>",
    }


def test_document_links_are_absolute_and_private_ones_removed(trees, graphql, settings):
    _homes, indexes = trees
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document_model = get_document_model()
    report = document_model.objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    minutes = document_model.objects.create(
        title="Minutes", file=ContentFile(b"%PDF-1.4", name="minutes.pdf"), collection=private
    )
    html = (
        f'<a linktype="document" id="{report.pk}">report</a> '
        f'<a linktype="document" id="{minutes.pk}">minutes</a>'
    )
    source = story(indexes["kk"], "Digest", "digest", html)

    [rendered] = body_html(graphql, source)

    assert (
        rendered
        == f'<p><a href="{settings.WAGTAILADMIN_BASE_URL}{report.url}">report</a> minutes</p>'
    )


def test_links_cost_one_query_per_rich_text_whatever_their_number(trees, graphql):
    _homes, indexes = trees
    targets = [make_article(indexes["kk"], f"Story {n}", slug=f"story-{n}") for n in range(5)]
    one = story(indexes["kk"], "One", "one", link(targets[0], "a"))
    many = "".join(link(target, target.title) for target in targets)
    five = story(indexes["kk"], "Five", "five", many)
    plain = story(indexes["kk"], "Plain", "plain", "No links.")

    counts = {}
    for page in (plain, one, five):
        with CaptureQueriesContext(connection) as queries:
            body_html(graphql, page)
        counts[page.title] = len(queries)

    assert counts["One"] == counts["Five"] == counts["Plain"] + 1


def test_a_link_repeated_across_a_list_is_resolved_once(trees, japan, graphql):
    _homes, indexes = trees
    for n in range(6):
        story(indexes["kk"], f"Story {n}", f"story-{n}", link(japan, "J"))
    with CaptureQueriesContext(connection) as queries:
        _status, body = graphql(ARTICLES)

    link_queries = [q for q in queries if "translation_key" in q["sql"] and "CASE" in q["sql"]]
    assert len(link_queries) == 1
    values = [b["value"] for item in body["data"]["newsArticles"]["items"] for b in item["body"]]
    assert values.count('<p><a href="/kk/news/japan/">J</a></p>') == 6


def test_a_standard_page_link_in_the_home_locale(trees, graphql):
    homes, indexes = trees
    about = publish(homes["ru"].add_child(instance=StandardPage(title="О нас", slug="o-nas")))
    source = story(indexes["ru"], "Обзор", "obzor", link(about, "о нас"))

    assert body_html(graphql, source) == ['<p><a href="/ru/o-nas/">о нас</a></p>']
