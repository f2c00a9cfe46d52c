"""The background worker: django-tasks-db's queue plus periodic jobs, in one loop.

``python manage.py run_worker`` runs a single-threaded loop:

1. run every periodic job that is due;
2. claim one task from the database queue (django-tasks-db) and run it;
3. if there was no task, sleep ``--interval`` seconds (default 1), never past
   the next periodic job, and start again.

SIGINT or SIGTERM stops the loop once the current task or job has finished; a
second signal stops it at once (a task interrupted that way is marked failed).

Periodic jobs
-------------
django-tasks-db has no scheduler, so the worker runs the jobs listed in the
``WORKER_PERIODIC_JOBS`` setting::

    WORKER_PERIODIC_JOBS = [
        # (dotted path to a callable taking no arguments, interval in seconds)
        ("cms.worker.publish_scheduled", 60),
    ]

Every job is due when the worker starts, then every ``interval`` seconds after
it last started; each job keeps its own next-run time. A job that raises is
logged and tried again at its next time: it never stops the worker. Jobs run
in the worker's process between tasks, so keep them short, and make them safe
to run twice at once if more than one worker runs them (``run_worker
--no-periodic`` starts a worker that only runs tasks).
"""

from __future__ import annotations

import logging
import signal
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connections, transaction
from django.db.utils import OperationalError
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string

from cms import worker_health
from cms.api import metrics, request_id

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)
task_logger = logging.getLogger("cms.tasks")  # one line per task run


def close_stale_connections():
    """Drop broken or expired database connections, as Django does between requests.

    Skipped inside a transaction (tests run in one), which closing would end.
    """
    if not any(conn.in_atomic_block for conn in connections.all(initialized_only=True)):
        close_old_connections()


# --- periodic jobs -----------------------------------------------------------


def publish_scheduled():
    """Publish what is scheduled to go live and unpublish what has expired.

    Wrapped in one transaction so that what ``page_published`` and
    ``page_unpublished`` handlers write (e.g. the syndication change log) is
    committed together with the publishing, or not at all.
    """
    with transaction.atomic():
        call_command("publish_scheduled")


@dataclass
class PeriodicJob:
    path: str
    interval: float
    func: Callable[[], object]
    next_run: float = 0.0  # time.monotonic() value; 0 = due at once

    def is_due(self, now: float) -> bool:
        return now >= self.next_run

    def run(self, now: float) -> bool:
        """Run the job, schedule its next run; True if it succeeded."""
        self.next_run = now + self.interval
        try:
            self.func()
        except Exception:
            logger.exception("periodic job %s failed; next try in %ss", self.path, self.interval)
            return False
        finally:
            close_stale_connections()
        return True


def load_periodic_jobs(declared=None) -> list[PeriodicJob]:
    """Build the jobs from ``WORKER_PERIODIC_JOBS`` (or ``declared``)."""
    if declared is None:
        declared = settings.WORKER_PERIODIC_JOBS
    jobs = []
    for path, interval in declared:
        if interval <= 0:
            raise ValueError(f"WORKER_PERIODIC_JOBS: interval of {path} must be positive")
        jobs.append(PeriodicJob(path=path, interval=float(interval), func=import_string(path)))
    return jobs


# --- the database task queue -------------------------------------------------


