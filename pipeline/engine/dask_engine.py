"""Extraction on Dask workers (``--engine dask``): the same stages, scaled out beyond one machine.

Per-document extraction is a pure function of the document, so chunks of documents are sent to the
workers of a dask.distributed cluster (``--scheduler ADDRESS``) or of a LocalCluster started for the run,
and the results come back in input order, so the tables are identical to the local engine's. Each worker
loads the model once: a WorkerPlugin builds the :class:`pipeline.engine.parallel.Extractor` when the worker
starts (or joins later); a task that lands on a worker without one builds it lazily.

Cache and outputs stay on the client: workers only receive CleanDocuments and return DocResults, so
``raw/`` and ``processed/`` need to be readable only where ``python -m pipeline run`` is started. Workers
need the project installed (same version, same model package) so that the components match.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from distributed import Client, Future, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from pipeline.engine.parallel import Extractor, Outcome, chunk_size, chunks, top_up
from pipeline.engine.settings import Settings
from schemas.models import CleanDocument, Reject

PLUGIN_NAME = "mofa-extractor"
_ATTR = "_mofa_extractors"


class _Loaded:
    """One Extractor per (model, batch size) on a worker, with a lock: spaCy pipelines are not
    guaranteed thread-safe, so a worker with several threads runs one chunk at a time (use
    ``--nthreads 1`` and more worker processes instead)."""

    def __init__(self, model: str, batch_size: int) -> None:
        self.extractor = Extractor(model, batch_size)
        self.lock = threading.Lock()


def _loaded(worker: Any, model: str, batch_size: int) -> _Loaded:
    cache: dict[tuple[str, int], _Loaded] = getattr(worker, _ATTR, None) or {}
    setattr(worker, _ATTR, cache)
    key = (model, batch_size)
    if key not in cache:
        cache[key] = _Loaded(model, batch_size)
    return cache[key]


class ModelPlugin(WorkerPlugin):
    """Load the model when a worker starts, so the first chunk does not pay for it."""

    name = PLUGIN_NAME

    def __init__(self, model: str, batch_size: int) -> None:
        self.model = model
        self.batch_size = batch_size

    def setup(self, worker: Any) -> None:
        _loaded(worker, self.model, self.batch_size)


def extract_chunk(chunk: list[CleanDocument], model: str, batch_size: int) -> list[Outcome]:
    """The Dask task: one chunk through the worker's model (a failing document becomes a Reject)."""
    loaded = _loaded(get_worker(), model, batch_size)
    with loaded.lock:
        return loaded.extractor.run(chunk)


def _died(cdoc: CleanDocument) -> Reject:
    return Reject(source=cdoc.source, stage="extract",
                  reason="extraction failed: Dask workers died on this document (crash or out of memory)")


def _client(settings: Settings, stack: ExitStack) -> Client:
    if not logging.getLogger("pipeline").isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines drown the run's own
    if settings.scheduler:
        return stack.enter_context(Client(settings.scheduler))
    cluster = stack.enter_context(LocalCluster(n_workers=max(settings.workers, 1), threads_per_worker=1,
                                               processes=True, dashboard_address=None,
                                               silence_logs=logging.WARNING))
    return stack.enter_context(Client(cluster))


def extract_dask(cdocs: Sequence[CleanDocument], settings: Settings) -> Iterator[tuple[CleanDocument, Outcome]]:
    """(document, result or reject) for every document of ``cdocs``, in input order, computed on Dask."""
    if not cdocs:
        return
    with ExitStack() as stack:
        client = _client(settings, stack)
        client.register_plugin(ModelPlugin(settings.model, settings.batch_size), name=PLUGIN_NAME)
        slots = max(sum(client.nthreads().values()), 1)
        size = chunk_size(len(cdocs), slots, settings.batch_size)
        pending = chunks(cdocs, size)  # lazily: only the chunks in flight are in memory
        inflight: deque[tuple[list[CleanDocument], Future]] = deque()
        while True:
            top_up(inflight, pending, 2 * slots,
                   lambda chunk: client.submit(extract_chunk, chunk, settings.model, settings.batch_size, pure=False))
            if not inflight:
                break
            chunk, fut = inflight.popleft()
            try:
                outs = fut.result()
            except KilledWorker:
                outs = [_one_by_one(client, cdoc, settings) for cdoc in chunk]
            finally:
                fut.release()
            yield from zip(chunk, outs, strict=True)


def _one_by_one(client: Client, cdoc: CleanDocument, settings: Settings) -> Outcome:
    fut = client.submit(extract_chunk, [cdoc], settings.model, settings.batch_size, pure=False)
    try:
        (out,) = fut.result()
        return out
    except KilledWorker:
        return _died(cdoc)
    finally:
        fut.release()
