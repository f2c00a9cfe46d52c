"""``manage.py run_worker``: the background worker (see :mod:`cms.worker`)."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks_db.compat import InvalidTaskBackend

from cms.worker import WorkerLoop, load_periodic_jobs


def positive_float(value):
    number = float(value)
    if not number > 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Run the background worker: django-tasks-db tasks and the periodic jobs "
        "of settings.WORKER_PERIODIC_JOBS (e.g. publish_scheduled every minute)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=positive_float,
            default=1.0,
            help="seconds to sleep when there is no task to run (default: 1)",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="run every periodic job once and every task ready now, then exit",
        )
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            help="run tasks only, no periodic jobs (for a second worker)",
        )
        parser.add_argument(
            "--backend",
            default="default",
            help="the django-tasks backend whose tasks to run (default: 'default')",
        )

    def handle(self, *, interval, once, no_periodic, backend, **options):
        try:
            jobs = [] if no_periodic else load_periodic_jobs()
        except (ImportError, ValueError) as exc:
            raise CommandError(f"WORKER_PERIODIC_JOBS: {exc}") from exc
        try:
            loop = WorkerLoop(jobs=jobs, backend_name=backend, interval=interval)
        except InvalidTaskBackend as exc:
            raise CommandError(str(exc)) from exc
        if once:
            loop.run_once()
            if options["verbosity"] >= 1:
                self.stdout.write(
                    f"Ran {loop.jobs_run} periodic job(s) and {loop.tasks_run} task(s)."
                )
            return
        loop.install_signal_handlers()
        loop.run()
