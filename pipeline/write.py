"""Write stage: corpus tables from per-document results, as Parquet and CSV, atomically.

Column types come from the pydantic models (one description of each column, in schemas/models.py).
Entity tables are merged across documents by id: the same person keeps one row and one person_id.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections import Counter
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.atomic import write_atomic
from schemas.models import (
    TABLES,
    DocResult,
    ManifestEntry,
    Person,
    Record,
    Reject,
)


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
    groups: dict[str, list[Person]] = {}
    for p in rows:
        groups.setdefault(p.person_id, []).append(p)
    merged = []
    for pid, ps in sorted(groups.items()):
        best = max(ps, key=lambda p: (len(p.name), p.family_name is not None, p.name))
        titles = sorted({t for p in ps for t in p.titles})
        econ = Counter(p.economy for p in ps if p.economy).most_common()
        economy = min(e for e, n in econ if n == econ[0][1]) if econ else None
        merged.append(best.model_copy(update={"person_id": pid, "titles": titles, "economy": economy}))
    return merged


def merge_by_id(rows: Iterable[BaseModel], key: str) -> list[BaseModel]:
    """One row per id, preferring the most filled-in record (deterministic tie-break on its JSON)."""
    best: dict[str, BaseModel] = {}
    for r in rows:
        k = getattr(r, key)
        score = (sum(v is not None for v in r.model_dump().values()), r.model_dump_json())
        if k not in best or score > (sum(v is not None for v in best[k].model_dump().values()),
                                     best[k].model_dump_json()):
            best[k] = r
    return [best[k] for k in sorted(best)]


def assemble(results: Iterable[DocResult], manifest: list[ManifestEntry],
             rejects: list[Reject]) -> dict[str, list[BaseModel]]:
    """Corpus tables from per-document results, rows in a deterministic order."""
    tables: dict[str, list[BaseModel]] = {name: [] for name in TABLES}
    for r in sorted(results, key=lambda r: r.document.doc_id):
        tables["documents"].append(r.document)
        for name in ("sentences", "mentions", "people", "economies", "organizations", "initiatives",
                     "initiative_links", "events", "claims"):
            tables[name].extend(getattr(r, name))
    tables["people"] = list(merge_people(tables["people"]))  # type: ignore[arg-type]
    tables["economies"] = merge_by_id(tables["economies"], "economy_id")
    tables["organizations"] = merge_by_id(tables["organizations"], "org_id")
    tables["initiatives"] = merge_by_id(tables["initiatives"], "initiative_id")
    links = {link.model_dump_json(): link for link in tables["initiative_links"]}
    tables["initiative_links"] = [links[k] for k in sorted(links)]
    tables["manifest"] = sorted(manifest, key=lambda m: m.source)
    tables["rejects"] = sorted(rejects, key=lambda r: (r.source, r.stage, r.reason))
    return tables


def write_table(out_dir: Path, name: str, rows: list[BaseModel]) -> None:
    """``<name>.parquet`` and ``<name>.csv`` (lists as JSON arrays), each written atomically."""
    schema = arrow_schema(TABLES[name])
    dumped = [r.model_dump(mode="python") for r in rows]
    table = pa.Table.from_pylist(dumped, schema=schema)
    write_atomic(out_dir / f"{name}.parquet", lambda tmp: pq.write_table(table, tmp))
    frame = table.to_pandas()
    for col, typ in zip(schema.names, schema.types, strict=True):
        if pa.types.is_list(typ):
            frame[col] = [json.dumps(list(v), ensure_ascii=False) for v in frame[col]]
    write_atomic(out_dir / f"{name}.csv", lambda tmp: frame.to_csv(tmp, index=False))


def write_tables(out_dir: Path, tables: dict[str, list[BaseModel]]) -> None:
    for name in TABLES:
        write_table(out_dir, name, tables.get(name, []))
