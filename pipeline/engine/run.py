"""The batch: read -> clean -> extract -> validate -> write, with per-document caching.

Only documents whose content (or whose settings fingerprint) changed go through the model; the model is
not even loaded when nothing is new. Corpus tables are always assembled from the cache, so a release
removed from raw/ disappears from the tables and a run killed part-way is completed by the next one.
"""

from __future__ import annotations

import fcntl
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.engine import cache as cache_mod
from pipeline.engine.atomic import sweep_temporaries, write_text_atomic
from pipeline.engine.ids import input_order, sha256_bytes, superseded_reason
from pipeline.engine.settings import Settings
from pipeline.engine.steps import (
    HIDDEN_FILE,
    HIDDEN_FOLDER,
    RawInput,
    Rejected,
    Unreadable,
    clean_bytes,
    discover,
    read_input,
)
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
    cache_key: str = ""  # its clean-cache entry (holds the documents for extraction to read back)


def clean_input(raw_dir: Path, item_source: str, path: Path, settings: Settings,
                clean_cache: cache_mod.Cache, clean_fp: str | None = None, skip: str | None = None) -> Cleaned:
    """Read and clean one input, through the clean cache. One narrow except per failure kind.
    ``clean_fp`` is the settings' clean fingerprint, when the caller computed it once for the batch; ``skip``
    is :attr:`RawInput.skip` (a file listed but not read)."""
    try:
        data = read_input(raw_dir, RawInput(item_source, path, skip), settings.max_bytes)
    except Unreadable as err:
        return Cleaned(item_source, "", [], [Reject(source=item_source, stage="read", reason=str(err))], str(err))
    except OSError as err:
        reason = f"cannot read file: {err.strerror or err}"
        return Cleaned(item_source, "", [], [Reject(source=item_source, stage="read", reason=reason)], reason)
    sha = sha256_bytes(data)
    k = cache_mod.key("clean", clean_fp or settings.clean_fingerprint(), item_source, sha)
    hit = clean_cache.get(k)
    if hit is not None:
        try:
            return Cleaned(item_source, sha, [CleanDocument.model_validate(d) for d in hit["documents"]],
                           [Reject.model_validate(r) for r in hit["rejects"]], hit["fatal"], k)
        except (ValidationError, KeyError, TypeError):
            pass  # stale or corrupt entry: clean again
    try:
        outcome = clean_bytes(item_source, data, settings.clean)
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
    except Exception as err:  # one file only: whatever a reader or a library raises on it, the batch goes on
        docs, fatal = [], clean_crash_reason(err)
        rejects = [Reject(source=item_source, stage="clean", reason=fatal)]
    result = Cleaned(item_source, sha, docs, rejects, fatal, k)
    clean_cache.put(k, {"documents": [d.model_dump(mode="json") for d in docs],
                        "rejects": [r.model_dump(mode="json") for r in rejects], "fatal": fatal})
    return result


def clean_crash_reason(err: Exception) -> str:
    """The reject reason of a file whose cleaning raised: what was raised and where, to report with the file."""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f" in {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb is not None else ""
    message = str(err).strip().splitlines()[0][:200] if str(err).strip() else ""
    return (f"cleaning failed: {type(err).__name__}{': ' + message if message else ''}{where} "
            "(an error of the cleaner or a library on this file; the other files were processed)")


ExtractFn = Callable[[Sequence[CleanDocument], Settings], Iterator[tuple[CleanDocument, DocResult | Reject]]]


class CachedDocs(Sequence[CleanDocument]):
    """The documents still to extract, read back from the clean cache when iterated, so that a cold run
    over a large corpus never holds all the texts (one clean entry, e.g. one feed's items, at a time)."""

    def __init__(self, cache: cache_mod.Cache, refs: list[tuple[str, int, str]]) -> None:
        self.cache = cache
        self.refs = refs  # (clean cache key, index in the entry's documents, doc_id)
        self._entry: tuple[str, list[dict]] | None = None

    def __len__(self) -> int:
        return len(self.refs)

    @property
    def doc_ids(self) -> list[str]:
        return [doc_id for _, _, doc_id in self.refs]

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return CachedDocs(self.cache, self.refs[i])
        key, index, doc_id = self.refs[i]
        if self._entry is None or self._entry[0] != key:
            hit = self.cache.get(key)
            if not isinstance(hit, dict) or not isinstance(hit.get("documents"), list):
                raise OSError(f"clean cache entry {key} of document {doc_id} vanished during the run")
            self._entry = (key, hit["documents"])
        return CleanDocument.model_validate(self._entry[1][index])


