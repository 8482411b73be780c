"""``datapackage.json``: a Frictionless (Tabular) Data Package describing every CSV table of processed/.

Field names, types, descriptions and constraints are generated from the pydantic models (schemas/models.py),
so the package says exactly what the pipeline validates; keys come from the table registry (schemas/tables.py):

* primary keys hold by construction (stable ids, one row per id after the write stage's merges);
* structural foreign keys (a row's document and sentence, a link's initiative) are always declared: a
  violation is a pipeline bug that ``frictionless validate`` must report;
* foreign keys to economies (a person's, a link's, an event host's) are declared only when they hold in the
  data being described (an economy may be named without being extracted as one); a dropped key is logged.
* ``mentions.entity_id`` and ``claims.speaker_id`` point to a different table depending on the kind, so they
  are not foreign keys.

Parquet copies sit beside the CSVs; the package lists the CSVs (frictionless reads Parquet only with the
optional fastparquet dependency, which the project does not install).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import types
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

log = logging.getLogger("pipeline.outputs.datapackage")

Rows = list[dict[str, Any]]

def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner annotation, nullable) for ``X | None``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def field_descriptor(name: str, info: Any) -> dict[str, Any]:
    """Table Schema field of one pydantic field."""
    annotation, nullable = _unwrap(info.annotation)
    constraints: dict[str, Any] = {}
    if typing.get_origin(annotation) is list:
        ftype = "array"
    elif isinstance(annotation, type) and issubclass(annotation, bool):
        ftype = "boolean"
    elif isinstance(annotation, type) and issubclass(annotation, int):
        ftype = "integer"
    elif isinstance(annotation, type) and issubclass(annotation, float):
        ftype = "number"
    elif isinstance(annotation, type) and issubclass(annotation, dt.date):
        ftype = "date"
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        ftype = "string"
        constraints["enum"] = [m.value for m in annotation]
    else:
        ftype = "string"
    for meta in info.metadata:
        if getattr(meta, "pattern", None):
            constraints["pattern"] = meta.pattern
        if getattr(meta, "ge", None) is not None:
            constraints["minimum"] = meta.ge
    # A CSV cannot tell an empty string from a missing value, so plain strings are never "required".
    if not nullable and (ftype != "string" or "enum" in constraints or "pattern" in constraints):
        constraints["required"] = True
    out: dict[str, Any] = {"name": name, "type": ftype}
    description = info.description or ""
    if ftype == "array":
        description = (description + " JSON array in the CSV.").strip()
    if description:
        out["description"] = description
    if info.examples:
        ex = info.examples[0]
        out["example"] = json.dumps(ex, ensure_ascii=False) if isinstance(ex, list) else ex
    if constraints:
        out["constraints"] = constraints
    return out


def fk_holds(tables: dict[str, Rows], fk: tuple[str, str, str, str]) -> bool:
    """Whether every non-null ``table.field`` of ``tables`` is found in ``ref_table.ref_field``."""
    table, field, ref_table, ref_field = fk
    known = {r[ref_field] for r in tables.get(ref_table, [])}
    return all(r.get(field) is None or r[field] in known for r in tables.get(table, []))


ForeignKey = tuple[str, str, str, str]


def descriptor(tables: dict[str, Rows] | None = None,
               holds: Callable[[ForeignKey], bool] | None = None) -> dict[str, Any]:
    """The data package as a dict. Checked foreign keys are kept only when they hold: in ``tables`` (rows), or
    by ``holds(fk)`` (e.g. a DuckDB query over the Parquet files, see pipeline.outputs.report.sql); with neither, all
    are declared."""
    from pipeline import __version__
    from schemas.tables import REGISTRY, foreign_keys

    dropped = set()
    for fk in foreign_keys(checked=True):
        if not (holds(fk) if holds is not None else tables is None or fk_holds(tables, fk)):
            dropped.add(fk)
            log.warning("data package: foreign key %s.%s -> %s.%s does not hold in these tables; not declared",
                        *fk)
    resources = []
    for name, entry in REGISTRY.items():
        model = entry.model
        schema: dict[str, Any] = {"fields": [field_descriptor(f, info) for f, info in model.model_fields.items()],
                                  "missingValues": [""]}
        if entry.key:
            schema["primaryKey"] = list(entry.key)
        keys = [{"fields": [r.field], "reference": {"resource": r.table, "fields": [r.column]}}
                for r in entry.refs if (name, r.field, r.table, r.column) not in dropped]
        if keys:
            schema["foreignKeys"] = keys
        resources.append({
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "title": name.replace("_", " "),
            "description": " ".join((model.__doc__ or "").split()) + f" Also as {name}.parquet.",
            "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "mofa-extract",
        "title": "MOFA press releases as tables",
        "description": "Press releases of the Republic of Korea's Ministry of Foreign Affairs turned into "
                       "documents, sentences, mentions, people, economies, organisations, initiatives, events "
                       "and claims by mofa-extract. Every offset indexes into documents.text.",
        "version": __version__,
        "resources": resources,
    }


def write_datapackage(out_dir: Path, tables: dict[str, Rows] | None = None,
                      holds: Callable[[ForeignKey], bool] | None = None) -> Path:
    """Write ``out_dir/datapackage.json`` atomically (foreign keys checked as in :func:`descriptor`); returns
    its path."""
    from pipeline.engine.atomic import write_text_atomic

    path = out_dir / "datapackage.json"
    write_text_atomic(path, json.dumps(descriptor(tables, holds), indent=2, ensure_ascii=False) + "\n")
    return path
