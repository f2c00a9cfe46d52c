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
