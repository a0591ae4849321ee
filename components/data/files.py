"""Where a data folder's files come from: a folder on disk, or files held in memory (the data desk's
draft, which is never written on the server). The loader reads through either the same way."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class FileTooLarge(Exception):
    """A file above the loader's size limit; ``size`` is its length in bytes."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


class FolderFiles:
    """The files of one folder on disk."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.label = str(self.root)

    def exists(self) -> bool:
        return self.root.is_dir()

    def inside(self, name: str) -> bool:
        """Whether ``name`` stays inside the folder (no ``..`` or link leads out of it)."""
        return (self.root / name).resolve().is_relative_to(self.root.resolve())

    def read(self, name: str, limit: int) -> bytes:
        """The bytes of ``name``; raises FileNotFoundError, FileTooLarge or another OSError."""
        path = self.root / name
        if not path.is_file():
            raise FileNotFoundError(name)
        size = path.stat().st_size
        if size > limit:
            raise FileTooLarge(size)
        return path.read_bytes()


class MemoryFiles:
    """Files held in memory, by their name inside the folder (e.g. ``articles/x.txt``)."""

    def __init__(self, files: Mapping[str, bytes], label: str = "draft"):
        self.files, self.label = dict(files), label

    def exists(self) -> bool:
        return True

    def inside(self, name: str) -> bool:
        return ".." not in Path(name).parts and not Path(name).is_absolute()

    def read(self, name: str, limit: int) -> bytes:
        if name not in self.files:
            raise FileNotFoundError(name)
        if len(self.files[name]) > limit:
            raise FileTooLarge(len(self.files[name]))
        return self.files[name]
