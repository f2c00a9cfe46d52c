"""gunicorn's settings file (read from the working directory): what the command line in
the Dockerfile does not say. Our access line (`cms.access`) replaces gunicorn's own.

With `PROMETHEUS_MULTIPROC_DIR` set, prometheus-client's multiprocess mode: the folder is
emptied when the server starts (no counts from a previous run) and a dead worker's files
are marked so (README, Running in production, Metrics).
"""

import os
import shutil
from pathlib import Path

accesslog = None


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
