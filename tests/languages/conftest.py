"""The newsroom's site, roles and users, with a kk article and its en alias."""

from types import SimpleNamespace

import pytest

from tests.factories import locales, make_article
from tests.newsroom.conftest import chief, site, translator  # noqa: F401 (fixtures)
from tests.syndication.syndication_helpers import make_client


@pytest.fixture
def untranslated(site):  # noqa: F811
    """A live kk article, its en alias (the synced tree's placeholder) and a partner
    scoped to en."""
    article = make_article(site.news["kk"], "Abai readings in Omsk", lead="Омбыда Абай оқулары.")
    alias = article.copy_for_translation(locales()["en"], copy_parents=False, alias=True)
    return SimpleNamespace(
        site=site, source=article, alias=alias, partner=make_client(locales_=("en",))
    )
