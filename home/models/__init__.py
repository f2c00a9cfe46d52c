from .header import CityWeather, ExchangeRate
from .pages import BasePage, HomePage, HomePageFeaturedArticle, SectionIndexPage, StandardPage
from .site_settings import PublishingSettings
from .taxonomy import City, Country

__all__ = [
    "BasePage",
    "City",
    "CityWeather",
    "Country",
    "ExchangeRate",
    "HomePage",
    "HomePageFeaturedArticle",
    "PublishingSettings",
    "SectionIndexPage",
    "StandardPage",
]