def extract_default(
    cdocs: Sequence[CleanDocument], settings: Settings
) -> Iterator[tuple[CleanDocument, DocResult | Reject]]:
    """Run the spaCy pipeline over ``cdocs`` with the configured engine: this machine's processes
    (``settings.workers``) or Dask workers (``settings.engine == "dask"``)."""
    if settings.engine == "dask":
        from pipeline.engine.dask_engine import extract_dask

        yield from extract_dask(cdocs, settings)
    else:
        from pipeline.engine.parallel import extract_stream

        yield from extract_stream(cdocs, settings)


@dataclass
class InputOutcome:
    """What one raw input became, without its documents (so the plan holds no text)."""

    source: str
    sha256: str
    doc_ids: list[str]
    dups: list[str]
    fatal: str | None


@dataclass
class Plan:
    """The clean stage's view of the batch: documents by doc_id with their extract-cache keys, the
    documents still to extract, and the per-input outcome."""

    inputs: list[InputOutcome] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # doc_id -> extract cache key
    owners: dict[str, str] = field(default_factory=dict)  # doc_id -> source that first produced it
    todo: list[tuple[str, int, str]] = field(default_factory=list)  # CachedDocs refs of what to extract
    rejects: list[Reject] = field(default_factory=list)  # from read and clean

    def state(self) -> str:
        """Fingerprint of everything the tables depend on (the no-change re-run compares it)."""
        return cache_mod.key(json.dumps(sorted(self.keys.values())),
                             json.dumps([r.model_dump(mode="json") for r in self.rejects], sort_keys=True),
                             json.dumps([(i.source, i.sha256) for i in self.inputs]))


