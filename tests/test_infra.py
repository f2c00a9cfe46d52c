"""The build and run wiring: the worker, ensure_admin, production settings, checks."""

import os
import signal
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from cms.worker import PeriodicJob, WorkerLoop, load_periodic_jobs
from news.models import NewsArticlePage
from tests.factories import make_article

ROOT = Path(__file__).resolve().parent.parent
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CALLS = []


def record_call():
    CALLS.append("called")


def fail():
    raise RuntimeError("this job always fails")


@task()
def add(a, b):
    return a + b


@pytest.fixture(autouse=True)
def _reset_calls():
    CALLS.clear()


# --- the worker ---------------------------------------------------------------


@pytest.mark.django_db
def test_run_worker_once_runs_due_periodic_jobs_and_survives_a_failing_one(caplog):
    jobs = [(f"{__name__}.fail", 60), (f"{__name__}.record_call", 60)]
    out = StringIO()
    with override_settings(WORKER_PERIODIC_JOBS=jobs):
        call_command("run_worker", "--once", stdout=out)
    assert CALLS == ["called"]
    assert "Ran 2 periodic job(s) and 0 task(s)." in out.getvalue()
    assert "periodic job tests.test_infra.fail failed" in caplog.text


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS, WORKER_PERIODIC_JOBS=[])
def test_run_worker_once_runs_an_enqueued_database_task():
    result = add.enqueue(2, 3)
    assert result.status == TaskResultStatus.READY

    call_command("run_worker", "--once", stdout=StringIO())

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS, WORKER_PERIODIC_JOBS=[], CACHE_PURGE_BACKENDS=[])
def test_a_purge_of_the_caches_in_front_runs_before_the_tasks_queued_ahead_of_it():
    from django_tasks_db.models import DBTaskResult

    from cms.api.purge_backends import purge_in_front
    from cms.worker import claim_task

    backlog = [add.enqueue(number, 1) for number in range(3)]
    purge = purge_in_front.enqueue(["news:en"])
    claimed = claim_task("default", "worker-1")
    assert str(claimed.id) == str(purge.id)
    assert DBTaskResult.objects.ready().count() == len(backlog)


def test_every_configured_periodic_job_is_a_callable():
    """A mistyped path in WORKER_PERIODIC_JOBS fails here, not in the worker at night."""
    jobs = load_periodic_jobs()
    assert jobs and all(callable(job.func) for job in jobs)
    with pytest.raises(ValueError):
        load_periodic_jobs([("cms.worker.publish_scheduled", 0)])


@pytest.mark.django_db
def test_publish_scheduled_job_publishes_what_is_due(trees):
    from cms.worker import publish_scheduled

    _, indexes = trees
    article = make_article(indexes["en"], "Scheduled", live=False)
    article.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert not NewsArticlePage.objects.get(pk=article.pk).live
    publish_scheduled()
    assert NewsArticlePage.objects.get(pk=article.pk).live


@pytest.mark.django_db
def test_each_periodic_job_keeps_its_own_next_run_time():
    fast = PeriodicJob(path="fast", interval=10, func=record_call)
    slow = PeriodicJob(path="slow", interval=100, func=record_call)
    loop = WorkerLoop(jobs=[fast, slow])
    assert loop.run_due_jobs() == 2  # all due at start
    assert loop.run_due_jobs() == 0
    fast.next_run -= 10  # as if 10 s had passed
    assert loop.run_due_jobs() == 1
    assert CALLS == ["called"] * 3


@pytest.mark.django_db
def test_worker_stops_gracefully_on_sigterm():
    def send_sigterm():
        CALLS.append("job")
        os.kill(os.getpid(), signal.SIGTERM)

    job = PeriodicJob(path="stop", interval=3600, func=send_sigterm)
    loop = WorkerLoop(jobs=[job], interval=0.05)
    previous = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        loop.install_signal_handlers()
        loop.run()  # returns once the signal is handled
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    assert CALLS == ["job"]
    assert not loop.running


# --- ensure_admin ---------------------------------------------------------------


@pytest.mark.django_db
def test_ensure_admin_creates_the_admin_once_and_keeps_its_password(tmp_path):
    password_file = tmp_path / "admin-password"

    first = StringIO()
    call_command("ensure_admin", "--password-file", str(password_file), stdout=first)
    password = password_file.read_text().strip()
    assert password and f"admin / {password}" in first.getvalue()
    assert password_file.stat().st_mode & 0o777 == 0o600

    again = StringIO()
    call_command("ensure_admin", "--password-file", str(password_file), stdout=again)
    assert f"admin / {password}" in again.getvalue()
    assert password_file.read_text().strip() == password

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(password)
    assert get_user_model().objects.count() == 1


# --- settings and checks ----------------------------------------------------------


def django_setup(settings_module, **env):
    environ = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environ.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env, missing",
    [
        ({"ALLOWED_HOSTS": "cms.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
    ],
)
def test_production_settings_refuse_to_start_without_required_variables(env, missing):
    result = django_setup("cms.settings.production", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_settings_start_with_required_variables():
    result = django_setup(
        "cms.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="cms.example.org"
    )
    assert result.returncode == 0, result.stderr


def test_the_deploy_checks_are_clean_with_production_settings(tmp_path):
    """`check --deploy` as a deployment runs it: HSTS, SSL redirect, secure cookies."""
    environ = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="k7-" + "Zq9Xw2Lm4Rt8Yp1Vb6Nc3Hs5Jd0Gf" * 2,
        ALLOWED_HOSTS="cms.example.kz",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        WAGTAILADMIN_BASE_URL="https://cms.example.kz",
        FRONTEND_BASE_URL="https://example.kz",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_plain_http_is_redirected_but_the_probes_answer(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    response = client.get("/graphql/", {"query": "{ __typename }"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200
    assert client.get("/graphql/", secure=True).status_code != 301


def test_system_checks_are_clean():
    call_command("check", fail_level="WARNING", stdout=StringIO())


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail(f"models have changes without a migration:\n{out.getvalue()}")
