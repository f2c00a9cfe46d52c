from .base import *  # noqa: F403
from .base import GRAPPLE, VAR_DIR
from .env import env_bool, env_list, local_secret_key

DEBUG = True
SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
GRAPPLE["EXPOSE_GRAPHIQL"] = True
CORS_ALLOW_ALL_ORIGINS = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Local webhook receivers (127.0.0.1) are fine in development.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = env_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", True)
# Keep `make run`'s terminal readable: every background task and page action
# would otherwise log a line.
LOGGING["loggers"].update(  # noqa: F405
    {name: {"level": "WARNING"} for name in ("django_tasks", "django_tasks_db", "wagtail")}
)
