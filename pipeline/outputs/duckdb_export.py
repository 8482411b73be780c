"""``mofa.duckdb``: the tables loaded into DuckDB, with column comments and the views researchers ask first.

Built in a temporary file beside the target and renamed over it, so a reader never opens half a database.
Tables are filled by ``CREATE TABLE AS SELECT * FROM read_parquet(...)``: DuckDB streams the Parquet files,
no table passes through Python.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

#: Claims with who said them (name, titles, economy) and the document they come from.
CLAIMS_BY_SPEAKER = """
CREATE VIEW claims_by_speaker AS
SELECT
    c.claim_id,
    c.doc_id,
    d.published,
    d.title AS doc_title,
    c.speaker_kind,
    c.speaker_id,
    COALESCE(p.name, se.name, o.name, c.speaker_text) AS speaker_name,
    c.speaker_text,
    p.titles AS speaker_titles,
    COALESCE(p.economy, se.economy_id) AS speaker_economy_id,
    COALESCE(pe.name, se.name) AS speaker_economy,
    c.cue,
    c.claim_type,
    c.future,
    c.content,
    c.addressee_ids,
    c.economy_ids,
    c.initiative_ids,
    c.sent_id
FROM claims c
LEFT JOIN documents d ON d.doc_id = c.doc_id
LEFT JOIN people p ON c.speaker_kind = 'person' AND p.person_id = c.speaker_id
LEFT JOIN economies pe ON pe.economy_id = p.economy
LEFT JOIN economies se ON c.speaker_kind = 'economy' AND se.economy_id = c.speaker_id
LEFT JOIN organizations o ON c.speaker_kind = 'organization' AND o.org_id = c.speaker_id
ORDER BY d.published NULLS LAST, c.doc_id, c.cue_start
"""

#: Mentions of each economy per month of publication ('undated' when the release has no date).
ECONOMY_MENTIONS_BY_MONTH = """
CREATE VIEW economy_mentions_by_month AS
SELECT
    COALESCE(strftime(d.published, '%Y-%m'), 'undated') AS month,
    m.entity_id AS economy_id,
    COALESCE(e.name, m.entity_id) AS economy,
    count(*) AS mentions,
    count(DISTINCT m.doc_id) AS documents
FROM mentions m
JOIN documents d ON d.doc_id = m.doc_id
LEFT JOIN economies e ON e.economy_id = m.entity_id
WHERE m.kind = 'economy'
GROUP BY ALL
ORDER BY month, mentions DESC, economy_id
"""

VIEWS = {"claims_by_speaker": CLAIMS_BY_SPEAKER, "economy_mentions_by_month": ECONOMY_MENTIONS_BY_MONTH}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def load(con: Any, out_dir: Path) -> None:
    """Create one table per model from its Parquet file (an empty, typed table when the file is missing)."""
    from schemas.models import TABLES

    for name, model in TABLES.items():
        path = out_dir / f"{name}.parquet"
        if path.exists():
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet({_quote(str(path))})')
            columns = [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()]
        else:
            from pipeline.stages.write import arrow_schema  # only here: importing the write stage costs ~0.1-0.4 s

            empty = arrow_schema(model).empty_table()
            columns = empty.schema.names
            con.register("_incoming", empty)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _incoming')
            con.unregister("_incoming")
        doc = " ".join((model.__doc__ or "").split())
        con.execute(f'COMMENT ON TABLE "{name}" IS {_quote(doc)}')
        for field, info in model.model_fields.items():
            if info.description and field in columns:
                con.execute(f'COMMENT ON COLUMN "{name}"."{field}" IS {_quote(info.description)}')
    for sql in VIEWS.values():
        con.execute(sql)


def write_duckdb(out_dir: Path, db_path: Path) -> Path:
    """Build ``db_path`` from the Parquet tables of ``out_dir``, atomically. One transaction for the whole load:
    the hundred-odd COMMENT statements would otherwise each commit on their own (3x slower)."""
    import duckdb

    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # DuckDB creates the file itself; an empty file is not a database
    wal = tmp.with_name(tmp.name + ".wal")
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("BEGIN TRANSACTION")
            load(con, out_dir)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        wal.unlink(missing_ok=True)
    return db_path


def query(db_path: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run ``sql`` on a read-only connection; returns (column names, rows)."""
    import duckdb

    if not db_path.exists():
        raise FileNotFoundError(f"no DuckDB file at {db_path}: run `make run` (or `python -m pipeline report`)")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rel = con.sql(sql)
        if rel is None:
            return [], []
        return list(rel.columns), rel.fetchall()
    finally:
        con.close()


def format_result(columns: list[str], rows: list[tuple[Any, ...]], csv: bool = False, width: int = 60) -> str:
    """Rows as CSV, or as an aligned text table with long cells cut to ``width`` characters."""
    import csv as csv_mod
    import io
    import json

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, list | dict):
            return json.dumps(v, ensure_ascii=False, default=str)
        return str(v)

    if csv:
        buf = io.StringIO()
        writer = csv_mod.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(v) for v in r] for r in rows)
        return buf.getvalue()
    if not columns:
        return ""
    cells = [[" ".join(cell(v).split()) for v in r] for r in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in r] for r in cells]
    sizes = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(n) for c, n in zip(columns, sizes, strict=True)),
             "-+-".join("-" * n for n in sizes)]
    lines += [" | ".join(c.ljust(n) for c, n in zip(r, sizes, strict=True)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
