"""Is the background worker alive and keeping up? Heartbeats and the age of the queue.

Each worker (`cms.worker.WorkerLoop`) writes its row in `WorkerHeartbeat` as it loops, in
the database rather than the cache so that it survives Redis being absent or flushed.
The worker is healthy when some heartbeat is younger than `WORKER_HEARTBEAT_MAX_AGE` and
no ready task (django-tasks-db's table) has waited longer than `WORKER_QUEUE_MAX_AGE`.
A task running longer than the heartbeat's maximum age makes its worker look gone: the
queue is not being served meanwhile either.
"""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Max, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BEAT_EVERY = 5  # seconds between a worker's writes of its row
FORGET_AFTER = timedelta(days=1)  # rows of workers gone this long are deleted


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(db_index=True)
    tasks_run = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "cms"
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"


def beat(worker_id, tasks_run=0):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": now,
            "tasks_run": tasks_run,
        },
    )
    WorkerHeartbeat.objects.filter(last_seen__lt=now - FORGET_AFTER).delete()


def stopped(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def heartbeat_age(now):
    """Seconds since the youngest heartbeat, or None when no worker was ever seen."""
    last = WorkerHeartbeat.objects.aggregate(last=Max("last_seen"))["last"]
    return None if last is None else max(0.0, (now - last).total_seconds())


def queue_state(now):
    """(ready tasks, seconds the oldest has been ready: 0 when none)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    oldest = (
        ready.annotate(
            ready_since=Case(
                When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
            )
        )
        .order_by("ready_since")
        .values_list("ready_since", flat=True)
        .first()
    )
    age = 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())
    return ready.count(), age


def status():
    """What /readyz/worker answers, and the admin shows: `problems` is empty when healthy."""
    now = timezone.now()
    age = heartbeat_age(now)
    depth, oldest = queue_state(now)
    max_age, queue_max = settings.WORKER_HEARTBEAT_MAX_AGE, settings.WORKER_QUEUE_MAX_AGE
    problems = []
    if age is None:
        problems.append("no worker has ever been seen")
    elif age > max_age:
        problems.append(f"no worker seen for {age:.0f} s (at most {max_age} s)")
    if oldest > queue_max:
        problems.append(f"the oldest ready task has waited {oldest:.0f} s (at most {queue_max} s)")
    return {
        "status": "unavailable" if problems else "ok",
        "problems": problems,
        "worker_stale": age is None or age > max_age,
        "queue_stale": oldest > queue_max,
        "heartbeat_age_seconds": None if age is None else round(age, 1),
        "workers_alive": WorkerHeartbeat.objects.filter(
            last_seen__gte=now - timedelta(seconds=max_age)
        ).count(),
        "queue_ready": depth,
        "queue_oldest_ready_age_seconds": round(oldest, 1),
    }
