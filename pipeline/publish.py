"""Researcher-facing outputs built from the written tables: the HTML report (``report/``), the Frictionless
data package (``datapackage.json``) and the DuckDB database (``mofa.duckdb``).

Called by the batch after the tables are written, and by ``python -m pipeline report``. Heavy imports
(matplotlib, duckdb, jinja2) stay inside the functions so that importing this module costs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger("pipeline.publish")

REPORT_DIR = "report"
DATAPACKAGE = "datapackage.json"
DUCKDB_FILE = "mofa.duckdb"


#: Long text columns left on disk when the tables are read for aggregates (pages stream the documents' text).
HEAVY_COLUMNS = {"documents": {"text"}, "sentences": {"text"}}


def read_tables(out_dir: Path, light: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every table of ``out_dir`` as a list of row dicts (Python types: None, lists, dates); missing -> empty.
    With ``light``, the long text columns of documents and sentences are not read."""
    import pyarrow.parquet as pq

    from schemas.models import TABLES

    tables: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        path = out_dir / f"{name}.parquet"
        if not path.exists():
            tables[name] = []
            continue
        skip = HEAVY_COLUMNS.get(name, set()) if light else set()
        columns = [c for c in pq.read_schema(path).names if c not in skip]
        tables[name] = pq.read_table(path, columns=columns).to_pylist()
    return tables


def iter_documents(out_dir: Path, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    """The documents with their text, a batch at a time (the corpus text is never all in memory)."""
    import pyarrow.parquet as pq

    path = out_dir / "documents.parquet"
    if path.exists():
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
            yield from batch.to_pylist()


def publish(out_dir: Path) -> None:
    """Build the report, the data package and the DuckDB file of ``out_dir`` from its Parquet tables."""
    from pipeline.datapackage import write_datapackage
    from pipeline.duckdb_export import write_duckdb
    from pipeline.report import build_report

    out_dir = Path(out_dir)
    if not (out_dir / "documents.parquet").exists():
        raise FileNotFoundError(f"no tables in {out_dir} (documents.parquet missing): run the pipeline first")
    tables = read_tables(out_dir)
    build_report(tables, out_dir / REPORT_DIR, iter_documents(out_dir))
    write_datapackage(out_dir, tables)
    write_duckdb(out_dir, out_dir / DUCKDB_FILE)
    log.info("report: %s; data package: %s; DuckDB: %s", out_dir / REPORT_DIR / "index.html",
             out_dir / DATAPACKAGE, out_dir / DUCKDB_FILE)
