import pytest

from tests.factories import make_article, make_image

QUERY = """
query($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) {
    heroImage {
      alt
      rendition(fill: "640x360", format: "webp") { url width height }
      srcSet(sizes: [320, 640], format: "avif")
    }
  }
}
"""


@pytest.mark.django_db
def test_hero_image_alt_and_renditions(trees, graphql):
    _, indexes = trees
    image = make_image(size=(800, 450))
    make_article(indexes["en"], "Pics", hero_image=image, hero_alt="A yurt on the steppe")
    status, body = graphql(QUERY, {"locale": "en", "slug": "pics"})
    assert status == 200, body
    hero = body["data"]["newsArticle"]["heroImage"]
    assert hero["alt"] == "A yurt on the steppe"
    assert hero["rendition"]["width"] == 640 and hero["rendition"]["height"] == 360
    assert hero["rendition"]["url"].startswith("http://") and hero["rendition"]["url"].endswith(
        ".webp"
    )
    assert hero["srcSet"].count(".avif") == 2


@pytest.mark.django_db
def test_sizes_off_the_list_are_refused(trees, graphql):
    _, indexes = trees
    make_article(indexes["en"], "Pics", hero_image=make_image(size=(400, 300)))
    status, body = graphql(
        '{ newsArticle(locale: "en", slug: "pics") '
        "{ heroImage { rendition(width: 333) { url } } } }"
    )
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "width-333" in body["errors"][0]["message"]


@pytest.mark.django_db
def test_renditions_are_made_at_upload_so_requests_never_resize(
    trees, graphql, settings, caplog, django_capture_on_commit_callbacks
):
    settings.RENDITIONS_PREGENERATE = [
        "fill-640x360|format-webp",
        "width-320|format-avif",
        "width-640|format-avif",
    ]
    _, indexes = trees
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(size=(800, 450))
    assert image.renditions.count() == 3
    make_article(indexes["en"], "Pics", hero_image=image)
    with caplog.at_level("WARNING", logger="cms.api.images"):
        status, body = graphql(QUERY, {"locale": "en", "slug": "pics"})
    assert status == 200 and "errors" not in body
    assert image.renditions.count() == 3
    assert "made on request" not in caplog.text


@pytest.mark.django_db
def test_a_missing_rendition_is_made_on_the_spot_and_logged(trees, graphql, caplog):
    _, indexes = trees
    image = make_image(size=(800, 450))
    make_article(indexes["en"], "Pics", hero_image=image)
    with caplog.at_level("WARNING", logger="cms.api.images"):
        status, body = graphql(QUERY, {"locale": "en", "slug": "pics"})
    assert body["data"]["newsArticle"]["heroImage"]["rendition"]["url"]
    assert "fill-640x360|format-webp of image" in caplog.text
