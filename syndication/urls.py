"""Partner-only endpoints, mounted under /syndication/ by cms.urls."""

from django.urls import path

from syndication import views

app_name = "syndication"

urlpatterns = [
    path("ninjs/<str:locale>/<str:slug>.json", views.article_ninjs_view, name="article_ninjs"),
    path("changes.json", views.changes_view, name="changes"),
]
