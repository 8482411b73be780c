"""Researcher-facing outputs built from the written tables: the HTML report (``report/``), the Frictionless
data package (``datapackage.json``) and the DuckDB database (``mofa.duckdb``).

Called by the batch after the tables are written, and by ``python -m pipeline report``. Cheap when little
changed and flat in memory as the corpus grows: DuckDB reads the Parquet files (aggregates in SQL, a few
documents' rows at a time for the pages), only pages whose inputs changed are rendered again, and the DuckDB
file is filled by ``CREATE TABLE AS SELECT`` straight from Parquet, in a thread beside the report. Heavy
imports (duckdb, jinja2) stay inside the functions so that importing this module costs nothing.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger("pipeline.outputs.publish")

REPORT_DIR = "report"
DATAPACKAGE = "datapackage.json"
DUCKDB_FILE = "mofa.duckdb"


#: Long text columns left on disk when the tables are read for aggregates.
HEAVY_COLUMNS = {"documents": {"text"}, "sentences": {"text"}}


def read_tables(out_dir: Path, light: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every table of ``out_dir`` as a list of row dicts (Python types: None, lists, dates); missing -> empty.
    With ``light``, the long text columns of documents and sentences are not read. For tests and small
    folders: publishing itself never holds whole tables."""
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


def publish(out_dir: Path) -> None:
    """Bring the report, the data package and the DuckDB file of ``out_dir`` up to date with its Parquet tables."""
    from pipeline.outputs.datapackage import write_datapackage
    from pipeline.outputs.duckdb_export import write_duckdb
    from pipeline.outputs.report import build_report
    from pipeline.outputs.report.sql import connect, foreign_key_holds

    out_dir = Path(out_dir)
    if not (out_dir / "documents.parquet").exists():
        raise FileNotFoundError(f"no tables in {out_dir} (documents.parquet missing): run the pipeline first")
    # The DuckDB file is built beside the report, in a thread: DuckDB works without the GIL, so its load
    # overlaps the pages' Python rendering instead of adding to it.
    failed: list[BaseException] = []

    def export() -> None:
        try:
            write_duckdb(out_dir, out_dir / DUCKDB_FILE)
        except BaseException as err:  # re-raised in the caller's thread below
            failed.append(err)

    exporter = threading.Thread(target=export, name="publish-duckdb")
    exporter.start()
    try:
        con = connect(out_dir)
        try:
            pages = build_report(con, out_dir / REPORT_DIR)
            write_datapackage(out_dir, holds=lambda fk: foreign_key_holds(con, fk))
        finally:
            con.close()
    finally:
        exporter.join()
    if failed:
        raise failed[0]
    log.info("report: %s (%d pages rendered, %d unchanged); data package: %s; DuckDB: %s",
             out_dir / REPORT_DIR / "index.html", pages["rendered"], pages["kept"], out_dir / DATAPACKAGE,
             out_dir / DUCKDB_FILE)
