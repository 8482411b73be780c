"""The local engine's pool without the real model: order, chunking, both workers used, a failing or
crashing document isolated. Workers are forked, so a test-local Extractor subclass reaches them."""

from __future__ import annotations

import os
import time

import pytest
import spacy
from spacy.language import Language

from pipeline.engine import parallel
from pipeline.engine.parallel import TIMEOUT_CHARS, Extractor, budget, chunk_size, extract_stream
from pipeline.engine.settings import Settings
from schemas.models import CleanDocument, DocResult, Paragraph, Reject


@Language.component("test_parallel_boom")
def _boom(doc):
    if "FAIL" in doc.text:
        raise ValueError("component broke on this document")
    if "CRASH" in doc.text:
        os._exit(7)  # as a segfault in native code would
    if "slow" in doc.text:
        time.sleep(0.05)  # long enough that no worker can take every chunk alone
    while "HANG" in doc.text:  # as a component caught in a loop
        pass
    return doc


class BlankExtractor(Extractor):
    """The real run/fallback logic on a blank pipeline that records the worker's pid in the title."""

    def __init__(self, model: str, batch_size: int, doc_timeout: float = 0.0) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.nlp.add_pipe("test_parallel_boom")
        self.batch_size = batch_size
        self.doc_timeout = doc_timeout

    def run(self, cdocs):
        return [o.model_copy(update={"document": o.document.model_copy(update={"category": str(os.getpid())})})
                if isinstance(o, DocResult) else o for o in super().run(cdocs)]


def cdoc(i: int, word: str = "fine") -> CleanDocument:
    text = f"Release {i}. It is {word}."
    return CleanDocument(doc_id=f"d{i:04d}", source=f"r{i}.txt", sha256="0" * 64, input_format="text",
                         title=f"Release {i}", language="en", text=text,
                         paragraphs=[Paragraph(paragraph_id=0, section="body", start=0, end=len(text))])


@pytest.fixture
def blank(monkeypatch):
    monkeypatch.setattr(parallel, "Extractor", BlankExtractor)


def test_chunks_leave_work_for_every_worker():
    assert chunk_size(200, 2, 32) == 25  # 8 chunks: both workers busy until the end
    assert chunk_size(10_000, 2, 32) == 32  # never above the batch size
    assert chunk_size(3, 2, 32) == 1


def test_pool_keeps_input_order_and_uses_both_workers(blank):
    docs = [cdoc(i, "slow") for i in range(60)]
    out = list(extract_stream(docs, Settings(workers=2, batch_size=4)))
    assert [c.doc_id for c, _ in out] == [d.doc_id for d in docs]
    assert all(isinstance(o, DocResult) and o.document.doc_id == c.doc_id for c, o in out)
    pids = {o.document.category for _, o in out}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_failing_document_is_a_reject_and_its_chunk_goes_on(blank):
    docs = [cdoc(i, "FAIL" if i == 5 else "fine") for i in range(12)]
    out = dict((c.doc_id, o) for c, o in extract_stream(docs, Settings(workers=2, batch_size=4)))
    assert isinstance(out["d0005"], Reject) and "component broke" in out["d0005"].reason
    assert out["d0005"].stage == "extract" and out["d0005"].source == "r5.txt"
    assert all(isinstance(o, DocResult) for k, o in out.items() if k != "d0005")


def test_document_that_kills_its_worker_is_rejected_alone(blank):
    docs = [cdoc(i, "CRASH" if i == 7 else "fine") for i in range(20)]
    out = list(extract_stream(docs, Settings(workers=2, batch_size=4)))
    assert [c.doc_id for c, _ in out] == [d.doc_id for d in docs]
    rejected = [c.doc_id for c, o in out if isinstance(o, Reject)]
    assert rejected == ["d0007"]
    assert "worker process died" in out[7][1].reason


def test_single_process_path_isolates_too(blank):
    docs = [cdoc(i, "FAIL" if i == 1 else "fine") for i in range(3)]
    out = [o for _, o in extract_stream(docs, Settings(workers=1, batch_size=8))]
    assert [type(o) for o in out] == [DocResult, Reject, DocResult]
    assert out[0].document.category == str(os.getpid())


@pytest.mark.parametrize("workers", [1, 2])
def test_hanging_document_is_rejected_and_the_batch_goes_on(blank, workers):
    docs = [cdoc(i, "HANG" if i == 2 else "fine") for i in range(6)]
    started = time.perf_counter()
    out = list(extract_stream(docs, Settings(workers=workers, batch_size=3, doc_timeout=0.3)))
    assert time.perf_counter() - started < 20
    assert [c.doc_id for c, _ in out] == [d.doc_id for d in docs]
    assert [c.doc_id for c, o in out if isinstance(o, Reject)] == ["d0002"]
    assert "timed out after 0.3 s" in out[2][1].reason and "--doc-timeout" in out[2][1].reason
    assert out[2][1].transient  # typed, and kept through the worker process's pickling
    assert not any(o.transient for _, o in out if isinstance(o, Reject) and o is not out[2][1])


def test_transient_is_a_flag_not_the_reason_text():
    from pipeline.engine.parallel import TIMEOUT_REASON

    assert not Reject(source="a", stage="extract", reason=f"{TIMEOUT_REASON} after 1 s").transient
    assert Reject.for_this_run(source="a", stage="extract", reason="any words").transient
    assert "transient" not in Reject.model_fields  # not a column of the rejects table


def test_time_budget_grows_with_long_documents():
    short, long = cdoc(1), cdoc(2).model_copy(update={"text": "x" * (3 * TIMEOUT_CHARS)})
    assert budget([short], 60) == 60 and budget([long], 60) == 180 and budget([short, long], 60) == 240
    assert budget([long], 0) == 0  # no limit
