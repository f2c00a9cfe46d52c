#!/usr/bin/env python3
"""Run the development web server and the background worker side by side.

Used by `make run`. Starts `manage.py runserver 127.0.0.1:$PORT` and
`manage.py run_worker`, each in its own process group, prints the addresses
and the admin login once the server answers, and stops both (whole process
groups, so runserver's autoreloader child too) when either exits or on
Ctrl-C / SIGTERM. Standard library only.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("PYTHON", sys.executable)
PORT = os.environ.get("PORT", "8000")
BASE_URL = f"http://127.0.0.1:{PORT}"
STOP_TIMEOUT = 10


def start(*args):
    # A new session: the terminal's Ctrl-C reaches only this script, which
    # then stops each child's whole group (runserver's reloader has a child).
    return subprocess.Popen([PYTHON, "manage.py", *args], cwd=ROOT, start_new_session=True)


def signal_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def stop(procs):
    for proc in procs:
        signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    for proc in procs:
        try:
            proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            signal_group(proc, signal.SIGKILL)
            proc.wait()
        # The group may outlive its leader (the reloader's child): make sure.
        signal_group(proc, signal.SIGKILL)


def wait_until_up(procs, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in procs):
            return False
        try:
            with urllib.request.urlopen(f"{BASE_URL}/healthz", timeout=1):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def banner():
    var_dir = Path(os.environ.get("CMS_VAR_DIR", ROOT / "var"))
    password_file = var_dir / "admin-password"
    password = password_file.read_text().strip() if password_file.exists() else "(see above)"
    lines = [
        "",
        "Otandas is running (Ctrl-C stops the web server and the worker):",
        f"  admin     {BASE_URL}/admin/   login: admin / {password}",
        f"  GraphiQL  {BASE_URL}/graphiql/",
        f"  GraphQL   {BASE_URL}/graphql/",
        f"  reader    {BASE_URL}/reader/",
        f"  feeds     {BASE_URL}/feeds/kk/news.rss",
        f"  health    {BASE_URL}/healthz",
        "  demo users (editor, chief, translator, partners): passwords in var/demo-users.json",
        "",
    ]
    if os.environ.get("ADMIN_2FA_ENABLED", "1").strip().lower() in {"1", "true", "yes", "on"}:
        lines[3:3] = [
            "            two-factor sign-in: admin and chief set it up at their first sign-in",
            "            (an authenticator app scans the QR code shown; README, Security)",
        ]
    print("\n".join(lines), flush=True)


def main():
    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    procs = []
    try:
        procs.append(start("run_worker"))
        procs.append(start("runserver", f"127.0.0.1:{PORT}"))
        if wait_until_up(procs):
            banner()
        while all(proc.poll() is None for proc in procs):
            time.sleep(0.5)
        exited = next(proc for proc in procs if proc.returncode is not None)
        print(f"{exited.args[2]} exited with status {exited.returncode}: stopping", flush=True)
        return 1
    except KeyboardInterrupt:
        print("\nStopping the web server and the worker...", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(procs)


if __name__ == "__main__":
    sys.exit(main())
