"""Write, check and prune the archives: `otandas-<UTC timestamp>.tar`.

A plain tar, not gzipped: the PostgreSQL dump is compressed already, the SQLite copy
is gzipped on its own, and images gain nothing. `manifest.json` comes first. The
archive is written under a temporary name and renamed when complete, so a half-written
file never looks like a backup.
"""

import json
import os
import re
import tarfile
import tempfile
from pathlib import Path

from django.utils import timezone

from cms.backup import database, manifest, media
from cms.backup.database import BackupError

NAME_PATTERN = re.compile(r"^otandas-\d{8}T\d{6}Z\.tar$")


def create(connection, output_dir: Path):
    """Back up the database and the media into a new archive in `output_dir`; its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    final = output_dir / f"otandas-{timezone.now().strftime('%Y%m%dT%H%M%SZ')}.tar"
    if final.exists():
        raise BackupError(f"{final} exists already (one backup a second at most)")
    partial = output_dir / f".{final.name}.partial"
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        dump = Path(work) / database.member_name(connection)
        database.dump(connection, dump)
        members = [(dump.name, dump), *media.files()]
        listed = []
        for name, path in members:
            with open(path, "rb") as stream:
                digest, size = manifest.sha256_of(stream)
            listed.append({"name": name, "size": size, "sha256": digest})
        body = json.dumps(manifest.build(connection, listed, media.note()), indent=2).encode()
        manifest_file = Path(work) / manifest.MANIFEST_NAME
        manifest_file.write_bytes(body)
        try:
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
                tar.add(manifest_file, arcname=manifest.MANIFEST_NAME)
                for name, path in members:
                    tar.add(path, arcname=name)
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
    return final


def verify(path: Path):
    """The archive's manifest once every file's size and SHA-256 match it; else BackupError."""
    try:
        with tarfile.open(path, "r:") as tar:
            found = {}
            manifest_data = None
            for member in tar:
                if not member.isfile():
                    raise BackupError(f"{path.name}: unexpected entry {member.name!r}")
                stream = tar.extractfile(member)
                if member.name == manifest.MANIFEST_NAME:
                    manifest_data = json.loads(stream.read())
                else:
                    found[member.name] = manifest.sha256_of(stream)
    except (OSError, tarfile.TarError, json.JSONDecodeError, EOFError) as error:
        raise BackupError(f"{path.name} is not a readable backup archive: {error}") from error
    if manifest_data is None:
        raise BackupError(f"{path.name} has no {manifest.MANIFEST_NAME}: not an Otandas backup")
    if manifest_data.get("format") != manifest.FORMAT_VERSION:
        raise BackupError(f"{path.name}: unknown archive format {manifest_data.get('format')!r}")
    problems = []
    for entry in manifest_data["files"]:
        actual = found.pop(entry["name"], None)
        if actual is None:
            problems.append(f"missing {entry['name']}")
        elif actual != (entry["sha256"], entry["size"]):
            problems.append(f"checksum mismatch in {entry['name']}")
    problems += [f"unlisted file {name}" for name in found]
    if problems:
        shown = "; ".join(problems[:5]) + (
            f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        )
        raise BackupError(f"{path.name} is damaged, nothing was restored: {shown}")
    return manifest_data


def members(path: Path):
    """(name, readable stream) of each file of an archive, in one pass."""
    with tarfile.open(path, "r:") as tar:
        for member in tar:
            if member.isfile() and member.name != manifest.MANIFEST_NAME:
                yield member.name, tar.extractfile(member)


def copy_to(stream, target: Path):
    """Write `stream` to `target` through a temporary name, so no half file is left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restoring")
    with open(staged, "wb") as out:
        while chunk := stream.read(manifest.CHUNK):
            out.write(chunk)
    os.replace(staged, target)


def prune(output_dir: Path, keep: int):
    """Delete all but the `keep` newest archives (0 keeps all); the paths deleted."""
    if keep <= 0:
        return []
    archives = sorted(p for p in output_dir.iterdir() if NAME_PATTERN.match(p.name))
    old = archives[:-keep]
    for path in old:
        path.unlink()
    return old
