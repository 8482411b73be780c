"""Read stage: find the raw inputs (recursively, in a stable order) and read their bytes safely.

``raw/`` is never written to. Symbolic links that lead outside the raw folder are not followed, and
files over the size limit are refused before they are read into memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_MB = 1024 * 1024  # --max-mb counts in these units, so the reason quotes the limit the user set


@dataclass(frozen=True)
class RawInput:
    source: str  # path relative to the raw folder, with forward slashes
    path: Path
    skip: str | None = None  # why the file is listed but not read (a hidden file or folder)


class Unreadable(Exception):
    """An input file that cannot be read, with a reason a person can act on."""


HIDDEN_FILE = "hidden file (name starts with '.'): not read; rename it to process it"
HIDDEN_FOLDER = "hidden folder (name starts with '.'): not searched; rename it to process its files"
#: Files the pipeline itself keeps inside raw/ (the list crawler's progress): not input, so neither read nor listed,
#: like the output folder.
CRAWL_STATE = ".crawl.json"
OWN_FILES = frozenset({CRAWL_STATE})


def source_of(path: Path, raw_dir: Path) -> str:
    """The path relative to ``raw_dir`` as the tables show it. A name that is not valid UTF-8 (bytes the
    file system allows) is shown with its odd bytes escaped, so that the tables can still be written."""
    rel = path.relative_to(raw_dir).as_posix()
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        rel = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return rel


def _inside(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == f or resolved.is_relative_to(f) for f in folders)


def discover(raw_dir: Path, exclude: Iterable[Path] = (), with_hidden: bool = False) -> Iterator[RawInput]:
    """Every file under ``raw_dir``, sorted by source. Links to folders are listed too, not entered, so that
    :func:`read_input` reports them instead of their silently vanishing. ``exclude`` names folders that are not
    input (the run's own output folder when it sits inside ``raw_dir``): they are neither entered nor listed, nor
    are the pipeline's own files (:data:`OWN_FILES`).
    Hidden files and folders are skipped, or, ``with_hidden``, listed with the reason they are not read (so
    that every file of the folder gets a manifest row)."""
    excluded = [Path(p).resolve() for p in exclude]
    found = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            path = here / name
            if excluded and not path.is_symlink() and _inside(path, excluded):
                continue
            if name.startswith("."):
                if with_hidden:
                    found.append(RawInput(source_of(path, raw_dir) + "/", path, HIDDEN_FOLDER))
                continue
            if path.is_symlink():
                found.append(RawInput(source_of(path, raw_dir), path))
            kept.append(name)
        dirnames[:] = kept
        for name in filenames:
            path = here / name
            if name in OWN_FILES:
                continue
            if name.startswith("."):
                if with_hidden:
                    found.append(RawInput(source_of(path, raw_dir), path, HIDDEN_FILE))
                continue
            found.append(RawInput(source_of(path, raw_dir), path))
    yield from sorted(found, key=lambda r: r.source)


def read_input(raw_dir: Path, item: RawInput, max_bytes: int) -> bytes:
    """The file's bytes, or :class:`Unreadable` for links out of the folder, non-files and oversize files."""
    path = item.path
    if item.skip:
        raise Unreadable(item.skip)
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
