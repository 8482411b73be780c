"""The batch end to end on a temporary raw folder: tables, manifest, rejects, cache behaviour."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from schemas.models import TABLES
from tests.conftest import SEED


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SEED, raw / "sub" / "copy-of-seed.txt")
    (raw / "empty.txt").write_bytes(b"   \n\n ")
    (tmp_path / "secret.txt").write_text("outside the raw folder")
    (raw / "link.txt").symlink_to(tmp_path / "secret.txt")
    return raw


def _table(out, name):
    return pd.read_parquet(out / f"{name}.parquet")


def test_batch_writes_every_table_and_records_bad_inputs(raw, tmp_path, session_extract):
    out = tmp_path / "processed"
    summary = run_batch(raw, out, Settings(), extract_fn=session_extract)
    for name in TABLES:
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists(), name
    docs = _table(out, "documents")
    assert len(docs) == 1 and summary.documents == 1
    manifest = _table(out, "manifest").set_index("source")
    assert manifest.loc[SEED.name, "status"] == "ok"
    assert manifest.loc["sub/copy-of-seed.txt", "status"] == "duplicate"
    assert SEED.name in manifest.loc["sub/copy-of-seed.txt", "reason"]
    assert manifest.loc["empty.txt", "status"] == "rejected"
    assert manifest.loc["link.txt", "status"] == "rejected"
    assert "outside the raw folder" in manifest.loc["link.txt", "reason"]
    rejects = _table(out, "rejects")
    assert set(rejects["source"]) >= {"empty.txt", "link.txt"}
    assert "outside the raw folder" not in " ".join(_table(out, "documents")["text"])
    sents = _table(out, "sentences")
    text = docs.loc[0, "text"]
    assert all(text[s:e] == t for s, e, t in zip(sents["start"], sents["end"], sents["text"], strict=True))


def test_rerun_with_nothing_new_does_no_work_and_keeps_tables(raw, tmp_path, session_extract):
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    before = {n: (out / f"{n}.parquet").read_bytes() for n in TABLES}

    def must_not_run(cdocs, settings):
        raise AssertionError("extraction ran although nothing changed")

    summary = run_batch(raw, out, Settings(), extract_fn=must_not_run)
    assert summary.skipped_write and not summary.model_loaded
    assert before == {n: (out / f"{n}.parquet").read_bytes() for n in TABLES}


def test_removed_release_disappears_and_cache_rebuilds_tables(raw, tmp_path, session_extract):
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    (out / "documents.parquet").unlink()  # as if a run was killed before writing it

    def must_not_run(cdocs, settings):
        raise AssertionError("cached documents were extracted again")

    run_batch(raw, out, Settings(), extract_fn=must_not_run)
    assert len(_table(out, "documents")) == 1
    (raw / SEED.name).unlink()
    (raw / "sub" / "copy-of-seed.txt").unlink()
    run_batch(raw, out, Settings(), extract_fn=must_not_run)
    assert len(_table(out, "documents")) == 0
    assert len(_table(out, "sentences")) == 0


def test_missing_raw_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        run_batch(tmp_path / "nope", tmp_path / "out", Settings())


def test_second_concurrent_run_on_one_folder_is_refused(raw, tmp_path):
    from pipeline.engine.run import exclusive

    out = tmp_path / "processed"
    with exclusive(out), pytest.raises(OSError, match="another run is writing"):
        run_batch(raw, out, Settings())


def test_leftover_temporaries_are_swept_and_missing_report_rebuilt(raw, tmp_path, session_extract):
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    leftover = out / ".documents.parquet.abc.tmp"
    leftover.write_text("half a file from a killed run")
    (out / "datapackage.json").unlink()

    def must_not_run(cdocs, settings):
        raise AssertionError("extraction ran although nothing changed")

    summary = run_batch(raw, out, Settings(), extract_fn=must_not_run)
    assert summary.skipped_write and not leftover.exists()
    assert (out / "datapackage.json").exists()
