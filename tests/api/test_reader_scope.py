"""The delivery API loads the restricted paths once per request; a change made in the
same request (a new view restriction, a page moved under one) is seen at once."""

from wagtail.models import Page, PageViewRestriction

from cms.api.context import request_scope
from cms.api.visibility import reader_pages_filter, reader_scope
from home.models import StandardPage
from tests.factories import make_article


def visible_titles():
    return set(
        reader_pages_filter(Page.objects.filter(depth__gt=2)).values_list("title", flat=True)
    )


def test_a_restriction_added_during_a_request_hides_the_page_for_the_rest_of_it(trees):
    _, indexes = trees
    article = make_article(indexes["en"], "Open story")
    with request_scope():
        assert "Open story" in visible_titles()
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        assert "Open story" not in visible_titles()
        assert not reader_scope().page_visible(article)
        restriction.delete()
        assert "Open story" in visible_titles()


def test_a_restricted_section_keeps_its_pages_hidden_when_it_moves(trees):
    homes, _ = trees
    section = homes["en"].add_child(instance=StandardPage(title="Members", slug="members"))
    section.add_child(instance=StandardPage(title="Members only", slug="members-only"))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    with request_scope():
        assert "Members only" not in visible_titles()
        target = Page.objects.get(pk=homes["ru"].pk)  # treebeard moves fresh copies
        Page.objects.get(pk=section.pk).move(target, pos="last-child")
        assert "Members only" not in visible_titles()


def test_nested_restrictions_hide_each_subtree(trees):
    """A restriction under another adds nothing; one beside it still counts."""
    _, indexes = trees
    inner = make_article(indexes["en"], "Inner story")
    make_article(indexes["kk"], "Kazakh story")
    make_article(indexes["ru"], "Russian story")
    for page in (indexes["en"], inner, indexes["kk"]):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with request_scope():
        titles = visible_titles()
    assert "Russian story" in titles
    assert not titles & {"Inner story", "Kazakh story"}
