"""Write stage: corpus tables from per-document results, as Parquet and CSV, atomically.

Column types come from the pydantic models (one description of each column, in schemas/models.py).
Entity tables are merged across documents by id: the same person keeps one row and one person_id.

Writing streams: :class:`CorpusWriter` takes one document's result at a time (in doc_id order) and appends
its rows to every table, Parquet in row groups and CSV line by line, into temporary files that are renamed
over the old tables only when all are complete. Only the small merged entity tables (people, economies,
organisations, initiatives), the manifest and the rejects are held in memory, so memory stays flat in the
number of documents.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
import types
import typing
from collections import Counter
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.atomic import readable_mode
from schemas.models import (
    TABLES,
    DocResult,
    ManifestEntry,
    Person,
    Record,
    Reject,
    Role,
)

#: Tables whose rows come straight from each document, in doc_id order.
PER_DOCUMENT = ("sentences", "mentions", "initiative_links", "events", "claims")
#: Tables merged across documents by id (small: one row per entity of the corpus).
MERGED = ("people", "economies", "organizations", "initiatives")
#: A row group (and the buffer before it) is closed at this many rows or bytes of text.
ROW_GROUP_ROWS = 2048
ROW_GROUP_BYTES = 2 * 2**20


def arrow_type(annotation: object) -> pa.DataType:
    """Arrow type of a pydantic field annotation (Optional unwrapped; enums as strings)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(args[0])
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return pa.bool_()
        if issubclass(annotation, int):
            return pa.int64()
        if issubclass(annotation, float):
            return pa.float64()
        if issubclass(annotation, dt.date):
            return pa.date32()
        if issubclass(annotation, Enum | str):
            return pa.string()
    raise TypeError(f"no Arrow type for {annotation!r}")


def arrow_schema(model: type[Record]) -> pa.Schema:
    fields = []
    for name, info in model.model_fields.items():
        nullable = type(None) in typing.get_args(info.annotation)
        fields.append(pa.field(name, arrow_type(info.annotation), nullable=nullable,
                               metadata={"description": info.description or ""}))
    return pa.schema(fields)


class PeopleMerger:
    """Running merge of Person rows by person_id: the longest name (first seen on ties), every title
    seen, the most frequent economy (alphabetically first on ties). Holds one entry per person."""

    def __init__(self) -> None:
        self.best: dict[str, Person] = {}
        self.titles: dict[str, set[str]] = {}
        self.economies: dict[str, Counter[str]] = {}

    def add(self, p: Person) -> None:
        pid = p.person_id
        cur = self.best.get(pid)
        if cur is None or (len(p.name), p.family_name is not None, p.name) > (
                len(cur.name), cur.family_name is not None, cur.name):
            self.best[pid] = p
        self.titles.setdefault(pid, set()).update(p.titles)
        counts = self.economies.setdefault(pid, Counter())
        if p.economy:
            counts[p.economy] += 1

    def rows(self) -> list[Person]:
        merged = []
        for pid in sorted(self.best):
            econ = self.economies[pid].most_common()
            economy = min(e for e, n in econ if n == econ[0][1]) if econ else None
            merged.append(self.best[pid].model_copy(update={"person_id": pid, "titles": sorted(self.titles[pid]),
                                                             "economy": economy}))
        return merged


