"""The media files: read from and written to the default storage when it is the filesystem.

With object storage (S3) the bucket's versioning and replication are the backup of the
media; the archive then holds the database only and its manifest says so.
"""

import os
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage

PREFIX = "media/"


def on_filesystem():
    return isinstance(default_storage, FileSystemStorage)


def note():
    if on_filesystem():
        return {"included": True, "storage": "filesystem"}
    return {
        "included": False,
        "storage": type(default_storage).__name__,
        "reason": "object storage: its versioning and replication are the media's backup",
    }


def files():
    """(archive name, absolute path) of every media file, in a stable order."""
    if not on_filesystem():
        return []
    root = Path(default_storage.location)
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found.append((PREFIX + path.relative_to(root).as_posix(), path))
    return sorted(found)


def destination(member_name):
    """Where a `media/...` member goes back to; refuses names that leave MEDIA_ROOT."""
    root = Path(default_storage.location).resolve()
    target = (root / member_name[len(PREFIX) :]).resolve()
    if root not in target.parents:
        raise ValueError(f"unsafe file name in archive: {member_name}")
    return target
