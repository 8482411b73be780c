"""Atomic file writes: a reader (or a run killed with kill -9) never sees half a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, writer: Callable[[Path], None], durable: bool = True) -> None:
    """Call ``writer(tmp)`` on a temporary file beside ``path``, fsync it, then rename it over ``path``.

    The rename alone makes the write all-or-nothing for readers and for a killed process; the fsync adds
    durability across a power cut, at ~20 ms a file. ``durable=False`` skips it for data that is cheap to
    recompute and checked when read (the per-document cache). The file gets the permissions an ordinary
    write would give (0666 minus the umask), not mkstemp's 0600, so colleagues can read the tables."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        writer(tmp)
        if durable:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, readable_mode())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str, durable: bool = True) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), durable)


def readable_mode() -> int:
    """Mode an ordinary new file gets (0666 minus the umask): what a temporary file is set to before it is
    renamed into place, since mkstemp creates it 0600."""
    return 0o666 & ~_umask()


def sweep_temporaries(root: Path, keep: Path | None = None) -> int:
    """Delete the ``.*.tmp`` files and folders a killed run left under ``root`` (they are never read,
    but would pile up); returns how many were removed. Nothing under ``keep`` (a raw folder inside the output
    folder) is touched. Only call it while holding the folder's lock."""
    removed = 0
    kept = keep.resolve() if keep is not None and keep.exists() else None
    for path in sorted(root.rglob(".*.tmp"), reverse=True):
        if kept is not None and path.resolve().is_relative_to(kept):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed += 1
    return removed
