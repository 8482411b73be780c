"""Per-document cache keyed by content hash (plus the settings fingerprint), on disk under
``processed/.cache``. Entries are written atomically, so a run killed at any moment leaves either the
whole entry or none; a corrupt or unreadable entry is treated as a miss."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.engine.atomic import write_text_atomic


def key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


class Cache:
    """A folder of JSON entries, two levels deep so no directory grows past a few thousand files."""

    def __init__(self, root: Path, namespace: str) -> None:
        self.root = root / namespace

    def _path(self, k: str) -> Path:
        return self.root / k[:2] / f"{k}.json"

    def has(self, k: str) -> bool:
        """Whether an entry exists (it may still turn out unreadable when read)."""
        return self._path(k).is_file()

    def delete(self, k: str) -> None:
        self._path(k).unlink(missing_ok=True)

    def get(self, k: str) -> Any | None:
        try:
            return json.loads(self._path(k).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, k: str, value: Any) -> None:
        # not fsynced: an entry lost to a power cut is unreadable or missing, hence a miss, and recomputed
        write_text_atomic(self._path(k), json.dumps(value, ensure_ascii=False, sort_keys=True), durable=False)
