"""Read stage: find the raw inputs (recursively, in a stable order) and read their bytes safely.

``raw/`` is never written to. Symbolic links that lead outside the raw folder are not followed, and
files over the size limit are refused before they are read into memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_MB = 1024 * 1024  # --max-mb counts in these units, so the reason quotes the limit the user set


@dataclass(frozen=True)
class RawInput:
    source: str  # path relative to the raw folder, with forward slashes
    path: Path


class Unreadable(Exception):
    """An input file that cannot be read, with a reason a person can act on."""


def discover(raw_dir: Path) -> Iterator[RawInput]:
    """Every file under ``raw_dir`` (hidden files and folders skipped), sorted by source. Links to folders are
    listed too, not entered, so that :func:`read_input` reports them instead of their silently vanishing."""
    found = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in dirnames:
            if (Path(dirpath) / name).is_symlink():
                path = Path(dirpath) / name
                found.append(RawInput(path.relative_to(raw_dir).as_posix(), path))
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            found.append(RawInput(path.relative_to(raw_dir).as_posix(), path))
    yield from sorted(found, key=lambda r: r.source)


def read_input(raw_dir: Path, item: RawInput, max_bytes: int) -> bytes:
    """The file's bytes, or :class:`Unreadable` for links out of the folder, non-files and oversize files."""
    path = item.path
    if path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError) as err:  # Python 3.11 raises RuntimeError on a link loop
            raise Unreadable(f"symbolic link that cannot be resolved ({err}); not followed") from None
        if not target.is_relative_to(raw_dir.resolve()):
            raise Unreadable(f"symbolic link pointing outside the raw folder (to {target}); not followed")
    if path.is_symlink() and path.is_dir():
        raise Unreadable("symbolic link to a folder; links to folders are not followed (copy the files into raw/)")
    if not path.is_file():
        raise Unreadable("not a regular file (device, socket, FIFO or broken link)")
    size = path.stat().st_size
    if size > max_bytes:
        raise Unreadable(f"file is {size / _MB:.1f} MB, over the {max_bytes / _MB:g} MB limit "
                         "(raise it with --max-mb if this is really one release)")
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Unreadable(f"file grew past the {max_bytes / _MB:g} MB limit while being read")
    return data
