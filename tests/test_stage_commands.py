"""One path: the single-stage commands (clean -> extract -> validate -> write through JSON lines) are built on the
functions ``run`` uses, so they write the same tables, byte for byte (the manifest aside: only ``run`` knows what
became of each input across runs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.cli import main
from schemas.models import TABLES
from tests.conftest import SEED


def test_stage_commands_write_the_tables_run_writes(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SEED, raw / "copy-of-the-seed.txt")  # the same document twice: run keeps one, so must the stages
    (raw / "empty.txt").write_text("", encoding="utf-8")  # a reject of the clean stage
    interim, staged, ran = tmp_path / "interim", tmp_path / "staged", tmp_path / "ran"
    assert main(["run", "--raw", str(raw), "--out", str(ran), "-q"]) == 0
    assert main(["clean", "--raw", str(raw), "--out", str(interim / "clean.jsonl"), "-q"]) == 0
    assert main(["extract", "--in", str(interim / "clean.jsonl"), "--out", str(interim / "extract.jsonl"), "-q"]) == 0
    assert main(["validate", "--in", str(interim / "extract.jsonl"), "--out", str(interim / "valid.jsonl"), "-q"]) == 0
    assert main(["write", "--in", str(interim / "valid.jsonl"), "--out", str(staged), "-q"]) == 0
    compared = 0
    for name in TABLES:
        if name == "manifest":
            continue
        for suffix in (".parquet", ".csv"):
            assert (staged / f"{name}{suffix}").read_bytes() == (ran / f"{name}{suffix}").read_bytes(), name + suffix
            compared += 1
    assert compared == 2 * (len(TABLES) - 1)
    assert pq.read_metadata(staged / "documents.parquet").num_rows == 1
    assert "empty" in (staged / "rejects.csv").read_text(encoding="utf-8")
