"""Settings shared by every environment; everything variable comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, STRICT_DYNAMIC, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from cms.csp import origins

from .env import env_bool, env_int, env_list, env_str, parse_fallbacks
from .images import ALLOWED_IMAGE_FILTERS
from .logging import logging_config
from .machine_translation import machine_translator
from .search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("CMS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First: its signal handlers run before the syndication handlers of the same signals.
    "languages",
    "home",
    "news",
    "partners",
    "syndication",
    "reader",
    "demo",
    "cms",
    # Before wagtail_localize: its translation editor template is extended here.
    "newsroom",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_headless_preview",
    "grapple",
    "graphene_django",
    "rest_framework",
    "modelcluster",
    "taggit",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",  # admin sign-in lockout (AXES_* below)
    # Two-factor sign-in to the admin (ADMIN_2FA_* below, cms/two_factor).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: the request id, the access log line and the request metrics (cms/access_log.py).
    "cms.access_log.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below), and what an answer adds to it:
    # nonces and the admin's exceptions, frame-ancestors from X-Frame-Options (cms/csp.py).
    "csp.middleware.CSPMiddleware",
    "cms.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.context.RequestScopeMiddleware",
    "cms.statement_timeout.StatementTimeoutMiddleware",  # API requests only, on PostgreSQL
    # Bearer API keys on /graphql/, /feeds/, /syndication/: invalid ones get a 401 here.
    "syndication.auth.ApiKeyMiddleware",
    # Requests per partner key or IP address on the same paths: 429 over it (cms/rate_limits.py).
    "cms.rate_limits.RateLimitMiddleware",
    # Persisted GETs with an answer in the response cache are answered here (cms/api/cache_hits.py).
    "cms.api.cache_hits.ResponseCacheHitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",  # Django's, keeping the 404s of views (cms/middleware.py)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session given its second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Admin pages ask for it, or for enrolment, where it is due (cms/two_factor/middleware.py).
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin writes in one transaction with the syndication change log (syndication.transactions).
    "syndication.transactions.AtomicAdminWritesMiddleware",
    # Last: turns a locked-out sign-in into the lockout page (AXES_* below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web server, worker) share the file: wait for locks
    # instead of failing, and let readers run beside a writer.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default, Redis when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "renditions",
            "TIMEOUT": 60 * 60 * 24 * 30,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 10000},
        },
    }

# Background work: django-tasks with the database backend; `manage.py run_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Jobs the worker runs on a timer: (dotted path to a callable, interval in seconds).
# See cms/worker.py.
WORKER_PERIODIC_JOBS = [
    ("cms.worker.publish_scheduled", 60),
    ("syndication.webhooks.delivery.deliver_due", 2),  # webhook deliveries and their retries
    ("syndication.webhooks.retention.prune_due", 3600),  # old finished deliveries
]

# Webhooks (docs/partners-webhooks.md). Loopback, private and link-local targets are
# refused (SSRF) unless allowed; dev and test allow them for receivers on 127.0.0.1.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = env_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", False)
WEBHOOK_REQUIRE_HTTPS = env_bool("WEBHOOK_REQUIRE_HTTPS", False)
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 15)  # seconds per attempt
# Seconds to wait after the 1st, 2nd, ... failure (about three days in all), ± jitter;
# then the endpoint is marked failing and probed at the last interval.
WEBHOOK_RETRY_SCHEDULE = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 86400]
WEBHOOK_RETRY_JITTER = 0.2
WEBHOOK_LEASE_SECONDS = 120  # a claimed delivery not finished by then is sent again
WEBHOOK_BATCH_SIZE = 20  # deliveries claimed at once
WEBHOOK_CONCURRENCY = 8  # deliveries sent in parallel (one per client at most)
WEBHOOK_PASS_SECONDS = 10  # a delivery pass stops claiming more after this
WEBHOOK_MAX_PER_PASS = 200
WEBHOOK_NINJS_VERSION = "3.1"  # of the ninjs documents in webhook bodies
# Days a finished (delivered or cancelled) delivery and its attempts are kept; 0 keeps all.
WEBHOOK_DELIVERY_RETENTION_DAYS = env_int("WEBHOOK_DELIVERY_RETENTION_DAYS", 30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in lockout (django-axes; README, Security): 5 wrong passwords for one
# username from one IP address lock that pair out for 15 minutes. The backend first:
# it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/lockout.html"
# The client's address behind the proxies of CMS_TRUSTED_PROXIES, as the rate limits see it.
AXES_CLIENT_IP_CALLABLE = "cms.rate_limits.request_client_address"

# Two-factor sign-in to the admin (cms/two_factor; README, Security): after the password,
# a 6-digit code from an authenticator app (TOTP) or a single-use recovery code. Required
# for superusers and the groups listed (names as in newsroom.roles), who are sent to set
# it up at their first sign-in; anyone else may turn it on in Account. A wrong code makes
# the next try wait 1, 2, 4, 8... seconds (django-otp's throttling, per device).
ADMIN_2FA_ENABLED = env_bool("ADMIN_2FA_ENABLED", True)
ADMIN_2FA_REQUIRE_SUPERUSERS = env_bool("ADMIN_2FA_REQUIRE_SUPERUSERS", True)
ADMIN_2FA_REQUIRED_GROUPS = env_list("ADMIN_2FA_REQUIRED_GROUPS", "Chief editors")
ADMIN_2FA_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "Otandas"  # the account's name in the authenticator app
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Languages: the first of CMS_LANGUAGES is the default locale.
LANGUAGE_NAMES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}
CMS_LANGUAGES = env_list("CMS_LANGUAGES", "kk,ru,en")
LANGUAGE_CODE = CMS_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code)) for code in CMS_LANGUAGES
]
# Where a single page asked in a locale it does not exist in is looked for next
# (cms.api.fallbacks): "locale:fallback,fallback;...".
CMS_LOCALE_FALLBACKS = parse_fallbacks(
    env_str("CMS_LOCALE_FALLBACKS", "kk:ru,en;ru:kk,en;en:ru,kk")
)
# Locales served from another's pages in another script, by transliteration
# (cms.api.scripts): code the API, feeds and ninjs accept -> the locale of the pages.
CMS_SCRIPT_VARIANTS = {"kk-Latn": "kk"} if "kk" in CMS_LANGUAGES else {}
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
# The project's catalogues, then the Kazakh ones of the apps that ship none
# (locales/vendor/<app>/, see locales/README.md).
LOCALE_PATHS = [BASE_DIR / "locales", *sorted((BASE_DIR / "locales" / "vendor").glob("*"))]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# cms/static/ is found as the `cms` app's: also listing it in STATICFILES_DIRS made
# collectstatic find each file twice.
STATICFILES_DIRS = []
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible object storage; credentials come from the usual AWS_* variables.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None

# Wagtail
WAGTAIL_SITE_NAME = "Otandas"
PORT = env_int("PORT", 8000)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")
FRONTEND_BASE_URL = env_str("FRONTEND_BASE_URL", f"{WAGTAILADMIN_BASE_URL}/reader").rstrip("/")
WAGTAILSEARCH_BACKENDS = search_backends()
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {}
# Uploads (README, Security). Images: no SVG (it can carry scripts), 20 MB and
# 64 megapixels at most (a small file of huge dimensions is refused before it is decoded).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 64_000_000)
# Documents: office files, text, archives; nothing a browser would run (html, svg, js).
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "rtf",
    "txt",
    "csv",
    "zip",
    "epub",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
# Served by Django (never a redirect to the storage): every type but PDF as an attachment,
# all with "Content-Security-Policy: default-src 'none'" and "nosniff".
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Request bodies: uploads over 2.5 MB are streamed to a temporary file, not kept in
# memory; form fields (not files) may total 10 MB and 10,000 fields (long StreamFields).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
# No avatars from Gravatar: the admin makes no third-party requests (it tells Gravatar
# who is logged in, and shows broken images offline). Wagtail's default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones offered in Account › Preferences: where the newsroom and its readers'
# communities are. Wagtail's default is every name zoneinfo finds on the machine, which
# on Debian includes "localtime" (/usr/share/zoneinfo/localtime), no IANA zone: the
# admin's JavaScript then fails on it (RangeError: Invalid time zone specified).
WAGTAIL_USER_TIME_ZONES = [
    "Asia/Almaty",  # the newsroom; all of Kazakhstan since March 2024
    "Asia/Tashkent",
    "Asia/Bishkek",
    "Asia/Urumqi",
    "Asia/Shanghai",
    "Asia/Hovd",  # Bayan-Ölgii, Mongolia
    "Asia/Ulaanbaatar",
    "Asia/Omsk",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "Asia/Tokyo",
    "UTC",
]
# New translations start as drafts even of live pages: they are reviewed like any
# page (newsroom, docs/editors.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# "Translate with …" in the translation editor: MACHINE_TRANSLATOR=deepl|libretranslate|
# google|dummy (see cms/settings/machine_translation.py); none when unset.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()

# Review: editors submit, chief editors approve (docs/editors.md). A page in review is
# locked to everyone but its reviewers (GroupApprovalTask); reviewers comment in the editor.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# Headless: pages are read over GraphQL; "view live" and preview open the front end.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_BASE_URL},
    "SERVE_BASE_URL": FRONTEND_BASE_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}

# The reader's guards (allow-listed `order`, preview tokens, hidden pages dropped,
# rich text links rewritten) are wrapped around the schema's resolvers by
# cms.api.guards, not set here as middleware (docs/api-visibility.md).
GRAPHENE = {"SCHEMA": "cms.schema.schema", "MIDDLEWARE": []}
# Seconds caches may keep a public GraphQL GET response (cms/api/http_cache.py): browsers
# (max-age, nobody can purge them) and shared caches in front, purged by surrogate key
# (s-maxage, stale-while-revalidate). 0: they revalidate every time (ETag, 304).
GRAPHQL_CACHE_MAX_AGE = env_int("GRAPHQL_CACHE_MAX_AGE", 0)
GRAPHQL_CACHE_SHARED_MAX_AGE = env_int("GRAPHQL_CACHE_SHARED_MAX_AGE", 0)
GRAPHQL_CACHE_STALE_WHILE_REVALIDATE = env_int("GRAPHQL_CACHE_STALE_WHILE_REVALIDATE", 30)
# Whole answers kept in the default cache and purged by key (cms/api/response_cache.py):
# on with Redis (one cache for every process), off otherwise unless turned on.
GRAPHQL_RESPONSE_CACHE = env_bool("GRAPHQL_RESPONSE_CACHE", bool(REDIS_URL))
GRAPHQL_RESPONSE_CACHE_TTL = env_int("GRAPHQL_RESPONSE_CACHE_TTL", 300)
# Caches in front told what to drop when content changes (cms/api/purge_backends.py),
# comma-separated, e.g. "varnish:http://127.0.0.1:6081,cloudflare:<zone id>,fastly:<service>";
# tokens in CLOUDFLARE_API_TOKEN, FASTLY_API_TOKEN. Empty: none.
CACHE_PURGE_BACKENDS = env_list("CACHE_PURGE_BACKENDS", "")
CACHE_PURGE_TIMEOUT = float(env_str("CACHE_PURGE_TIMEOUT", "5"))
CLOUDFLARE_API_TOKEN = env_str("CLOUDFLARE_API_TOKEN", "")
FASTLY_API_TOKEN = env_str("FASTLY_API_TOKEN", "")
CLOUDFLARE_API_URL = env_str("CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4")
FASTLY_API_URL = env_str("FASTLY_API_URL", "https://api.fastly.com")
# Persisted queries (cms/api/persisted_queries.py): how long an automatic one is kept, and
# whether only the documents registered with `register_persisted_queries` may run.
GRAPHQL_APQ_TTL = env_int("GRAPHQL_APQ_TTL", 7 * 24 * 3600)
GRAPHQL_TRUSTED_DOCUMENTS_ONLY = env_bool("GRAPHQL_TRUSTED_DOCUMENTS_ONLY", False)
# The authority of article URIs (tag: URIs, RFC 4151) in feeds and ninjs.
ARTICLE_URI_AUTHORITY = env_str("ARTICLE_URI_AUTHORITY", "otandas.kz,2025")
# Requests whose Bearer key is checked (syndication.auth), and admin writes wrapped in
# one transaction with the syndication change log (syndication.transactions).
API_KEY_PATHS = ("/graphql/", "/feeds/", "/syndication/")
ATOMIC_WRITE_PATHS = ("/admin/",)
# PostgreSQL cancels any statement of an API request running longer than this
# (cms/statement_timeout.py; README, Security). 0: no bound.
API_STATEMENT_TIMEOUT_MS = env_int("API_STATEMENT_TIMEOUT_MS", 5_000)
API_STATEMENT_TIMEOUT_PATHS = API_KEY_PATHS
# Requests per client on the same paths (cms/rate_limits.py; README, Security): with a
# partner's key per partner, without per IP address ("<n>/second|minute|hour|day"); over
# it, HTTP 429 RATE_LIMITED. Counted in Redis when REDIS_URL is set (every process
# shares it), else in each process's memory. CMS_TRUSTED_PROXIES: the proxies in front
# (addresses or networks) whose X-Forwarded-For says the client's address.
API_RATE_LIMIT_ENABLED = env_bool("API_RATE_LIMIT_ENABLED", True)
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "300/minute")
API_PARTNER_RATE_LIMIT = env_str("API_PARTNER_RATE_LIMIT", "1200/minute")
# The budget of GraphQL query cost (GRAPHQL_MAX_COST's measure) per address and per partner
# key: one of the costliest queries (GRAPHQL_MAX_COST) each 10 seconds from an address,
# or a dozen of a reader's (cost 50 to 400); in short windows, so that a client cannot spend a
# minute's budget on a burst of the costliest queries at once (keep it >= GRAPHQL_MAX_COST).
# A partner's own quotas are set on its client in the admin (Syndication clients).
API_COST_LIMIT = env_str("API_COST_LIMIT", "5000/10 seconds")
API_PARTNER_COST_LIMIT = env_str("API_PARTNER_COST_LIMIT", "240000/minute")
API_RATE_LIMIT_PATHS = API_KEY_PATHS
CMS_TRUSTED_PROXIES = env_list("CMS_TRUSTED_PROXIES", "")
# What one GraphQL request may ask (cms/api/limits.py; README, Security). Each refusal
# is an HTTP 400 with its own code, before anything runs.
GRAPHQL_MAX_BYTES = env_int("GRAPHQL_MAX_BYTES", 20_000)
GRAPHQL_MAX_TOKENS = env_int("GRAPHQL_MAX_TOKENS", 3_000)
GRAPHQL_MAX_OPERATIONS = env_int("GRAPHQL_MAX_OPERATIONS", 5)
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 15)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 30)
GRAPHQL_MAX_FIELD_DIRECTIVES = env_int("GRAPHQL_MAX_FIELD_DIRECTIVES", 3)
GRAPHQL_MAX_DIRECTIVES = env_int("GRAPHQL_MAX_DIRECTIVES", 30)
GRAPHQL_MAX_COST = env_int("GRAPHQL_MAX_COST", 5_000)
# Schema introspection and "Did you mean ...?" in errors: on in development and tests,
# off in production unless a deployment turns them on.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
GRAPHQL_FIELD_SUGGESTIONS = env_bool("GRAPHQL_FIELD_SUGGESTIONS", True)
# Seconds a preview token from the editor stays valid.
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 3600)
# Lists (cms/api/pagination.py): how deep `page` may go, in items, and up to how many
# items `total` is counted exactly (a lower bound past that).
API_MAX_PAGE_DEPTH = env_int("API_MAX_PAGE_DEPTH", 10_000)
API_EXACT_TOTAL_UP_TO = env_int("API_EXACT_TOTAL_UP_TO", 1_000)
GRAPPLE = {
    "APPS": ["home", "news", "partners"],
    "AUTO_CAMELCASE": True,
    "EXPOSE_GRAPHIQL": False,
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "RICHTEXT_FORMAT": "html",
    "PAGE_INTERFACE": "cms.api.interfaces.PageInterface",
    # The image sizes the apps use (cms/settings/images.py); nothing else is made.
    "ALLOWED_IMAGE_FILTERS": ALLOWED_IMAGE_FILTERS,
}
# What the home page's "Featured articles" chooser offers.
FEATURED_PAGE_TYPES = ["news.NewsArticlePage"]
# Warn (system check, superusers' dashboard) past this share of a page's room for children.
TREE_CAPACITY_WARNING = float(env_str("TREE_CAPACITY_WARNING", "0.8"))
# Made by the worker when an image is uploaded or a page published (home.renditions).
RENDITIONS_PREGENERATE = [spec for spec in ALLOWED_IMAGE_FILTERS if spec != "original"]

# Wagtail's REST API, for the benchmark's comparison only (cms/rest.py).
WAGTAIL_REST_API = env_bool("WAGTAIL_REST_API", False)

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(graphql|feeds|syndication)/.*$"
# Headers a web client may read on a cross-origin answer (rate limits, the request id).
CORS_EXPOSE_HEADERS = [
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "X-Request-ID",
]

# Content Security Policy (django-csp; README, Security): what a page of this site may load
# and run. The header goes on every answer but the API's data (API_KEY_PATHS) and Wagtail's
# document downloads (their own "default-src 'none'"). cms.csp adds per response what the
# admin needs (CONTENT_SECURITY_POLICY_ADMIN) and sets frame-ancestors from
# X-Frame-Options. CSP_REPORT_ONLY=1 sends it as Content-Security-Policy-Report-Only
# (browsers report, block nothing); CSP_REPORT_URI: where browsers send the reports.
# Images: this site, data: and blob: URLs (made in the browser: an image inlined in the
# admin's stylesheet, the multiple upload's previews), the absolute media URLs of the API
# (WAGTAILADMIN_BASE_URL, an absolute MEDIA_URL) and the object storage's domain;
# MEDIA_ORIGINS: any other (a CDN in front of it).
MEDIA_ORIGINS = origins(WAGTAILADMIN_BASE_URL, MEDIA_URL, *env_list("MEDIA_ORIGINS"))
if AWS_STORAGE_BUCKET_NAME:
    _region = env_str("AWS_S3_REGION_NAME") or env_str("AWS_DEFAULT_REGION")
    MEDIA_ORIGINS += (
        [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
        if AWS_S3_CUSTOM_DOMAIN
        else origins(
            AWS_S3_ENDPOINT_URL,  # path-style (MinIO and the like)
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
            _region and f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com",
        )
    )
CONTENT_SECURITY_POLICY = {
    # Data, not pages: a policy would be bytes on every API answer (and in every cache).
    "EXCLUDE_URL_PREFIXES": list(API_KEY_PATHS),
    "DIRECTIVES": {
        "default-src": ["'self'"],  # anything not named below: this site only
        "script-src": ["'self'"],  # no inline script, eval or other origin
        "style-src": ["'self'"],  # stylesheets of this site; no inline styles
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "connect-src": ["'self'"],  # fetch/XHR: the reader's /graphql/, the admin's own
        "object-src": ["'none'"],  # no plugins
        "base-uri": ["'self'"],  # no <base> pointing relative URLs elsewhere
        "form-action": ["'self'"],  # forms post to this site only
        # Replaced per response by cms.csp from X-Frame-Options: 'self' (and the admin's
        # origin) for the pages the preview panel frames, else 'none'.
        "frame-ancestors": ["'none'"],
        "report-uri": env_list("CSP_REPORT_URI") or None,
    },
}
# Added to the policy of the Wagtail admin's HTML pages (cms.csp). Wagtail 8 and
# wagtail-localize write inline <script>s (widgets, panels) that take no nonce: cms.csp
# gives every <script> tag of an admin page (not data blocks) the request's nonce, and
# 'strict-dynamic' trusts what those scripts insert (chooser modals, new inline forms);
# inline handlers and javascript: URLs stay refused. Inline styles: Wagtail's and
# wagtail-localize's scripts insert <style> elements and style attributes. Frames: the
# preview panel shows the front end (FRONTEND_BASE_URL) inside the admin's preview view.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "script-src": [NONCE, STRICT_DYNAMIC],
        "style-src": [UNSAFE_INLINE],
        "frame-src": ["'self'", *origins(FRONTEND_BASE_URL)],
    },
}
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY, CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY, None

# Logs (cms/settings/logging.py; README, Running in production): "text" or "json" lines.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

# Metrics at /metrics (cms/metrics.py): for a Bearer METRICS_TOKEN, or from these networks.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128")
# /readyz/worker (cms/worker_health.py): 503 when no worker beat for this long (s), or the
# oldest ready task has waited longer than this (s).
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 60)
WORKER_QUEUE_MAX_AGE = env_int("WORKER_QUEUE_MAX_AGE", 300)
# Error reporting to Sentry (cms/error_reporting.py): off unless SENTRY_DSN is set.
SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
SENTRY_RELEASE = env_str("SENTRY_RELEASE")
SENTRY_TRACES_SAMPLE_RATE = float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0"))

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# Backups (`manage.py backup`, `restore`; README: Backups). BACKUP_KEEP archives are kept
# in BACKUP_DIR (0 keeps all); BACKUP_PG_BIN, if set, is where pg_dump/pg_restore are.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
BACKUP_PG_BIN = env_str("BACKUP_PG_BIN")
