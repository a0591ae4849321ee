"""The data folder's version: a digest of its files' names, sizes and modification times."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def data_signature(folder: Path) -> str:
    """A digest of the data files' names, sizes and modification times, so edits reload the data
    (short, so every cache key that holds it hashes quickly)."""
    if not folder.is_dir():
        return ""
    return hashlib.sha256(repr(sorted(_file_stats(folder, ""))).encode()).hexdigest()[:16]


def _file_stats(folder: str | Path, prefix: str):
    """(relative path, size, mtime) of every file under ``folder``, one directory read per folder
    (this runs on every rerun)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    yield from _file_stats(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    info = entry.stat()
                    yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns
    except OSError:  # an unreadable folder: the loader names the problem
        yield f"{prefix}(unreadable)", 0, 0
