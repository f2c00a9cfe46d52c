"""News: the index page, articles, their categories and tags."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from grapple.models import (
    GraphQLBoolean,
    GraphQLImage,
    GraphQLSnippet,
    GraphQLStreamfield,
    GraphQLString,
    GraphQLTag,
)
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.api.image_loader import ImageLoader
from cms.api.loaders import ChildRelationLoader, ForeignKeyLoader
from home.blocks import BaseStreamBlock
from home.models import BasePage, SectionIndexPage
from news import archive
from news.forms import NewsArticleForm


class NewsCategory(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=True, help_text=_("Used in filters and feed URLs.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]
    graphql_fields = [
        GraphQLString("name", required=True, description="The category's name in this locale."),
        GraphQLString("slug", required=True, description="The category's slug in this locale."),
        GraphQLString("description", description="What the category covers."),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_category_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class CategorySerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class CountrySerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()


class NewsIndexPage(SectionIndexPage):
    """The news section of one locale's tree. Its articles live in year folders
    (`NewsYearPage`, see `news.archive`); older ones may sit here directly."""

    subpage_types = ["news.NewsYearPage", "news.NewsArticlePage"]
    admin_default_ordering = "-title"  # the years, newest first

    class Meta:
        verbose_name = _("news index")

    def route(self, request, path_components):
        """`<index>/<slug>/` is an article wherever it sits in the section."""
        if len(path_components) == 1:
            article = archive.article_at(self, path_components[0])
            if article is not None:
                return article.route(request, [])
        return super().route(request, path_components)


class NewsYearPage(BasePage):
    """One year of a news section's articles: a folder in the tree, not content.

    A parent holds at most 1,679,615 children and never reuses the tree path of
    a deleted or moved-away child, so a million articles a language cannot sit
    under the index itself. The folder's `url_path` is its index's, so the
    articles in it keep `/<lang>/news/<slug>/` on every path Wagtail computes one
    (create, move, copy, translation, a slug change), with plain `Page` instances
    included; the folder itself has no URL (its own slug never reaches a path).
    """

    is_folder = True  # cms.api.folders: no reader ever sees it
    is_creatable = False  # made on demand, for the year of the article (news.archive)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsArticlePage"]
    admin_default_ordering = "-latest_revision_created_at"

    content_panels = [FieldPanel("title")]
    promote_panels = []

    class Meta:
        verbose_name = _("news year")
        verbose_name_plural = _("news years")

    def set_url_path(self, parent):
        self.url_path = parent.url_path if parent else "/"
        return self.url_path

    def _update_descendant_url_paths(self, old_url_path, new_url_path):
        # A change of the year's slug leaves its url_path (the index's) as it was.
        if old_url_path != new_url_path:
            super()._update_descendant_url_paths(old_url_path, new_url_path)

    @staticmethod
    def _slug_is_available(slug, parent_page, page=None):
        return Page._slug_is_available(slug, parent_page, page) and archive.slug_is_free(
            slug, parent_page, page
        )

    def route(self, request, path_components):
        raise Http404


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticleCategory(TranslatableMixin, Orderable):
    """An article's categories: a translatable inline relation, so wagtail-localize maps
    each category to the target locale's (it copies non-translatable inlines unchanged)."""

    page = ParentalKey("news.NewsArticlePage", on_delete=models.CASCADE, related_name="categories")
    category = models.ForeignKey(
        NewsCategory, verbose_name=_("category"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("category")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["page", "category"], name="unique_article_category")
        ]


class NewsArticlePage(BasePage):
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_("Where the story was filed, e.g. TOKYO."),
    )
    source = models.CharField(
        _("source"),
        max_length=100,
        blank=True,
        help_text=_("The agency or outlet, e.g. KAZINFORM."),
    )
    source_url = models.URLField(_("source URL"), blank=True)
    byline = models.CharField(
        _("byline"), max_length=255, blank=True, help_text=_("The authors' names, if credited.")
    )
    lead = models.TextField(
        _("lead"), help_text=_("The opening paragraph: who, what, where, when. Plain text.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("credit"), max_length=200, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    country = models.ForeignKey(
        "home.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))
    allow_syndication = models.BooleanField(
        _("allow syndication"),
        default=True,
        help_text=_("Partner foundations may republish this article."),
    )

    parent_page_types = ["news.NewsYearPage", "news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsArticleForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("byline")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("categories", label=_("Categories"), min_num=0),
                FieldPanel("country"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
                FieldPanel("allow_syndication"),
            ],
            heading=_("Source and syndication"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.FilterField("country"),
        index.FilterField("first_published_at"),
    ]
    graphql_fields = [
        GraphQLString("dateline", description="Where the story was filed, e.g. TOKYO."),
        GraphQLString("source", description="The agency or outlet, e.g. KAZINFORM."),
        GraphQLString("source_url", description="Link to the original, if any."),
        GraphQLString("byline", description="Authors' names, if credited."),
        GraphQLString("lead", required=True, description="The opening paragraph, plain text."),
        GraphQLImage("hero_image", source="hero_image_for_reader", description="The main image."),
        GraphQLString("hero_alt", description="Alt text of the hero image in this locale."),
        GraphQLString("hero_caption", description="Caption of the hero image."),
        GraphQLString("hero_credit", description="Credit of the hero image."),
        GraphQLStreamfield("body", description="The article's content blocks."),
        GraphQLSnippet(
            "categories",
            "news.NewsCategory",
            is_list=True,
            source="category_list",
            description="Categories in this article's locale, in the editor's order.",
        ),
        GraphQLSnippet(
            "country",
            "home.Country",
            source="country_for_reader",
            description="The country the story is about.",
        ),
        GraphQLTag("tags", source="tag_list", description="Free-form tags."),
        GraphQLBoolean(
            "allow_syndication",
            required=True,
            description="Whether partner foundations may republish this article.",
        ),
    ]

    # Wagtail's REST API (benchmark only, see cms/rest.py): the fields of the GraphQL list.
    api_fields = [
        APIField("lead"),
        APIField("dateline"),
        APIField(
            "hero", serializer=ImageRenditionField("fill-640x360|format-webp", source="hero_image")
        ),
        APIField("category_list", serializer=CategorySerializer(many=True)),
        APIField("country", serializer=CountrySerializer()),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @staticmethod
    def _slug_is_available(slug, parent_page, page=None):
        """Unique in the whole news section of the locale (`news.archive`): an article's
        URL leaves its year folder out."""
        return Page._slug_is_available(slug, parent_page, page) and archive.slug_is_free(
            slug, parent_page, page
        )

    # What readers see, loaded for every article the request shows at once (cms.api.loaders).

    def hero_image_for_reader(self, info=None, **kwargs):
        return ImageLoader.of().image(self.hero_image_id, self.hero_alt)

    def country_for_reader(self, info=None, **kwargs):
        """The country, in this article's locale."""
        return ForeignKeyLoader.of(NewsArticlePage, "country").load(self)

    def category_list(self, info=None, **kwargs):
        """The categories in the editor's order, in this article's locale."""
        return ChildRelationLoader.of(NewsArticlePage, "categories", "category").load(self)

    def tag_list(self, info=None, **kwargs):
        return ChildRelationLoader.of(NewsArticlePage, "tagged_items", "tag").load(self)
