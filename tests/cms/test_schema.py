"""grapple 0.31 does not declare Wagtail 8: these keep "it works" honest."""

import pytest

from cms.schema import schema
from tests.factories import make_article


@pytest.mark.django_db
def test_grapple_queries_run_on_wagtail_8(trees, graphql):
    _, indexes = trees
    make_article(indexes["en"], "Hello", dateline="ASTANA")
    status, body = graphql(
        '{ pages(contentType: "news.NewsArticlePage") '
        "{ title ... on NewsArticlePage { dateline } } }"
    )
    assert status == 200, body
    assert {"title": "Hello", "dateline": "ASTANA"} in body["data"]["pages"]


PROJECT_TYPES = [
    "NewsArticlePaginated",
    "ProgrammePaginated",
    "CulturalProjectPaginated",
    "Ticker",
    "WeatherReading",
    "Rate",
    "PageTranslation",
    "SyndicationChangeConnection",
    "SyndicationChangeEdge",
    "SyndicationChange",
    "SyndicationPageInfo",
]
PROJECT_QUERIES = [
    "newsArticles",
    "newsArticle",
    "newsCategories",
    "ticker",
    "programmes",
    "culturalProjects",
    "partners",
    "syndicationChanges",
]


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _model_types():
    """(GraphQL type name, field names) for every model and block declaring graphql_fields."""
    from django.apps import apps
    from grapple.registry import registry

    for app in ("home", "news", "partners"):
        for model in apps.get_app_config(app).get_models():
            if getattr(model, "graphql_fields", None):
                yield model.__name__, model.graphql_fields
    for block in registry.streamfield_blocks:
        if getattr(block, "graphql_fields", None):
            yield block.__name__, block.graphql_fields


def test_every_project_field_has_a_description():
    graphql_schema = schema.graphql_schema
    missing = []
    for name in PROJECT_TYPES:
        for field_name, field in graphql_schema.type_map[name].fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
    query = graphql_schema.query_type
    for name in PROJECT_QUERIES:
        field = query.fields[name]
        if not field.description:
            missing.append(f"Query.{name}")
        missing += [f"Query.{name}({a})" for a, arg in field.args.items() if not arg.description]
    for type_name, fields in _model_types():
        graphql_type = graphql_schema.type_map[type_name]
        for declared in fields:
            declared = declared() if callable(declared) else declared
            if isinstance(declared, tuple):  # GraphQLCollection: (field, list wrapper)
                declared = declared[0]()
            field = graphql_type.fields[_camel(declared.field_name)]
            if not field.description:
                missing.append(f"{type_name}.{declared.field_name}")
    assert missing == []


def test_descriptions_are_english_although_the_default_language_is_kazakh(settings):
    # Wagtail's help texts have Kazakh translations (locales/vendor) and kk is the default.
    assert settings.LANGUAGE_CODE == "kk"
    site = schema.graphql_schema.type_map["SiteObjectType"]
    assert site.fields["siteName"].description == "Human-readable name for the site."
