"""wagtail-localize's machine translator, chosen by environment variables.

``MACHINE_TRANSLATOR`` names the service; unset or empty means none, and
wagtail-localize then shows no "Translate with …" button at all.

- ``deepl``: ``MACHINE_TRANSLATOR_API_KEY`` (a key ending in ``:fx`` uses the free API);
- ``libretranslate``: ``MACHINE_TRANSLATOR_URL`` and ``MACHINE_TRANSLATOR_API_KEY``;
- ``google``: ``MACHINE_TRANSLATOR_PROJECT_ID``, credentials in
  ``GOOGLE_APPLICATION_CREDENTIALS`` and the ``google-cloud-translate`` package
  (not in requirements.txt);
- ``dummy``: nothing; it reverses the words, for trying the workflow and for tests.

``MACHINE_TRANSLATOR_TIMEOUT`` (seconds, default 30) bounds each request.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

BACKENDS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    "google": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}


def _required(name, service):
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={service} needs {name}.")
    return value


def machine_translator():
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting, or None."""
    service = env_str("MACHINE_TRANSLATOR").strip().lower()
    if not service:
        return None
    if service not in BACKENDS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR={service!r}: use one of {', '.join(sorted(BACKENDS))}."
        )
    timeout = env_int("MACHINE_TRANSLATOR_TIMEOUT", 30)
    if service == "deepl":
        options = {"AUTH_KEY": _required("MACHINE_TRANSLATOR_API_KEY", service)}
    elif service == "libretranslate":
        options = {
            "LIBRETRANSLATE_URL": _required("MACHINE_TRANSLATOR_URL", service),
            "API_KEY": env_str("MACHINE_TRANSLATOR_API_KEY"),
        }
    elif service == "google":
        options = {
            "PROJECT_ID": _required("MACHINE_TRANSLATOR_PROJECT_ID", service),
            "LOCATION": env_str("MACHINE_TRANSLATOR_LOCATION", "global"),
        }
    else:
        options = {}
    return {"CLASS": BACKENDS[service], "OPTIONS": {**options, "TIMEOUT": timeout}}
