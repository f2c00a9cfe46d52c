from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str, require
from .logging import logging_config

DEBUG = False
SECRET_KEY = require("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    require("ALLOWED_HOSTS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# HTTPS only: plain HTTP is redirected (the probes excepted: a load balancer asks them over
# HTTP), and browsers are told to use HTTPS for a year (HSTS), subdomains included.
# SECURE_HSTS_PRELOAD asks the browsers' preload lists too: a commitment for the whole
# domain, so a deployment opts in (README, Running in production).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^readyz/worker$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # preloading is the opt-in above
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WEBHOOK_REQUIRE_HTTPS = env_bool("WEBHOOK_REQUIRE_HTTPS", True)
# Keep database connections between requests (opening one costs about as much as a
# small API request); a connection found broken is replaced at the next request.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# A public API: no schema introspection, no field suggestions, unless asked for.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", False)
# Purging by key exists: browsers may keep a public answer 10 s, the caches in front 5 min.
GRAPHQL_CACHE_MAX_AGE = env_int("GRAPHQL_CACHE_MAX_AGE", 10)
GRAPHQL_CACHE_SHARED_MAX_AGE = env_int("GRAPHQL_CACHE_SHARED_MAX_AGE", 300)
GRAPHQL_FIELD_SUGGESTIONS = env_bool("GRAPHQL_FIELD_SUGGESTIONS", False)
# One JSON object a line (README, Running in production, Logs).
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)  # noqa: F405
