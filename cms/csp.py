"""What the Content Security Policy of a response adds to the settings' (README, Security).

django-csp (``csp.middleware.CSPMiddleware``) writes the header from
``CONTENT_SECURITY_POLICY``: strict, and all the reader and GraphiQL need. Listed right
after it, this middleware adjusts the policy of a response before the header is written:

- ``frame-ancestors`` says what ``X-Frame-Options`` says (browsers that read the first
  ignore the second): ``'none'`` for DENY, the default; ``'self'`` and the admin's origin
  for SAMEORIGIN (the reader's shell and the admin's preview views, framed by the
  editor's preview panel); left out for a view exempt from it. A preview's inner
  rendering (Wagtail's dummy request) gets no header of its own.
- The Wagtail admin's HTML pages (``CONTENT_SECURITY_POLICY_ADMIN``): Wagtail 8 writes
  inline ``<script>`` elements (widgets, panels, wagtail-localize's views) that a
  project cannot give a nonce, so each ``<script>`` tag of the page gets the request's
  nonce here (data blocks such as ``json_script``'s are left as they are), and
  ``'strict-dynamic'`` lets those scripts run what they insert (chooser modals, new
  inline panel forms). Inline event handlers and ``javascript:`` URLs stay
  refused, so markup that reaches the DOM through ``innerHTML`` (an editor's text, a
  label) cannot run code by them. Weaker than a nonce written by the templates: a
  ``<script>`` element in a page's HTML runs, as with ``'unsafe-inline'``, whoever wrote it.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings

SCRIPT_TAG = re.compile(rb"<script(?=[\s>])([^>]*)>", re.IGNORECASE)
# A <script> of another type is data (json_script's JSON, templates), never run: no nonce.
DATA_TYPE = re.compile(
    rb"""\stype=["']?(?!(?:text|application)/(?:x-)?(?:java|ecma)script|module|["'\s>])""",
    re.IGNORECASE,
)
HAS_NONCE = re.compile(rb"\snonce=", re.IGNORECASE)


def origin(url):
    """The origin of an absolute URL ("https://cdn.example.com/media/" -> "https://cdn.example.com"),
    None for a path or an empty value."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def origins(*urls):
    """The distinct origins of the absolute URLs among ``urls``, in order."""
    return list(dict.fromkeys(filter(None, map(origin, urls))))


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policies = [
            suffix
            for name, suffix in (
                ("CONTENT_SECURITY_POLICY", ""),
                ("CONTENT_SECURITY_POLICY_REPORT_ONLY", "_ro"),
            )
            if getattr(settings, name, None)
        ]
        if not policies:
            return response
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware again, on a dummy
            # request for the page's URL: the policy is the preview view's answer's.
            response._csp_exempt = response._csp_exempt_ro = True
            return response
        replace = {"frame-ancestors": self.frame_ancestors(response)}
        update = {}
        admin = settings.CONTENT_SECURITY_POLICY_ADMIN
        nonce = getattr(request, "csp_nonce", None)  # csp.middleware.CSPMiddleware's
        admin_page = request.path_info.startswith(tuple(admin["PATH_PREFIXES"]))
        if admin_page and nonce is not None and self.is_html(response):
            self.add_nonces(response, str(nonce).encode("ascii"))
            update = admin["DIRECTIVES"]
        for suffix in policies:
            # A view's own csp_replace/csp_update (django-csp's decorators) are kept.
            replaced = getattr(response, f"_csp_replace{suffix}", None) or {}
            setattr(response, f"_csp_replace{suffix}", {**replace, **replaced})
            updated = dict(getattr(response, f"_csp_update{suffix}", None) or {})
            for directive, sources in update.items():
                updated[directive] = [*updated.get(directive, ()), *sources]
            setattr(response, f"_csp_update{suffix}", updated)
        return response

    @staticmethod
    def frame_ancestors(response):
        framing = response.get("X-Frame-Options", "").upper()
        if framing == "SAMEORIGIN":
            return ["'self'", *origins(settings.WAGTAILADMIN_BASE_URL)]
        if framing == "DENY":
            return ["'none'"]
        return None  # exempt: no frame-ancestors

    @staticmethod
    def is_html(response):
        return not response.streaming and response.get("Content-Type", "").startswith("text/html")

    @staticmethod
    def add_nonces(response, nonce):
        def stamp(tag):
            attributes = tag.group(1)
            if HAS_NONCE.search(attributes) or DATA_TYPE.search(attributes):
                return tag.group(0)
            return b'<script nonce="' + nonce + b'"' + attributes + b">"

        content = SCRIPT_TAG.sub(stamp, response.content)
        response.content = content
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
