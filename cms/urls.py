from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.views import GraphQLView
from cms.health import healthz, readyz, readyz_worker
from cms.metrics import metrics_view

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("readyz/worker", readyz_worker, name="readyz_worker"),
    path("metrics", metrics_view, name="metrics"),
    path("graphql/", csrf_exempt(GraphQLView.as_view()), name="grapple_graphql"),
    path("syndication/", include("syndication.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("feeds/", include("news.urls")),
    path("reader/", include("reader.urls")),  # the reference front end (reader/)
]

if settings.GRAPPLE.get("EXPOSE_GRAPHIQL"):
    from csp.constants import NONCE, SELF
    from csp.decorators import csp_update
    from grapple.urls import graphiql

    # Its page's inline style and script (by nonce), the fonts its CSS inlines (data:).
    allowed = {"script-src": [NONCE], "style-src": [NONCE], "font-src": [SELF, "data:"]}
    graphiql = csp_update(allowed, REPORT_ONLY=True)(csp_update(allowed)(graphiql))
    urlpatterns.append(path("graphiql/", graphiql, name="grapple_graphiql"))

if settings.WAGTAIL_REST_API:
    from cms.rest import api_router

    urlpatterns.append(path("api/v2/", api_router.urls))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
