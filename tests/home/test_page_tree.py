"""Each page type can be created under its allowed parent and nowhere else."""

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from partners.models import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from tests.factories import PAGE_TYPES, locales

# parent type -> the child types an editor may add there (on an empty tree)
ALLOWED = {
    HomePage: {StandardPage, NewsIndexPage, ProgrammeIndexPage, CulturalProjectIndexPage},
    StandardPage: {StandardPage},
    NewsIndexPage: {NewsArticlePage},
    NewsArticlePage: set(),
    ProgrammeIndexPage: {ProgrammePage},
    ProgrammePage: set(),
    CulturalProjectIndexPage: {CulturalProjectPage},
    CulturalProjectPage: set(),
}


@pytest.fixture
def one_of_each(db):
    """A kk tree holding one page of every type."""
    kk = locales()["kk"]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="home-kk-test", locale=kk))
    pages = {HomePage: home}
    pages[StandardPage] = home.add_child(instance=StandardPage(title="About", locale=kk))
    pages[NewsIndexPage] = home.add_child(instance=NewsIndexPage(title="News", locale=kk))
    pages[NewsArticlePage] = pages[NewsIndexPage].add_child(
        instance=NewsArticlePage(title="A", lead="Lead", locale=kk)
    )
    pages[ProgrammeIndexPage] = home.add_child(instance=ProgrammeIndexPage(title="P", locale=kk))
    pages[ProgrammePage] = pages[ProgrammeIndexPage].add_child(
        instance=ProgrammePage(title="Prog", summary="S", locale=kk)
    )
    pages[CulturalProjectIndexPage] = home.add_child(
        instance=CulturalProjectIndexPage(title="C", locale=kk)
    )
    pages[CulturalProjectPage] = pages[CulturalProjectIndexPage].add_child(
        instance=CulturalProjectPage(title="Proj", summary="S", locale=kk)
    )
    return pages


@pytest.mark.parametrize("parent_type", list(ALLOWED))
def test_children_allowed_only_where_the_tree_rules_say(one_of_each, parent_type):
    parent = one_of_each[parent_type]
    # A fresh home page has none of the single-instance sections yet.
    if parent_type is HomePage:
        fresh = Page.get_first_root_node().add_child(
            instance=HomePage(title="Home 2", slug="home-ru-test", locale=locales()["ru"])
        )
        parent = fresh
    creatable = {cls for cls in PAGE_TYPES if cls.can_create_at(parent)}
    assert creatable == ALLOWED[parent_type]


def test_sections_exist_once_per_home(one_of_each):
    home = one_of_each[HomePage]
    assert not NewsIndexPage.can_create_at(home)
    assert not ProgrammeIndexPage.can_create_at(home)
    assert not CulturalProjectIndexPage.can_create_at(home)
    assert StandardPage.can_create_at(home)


def test_one_home_page_per_locale(db):
    by_code = locales()
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    for number, locale in enumerate(by_code.values()):
        assert HomePage.can_create_at(root)
        root.add_child(instance=HomePage(title=f"Home {number}", slug=f"h{number}", locale=locale))
    assert not HomePage.can_create_at(root)


def test_only_a_home_page_at_the_root(db):
    root = Page.get_first_root_node()
    creatable = {cls for cls in PAGE_TYPES if cls.can_create_at(root)}
    assert creatable <= {HomePage}