class ByIdMerger:
    """Running merge by an id field: the most filled-in record wins (ties broken on its JSON)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.best: dict[str, tuple[tuple[int, str], BaseModel]] = {}

    def add(self, r: BaseModel) -> None:
        k = getattr(r, self.key)
        score = (sum(v is not None for v in r.model_dump().values()), r.model_dump_json())
        if k not in self.best or score > self.best[k][0]:
            self.best[k] = (score, r)

    def rows(self) -> list[BaseModel]:
        return [self.best[k][1] for k in sorted(self.best)]


def merge_people(rows: Iterable[Person]) -> list[Person]:
    """One row per person_id: the longest name, every title seen, the most frequent economy."""
    merger = PeopleMerger()
    for p in rows:
        merger.add(p)
    return merger.rows()


def merge_by_id(rows: Iterable[BaseModel], key: str) -> list[BaseModel]:
    """One row per id, preferring the most filled-in record (deterministic tie-break on its JSON)."""
    merger = ByIdMerger(key)
    for r in rows:
        merger.add(r)
    return merger.rows()


def assemble(results: Iterable[DocResult], manifest: list[ManifestEntry],
             rejects: list[Reject]) -> dict[str, list[BaseModel]]:
    """Corpus tables from per-document results, rows in a deterministic order."""
    tables: dict[str, list[BaseModel]] = {name: [] for name in TABLES}
    for r in sorted(results, key=lambda r: r.document.doc_id):
        tables["documents"].append(r.document)
        tables["roles"].extend(roles_of(r))
        for name in ("sentences", "mentions", "people", "economies", "organizations", "initiatives",
                     "initiative_links", "events", "claims"):
            tables[name].extend(getattr(r, name))
    tables["people"] = list(merge_people(tables["people"]))  # type: ignore[arg-type]
    tables["economies"] = merge_by_id(tables["economies"], "economy_id")
    tables["organizations"] = merge_by_id(tables["organizations"], "org_id")
    tables["initiatives"] = merge_by_id(tables["initiatives"], "initiative_id")
    tables["initiative_links"] = dedupe_links(tables["initiative_links"])
    tables["manifest"] = sorted(manifest, key=lambda m: m.source)
    tables["rejects"] = sorted(rejects, key=lambda r: (r.source, r.stage, r.reason))
    return tables


def roles_of(result: DocResult) -> list[Role]:
    """The document's people as it presents them (before the corpus merge), one row per person."""
    doc_id = result.document.doc_id
    return [Role(doc_id=doc_id, person_id=p.person_id, name=p.name, economy=p.economy, titles=list(p.titles))
            for p in sorted(result.people, key=lambda p: p.person_id)]


def dedupe_links(rows: Iterable[BaseModel]) -> list[BaseModel]:
    """Initiative links without repeats, ordered by their JSON (doc_id first, so by document)."""
    links = {link.model_dump_json(): link for link in rows}
    return [links[k] for k in sorted(links)]


def csv_column(values: list[Any], typ: pa.DataType) -> list[str]:
    """One column's CSV cells: empty for null, JSON for lists, ISO for dates, True/False for booleans,
    integers as integers (also beside nulls)."""
    if pa.types.is_string(typ):
        return ["" if v is None else v for v in values]
    if pa.types.is_list(typ):
        return ["" if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    if pa.types.is_date(typ):
        return ["" if v is None else v.isoformat() for v in values]
    return ["" if v is None else str(v) for v in values]


class TableSink:
    """One table being written: ``<name>.parquet`` and ``<name>.csv`` as temporary files beside the
    final ones, rows appended in row groups; :meth:`commit` renames them into place."""

    def __init__(self, out_dir: Path, name: str) -> None:
        self.name = name
        self.out_dir = out_dir
        self.schema = arrow_schema(TABLES[name])
        self.rows = 0
        self._buffer: list[dict[str, Any]] = []
        self._buffer_bytes = 0
        self._tmp_parquet = self._tmp(f"{name}.parquet")
        self._tmp_csv = self._tmp(f"{name}.csv")
        self._parquet = pq.ParquetWriter(self._tmp_parquet, self.schema)
        self._csv_fh: IO[str] = open(self._tmp_csv, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._csv_fh, lineterminator="\n")
        self._csv.writerow(self.schema.names)

    def _tmp(self, filename: str) -> Path:
        fd, name = tempfile.mkstemp(prefix=f".{filename}.", suffix=".tmp", dir=self.out_dir)
        os.close(fd)
        return Path(name)

    def add(self, records: Iterable[BaseModel]) -> None:
        for record in records:
            row = record.model_dump(mode="python")
            self._buffer.append(row)
            self._buffer_bytes += len(row.get("text") or "") + len(row.get("content") or "")
            if len(self._buffer) >= ROW_GROUP_ROWS or self._buffer_bytes >= ROW_GROUP_BYTES:
                self._flush()

    def _flush(self) -> None:
        """One Parquet row group and the same rows as CSV lines (columns converted whole)."""
        if self._buffer:
            self._parquet.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
            columns = [csv_column([row[name] for row in self._buffer], typ)
                       for name, typ in zip(self.schema.names, self.schema.types, strict=True)]
            self._csv.writerows(zip(*columns, strict=True))
            self.rows += len(self._buffer)
        self._buffer, self._buffer_bytes = [], 0

    def close(self) -> None:
        """Finish both files and flush them to disk (still under their temporary names)."""
        self._flush()
        self._parquet.close()
        self._csv_fh.close()
        for tmp in (self._tmp_parquet, self._tmp_csv):
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())

    def commit(self) -> None:
        for tmp in (self._tmp_parquet, self._tmp_csv):
            os.chmod(tmp, readable_mode())  # mkstemp made them 0600; tables are read by colleagues too
        os.replace(self._tmp_parquet, self.out_dir / f"{self.name}.parquet")
        os.replace(self._tmp_csv, self.out_dir / f"{self.name}.csv")

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError, pa.ArrowException):
            self._parquet.close()
        self._csv_fh.close()
        self._tmp_parquet.unlink(missing_ok=True)
        self._tmp_csv.unlink(missing_ok=True)


