"""The data folder's version: a digest of its files' names, sizes and modification times."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

SUBFOLDER_RESCAN_SECONDS = 1.0  # a library's articles (a thousand files) are looked at once a second at most

_subfolders: dict[str, tuple[float, tuple[tuple[str, ...], str]]] = {}  # folder -> (when, (subfolders, digest))
_lock = threading.Lock()


def data_signature(folder: Path) -> str:
    """A digest of the data files' names, sizes and modification times, so edits reload the data
    (short, so every cache key that holds it hashes quickly). This runs on every page run: the
    folder's own files are looked at each time, the files in its subfolders (the articles) at most
    once a second, so an article edited in place shows within a second."""
    if not folder.is_dir():
        return ""
    top, subfolders = _scan(str(folder))
    return hashlib.sha256(repr((top, _subfolder_stats(str(folder), subfolders))).encode()).hexdigest()[:16]


def _subfolder_stats(folder: str, subfolders: list[str]) -> tuple[tuple[str, ...], str]:
    """The subfolders' names and a digest of their files' stats, scanned again once a second at most."""
    now = time.monotonic()
    with _lock:
        scanned = _subfolders.get(folder)
    names = tuple(os.path.basename(sub) for sub in subfolders)
    if scanned is None or now - scanned[0] >= SUBFOLDER_RESCAN_SECONDS or scanned[1][0] != names:
        stats = sorted(stat for sub in subfolders for stat in _file_stats(sub, os.path.basename(sub) + "/"))
        scanned = (now, (names, hashlib.sha256(repr(stats).encode()).hexdigest()))
        with _lock:
            _subfolders[folder] = scanned
    return scanned[1]


def _scan(folder: str) -> tuple[tuple, list[str]]:
    """(name, size, mtime) of each file in ``folder`` itself, and the paths of its subfolders."""
    files, subfolders = [], []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.path)
                elif entry.is_file():
                    info = entry.stat()
                    files.append((entry.name, info.st_size, info.st_mtime_ns))
    except OSError:  # an unreadable folder: the loader names the problem
        files.append(("(unreadable)", 0, 0))
    return tuple(sorted(files)), sorted(subfolders)


def _file_stats(folder: str, prefix: str):
    """(relative path, size, mtime) of every file under ``folder``, one directory read per folder."""
    top, subfolders = _scan(folder)
    yield from ((prefix + name, size, mtime) for name, size, mtime in top)
    for sub in subfolders:
        yield from _file_stats(sub, f"{prefix}{os.path.basename(sub)}/")
