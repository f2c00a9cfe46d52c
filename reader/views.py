"""The reader's one view: the same HTML shell for every path under /reader/.

The JavaScript (static/reader/app.js) routes on ``location.pathname`` and
fetches everything it shows from /graphql/; Django only serves the shell and
the static files. The shell may be framed by the admin's preview panel
(same origin), hence SAMEORIGIN rather than the default DENY.

The status is the server's only say: an address with nothing at it (an unknown
language, an article that does not exist or that a reader may not see in that
language) is answered 404, so that crawlers and link checkers see it, with the
same shell, which shows "Page not found" (reader.routes).
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from reader.routes import exists


@require_safe
@never_cache
@xframe_options_sameorigin
def shell(request, path=""):
    locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    # Each script variant ("kk-Latn" as kk-latn, the case of the API's paths) after its base.
    for variant, base in settings.CMS_SCRIPT_VARIANTS.items():
        locales.insert(locales.index(base) + 1, variant.lower())
    return render(
        request,
        "reader/index.html",
        {
            "graphql_url": reverse("grapple_graphql"),
            "reader_base": reverse("reader:shell"),
            "locales": ",".join(locales),
            "default_locale": locales[0],
            "script_variants": ",".join(
                f"{variant.lower()}:{base}"
                for variant, base in settings.CMS_SCRIPT_VARIANTS.items()
            ),
        },
        status=200 if exists(path, request.GET) else 404,
    )
