"""Bad values of grapple's own arguments are the client's error, never an internal one.

Found by a schema fuzzer (issue 11): strings passed through to integer columns
(`site(id:)`, a port in `settings(site:)`) and NUL characters in text arguments.
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        '{ site(id: "FALSE") { hostname } }',
        '{ settings(site: "N:¡") { __typename } }',
        '{ setting(site: "x:ÿ") { __typename } }',
    ],
)
def test_a_value_of_the_wrong_type_is_bad_user_input(graphql, trees, query):
    status, body = graphql(query)
    (error,) = body["errors"]
    assert status == 200
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["message"].startswith("Invalid argument: Field '")


@pytest.mark.parametrize(
    "query, variables",
    [
        ('{ pages(searchQuery: "a\\u0000b") { title } }', None),
        ('{ page(urlPath: "\\u0000") { title } }', None),
        ("query($q: String) { pages(searchQuery: $q) { title } }", {"q": "x\x00"}),
    ],
)
def test_a_nul_character_in_text_is_bad_user_input(graphql, trees, query, variables):
    status, body = graphql(query, variables)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "NUL" in error["message"]


def test_site_and_in_site_together_are_bad_user_input(graphql, trees):
    """Found by the schema fuzz (tests/fuzz): grapple's own refusal is a bare GraphQLError,
    which the view answered as an internal error."""
    for query in (
        '{ page(slug: "news", site: "localhost", inSite: true) { title } }',
        '{ pages(site: "localhost", inSite: true) { title } }',
    ):
        status, body = graphql(query)
        (error,) = body["errors"]
        assert status == 200
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert error["extensions"]["argument"] == "site"
        assert error["message"].startswith("Invalid argument: ")


@pytest.mark.parametrize(
    "query",
    [
        '{ sites { pages(contentType: "nodot") { title } } }',
        '{ sites { page(slug: "news", contentType: "nodot") { title } } }',
    ],
)
def test_a_site_s_pages_take_only_app_model_content_types(graphql, trees, query):
    """Found by the schema fuzz: grapple's Site.page and Site.pages split `contentType` at
    its dots into exactly two (ValueError otherwise)."""
    status, body = graphql(query)
    (error,) = body["errors"]
    assert status == 200
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["argument"] == "contentType"


def test_a_site_s_pages_by_content_type(graphql, trees):
    """A content type of no model is no page (grapple's Site.page raised DoesNotExist);
    a real one filters, as `pages(contentType:)` does."""
    status, body = graphql(
        '{ sites { none: page(slug: "news", contentType: "no.Model") { title }'
        ' index: page(slug: "news", contentType: "news.NewsIndexPage") { title }'
        ' pages(contentType: "news.NewsIndexPage") { title }'
        ' odd: pages(contentType: "a.b.c") { title } } }'
    )
    assert status == 200 and "errors" not in body, body
    (site,) = body["data"]["sites"]
    assert site["none"] is None
    assert site["index"] == {"title": "News"}
    assert site["pages"] == [{"title": "News"}]
    assert site["odd"] == []


def test_a_list_no_search_index_holds_refuses_a_search(graphql, trees):
    """Found by the schema fuzz: grapple's `sites(searchQuery:)` raised TypeError ("This
    data type is not searchable by Wagtail.")."""
    status, body = graphql('{ sites(searchQuery: "local") { hostname } }')
    (error,) = body["errors"]
    assert status == 200
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["argument"] == "searchQuery"
    assert error["message"].startswith("Invalid argument: ")


@pytest.mark.parametrize(
    "query, argument",
    [
        ('{ images(collection: "999999999999999999999999999999") { id } }', "collection"),
        ('{ documents(collection: "99999999999999999999") { id } }', "collection"),
        ('{ page(id: "9223372036854775808") { title } }', "id"),
        ('{ pages(parent: "-9223372036854775809") { title } }', "parent"),
    ],
)
def test_an_id_beyond_64_bits_is_bad_user_input(graphql, trees, query, argument):
    """Found by the schema fuzz: a foreign key compared with a number SQLite cannot hold
    raised OverflowError ("Python int too large to convert to SQLite INTEGER")."""
    status, body = graphql(query)
    (error,) = body["errors"]
    assert status == 200
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["argument"] == argument
    assert error["message"].startswith("Invalid argument: ")


def test_the_largest_64_bit_id_is_just_not_found(graphql, trees):
    status, body = graphql('{ image(id: "9223372036854775807") { id } }')
    assert status == 200 and "errors" not in body, body
    assert body["data"]["image"] is None


def test_a_src_set_without_sizes_is_bad_user_input(graphql, trees):
    """Found by the schema fuzz: `srcSet` left without `sizes` (or `sizes: null`) raised
    TypeError in the resolver."""
    from tests.factories import make_image

    make_image()
    for query in ("{ images { srcSet } }", "{ images { srcSet(sizes: null) } }"):
        status, body = graphql(query)
        (error,) = body["errors"]
        assert status == 200
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert error["extensions"]["argument"] == "sizes"
        assert error["message"].startswith("Invalid argument: ")
