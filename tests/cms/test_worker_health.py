"""Worker heartbeats, /readyz/worker, the task log line and the admin's warning."""

import logging
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from cms.worker import WorkerLoop
from cms.worker_health import WorkerHeartbeat
from tests.cms.observability_helpers import sample, scrape
from tests.test_infra import DATABASE_TASKS, add

pytestmark = pytest.mark.django_db


def age_heartbeats(seconds):
    WorkerHeartbeat.objects.update(last_seen=timezone.now() - timedelta(seconds=seconds))


def test_no_worker_ever_seen_is_unavailable(client):
    response = client.get("/readyz/worker")
    assert response.status_code == 503
    assert response.json()["problems"] == ["no worker has ever been seen"]
    assert client.get("/readyz").status_code == 200  # the web's own check is unaffected


def test_a_fresh_heartbeat_is_ready_and_a_stale_one_is_not(client):
    WorkerLoop(jobs=[]).run_once()
    (beat,) = WorkerHeartbeat.objects.all()
    assert beat.pid > 0 and beat.hostname
    body = client.get("/readyz/worker").json()
    assert body["status"] == "ok" and body["workers_alive"] == 1
    assert sample(scrape(client), "otandas_worker_heartbeat_age_seconds") < 5

    age_heartbeats(61)
    response = client.get("/readyz/worker")
    assert response.status_code == 503
    assert response.json()["problems"] == ["no worker seen for 61 s (at most 60 s)"]
    assert sample(scrape(client), "otandas_worker_heartbeat_age_seconds") >= 61


def test_a_task_waiting_too_long_is_unavailable(client, settings):
    WorkerLoop(jobs=[]).run_once()
    settings.WORKER_QUEUE_MAX_AGE = 300
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.test_infra.add",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(seconds=400)
    )
    response = client.get("/readyz/worker")
    assert response.status_code == 503
    body = response.json()
    assert body["queue_ready"] == 1 and body["queue_stale"] and not body["worker_stale"]
    assert "the oldest ready task has waited 400 s" in body["problems"][0]


@override_settings(TASKS=DATABASE_TASKS, WORKER_PERIODIC_JOBS=[])
def test_each_task_gets_one_line_with_its_name_id_status_and_duration(caplog, client):
    caplog.set_level(logging.INFO, logger="cms.tasks")
    before = sample(scrape(client), "otandas_worker_tasks_total", status="successful") or 0
    result = add.enqueue(2, 3)
    WorkerLoop(jobs=[]).run_once()
    (line,) = [r for r in caplog.records if r.name == "cms.tasks"]
    assert (line.task_name, line.task_id, line.status) == (
        "tests.test_infra.add",
        str(result.id),
        "successful",
    )
    assert line.duration_ms >= 0
    assert sample(scrape(client), "otandas_worker_tasks_total", status="successful") == before + 1


def test_the_stopped_worker_removes_its_heartbeat():
    loop = WorkerLoop(jobs=[])
    loop.running = False
    loop.heartbeat()
    loop.run()
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_superusers_are_warned_in_the_admin_when_the_worker_is_gone(
    client, django_user_model, language
):
    from wagtail.users.models import UserProfile

    admin = django_user_model.objects.create_superuser("root", password="x")
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": language})
    client.force_login(admin)
    page = client.get("/admin/").content.decode()
    assert 'id="cms-worker-health-section"' in page
    expected = {
        "en": "No background worker has ever been seen",
        "ru": "Фоновый обработчик ни разу не был запущен",
        "kk": "Фондық өңдеуші ешқашан іске қосылмаған",
    }[language]
    assert expected in page
    WorkerLoop(jobs=[]).run_once()
    assert 'id="cms-worker-health-section"' not in client.get("/admin/").content.decode()


def test_editors_are_not_shown_the_worker_warning(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("ed", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    page = client.get("/admin/")
    assert page.status_code == 200
    assert 'id="cms-worker-health-section"' not in page.content.decode()
