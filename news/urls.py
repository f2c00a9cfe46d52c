"""Public feed routes, included from cms/urls.py under `feeds/`."""

from django.urls import path

from news.feeds import news_atom, news_json, news_rss

urlpatterns = [
    path("<str:locale>/news.rss", news_rss, name="news_feed_rss"),
    path("<str:locale>/news.atom", news_atom, name="news_feed_atom"),
    path("<str:locale>/news.json", news_json, name="news_feed_json"),
]
