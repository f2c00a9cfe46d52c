"""Page types of the home app and the base every page type shares."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from grapple.models import GraphQLPage, GraphQLStreamfield, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from home.blocks import BaseStreamBlock


class BasePage(HeadlessMixin, Page):
    """Headless: "view live" and preview open the front end, never a template here."""

    search_fields = Page.search_fields + [
        index.FilterField("locale"),
        index.FilterField("expire_at"),
        index.FilterField("go_live_at"),
        index.FilterField("alias_of"),
    ]

    class Meta:
        abstract = True


class SectionIndexPage(BasePage):
    """A section of one locale's tree (news, programmes, projects): once per home page."""

    intro = models.TextField(_("intro"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    graphql_fields = [GraphQLString("intro", description="A short introduction to the section.")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The root of one locale's tree: one per locale."""

    intro = models.TextField(_("intro"), blank=True)

    # No subpage_types: the sections say they live here (their parent_page_types).
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_articles", label=_("Featured articles"), max_num=6),
    ]
    graphql_fields = [
        GraphQLString("intro", description="A short welcome text."),
        GraphQLPage(
            "featured_articles",
            is_list=True,
            source="featured_article_pages",
            description="Articles the editors feature on the home page, in order.",
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        """One home page per locale: only while some locale has none."""
        if not super().can_create_at(parent) or not parent.is_root():
            return False
        return cls.objects.count() < Locale.objects.count()

    def featured_article_pages(self, info, **kwargs):
        """The featured articles in this home page's locale, visible ones only.

        wagtail-localize leaves page links pointing at the source locale's pages, so each
        is swapped for its visible translation in this locale (else the page itself).
        """
        from cms.api.visibility import visible_pages

        chosen = [item.page for item in self.featured_articles.select_related("page")]
        keys = {page.translation_key for page in chosen}
        visible = visible_pages(Page.objects.filter(translation_key__in=keys)).specific()
        by_key = {}
        for page in visible:
            if page.locale_id == self.locale_id or page.translation_key not in by_key:
                by_key[page.translation_key] = page
        featured = [by_key.get(page.translation_key) for page in chosen]
        return [page for page in dict.fromkeys(featured) if page is not None]


class HomePageFeaturedArticle(TranslatableMixin, Orderable):
    """Translatable so that each locale's home page keeps its own list after a sync."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    # The page types editors may feature: a setting, so that home names no section.
    panels = [PageChooserPanel("page", settings.FEATURED_PAGE_TYPES)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class StandardPage(BasePage):
    """About, contacts and other pages that are just text."""

    intro = models.TextField(_("intro"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [MultiFieldPanel(Page.promote_panels, heading=_("For search engines"))]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    graphql_fields = [
        GraphQLString("intro", description="A short introduction."),
        GraphQLStreamfield("body", description="The page's content blocks."),
    ]

    class Meta:
        verbose_name = _("standard page")
