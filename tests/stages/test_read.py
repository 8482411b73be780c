"""Listing the raw folder: the output folder is never input, hidden entries are listed with a reason."""

from __future__ import annotations

import pytest

from pipeline.engine.atomic import sweep_temporaries
from pipeline.stages.read import CRAWL_STATE, HIDDEN_FILE, HIDDEN_FOLDER, Unreadable, discover, read_input


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    (raw / "a" / "one.txt").write_text("one")
    (raw / ".hidden.txt").write_text("h")
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref")
    (raw / "out" / "report").mkdir(parents=True)
    (raw / "out" / "documents.csv").write_text("doc_id")
    (raw / "out" / "report" / "index.html").write_text("<html>")
    return raw


def test_excluded_output_folder_is_neither_entered_nor_listed(raw):
    assert [i.source for i in discover(raw, exclude=[raw / "out"])] == ["a/one.txt"]
    assert "out/documents.csv" in [i.source for i in discover(raw)]


def test_hidden_entries_are_listed_with_their_reason_only_on_request(raw):
    listed = {i.source: i.skip for i in discover(raw, exclude=[raw / "out"], with_hidden=True)}
    assert listed == {".git/": HIDDEN_FOLDER, ".hidden.txt": HIDDEN_FILE, "a/one.txt": None}
    hidden = next(i for i in discover(raw, with_hidden=True) if i.source == ".hidden.txt")
    with pytest.raises(Unreadable, match="hidden file"):
        read_input(raw, hidden, 1000)


def test_sweep_leaves_a_raw_folder_inside_the_output_alone(tmp_path):
    out = tmp_path / "out"
    (out / "raw").mkdir(parents=True)
    (out / ".documents.parquet.x.tmp").write_text("half")
    (out / "raw" / ".notes.tmp").write_text("a user's file")
    assert sweep_temporaries(out, keep=out / "raw") == 1
    assert (out / "raw" / ".notes.tmp").exists() and not (out / ".documents.parquet.x.tmp").exists()


def test_the_crawlers_progress_file_is_not_input(tmp_path) -> None:
    """raw/pages/<board>/.crawl.json is the pipeline's own file: neither read nor listed as a reject."""
    board = tmp_path / "pages" / "m_5674"
    board.mkdir(parents=True)
    (board / "123.html").write_text("<html></html>")
    (board / CRAWL_STATE).write_text("{}")
    (board / ".DS_Store").write_text("x")
    sources = [(r.source, r.skip is not None) for r in discover(tmp_path, with_hidden=True)]
    assert sources == [("pages/m_5674/.DS_Store", True), ("pages/m_5674/123.html", False)]
