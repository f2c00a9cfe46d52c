import pytest

from tests.factories import make_article, make_category, translate

QUERY = """
query($locale: String!) {
  newsArticles(locale: $locale) {
    items { title url locale translationKey isFallback contentLocale
            categories { name slug } translations { locale url id } }
    pagination { total count perPage currentPage totalPages nextPage prevPage }
  }
}
"""


@pytest.mark.django_db
def test_news_articles_in_each_locale(trees, graphql):
    homes, indexes = trees
    cat = make_category("Diaspora", "diaspora", "kk")
    article = make_article(indexes["kk"], "Japan", categories=[cat], dateline="TOKYO")
    translate(article, "ru", title="Япония")
    status, body = graphql(QUERY, {"locale": "ru"})
    assert status == 200, body
    print(body)
    items = body["data"]["newsArticles"]["items"]
    assert [i["title"] for i in items] == ["Япония"]
    assert items[0]["url"] == "/ru/news/japan/"


@pytest.mark.django_db
def test_errors(trees, graphql, client):
    status, body = graphql("{ newsArticles(locale: \"xx\") { items { title } } }")
    print(status, body)
    status, body = graphql("{ newsArticles(locale: ")
    print(status, body)
    status, body = graphql("{ nope }")
    print(status, body)
    r = client.post("/graphql/", "not json", content_type="application/json")
    print(r.status_code, r.content)
