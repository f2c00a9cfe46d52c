# Otandas web image: gunicorn serving cms.wsgi on port 8000.
#
#   docker build -t otandas .
#   docker run -e SECRET_KEY=... -e ALLOWED_HOSTS=cms.example.org \
#              -e DATABASE_URL=postgres://... -e REDIS_URL=redis://... -p 8000:8000 otandas
#
# The same image runs the other processes:
#   docker run ... otandas python manage.py migrate --noinput    (before each release)
#   docker run ... otandas python manage.py run_worker           (the background worker)
# Settings come from the environment (cms/settings/production.py): SECRET_KEY and
# ALLOWED_HOSTS are required; media go to S3 when AWS_STORAGE_BUCKET_NAME is set.

# --- build: dependencies, compiled translations, collected static files -------
FROM python:3.11-slim AS build

# msgfmt, for compilemessages; only in this stage.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

# Requirements first, so that a code change does not reinstall them.
COPY requirements.txt /app/requirements.txt
RUN pip install -r /app/requirements.txt

WORKDIR /app
COPY . /app

# Production settings refuse to load without these; the key is for this step only
# and is not kept in the image (ARG values do not persist in the final stage).
ARG BUILD_SECRET_KEY=build-only-not-secret
ENV DJANGO_SETTINGS_MODULE=cms.settings.production CMS_VAR_DIR=/app/var
RUN if find locales -name '*.po' | grep -q .; then \
        SECRET_KEY=$BUILD_SECRET_KEY ALLOWED_HOSTS=localhost \
        python manage.py compilemessages --ignore var -v 0; \
    fi \
    && SECRET_KEY=$BUILD_SECRET_KEY ALLOWED_HOSTS=localhost \
       python manage.py collectstatic --noinput -v 0

# --- runtime: no compilers, no gettext, a non-root user -----------------------
FROM python:3.11-slim

RUN useradd --create-home --uid 10001 otandas

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    CMS_VAR_DIR=/app/var \
    PORT=8000

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
# The code stays root's; the app user may write only var/media (uploaded media
# when there is no S3; mount a volume there to keep them).
RUN mkdir -p /app/var/media && chown otandas:otandas /app/var/media
USER otandas

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]

# gunicorn reads the number of worker processes from WEB_CONCURRENCY, and more options from
# GUNICORN_CMD_ARGS: a worker silent for 30 s is killed and replaced (README, Security), above
# the API's statement timeout (API_STATEMENT_TIMEOUT_MS, 5 s) so that one normally answers first.
ENV WEB_CONCURRENCY=2 \
    GUNICORN_CMD_ARGS="--timeout 30 --graceful-timeout 20"
# No gunicorn access log: the app logs one JSON line per request (cms.access; README, Logs).
# Metrics of all gunicorn workers are added up in PROMETHEUS_MULTIPROC_DIR (gunicorn.conf.py).
ENV PROMETHEUS_MULTIPROC_DIR=/tmp/otandas-prometheus
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000"]
