"""Run extraction in this process or in a pool of worker processes, each loading the model once.

Results stream back in input order; the corpus's Docs are never held (memory stays flat with N).
Documents go to the workers in small chunks (several per worker, so that both cores stay busy to the
end) with a bounded number of chunks in flight. A document whose extraction raises is turned into a
Reject row and the rest of its chunk goes on; a document that kills its worker process (a crash in
native code, the memory limit) is found by re-running the chunks that were in flight one document at a
time, and only that document is rejected.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from itertools import islice
from typing import Any

from pydantic import ValidationError

from pipeline.engine.settings import Settings
from schemas.models import CleanDocument, DocResult, Reject

#: Exceptions a buggy component or odd document can raise; anything else is a real crash of the batch.
DOC_ERRORS = (ValueError, IndexError, KeyError, TypeError, AttributeError, ValidationError, RecursionError,
              ArithmeticError, AssertionError, RuntimeError)

#: Chunks per worker when the documents are split (more chunks balance the tail, fewer cost less IPC).
CHUNKS_PER_WORKER = 4

Outcome = DocResult | Reject

#: Characters of text one ``doc_timeout`` covers; a longer document gets proportionally more time.
TIMEOUT_CHARS = 20_000


#: Start of the reason of a timed-out release (a transient reject: machine load may have caused it).
TIMEOUT_REASON = "extraction timed out"


class ExtractionTimeout(Exception):
    """A document (or batch) ran past its time budget: a component looping, or a pathological text."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in this thread after ``seconds`` (0: no limit). Uses SIGALRM, so it
    only acts in a process's main thread on POSIX (the local engine and its workers); elsewhere (Dask worker
    threads) the code runs without a limit."""
    if seconds <= 0 or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"over {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def budget(cdocs: Sequence[CleanDocument], doc_timeout: float) -> float:
    """Seconds allowed for ``cdocs``: ``doc_timeout`` per document, more for documents over TIMEOUT_CHARS."""
    if doc_timeout <= 0:
        return 0.0
    return sum(doc_timeout * max(1.0, len(c.text) / TIMEOUT_CHARS) for c in cdocs)


class Extractor:
    """A loaded pipeline plus the per-document fallback that isolates a failing or hanging document.

    A batch runs under the sum of its documents' time budgets; when it fails or runs over, each document
    is re-run alone under its own budget, and only the one that fails or runs over is rejected."""

    def __init__(self, model: str, batch_size: int, doc_timeout: float = 0.0) -> None:
        from pipeline.engine.steps import build_nlp

        self.nlp = build_nlp(model)
        self.batch_size = batch_size
        self.doc_timeout = doc_timeout

    def run(self, cdocs: list[CleanDocument]) -> list[Outcome]:
        from pipeline.engine.steps import extract_all

        try:
            with time_limit(budget(cdocs, self.doc_timeout)):
                return list(extract_all(self.nlp, cdocs, self.batch_size))
        except (*DOC_ERRORS, ExtractionTimeout):
            return [self._one(c) for c in cdocs]

    def _one(self, cdoc: CleanDocument) -> Outcome:
        from pipeline.engine.steps import extract_all

        seconds = budget([cdoc], self.doc_timeout)
        try:
            with time_limit(seconds):
                (result,) = extract_all(self.nlp, [cdoc], 1)
            return result
        except ExtractionTimeout:
            return Reject.for_this_run(
                source=cdoc.source, stage="extract",
                reason=f"{TIMEOUT_REASON} after {seconds:g} s ({len(cdoc.text):,} characters); the next run tries it "
                       "again (raise --doc-timeout if the document is just long)")
        except DOC_ERRORS as err:
            return Reject(source=cdoc.source, stage="extract", reason=f"extraction failed: {type(err).__name__}: {err}")


def chunk_size(n: int, workers: int, batch_size: int) -> int:
    """Documents per task: at most ``batch_size``, small enough for ``CHUNKS_PER_WORKER`` tasks per worker."""
    return max(1, min(batch_size, math.ceil(n / (max(workers, 1) * CHUNKS_PER_WORKER))))


def chunks(items: Iterable[CleanDocument], size: int) -> Iterator[list[CleanDocument]]:
    """Consecutive lists of ``size`` documents, taken lazily (``items`` may read documents from disk)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _WorkerState:
    """The one Extractor of a worker process (set by the pool initializer)."""

    extractor: Extractor | None = None