class _StaleEntry(Exception):
    """A cache entry that existed when planned but cannot be read back (deleted or corrupt)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def plan_batch(raw_dir: Path, settings: Settings, clean_cache: cache_mod.Cache,
               extract_cache: cache_mod.Cache, exclude: Sequence[Path] = ()) -> Plan:
    """Clean every input (through the cache) and decide which documents need the model. ``exclude``: folders
    under ``raw_dir`` that are not input (the output folder)."""
    plan = Plan()
    extract_fp, clean_fp = settings.extract_fingerprint(), settings.clean_fingerprint()
    # A later stored version of a release comes first: it owns the doc_id, older versions are its duplicates.
    for item in sorted(discover(raw_dir, exclude, with_hidden=True), key=lambda i: input_order(i.source)):
        cleaned = clean_input(raw_dir, item.source, item.path, settings, clean_cache, clean_fp, item.skip)
        plan.rejects.extend(cleaned.rejects)
        dups = []
        for index, d in enumerate(cleaned.documents):
            if d.doc_id in plan.keys:
                dups.append(d.doc_id)
                continue
            k = cache_mod.key("extract", extract_fp, d.model_dump_json())
            plan.keys[d.doc_id] = k
            plan.owners[d.doc_id] = d.source
            if not extract_cache.has(k):
                plan.todo.append((cleaned.cache_key, index, d.doc_id))
        plan.inputs.append(InputOutcome(cleaned.source, cleaned.sha256, [d.doc_id for d in cleaned.documents],
                                        dups, cleaned.fatal))
    return plan


#: Outputs built by publish(); rebuilt on a no-change run when one is missing.
PUBLISHED = ("report/index.html", "datapackage.json", "mofa.duckdb")


@contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir``'s lock for the run: two runs writing one folder would mix their files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".lock", "w", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(f"another run is writing to {out_dir}; wait for it to finish") from None
        yield


class RunRefused(Exception):
    """A run that would destroy or mix up data (the raw folder as output, tables emptied by an empty raw
    folder); the message says what to do instead. The command line exits with status 2."""


def run_batch(raw_dir: Path, out_dir: Path, settings: Settings | None = None,
              progress: Callable[[Iterable[CleanDocument], int], Iterable[CleanDocument]] | None = None,
              extract_fn: ExtractFn = extract_default, prune: bool = False) -> Summary:
    """Process ``raw_dir`` into the tables of ``out_dir``; returns the run's summary.

    Memory stays flat in the number of documents: new documents stream through the model into the
    extract cache, and the tables are then written from the cache one document at a time. ``out_dir`` may lie
    inside ``raw_dir``: it is never read as input. A raw folder that is missing or yields no document while
    ``out_dir`` holds documents is refused (:class:`RunRefused`) unless ``prune``: it would empty every table."""
    if not raw_dir.is_dir() and not (prune and not raw_dir.exists()):
        raise FileNotFoundError(f"raw folder not found: {raw_dir}; nothing was changed (check --raw; with --prune "
                                "a missing raw folder counts as empty and the tables are emptied)")
    if raw_dir.exists() and out_dir.resolve() == raw_dir.resolve():
        raise RunRefused(f"--out {out_dir} is the raw folder itself: choose another output folder "
                         f"(a sub-folder such as {out_dir / 'processed'} is fine: it is never read as input)")
    with exclusive(out_dir):
        swept = sweep_temporaries(out_dir, keep=raw_dir)
        if swept:
            log.info("removed %d temporary files left by an interrupted run", swept)
        return _run_locked(raw_dir, out_dir, settings or Settings(), progress, extract_fn, prune)


def _run_locked(raw_dir: Path, out_dir: Path, settings: Settings,
                progress: Callable[[Iterable[CleanDocument], int], Iterable[CleanDocument]] | None,
                extract_fn: ExtractFn, prune: bool = False) -> Summary:
    started = time.perf_counter()
    cache_root = out_dir / ".cache"
    clean_cache = cache_mod.Cache(cache_root, "clean")
    extract_cache = cache_mod.Cache(cache_root, "extract")
    summary = Summary(out_dir=str(out_dir))
    state_path = cache_root / STATE_FILE

    transient: dict[str, Reject] = {}
    for _attempt in range(3):
        plan = plan_batch(raw_dir, settings, clean_cache, extract_cache, exclude=[out_dir])
        if not prune:
            _refuse_emptying(raw_dir, out_dir, plan)
        state = plan.state()
        manifest = manifest_of(plan, {doc_id for _, _, doc_id in plan.todo})
        outputs_present = all((out_dir / f"{name}.parquet").exists() for name in ("documents", "manifest"))
        if outputs_present and _read_state(state_path) == state:
            summary.skipped_write = True
            break
        if plan.todo:
            summary.model_loaded = True
            transient = _extract_into_cache(CachedDocs(clean_cache, plan.todo), plan.keys, settings, extract_cache,
                                            progress, extract_fn)
        try:
            summary.counts = _write(out_dir, plan, manifest, extract_cache, transient)
            break
        except _StaleEntry as err:
            log.warning("cache entry %s unreadable; extracting its document again", err.key)
            extract_cache.delete(err.key)
    else:
        raise OSError(f"the extract cache under {cache_root} keeps changing under this run")

    statuses = Counter(m.status for m in manifest)
    summary.new, summary.unchanged = statuses["ok"], statuses["unchanged"]
    summary.duplicate, summary.rejected = statuses["duplicate"], statuses["rejected"]
    if not summary.skipped_write or not all((out_dir / name).exists() for name in PUBLISHED):
        from pipeline.engine.steps import publish

        publish(out_dir)  # the one call: after writing, or to rebuild a missing output of an up-to-date folder
    if summary.skipped_write:
        summary.documents = len(plan.keys)
    else:
        if transient:  # not up to date: the next run must try those releases again
            state_path.unlink(missing_ok=True)
        else:
            write_text_atomic(state_path, json.dumps({"state": state}))
        summary.documents = summary.counts["documents"]
        summary.mentions = summary.counts["mentions"]
        summary.claims = summary.counts["claims"]
    summary.seconds = time.perf_counter() - started
    return summary


def manifest_of(plan: Plan, new_ids: set[str]) -> list[ManifestEntry]:
    """One row per raw input saying what became of it: the one place the statuses are decided (the summary
    counts them). ``new_ids``: documents extracted by this run."""
    manifest = []
    for inp in plan.inputs:
        if inp.fatal:
            status, reason = "rejected", inp.fatal
        elif inp.doc_ids and len(inp.dups) == len(inp.doc_ids):
            status = "duplicate"
            reason = superseded_reason(inp.source, sorted({plan.owners[i] for i in inp.doc_ids}))
        elif any(i in new_ids for i in inp.doc_ids):
            status, reason = "ok", None
        else:
            status, reason = "unchanged", None
        manifest.append(ManifestEntry(source=inp.source, sha256=inp.sha256, status=status, reason=reason,
                                      doc_ids=inp.doc_ids))
    return manifest


def _extract_into_cache(todo: Sequence[CleanDocument], keys: dict[str, str], settings: Settings,
                        extract_cache: cache_mod.Cache,
                        progress: Callable[[Iterable[CleanDocument], int], Iterable[CleanDocument]] | None,
                        extract_fn: ExtractFn) -> dict[str, Reject]:
    """Run the model over ``todo``, validate each result and store it (with its rejects) in the cache; a
    transient reject (a timeout) is returned by cache key instead of stored, so that the next run retries."""
    from pipeline.engine.steps import validate_result

    transient: dict[str, Reject] = {}

    stream: Iterable[tuple[CleanDocument, DocResult | Reject]] = extract_fn(todo, settings)
    if progress is not None:
        stream = progress(stream, len(todo))  # type: ignore[arg-type,assignment]
    for cdoc, outcome in stream:
        k = keys[cdoc.doc_id]
        if isinstance(outcome, Reject):
            if outcome.transient:
                transient[k] = outcome
                extract_cache.delete(k)
            else:
                extract_cache.put(k, {"result": None, "rejects": [outcome.model_dump(mode="json")]})
            continue
        valid, dropped = validate_result(outcome)
        extract_cache.put(k, {"result": valid.model_dump(mode="json"),
                              "rejects": [r.model_dump(mode="json") for r in dropped]})
    return transient


def _write(out_dir: Path, plan: Plan, manifest: list[ManifestEntry], extract_cache: cache_mod.Cache,
           transient: dict[str, Reject] | None = None) -> dict[str, int]:
    """Stream every document's cached result into the tables (doc_id order); rows per table. A document with a
    ``transient`` reject (by cache key) has no cache entry: its reject is written instead."""
    from pipeline.engine.steps import CorpusWriter

    rejects = list(plan.rejects)
    with CorpusWriter(out_dir) as writer:
        for doc_id in sorted(plan.keys):
            k = plan.keys[doc_id]
            if transient and k in transient:
                rejects.append(transient[k])
                continue
            hit = extract_cache.get(k)
            try:
                rejects.extend(Reject.model_validate(r) for r in hit["rejects"])
                if hit["result"] is not None:
                    writer.add(DocResult.model_validate(hit["result"]))
            except (ValidationError, KeyError, TypeError) as err:
                raise _StaleEntry(k) from err
        return writer.finish(manifest, rejects)


def _refuse_emptying(raw_dir: Path, out_dir: Path, plan: Plan) -> None:
    """Raise :class:`RunRefused` when the raw folder has no file (hidden ones aside: an empty or mistyped
    folder) while ``out_dir`` holds documents that this run would remove. Files that are all rejected are a
    real state of the folder (releases deleted, junk left) and go through."""
    if plan.keys or any(i.fatal not in (HIDDEN_FILE, HIDDEN_FOLDER) for i in plan.inputs):
        return
    held = _rows(out_dir / "documents.parquet")
    if held:
        hidden = f" ({len(plan.inputs)} hidden entries aside)" if plan.inputs else ""
        raise RunRefused(f"raw folder {raw_dir} has no file{hidden}, while {out_dir} holds {held} documents: "
                         "this run would empty every table. Check --raw, or pass --prune to empty the tables "
                         "on purpose.")


def _rows(path: Path) -> int:
    """Rows of a Parquet table, 0 when it is missing or unreadable (from its footer, without reading data)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, pa.ArrowException):
        return 0


def _read_state(path: Path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["state"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
