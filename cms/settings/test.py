import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import GRAPPLE

# Uploaded files, passwords and keys written by tests go to a throwaway folder,
# never into the checkout's var/.
VAR_DIR = Path(tempfile.mkdtemp(prefix="otandas-test-"))
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
MEDIA_ROOT = VAR_DIR / "media"

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
GRAPPLE["EXPOSE_GRAPHIQL"] = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that need pre-generated renditions turn it on with small images.
RENDITIONS_PREGENERATE = []
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Test receivers listen on 127.0.0.1; tests of the SSRF guard turn this off.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
WEBHOOK_RETRY_JITTER = 0
# The two SET statements would change PostgreSQL's query counts; its tests turn it on.
API_STATEMENT_TIMEOUT_MS = 0
# Django's test client.login() and authenticate() without a request would fail with
# django-axes on (it needs the request's IP address); its tests turn it on.
AXES_ENABLED = False
# Tests sign in with force_login() and the demo users' passwords (the browser tests too);
# a second factor would stop them at the code. tests/cms/test_two_factor.py turns it on.
ADMIN_2FA_ENABLED = False
# Each test client counts its own requests, but one test may make many from 127.0.0.1, and
# a REDIS_URL in the environment would share counts between tests; its tests turn it on.
API_RATE_LIMIT_ENABLED = False
# Archives written by tests stay in the throwaway folder too.
BACKUP_DIR = VAR_DIR / "backups"
