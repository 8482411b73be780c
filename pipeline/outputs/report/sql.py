"""The written tables seen through DuckDB, for the report and the data package: aggregates computed in SQL
over the Parquet files (streamed, never whole tables in Python rows), the per-document fingerprints that
decide which pages to re-render, and the rows of a few documents at a time for the pages.

A table whose Parquet file is missing is an empty table of the model's schema.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from pipeline.outputs.report.context import Row, Tables
from schemas.tables import kinds, stored


def entity_ids() -> dict[str, str]:
    """Entity tables (those mentions point to, by kind) and their id column (an id is looked up in all of them,
    as the pages do). Read from the registry at each call: a table registered later is included."""
    return {t.name: t.key[0] for t in kinds().values()}


def per_document() -> tuple[str, ...]:
    """Tables holding a document's own rows (what its page shows besides entity names)."""
    return ("documents", *(t.name for t in stored() if t.scope == "document"))


#: Columns no page shows (a page shows the document's text, cut at the sentences' and mentions' offsets): not
#: fetched for the pages, which saves converting every sentence's text to Python. Still part of the fingerprints.
UNSHOWN = {"sentences": ("text",), "mentions": ("text",)}


def refs_sql(where: str = "") -> str:
    """SELECT of every (doc_id, id) a document's page looks up: mentioned entities, speakers, a claim's
    addressees, economies and initiatives, links' and events' economies, and the economy of each person
    referred to. ``where`` (e.g. ``WHERE doc_id IN (...)``) restricts the documents."""
    direct = f"""
        SELECT doc_id, entity_id AS id FROM mentions {where}
        UNION SELECT doc_id, speaker_id FROM claims {where}
        UNION SELECT doc_id, unnest(addressee_ids) FROM claims {where}
        UNION SELECT doc_id, unnest(economy_ids) FROM claims {where}
        UNION SELECT doc_id, unnest(initiative_ids) FROM claims {where}
        UNION SELECT doc_id, economy_id FROM initiative_links {where}
        UNION SELECT doc_id, initiative_id FROM initiative_links {where}
        UNION SELECT doc_id, economy_id FROM events {where}"""
    return f"""
        WITH r AS ({direct})
        SELECT doc_id, id FROM r WHERE id IS NOT NULL
        UNION SELECT r.doc_id, p.economy FROM r JOIN people p ON p.person_id = r.id WHERE p.economy IS NOT NULL"""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(out_dir: Path) -> Any:
    """In-memory DuckDB with one view per table over its Parquet file (``<name>_rows`` keeps the file order).
    Views, not temp views: the report queries some of them on cursors of this connection, from threads."""
    import duckdb

    from schemas.tables import MODELS

    con = duckdb.connect()
    for name, model in MODELS.items():
        path = out_dir / f"{name}.parquet"
        if path.exists():
            src = f"read_parquet({_quote(str(path))}, file_row_number = true)"
            con.execute(f'CREATE VIEW "{name}_rows" AS SELECT * FROM {src}')
        else:
            from pipeline.stages.write import arrow_schema  # only here: importing the write stage costs ~0.1-0.4 s

            con.register("_empty", arrow_schema(model).empty_table())
            con.execute(f'CREATE TABLE "{name}_rows" AS SELECT *, 0::BIGINT AS file_row_number FROM _empty')
            con.unregister("_empty")
        con.execute(f'CREATE VIEW "{name}" AS SELECT * EXCLUDE (file_row_number) FROM "{name}_rows"')
    return con


