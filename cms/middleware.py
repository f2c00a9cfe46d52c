"""Django's LocaleMiddleware, without its language redirect for a view's own 404.

Wagtail's pages are served under language-prefixed patterns (/kk/..., cms/urls.py),
so Django answers a 404 on any other path that would match with a prefix by a
redirect to /<language><path>; Wagtail's catch-all matches any path ending in a
slash. That is right for a path nothing resolved ("/about/" → "/kk/about/"), but it
turned the 404 of a view that did resolve, and said "not found" itself (the
reader's shell for a missing article, the admin's), into a 302 to a page that
does not exist either.
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        own_404 = (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        )
        if not own_404:
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))  # as Django's does for it
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
