"""Run extraction in this process or in a pool of worker processes, each loading the model once.

Results stream back in input order; the corpus's Docs are never held (memory stays flat with N).
A document whose extraction raises is turned into a Reject row; the rest of its batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator
from itertools import islice

from pydantic import ValidationError

from pipeline.settings import Settings
from schemas.models import CleanDocument, DocResult, Reject

#: Exceptions a buggy component or odd document can raise; anything else is a real crash of the batch.
DOC_ERRORS = (ValueError, IndexError, KeyError, TypeError, AttributeError, ValidationError)


class Extractor:
    """A loaded pipeline plus the per-document fallback that isolates a failing document."""

    def __init__(self, model: str, batch_size: int) -> None:
        from pipeline.nlp import build_nlp

        self.nlp = build_nlp(model)
        self.batch_size = batch_size

    def run(self, cdocs: list[CleanDocument]) -> list[DocResult | Reject]:
        from pipeline.extract import extract_all

        try:
            return list(extract_all(self.nlp, cdocs, self.batch_size))
        except DOC_ERRORS:
            return [self._one(c) for c in cdocs]

    def _one(self, cdoc: CleanDocument) -> DocResult | Reject:
        from pipeline.extract import extract_all

        try:
            (result,) = extract_all(self.nlp, [cdoc], 1)
            return result
        except DOC_ERRORS as err:
            return Reject(source=cdoc.source, stage="extract", reason=f"extraction failed: {type(err).__name__}: {err}")


def _chunks(items: list[CleanDocument], size: int) -> Iterator[list[CleanDocument]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _WorkerState:
    """The one Extractor of a worker process (set by the pool initializer)."""

    extractor: Extractor | None = None


def _init_worker(model: str, batch_size: int) -> None:
    _WorkerState.extractor = Extractor(model, batch_size)


def _work(chunk: list[dict]) -> list[dict]:
    assert _WorkerState.extractor is not None
    outcomes = _WorkerState.extractor.run([CleanDocument.model_validate(c) for c in chunk])
    return [{"kind": "reject" if isinstance(o, Reject) else "result", "value": o.model_dump(mode="json")}
            for o in outcomes]


def extract_stream(
    cdocs: list[CleanDocument], settings: Settings
) -> Iterator[tuple[CleanDocument, DocResult | Reject]]:
    if settings.workers <= 1 or len(cdocs) <= settings.batch_size:
        extractor = Extractor(settings.model, settings.batch_size)
        for chunk in _chunks(cdocs, settings.batch_size):
            yield from zip(chunk, extractor.run(chunk), strict=True)
        return
    chunks = list(_chunks(cdocs, settings.batch_size))
    ctx = mp.get_context("fork")
    with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings.model, settings.batch_size)) as pool:
        payloads = ([c.model_dump(mode="json") for c in chunk] for chunk in chunks)
        for chunk, outs in zip(chunks, pool.imap(_work, payloads), strict=True):
            for cdoc, out in zip(chunk, outs, strict=True):
                model = Reject if out["kind"] == "reject" else DocResult
                yield cdoc, model.model_validate(out["value"])