def database_backend_worker(backend_name: str, worker_id: str):
    """django-tasks-db's Worker for ``backend_name``, or None if it is not a database backend.

    Only its ``run_task`` is used: it runs a claimed task and records the
    result, exactly as ``manage.py db_worker`` does.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.compat import task_backends
    from django_tasks_db.management.commands.db_worker import Worker

    if not isinstance(task_backends[backend_name], DatabaseBackend):
        return None
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=False,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def claim_task(backend_name: str, worker_id: str):
    """Claim the next ready task of any queue, or return None (also when the database is busy).

    The same claim as in django-tasks-db's ``Worker.run``: lock the row, mark it
    running for this worker, in an exclusive transaction.
    """
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

    tasks = DBTaskResult.objects.ready().filter(backend_name=backend_name)
    try:
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(worker_id)
    except OperationalError as exc:
        if is_locked_database_exception(exc):
            return None  # SQLite is busy: try again on the next turn
        raise
    return task_result


# --- the loop ----------------------------------------------------------------


class WorkerLoop:
    def __init__(
        self,
        *,
        jobs: list[PeriodicJob],
        backend_name: str = "default",
        interval: float = 1.0,
        worker_id: str | None = None,
    ):
        self.jobs = jobs
        self.backend_name = backend_name
        self.interval = interval
        self.worker_id = worker_id or get_random_string(32)
        self.db_worker = database_backend_worker(backend_name, self.worker_id)
        self.running = True
        self.jobs_run = 0
        self.tasks_run = 0
        self.next_beat = 0.0  # time.monotonic() of the next heartbeat (cms.worker_health)

    # signals

    def install_signal_handlers(self):
        signal.signal(signal.SIGINT, self._on_signal)
        signal.signal(signal.SIGTERM, self._on_signal)

    def _on_signal(self, signum, frame):
        if not self.running:
            logger.warning("%s again: stopping now", signal.strsignal(signum))
            raise SystemExit(1)
        logger.info("%s: stopping after the current work", signal.strsignal(signum))
        self.running = False

    # work

    def run_due_jobs(self) -> int:
        ran = 0
        for job in self.jobs:
            if not self.running:
                break
            now = time.monotonic()
            if job.is_due(now):
                job.run(now)
                ran += 1
        self.jobs_run += ran
        return ran

    def run_one_task(self) -> bool:
        """Claim and run one task; False if there was none."""
        if self.db_worker is None:
            return False
        close_stale_connections()
        task_result = claim_task(self.backend_name, self.worker_id)
        if task_result is None:
            return False
        started = time.perf_counter()
        with request_id.bound(f"task-{task_result.id}"):
            self.db_worker.run_task(task_result)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            status = str(task_result.status).lower()
            metrics.TASKS.labels(status).inc()
            task_logger.info(
                "task %s %s %.1fms",
                task_result.task_path,
                status,
                duration_ms,
                extra={
                    "task_name": task_result.task_path,
                    "task_id": str(task_result.id),
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )
        close_stale_connections()
        self.tasks_run += 1
        return True

    def heartbeat(self):
        """Say this worker is alive (at most every few seconds); never stops the loop."""
        now = time.monotonic()
        if now < self.next_beat:
            return
        self.next_beat = now + worker_health.BEAT_EVERY
        try:
            worker_health.beat(self.worker_id, self.tasks_run)
        except DatabaseError:
            logger.exception("worker heartbeat not written")
        finally:
            close_stale_connections()

    def sleep(self):
        """Wait ``interval`` seconds, less if a job falls due; wake up early on a signal."""
        deadline = time.monotonic() + self.interval
        if self.jobs:
            deadline = min(deadline, min(job.next_run for job in self.jobs))
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))

    def run(self):
        """Loop until stopped by a signal (or ``self.running = False``)."""
        logger.info(
            "worker %s started: %s; periodic jobs: %s",
            self.worker_id,
            f"tasks of backend {self.backend_name!r}"
            if self.db_worker
            else f"no task queue ({self.backend_name!r} is not a database backend)",
            ", ".join(f"{job.path} every {job.interval:g}s" for job in self.jobs) or "none",
        )
        while self.running:
            self.heartbeat()
            self.run_due_jobs()
            if self.running and not self.run_one_task():
                self.sleep()
        try:
            worker_health.stopped(self.worker_id)
        except DatabaseError:
            logger.warning("worker heartbeat not removed")
        logger.info("worker %s stopped", self.worker_id)

    def run_once(self):
        """Run every periodic job once and every task ready now, then return."""
        self.heartbeat()
        for job in self.jobs:
            job.next_run = 0.0
        self.run_due_jobs()
        while self.running and self.run_one_task():
            pass
