from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import City, CityWeather, Country, ExchangeRate
from home.viewsets import UserLanguageFormsMixin


class CountryViewSet(UserLanguageFormsMixin, SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class CityViewSet(UserLanguageFormsMixin, SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["name"]


class CityWeatherViewSet(UserLanguageFormsMixin, SnippetViewSet):
    model = CityWeather
    icon = "snippet"
    list_display = ["city", "temperature_c", "observed_at", "source"]
    list_filter = ["city"]


class ExchangeRateViewSet(UserLanguageFormsMixin, SnippetViewSet):
    model = ExchangeRate
    icon = "snippet"
    list_display = ["currency", "rate", "date", "source"]
    list_filter = ["currency"]


class HeaderDataGroup(SnippetViewSetGroup):
    """Weather and exchange rates for the site header, grouped in one menu."""

    menu_label = _("Header data")
    menu_icon = "pick"
    items = (CityViewSet, CityWeatherViewSet, ExchangeRateViewSet)


register_snippet(CountryViewSet)
register_snippet(HeaderDataGroup)


@hooks.register("register_schema_query")
def register_home_queries(query_mixins):
    from home.schema import HomeQuery

    query_mixins.append(HomeQuery)
