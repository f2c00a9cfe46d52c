"""Dump and restore the database with each engine's own tools.

PostgreSQL: `pg_dump --format=custom` (compressed, restorable table by table) and
`pg_restore`, taken from the binaries of the server's major version when they are
installed (`/usr/lib/postgresql/<major>/bin`, Debian's layout), else `BACKUP_PG_BIN`
or the PATH. SQLite: the online backup API, a consistent copy while the site runs,
gzipped; restored by replacing the file in one rename.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings


class BackupError(Exception):
    """Something an operator must read: the message says what and what to do."""


def member_name(connection):
    return {"postgresql": "database.pgdump", "sqlite": "database.sqlite3.gz"}[connection.vendor]


def check_supported(connection):
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"no backup for the {connection.vendor} engine")


def dump(connection, target: Path):
    """Write the database to `target` (the archive member's content)."""
    check_supported(connection)
    if connection.vendor == "postgresql":
        _run_pg(connection, "pg_dump", ["--format=custom", f"--file={target}"])
    else:
        connection.ensure_connection()
        copy = target.with_suffix(".copy")
        destination = sqlite3.connect(copy)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        with open(copy, "rb") as source, gzip.open(target, "wb", compresslevel=6) as out:
            shutil.copyfileobj(source, out)
        copy.unlink()


def restore(connection, source: Path):
    """Replace the database's content with `source` (a verified archive member)."""
    check_supported(connection)
    if connection.vendor == "postgresql":
        connection.close()
        _run_pg(
            connection,
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
        )
    else:
        _replace_sqlite_file(connection, source)


def _replace_sqlite_file(connection, source):
    path = Path(connection.settings_dict["NAME"])
    if connection.is_in_memory_db():
        raise BackupError("the configured SQLite database is in memory: nothing to restore into")
    staged = path.with_name(f".{path.name}.restoring")
    with gzip.open(source, "rb") as data, open(staged, "wb") as out:
        shutil.copyfileobj(data, out)
    check = sqlite3.connect(staged)
    try:
        result = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        staged.unlink()
        raise BackupError(f"the archive's SQLite database fails its check: {result}")
    connection.close()
    # A write-ahead log left by the old file would be replayed onto the new one.
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(staged, path)


def pg_bin(connection, program):
    """The path of `program` matching the server's major version."""
    connection.ensure_connection()
    major = connection.pg_version // 10000
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin") / program]
    configured = getattr(settings, "BACKUP_PG_BIN", "")
    if configured:
        candidates.insert(0, Path(configured) / program)
    on_path = shutil.which(program)
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(
        f"{program} for PostgreSQL {major} not found: install the PostgreSQL {major} client "
        f"or set BACKUP_PG_BIN to its bin directory"
    )


def _run_pg(connection, program, arguments):
    params = connection.settings_dict
    env = {**os.environ, "PGDATABASE": str(params["NAME"])}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if params.get(key):
            env[variable] = str(params[key])
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]  # not on the command line, where ps shows it
    if params.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = params["OPTIONS"]["sslmode"]
    command = [str(pg_bin(connection, program)), *arguments]
    completed = subprocess.run(command, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        raise BackupError(f"{program} failed: {completed.stderr.strip()[-2000:]}")
