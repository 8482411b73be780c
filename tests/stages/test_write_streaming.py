"""Streaming assembly: the tables written one document at a time are the tables assemble() builds in
memory, byte for byte on identical runs, and a run that fails leaves the previous tables in place."""

from __future__ import annotations

import datetime as dt
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from pipeline.stages import write
from pipeline.stages.write import CorpusWriter, assemble, write_table
from schemas.models import (
    TABLES,
    Claim,
    DocResult,
    Document,
    Economy,
    Event,
    InitiativeLink,
    ManifestEntry,
    Mention,
    Person,
    Reject,
    Sentence,
)
from tests.conftest import SEED


def result(i: int, economy: str | None, title: str) -> DocResult:
    doc_id = f"d{i:03d}"
    text = f"Minister Kim of Korea said on day {i} that Korea would help."
    return DocResult(
        document=Document(doc_id=doc_id, source=f"r{i}.txt", sha256="0" * 64, input_format="text",
                          title=f"Release {i}", published=dt.date(2024, 1, 1 + i % 28), hits=None if i % 2 else i,
                          language="en", text=text, n_sentences=1),
        sentences=[Sentence(doc_id=doc_id, sent_id=f"{doc_id}:s0", paragraph_id=0, section="body", start=0,
                            end=len(text), text=text)],
        mentions=[Mention(doc_id=doc_id, sent_id=f"{doc_id}:s0", start=9, end=12, text="Kim", kind="person",
                          entity_id="person:kim")],
        people=[Person(person_id="person:kim", name="Kim" if i % 3 else "Kim Min-su", economy=economy,
                       titles=[title])],
        economies=[Economy(economy_id="KOR", name="Korea", apec_member=True)],
        initiative_links=[InitiativeLink(doc_id=doc_id, sent_id=f"{doc_id}:s0", initiative_id="initiative:x",
                                         economy_id="KOR", role="lead")] * 2,
        events=[Event(event_id=f"event:{doc_id}:m", doc_id=doc_id, name="Meeting", ordinal=None if i % 2 else 3)],
        claims=[Claim(claim_id=f"{doc_id}:c20", doc_id=doc_id, sent_id=f"{doc_id}:s0", speaker_kind="person",
                      speaker_id="person:kim", speaker_text="Minister Kim", cue="say", claim_type="statement",
                      content="that Korea would help", addressee_ids=["KOR", "USA"] if i % 2 else [],
                      cue_start=20, cue_end=24, content_start=36, content_end=len(text) - 1)],
    )


RESULTS = [result(i, economy, title) for i, (economy, title) in
           enumerate([("KOR", "Minister"), (None, "Foreign Minister"), ("USA", "Minister"), ("KOR", "Envoy"),
                      ("USA", "Minister"), (None, "Minister")])]
MANIFEST = [ManifestEntry(source=f"r{i}.txt", sha256="0" * 64, status="ok", doc_ids=[f"d{i:03d}"]) for i in range(6)]
REJECTS = [Reject(source="z.txt", stage="clean", reason="empty"), Reject(source="a.txt", stage="read", reason="x")]


def stream(out, results=RESULTS):
    with CorpusWriter(out) as writer:
        for r in sorted(results, key=lambda r: r.document.doc_id):
            writer.add(r)
        return writer.finish(MANIFEST, REJECTS)


def test_streamed_tables_equal_the_in_memory_assembly(tmp_path):
    for name, rows in assemble(reversed(RESULTS), MANIFEST, REJECTS).items():  # each table in one piece
        write_table(tmp_path / "mem", name, rows)
    counts = stream(tmp_path / "stream")
    assert counts["documents"] == 6 and counts["people"] == 1 and counts["initiative_links"] == 6
    for name in TABLES:
        a = pq.read_table(tmp_path / "mem" / f"{name}.parquet")
        b = pq.read_table(tmp_path / "stream" / f"{name}.parquet")
        assert a.equals(b) and a.schema.equals(b.schema, check_metadata=True), name
        assert (tmp_path / "mem" / f"{name}.csv").read_bytes() == (tmp_path / "stream" / f"{name}.csv").read_bytes()
    (kim,) = pq.read_table(tmp_path / "stream" / "people.parquet").to_pylist()
    assert kim["name"] == "Kim Min-su" and kim["titles"] == ["Envoy", "Foreign Minister", "Minister"]
    assert kim["economy"] == "KOR"  # KOR 2, USA 2: the tie goes to the first code alphabetically
    assert [r["source"] for r in pq.read_table(tmp_path / "stream" / "rejects.parquet").to_pylist()] == ["a.txt",
                                                                                                         "z.txt"]


def test_csv_keeps_integers_integers_and_lists_as_json(tmp_path):
    stream(tmp_path)
    events = (tmp_path / "events.csv").read_text().splitlines()
    assert events[1].split(",")[4] == "3" and events[2].split(",")[4] == ""  # not "3.0" beside a null
    assert '"[""KOR"", ""USA""]"' in (tmp_path / "claims.csv").read_text()
    assert "2024-01-01" in (tmp_path / "documents.csv").read_text()


def test_same_bytes_on_identical_runs_and_across_row_groups(tmp_path, monkeypatch):
    stream(tmp_path / "a")
    stream(tmp_path / "b")
    monkeypatch.setattr(write, "ROW_GROUP_ROWS", 2)
    stream(tmp_path / "c")
    for name in TABLES:
        a, b, c = (tmp_path / d / f"{name}.parquet" for d in "abc")
        assert a.read_bytes() == b.read_bytes(), name
        assert pq.read_table(a).equals(pq.read_table(c)), name
    assert pq.ParquetFile(tmp_path / "c" / "sentences.parquet").num_row_groups == 3


def test_failed_write_keeps_previous_tables_and_no_temporary_files(tmp_path):
    stream(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(ValueError, match="increasing doc_id order"), CorpusWriter(tmp_path) as writer:
        writer.add(RESULTS[3])
        writer.add(RESULTS[1])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def _fake_extract(calls):
    def run(cdocs, settings):
        for c in cdocs:
            calls.append(c.doc_id)
            yield c, DocResult(document=c.to_document())
    return run


def test_unreadable_cache_entry_is_extracted_again(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    (raw / "other.txt").write_text("Korea and Chile Hold Talks\n\nThe two sides met in Seoul on May 2.\n")
    out, calls = tmp_path / "out", []
    run_batch(raw, out, Settings(), extract_fn=_fake_extract(calls))
    assert len(calls) == 2
    before = pq.read_table(out / "documents.parquet")
    entry = sorted((out / ".cache" / "extract").rglob("*.json"))[0]
    entry.write_text("{not json")
    (out / ".cache" / "state.json").unlink()
    run_batch(raw, out, Settings(), extract_fn=_fake_extract(calls))
    assert len(calls) == 3
    assert pq.read_table(out / "documents.parquet").equals(before)


def test_rejected_document_is_not_extracted_again(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    out, calls = tmp_path / "out", []

    def reject(cdocs, settings):
        for c in cdocs:
            calls.append(c.doc_id)
            yield c, Reject(source=c.source, stage="extract", reason="extraction failed: boom")

    run_batch(raw, out, Settings(), extract_fn=reject)
    (out / ".cache" / "state.json").unlink()
    summary = run_batch(raw, out, Settings(), extract_fn=reject)
    assert len(calls) == 1 and not summary.model_loaded
    assert pq.read_table(out / "rejects.parquet").to_pylist()[0]["reason"] == "extraction failed: boom"
    assert pq.read_table(out / "documents.parquet").num_rows == 0
