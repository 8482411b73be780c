"""The batch: read -> clean -> extract -> validate -> write, with per-document caching.

Only documents whose content (or whose settings fingerprint) changed go through the model; the model is
not even loaded when nothing is new. Corpus tables are always assembled from the cache, so a release
removed from raw/ disappears from the tables and a run killed part-way is completed by the next one.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline import cache as cache_mod
from pipeline.atomic import write_text_atomic
from pipeline.clean import Rejected, clean_bytes
from pipeline.ids import sha256_bytes
from pipeline.read import RawInput, Unreadable, discover, read_input
from pipeline.settings import Settings
from schemas.models import CleanDocument, DocResult, ManifestEntry, Reject

log = logging.getLogger("pipeline")

STATE_FILE = "state.json"


@dataclass
class Summary:
    """What a run did, for the closing line and for tests."""

    new: int = 0
    unchanged: int = 0
    duplicate: int = 0
    rejected: int = 0
    documents: int = 0
    mentions: int = 0
    claims: int = 0
    seconds: float = 0.0
    skipped_write: bool = False
    model_loaded: bool = False
    out_dir: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"{self.documents} documents ({self.new} new/changed, {self.unchanged} unchanged, "
                f"{self.duplicate} duplicate, {self.rejected} rejected inputs); {self.mentions} mentions, "
                f"{self.claims} claims; {self.seconds:.1f}s; tables in {self.out_dir}")


@dataclass
class Cleaned:
    """Clean-stage outcome for one raw input."""

    source: str
    sha256: str
    documents: list[CleanDocument]
    rejects: list[Reject]
    fatal: str | None = None  # reason when the whole input was rejected


def clean_input(raw_dir: Path, item_source: str, path: Path, settings: Settings,
                clean_cache: cache_mod.Cache) -> Cleaned:
    """Read and clean one input, through the clean cache. One narrow except per failure kind."""
    try:
        data = read_input(raw_dir, RawInput(item_source, path), settings.max_bytes)
    except Unreadable as err:
        return Cleaned(item_source, "", [], [Reject(source=item_source, stage="read", reason=str(err))], str(err))
    except OSError as err:
        reason = f"cannot read file: {err.strerror or err}"
        return Cleaned(item_source, "", [], [Reject(source=item_source, stage="read", reason=reason)], reason)
    sha = sha256_bytes(data)
    k = cache_mod.key("clean", settings.clean_fingerprint(), item_source, sha)
    hit = clean_cache.get(k)
    if hit is not None:
        try:
            return Cleaned(item_source, sha, [CleanDocument.model_validate(d) for d in hit["documents"]],
                           [Reject.model_validate(r) for r in hit["rejects"]], hit["fatal"])
        except (ValidationError, KeyError, TypeError):
            pass  # stale or corrupt entry: clean again
    try:
        outcome = clean_bytes(item_source, data)
        docs = [d for d in outcome if isinstance(d, CleanDocument)]
        rejects = [Reject(source=getattr(r, "source", None) or item_source, stage=r.stage, reason=r.reason)
                   for r in outcome if isinstance(r, Rejected)]
        fatal = None
        if not docs:
            fatal = rejects[0].reason if rejects else "no document found in the input"
            if not rejects:
                rejects = [Reject(source=item_source, stage="clean", reason=fatal)]
    except Rejected as err:
        docs, fatal = [], err.reason
        rejects = [Reject(source=item_source, stage=err.stage, reason=err.reason)]
    result = Cleaned(item_source, sha, docs, rejects, fatal)
    clean_cache.put(k, {"documents": [d.model_dump(mode="json") for d in docs],
                        "rejects": [r.model_dump(mode="json") for r in rejects], "fatal": fatal})
    return result


def extract_key(settings: Settings, cdoc: CleanDocument) -> str:
    return cache_mod.key("extract", settings.extract_fingerprint(), cdoc.model_dump_json())


ExtractFn = Callable[[list[CleanDocument], Settings], Iterator[tuple[CleanDocument, DocResult | Reject]]]


def extract_default(
    cdocs: list[CleanDocument], settings: Settings
) -> Iterator[tuple[CleanDocument, DocResult | Reject]]:
    """Run the spaCy pipeline over ``cdocs`` with the configured engine: this machine's processes
    (``settings.workers``) or Dask workers (``settings.engine == "dask"``)."""
    if settings.engine == "dask":
        from pipeline.dask_engine import extract_dask

        yield from extract_dask(cdocs, settings)
    else:
        from pipeline.parallel import extract_stream

        yield from extract_stream(cdocs, settings)


def run_batch(raw_dir: Path, out_dir: Path, settings: Settings | None = None,
              progress: Callable[[Iterable[CleanDocument], int], Iterable[CleanDocument]] | None = None,
              extract_fn: ExtractFn = extract_default) -> Summary:
    """Process ``raw_dir`` into the tables of ``out_dir``; returns the run's summary."""
    from pipeline.validate import validate_result

    settings = settings or Settings()
    started = time.perf_counter()
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_dir}")
    cache_root = out_dir / ".cache"
    clean_cache = cache_mod.Cache(cache_root, "clean")
    extract_cache = cache_mod.Cache(cache_root, "extract")
    summary = Summary(out_dir=str(out_dir))

    manifest: list[ManifestEntry] = []
    rejects: list[Reject] = []
    unique: dict[str, CleanDocument] = {}
    owners: dict[str, str] = {}  # doc_id -> source that first produced it
    per_input: list[tuple[Cleaned, list[str]]] = []
    for item in discover(raw_dir):
        cleaned = clean_input(raw_dir, item.source, item.path, settings, clean_cache)
        rejects.extend(cleaned.rejects)
        fresh, dups = [], []
        for d in cleaned.documents:
            if d.doc_id in unique:
                dups.append(d.doc_id)
            else:
                unique[d.doc_id] = d
                owners[d.doc_id] = d.source
                fresh.append(d.doc_id)
        per_input.append((cleaned, dups))

    extract_fp = settings.extract_fingerprint()
    keys = {doc_id: cache_mod.key("extract", extract_fp, d.model_dump_json()) for doc_id, d in unique.items()}
    state = cache_mod.key(json.dumps(sorted(keys.values())),
                          json.dumps([r.model_dump(mode="json") for r in rejects], sort_keys=True),
                          json.dumps([(c.source, c.sha256) for c, _ in per_input]))
    state_path = cache_root / STATE_FILE
    outputs_present = all((out_dir / f"{name}.parquet").exists() for name in ("documents", "manifest"))
    if outputs_present and _read_state(state_path) == state:
        summary.skipped_write = True
        summary.unchanged = len(unique)
        summary.documents = len(unique)
        summary.duplicate = sum(1 for c, d in per_input if c.documents and len(d) == len(c.documents))
        summary.rejected = sum(1 for c, _ in per_input if c.fatal)
        summary.seconds = time.perf_counter() - started
        return summary

    results: dict[str, DocResult] = {}
    todo: list[CleanDocument] = []
    for doc_id, cdoc in unique.items():
        hit = extract_cache.get(keys[doc_id])
        if hit is not None:
            try:
                results[doc_id] = DocResult.model_validate(hit["result"])
                rejects.extend(Reject.model_validate(r) for r in hit["rejects"])
                continue
            except (ValidationError, KeyError, TypeError):
                pass
        todo.append(cdoc)

    if todo:
        summary.model_loaded = True
        stream: Iterable[tuple[CleanDocument, DocResult | Reject]] = extract_fn(todo, settings)
        if progress is not None:
            stream = progress(stream, len(todo))  # type: ignore[arg-type,assignment]
        for cdoc, outcome in stream:
            if isinstance(outcome, Reject):
                rejects.append(outcome)
                extract_cache.put(keys[cdoc.doc_id], {"result": None, "rejects": [outcome.model_dump(mode="json")]})
                continue
            valid, dropped = validate_result(outcome)
            results[cdoc.doc_id] = valid
            rejects.extend(dropped)
            extract_cache.put(keys[cdoc.doc_id], {"result": valid.model_dump(mode="json"),
                                                  "rejects": [r.model_dump(mode="json") for r in dropped]})
    new_ids = {c.doc_id for c in todo}

    for cleaned, dups in per_input:
        doc_ids = [d.doc_id for d in cleaned.documents]
        if cleaned.fatal:
            status, reason = "rejected", cleaned.fatal
            summary.rejected += 1
        elif doc_ids and len(dups) == len(doc_ids):
            status = "duplicate"
            reason = "duplicate of " + ", ".join(sorted({owners[i] for i in doc_ids}))
            summary.duplicate += 1
        elif any(i in new_ids for i in doc_ids):
            status, reason = "ok", None
            summary.new += 1
        else:
            status, reason = "unchanged", None
            summary.unchanged += 1
        manifest.append(ManifestEntry(source=cleaned.source, sha256=cleaned.sha256, status=status,
                                      reason=reason, doc_ids=doc_ids))

    from pipeline.publish import publish
    from pipeline.write import assemble, write_tables

    tables = assemble(results.values(), manifest, rejects)
    write_tables(out_dir, tables)
    publish(out_dir)
    write_text_atomic(state_path, json.dumps({"state": state}))
    summary.documents = len(tables["documents"])
    summary.mentions = len(tables["mentions"])
    summary.claims = len(tables["claims"])
    summary.counts = {name: len(rows) for name, rows in tables.items()}
    summary.seconds = time.perf_counter() - started
    return summary


def _read_state(path: Path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["state"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