def _init_worker(model: str, batch_size: int, doc_timeout: float) -> None:
    _WorkerState.extractor = Extractor(model, batch_size, doc_timeout)


def _work(chunk: list[CleanDocument]) -> list[Outcome]:
    assert _WorkerState.extractor is not None
    return _WorkerState.extractor.run(chunk)


def _died(cdoc: CleanDocument) -> Reject:
    return Reject(source=cdoc.source, stage="extract",
                  reason="extraction failed: the worker process died on this document (crash or out of memory)")


def extract_stream(cdocs: Sequence[CleanDocument],
                   settings: Settings) -> Iterator[tuple[CleanDocument, Outcome]]:
    """(document, result or reject) for every document of ``cdocs``, in input order."""
    if settings.workers <= 1 or len(cdocs) <= 1:
        extractor = Extractor(settings.model, settings.batch_size, settings.doc_timeout)
        for chunk in chunks(cdocs, settings.batch_size):
            yield from zip(chunk, extractor.run(chunk), strict=True)
        return
    workers = min(settings.workers, len(cdocs))
    size = chunk_size(len(cdocs), workers, settings.batch_size)
    yield from _pool_stream(chunks(cdocs, size), workers, settings)


def top_up(inflight: deque[tuple[list[CleanDocument], Any]], pending: Iterator[list[CleanDocument]], limit: int,
           submit: Callable[[list[CleanDocument]], Any]) -> None:
    """Submit chunks from ``pending`` until ``limit`` are in flight or none is left (shared by both engines:
    only the chunks in flight are in memory)."""
    while len(inflight) < limit and (chunk := next(pending, None)) is not None:
        inflight.append((chunk, submit(chunk)))


def _pool_stream(pending: Iterator[list[CleanDocument]], workers: int,
                 settings: Settings) -> Iterator[tuple[CleanDocument, Outcome]]:
    """Feed ``pending`` chunks to a process pool (at most two per worker in flight, so only those are
    in memory) and yield in order; when a worker dies, the chunks in flight are re-run one document at
    a time to find the culprit, and a new pool takes the rest."""
    ctx = mp.get_context("fork")
    while True:
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(settings.model, settings.batch_size, settings.doc_timeout))
        inflight: deque[tuple[list[CleanDocument], Future[list[Outcome]]]] = deque()
        try:
            while True:
                top_up(inflight, pending, 2 * workers, partial(pool.submit, _work))
                if not inflight:
                    break
                chunk, fut = inflight[0]
                outs = fut.result()
                inflight.popleft()
                yield from zip(chunk, outs, strict=True)
        except BrokenProcessPool:
            suspects = [d for chunk, _ in inflight for d in chunk]
            yield from _isolate(suspects, settings)
            continue
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return


def _isolate(suspects: list[CleanDocument], settings: Settings) -> Iterator[tuple[CleanDocument, Outcome]]:
    """Run ``suspects`` one at a time in a one-worker pool (a new one after each death), in order."""
    ctx = mp.get_context("fork")
    queue = deque(suspects)
    while queue:
        pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker,
                                   initargs=(settings.model, settings.batch_size, settings.doc_timeout))
        try:
            while queue:
                cdoc = queue[0]
                try:
                    (out,) = pool.submit(_work, [cdoc]).result()
                except BrokenProcessPool:
                    queue.popleft()
                    yield cdoc, _died(cdoc)
                    break
                queue.popleft()
                yield cdoc, out
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