class CorpusWriter:
    """Stream the corpus tables: ``add(result)`` per document in doc_id order, then ``finish(manifest,
    rejects)``. Used as a context manager, an exception leaves the previous tables untouched and no
    temporary file behind."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.sinks: dict[str, TableSink] = {}
        for name in TABLES:
            self.sinks[name] = TableSink(out_dir, name)
        self.mergers: dict[str, PeopleMerger | ByIdMerger] = {
            "people": PeopleMerger(), "economies": ByIdMerger("economy_id"),
            "organizations": ByIdMerger("org_id"), "initiatives": ByIdMerger("initiative_id")}
        self._last_doc_id: str | None = None

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self.discard()

    def add(self, result: DocResult) -> None:
        doc_id = result.document.doc_id
        if self._last_doc_id is not None and doc_id <= self._last_doc_id:
            raise ValueError(f"documents must come in increasing doc_id order ({doc_id} after {self._last_doc_id})")
        self._last_doc_id = doc_id
        self.sinks["documents"].add([result.document])
        self.sinks["roles"].add(roles_of(result))
        for name in PER_DOCUMENT:
            rows = getattr(result, name)
            self.sinks[name].add(dedupe_links(rows) if name == "initiative_links" else rows)
        for name in MERGED:
            merger = self.mergers[name]
            for record in getattr(result, name):
                merger.add(record)

    def finish(self, manifest: Iterable[ManifestEntry], rejects: Iterable[Reject]) -> dict[str, int]:
        """Write the merged and run-level tables, then move every table into place; rows per table."""
        for name in MERGED:
            self.sinks[name].add(self.mergers[name].rows())
        self.sinks["manifest"].add(sorted(manifest, key=lambda m: m.source))
        self.sinks["rejects"].add(sorted(rejects, key=lambda r: (r.source, r.stage, r.reason)))
        for sink in self.sinks.values():
            sink.close()
        for sink in self.sinks.values():
            sink.commit()
        return {name: sink.rows for name, sink in self.sinks.items()}

    def discard(self) -> None:
        for sink in self.sinks.values():
            sink.discard()


def write_table(out_dir: Path, name: str, rows: list[BaseModel]) -> None:
    """``<name>.parquet`` and ``<name>.csv`` (lists as JSON arrays), each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sink = TableSink(out_dir, name)
    try:
        sink.add(rows)
        sink.close()
    except BaseException:
        sink.discard()
        raise
    sink.commit()


def write_tables(out_dir: Path, tables: dict[str, list[BaseModel]]) -> None:
    """Every table of ``tables`` (as built by :func:`assemble`); missing ones are written empty."""
    for name in TABLES:
        write_table(out_dir, name, tables.get(name, []))
