"""The reader's one view: the same HTML shell for every path under /reader/.

The JavaScript (static/reader/app.js) routes on ``location.pathname`` and
fetches everything it shows from /graphql/; Django only serves the shell and
the static files. The shell may be framed by the admin's preview panel
(same origin), hence SAMEORIGIN rather than the default DENY.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe


@require_safe
@never_cache
@xframe_options_sameorigin
def shell(request, path=""):
    locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return render(
        request,
        "reader/index.html",
        {
            "graphql_url": reverse("grapple_graphql"),
            "reader_base": reverse("reader:shell"),
            "locales": ",".join(locales),
            "default_locale": locales[0],
        },
    )
