"""Wagtail's own REST API v2, mounted only when WAGTAIL_REST_API is on.

It is not part of the contract (GraphQL is); it exists so `make bench` can
compare the two on the same articles and fields.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
