"""Write stage: corpus tables from per-document results, as Parquet and CSV, atomically.

Column types come from the pydantic models (one description of each column, in schemas/models.py); which tables
exist, and how each is filled (per document, merged across documents by id, or once per run), comes from the table
registry (schemas/tables.py): the same person keeps one row and one person_id. The batch, the ``write`` command and
:func:`assemble` all go through :class:`CorpusWriter`.

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
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.engine.atomic import readable_mode
from schemas import tables as registry
from schemas.models import DocResult, ManifestEntry, Person, Record, Reject
from schemas.tables import ByIdMerger, Merger, PeopleMerger, roles_of

__all__ = ["ByIdMerger", "CorpusWriter", "PeopleMerger", "TableSink", "assemble", "merge_by_id", "merge_people",
           "roles_of", "write_corpus", "write_table"]
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
        self.schema = arrow_schema(registry.table(name).model)
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


class ListSink:
    """One table held in memory (what :func:`assemble` returns), with the interface of :class:`TableSink`."""

    def __init__(self) -> None:
        self.records: list[BaseModel] = []

    @property
    def rows(self) -> int:
        return len(self.records)

    def add(self, records: Iterable[BaseModel]) -> None:
        self.records.extend(records)

    def close(self) -> None:
        """Nothing to flush."""

    commit = discard = close


class CorpusWriter:
    """Stream the corpus tables: ``add(result)`` per document in doc_id order, then ``finish(manifest,
    rejects)``. Every table of the registry (schemas/tables.py) is written: per-document tables as each
    document comes (through their per-document merger, if any), merged tables at the end. Used as a context
    manager, an exception leaves the previous tables untouched and no temporary file behind. With
    ``out_dir=None`` the tables are kept in memory (:attr:`tables` after :meth:`finish`)."""

    def __init__(self, out_dir: Path | None) -> None:
        self.out_dir = out_dir
        self.sinks: dict[str, TableSink | ListSink] = {}
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
        try:
            for t in registry.tables():
                self.sinks[t.name] = ListSink() if out_dir is None else TableSink(out_dir, t.name)
        except BaseException:
            self.discard()
            raise
        self.per_document = registry.tables("document")
        self.merged = registry.tables("merged")
        self.mergers: dict[str, Merger] = {t.name: t.new_merger() for t in self.merged}
        self._last_doc_id: str | None = None

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self.discard()

    def add(self, result: DocResult) -> None:
        doc_id = result.document.doc_id
        if doc_id == self._last_doc_id:
            raise ValueError(f"document {doc_id} comes twice: one result per document")
        if self._last_doc_id is not None and doc_id < self._last_doc_id:
            raise ValueError(f"documents must come in increasing doc_id order ({doc_id} after {self._last_doc_id})")
        registry.check_result(result)
        self._last_doc_id = doc_id
        for t in self.per_document:
            rows = t.rows(result)
            if t.merger is not None:
                merger = t.new_merger()
                for record in rows:
                    merger.add(record)
                rows = merger.rows()
            self.sinks[t.name].add(rows)
        for t in self.merged:
            merger = self.mergers[t.name]
            for record in t.rows(result):
                merger.add(record)

    def finish(self, manifest: Iterable[ManifestEntry], rejects: Iterable[Reject]) -> dict[str, int]:
        """Write the merged and run-level tables, then move every table into place; rows per table."""
        for t in self.merged:
            self.sinks[t.name].add(self.mergers[t.name].rows())
        run_rows: dict[str, Iterable[BaseModel]] = {"manifest": manifest, "rejects": rejects}
        for t in registry.tables("run"):
            self.sinks[t.name].add(sorted(run_rows.get(t.name, ()), key=t.order))
        for sink in self.sinks.values():
            sink.close()
        for sink in self.sinks.values():
            sink.commit()
        return {name: sink.rows for name, sink in self.sinks.items()}

    @property
    def tables(self) -> dict[str, list[BaseModel]]:
        """The tables kept in memory (``out_dir=None``)."""
        return {name: sink.records for name, sink in self.sinks.items() if isinstance(sink, ListSink)}

    def discard(self) -> None:
        for sink in self.sinks.values():
            sink.discard()


def write_corpus(out_dir: Path | None, results: Iterable[DocResult], manifest: Iterable[ManifestEntry],
                 rejects: Iterable[Reject]) -> CorpusWriter:
    """Every table from results in any order (sorted by doc_id here): what the ``write`` command and
    :func:`assemble` do, through the same :class:`CorpusWriter` as the batch. Returns the finished writer."""
    with CorpusWriter(out_dir) as writer:
        for result in sorted(results, key=lambda r: r.document.doc_id):
            writer.add(result)
        writer.finish(manifest, rejects)
    return writer


def assemble(results: Iterable[DocResult], manifest: list[ManifestEntry],
             rejects: list[Reject]) -> dict[str, list[BaseModel]]:
    """Corpus tables in memory, rows in the order :class:`CorpusWriter` writes them (for tests and tools)."""
    return write_corpus(None, results, manifest, rejects).tables


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