def rows(con: Any, sql: str, params: Iterable[Any] = ()) -> list[Row]:
    """The result of ``sql`` as row dicts."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


#: Documents per range of the batched aggregates (memory of a query is bounded by its range, not the corpus).
RANGE = 512


def doc_ranges(con: Any, size: int | None = None) -> list[str]:
    """Conditions on ``doc_id`` cutting the id space into ranges of about ``size`` documents each. Together they
    cover every string (rows of a doc_id not in documents fall in some range), and, being constants, they let
    DuckDB skip the Parquet row groups of other ranges (the tables are written in doc_id order)."""
    size = size or RANGE
    ids = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    bounds = [_quote(b) for b in ids[size::size]]
    if not bounds:
        return ["TRUE"]
    return ([f"doc_id < {bounds[0]}"] + [f"doc_id >= {a} AND doc_id < {b}" for a, b in pairwise(bounds)]
            + [f"doc_id >= {bounds[-1]}"])


def page_fingerprints(con: Any) -> dict[str, str]:
    """doc_id -> fingerprint of everything its page shows: its rows in every per-document table and the rows of
    every entity it refers to (a renamed person changes the pages that name them).

    A row's hash is DuckDB's 64-bit ``hash`` of its table name and whole row; a page's fingerprint is the sum
    of its rows' hashes (a 128-bit integer) and their count: independent of row order, so DuckDB aggregates
    it in one streaming pass without sorting rows. Computed a range of documents at a time. (DuckDB's version
    is part of the report's code version, so a different hash function re-renders every page instead of
    comparing unlike sums.)"""
    def hashed(table: str, key: str, tag: str, where: str) -> str:
        return f'SELECT "{key}" AS k, hash(\'{tag}\', _r) AS h FROM "{table}" _r WHERE {where}'

    out: dict[str, str] = {}
    for cond in doc_ranges(con):
        own = " UNION ALL ".join(hashed(t, "doc_id", t, cond) for t in per_document())
        entities = " UNION ALL ".join(hashed(t, col, "ref:" + t, f'"{col}" IN (SELECT id FROM refs)')
                                      for t, col in entity_ids().items())
        sql = f"""
            WITH refs AS MATERIALIZED ({refs_sql("WHERE " + cond)}),
                 own AS ({own}),
                 ent AS ({entities}),
                 referred AS (SELECT r.doc_id AS k, e.h FROM refs r JOIN ent e ON e.k = r.id),
                 everything AS (SELECT * FROM own UNION ALL SELECT * FROM referred)
            SELECT e.k, sum(e.h)::VARCHAR || '-' || count(*)::VARCHAR
            FROM everything e SEMI JOIN documents d ON d.doc_id = e.k
            GROUP BY e.k
        """
        out.update(con.execute(sql).fetchall())
    return out


def document_ids(con: Any) -> list[str]:
    """Every doc_id, in the file's order (the writer's doc_id order)."""
    return [r[0] for r in con.execute("SELECT doc_id FROM documents_rows ORDER BY file_row_number").fetchall()]


def chunk_refs(tables: Tables) -> set[str]:
    """Every id the pages of a chunk look up directly (the ``direct`` part of :func:`refs_sql`), from the chunk's
    own rows already in hand: cheaper than scanning the Parquet files again."""
    ids: set[str] = {m["entity_id"] for m in tables["mentions"]}
    for c in tables["claims"]:
        ids.add(c["speaker_id"])
        for col in ("addressee_ids", "economy_ids", "initiative_ids"):
            ids.update(c[col] or ())
    for x in tables["initiative_links"]:
        ids.add(x["economy_id"])
        ids.add(x["initiative_id"])
    ids.update(e["economy_id"] for e in tables["events"])
    ids.discard(None)  # type: ignore[arg-type]
    return ids


def chunk_tables(con: Any, doc_ids: list[str]) -> Tables:
    """The rows the pages of ``doc_ids`` need, in file order: their own rows in the per-document tables and the
    entity rows they refer to (events: their own and those referred to). The ids referred to are those of
    :func:`refs_sql`, gathered from the chunk's own rows in Python (plus the economies of the people named).
    Id lists go to DuckDB as list parameters into temp tables: ``register`` of an Arrow table would import
    pandas (~0.4 s) in a process that has not yet."""
    def fetch(table: str, cond: str) -> list[Row]:
        skip = "".join(f', "{c}"' for c in UNSHOWN.get(table, ()))
        return rows(con, f'SELECT * EXCLUDE (file_row_number{skip}) FROM "{table}_rows" WHERE {cond} '
                         "ORDER BY file_row_number")

    def register_ids(ids: set[str]) -> None:
        con.execute("CREATE OR REPLACE TEMP TABLE _ids AS SELECT unnest(?::VARCHAR[]) AS id", [sorted(ids)])

    con.execute("CREATE OR REPLACE TEMP TABLE _chunk AS SELECT unnest(?::VARCHAR[]) AS doc_id", [doc_ids])
    # The constant range lets DuckDB skip the row groups of other documents (tables are in doc_id order).
    own = (f"doc_id BETWEEN {_quote(min(doc_ids))} AND {_quote(max(doc_ids))} "
           "AND doc_id IN (SELECT doc_id FROM _chunk)")
    try:
        tables: Tables = {t: fetch(t, own) for t in per_document()}
        refs = chunk_refs(tables)
        register_ids(refs)
        refs.update(r[0] for r in con.execute("SELECT economy FROM people WHERE economy IS NOT NULL AND "
                                              "person_id IN (SELECT id FROM _ids)").fetchall())
        register_ids(refs)
        tables["events"] = fetch("events", f"({own}) OR event_id IN (SELECT id FROM _ids)")
        for t, col in entity_ids().items():
            if t != "events":
                tables[t] = fetch(t, f'"{col}" IN (SELECT id FROM _ids)')
        return tables
    finally:
        con.execute("DROP TABLE IF EXISTS _chunk")
        con.execute("DROP TABLE IF EXISTS _ids")


def index_data(con: Any) -> dict[str, Any]:
    """The corpus aggregates index.html shows, computed in SQL a range of documents at a time (ranges hold
    disjoint documents and sentences, so counts add up); only small results come back to Python."""
    q = con.execute

    def count(t: str) -> int:
        return q(f'SELECT count(*) FROM "{t}"').fetchone()[0]

    def names(t: str, col: str, where: str = "") -> dict[str, str]:
        return dict(q(f'SELECT "{col}", name FROM "{t}_rows" {where} ORDER BY file_row_number').fetchall())

    documents: list[Row] = []
    sums: dict[str, Counter[Any]] = defaultdict(Counter)
    roles: set[tuple[str, str, str]] = set()
    for cond in doc_ranges(con):
        documents += rows(con, f"""
            SELECT d.doc_id, d.title, d.category, d.published, d.n_sentences,
                   coalesce(m.n, 0) AS mentions, coalesce(c.n, 0) AS claims
            FROM (SELECT * FROM documents_rows WHERE {cond}) d
            LEFT JOIN (SELECT doc_id, count(*) AS n FROM mentions WHERE {cond} GROUP BY doc_id) m USING (doc_id)
            LEFT JOIN (SELECT doc_id, count(*) AS n FROM claims WHERE {cond} GROUP BY doc_id) c USING (doc_id)
            ORDER BY d.file_row_number""")
        grouped = {
            "economy_mentions": f"SELECT entity_id, count(*) FROM mentions "
                                f"WHERE {cond} AND kind = 'economy' GROUP BY ALL",
            "economy_documents": f"SELECT entity_id, count(DISTINCT doc_id) FROM mentions "
                                 f"WHERE {cond} AND kind = 'economy' GROUP BY ALL",
            "person_claims": f"SELECT speaker_id, count(*) FROM claims WHERE {cond} AND speaker_kind = 'person' "
                             "AND speaker_id IS NOT NULL AND speaker_id <> '' GROUP BY ALL",
            "person_mentions": f"SELECT entity_id, count(*) FROM mentions "
                               f"WHERE {cond} AND kind = 'person' GROUP BY ALL",
            "speakers": f"SELECT speaker_kind, speaker_id, speaker_text, count(*) FROM claims WHERE {cond} "
                        "GROUP BY ALL",
            "initiative_documents": f"SELECT entity_id, count(DISTINCT doc_id) FROM mentions "
                                    f"WHERE {cond} AND kind = 'initiative' GROUP BY ALL",
            "node_mentions": f"SELECT kind, entity_id, count(*) FROM mentions "
                             f"WHERE {cond} AND kind IN ('economy', 'initiative') GROUP BY ALL",
            "edges": f"""
                WITH n AS (
                    SELECT DISTINCT sent_id, kind, entity_id AS id FROM mentions
                        WHERE {cond} AND kind IN ('economy', 'initiative')
                    UNION SELECT sent_id, 'economy', economy_id FROM initiative_links WHERE {cond}
                    UNION SELECT sent_id, 'initiative', initiative_id FROM initiative_links WHERE {cond})
                SELECT a.kind, a.id, b.kind, b.id, count(*) FROM n a JOIN n b ON a.sent_id = b.sent_id
                    AND (a.kind < b.kind OR (a.kind = b.kind AND a.id < b.id))
                GROUP BY ALL""",
        }
        for key, sql in grouped.items():
            for *k, n in q(sql).fetchall():
                sums[key][tuple(k) if len(k) > 1 else k[0]] += n
        roles.update(q(f"SELECT DISTINCT initiative_id, role, economy_id FROM initiative_links "
                       f"WHERE {cond}").fetchall())
    return {
        "documents": documents,
        "counts": {t: count(t) for t in ("sentences", "mentions", "claims", "people", "economies", "organizations",
                                          "initiatives", "events", "rejects")},
        "names": {"person": names("people", "person_id"), "economy": names("economies", "economy_id"),
                  "organization": names("organizations", "org_id"),
                  "initiative": names("initiatives", "initiative_id"),
                  "event": names("events", "event_id", "WHERE event_id IN (SELECT speaker_id FROM claims)")},
        "economy_mentions": [(e, n, sums["economy_documents"][e]) for e, n in sums["economy_mentions"].items()],
        "person_claims": dict(sums["person_claims"]),
        "person_mentions": dict(sums["person_mentions"]),
        "people": rows(con, "SELECT person_id, name, titles, economy FROM people_rows ORDER BY file_row_number"),
        "speakers": [(*k, n) for k, n in sums["speakers"].items()],
        "roles": sorted(roles),
        "initiative_documents": dict(sums["initiative_documents"]),
        "initiatives": rows(con, "SELECT initiative_id, name, acronym FROM initiatives_rows ORDER BY file_row_number"),
        "status": dict(q("SELECT status, count(*) FROM manifest GROUP BY status").fetchall()),
        "rejected_inputs": q("SELECT source, reason FROM manifest WHERE status = 'rejected'").fetchall(),
        "rejects": q("SELECT source, stage, reason FROM rejects").fetchall(),
        "node_mentions": [(*k, n) for k, n in sums["node_mentions"].items()],
        "edges": [(*k, n) for k, n in sums["edges"].items()],
    }


def foreign_key_holds(con: Any, fk: tuple[str, str, str, str]) -> bool:
    """Whether every non-null ``table.field`` is found in ``ref_table.ref_field``."""
    table, field, ref_table, ref_field = fk
    missing = con.execute(f'SELECT count(*) FROM "{table}" WHERE "{field}" IS NOT NULL AND "{field}" NOT IN '
                          f'(SELECT "{ref_field}" FROM "{ref_table}" WHERE "{ref_field}" IS NOT NULL)').fetchone()[0]
    return missing == 0
