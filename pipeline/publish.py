"""Researcher-facing outputs built from the written tables (report, data package, DuckDB).

Called by the batch after the tables are written; being built (issue 7)."""

from __future__ import annotations

from pathlib import Path


def publish(out_dir: Path) -> None:
    """Build the derived outputs of ``out_dir`` from its Parquet tables."""
    return None
