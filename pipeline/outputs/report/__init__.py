"""The HTML report of a processed folder: ``report/index.html``, its charts, and one page per document.

Incremental: a document's page is re-rendered only when what it shows changed. ``report/pages.json`` keeps,
per doc_id, a fingerprint of the page's inputs (the document's rows in every table, the rows of the entities
it names, and the version of the code and templates that render it) and, per chart, a fingerprint of the
chart's data. Every file is written atomically (a reader never sees half a page); pages and charts of
removed documents are deleted; the manifest is written last, and before rendering it forgets the pages
about to change, so a run killed part-way re-renders them next time. The result is byte for byte the report
a full rebuild gives. The files are derived and rebuildable, so none is fsync'd on its own (~20 ms each): one
``os.sync`` before each manifest write makes everything the manifest vouches for durable at once.

Memory stays flat in the number of documents: aggregates are computed by DuckDB over the Parquet files, and
pages are rendered a few documents at a time from the rows DuckDB returns for them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

#: Rows shown in the ranked tables of index.html.
TOP = 25
#: The fingerprints of the pages and charts.
MANIFEST = "pages.json"
#: Documents whose rows are fetched and rendered together (each chunk costs ~0.1 s of fixed query work, and
#: its rows ~10 MB: a fixed size, so memory stays flat in the corpus).
CHUNK = 128
#: What a full build writes at the top of the report folder (anything else is removed).
TOP_LEVEL = {"index.html", "style.css", "charts", "doc", MANIFEST}


def environment() -> Any:
    """Jinja2 environment with autoescape on for every template."""
    from jinja2 import DictLoader, Environment, StrictUndefined

    from pipeline.outputs.report import templates

    class DictFirst(Environment):
        """``x.key`` looks in a dict before its attributes. The pages are built from dicts, and Jinja's default
        (attribute first) raises and catches an AttributeError for each of the ~600 lookups of a page."""

        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

    return DictFirst(loader=DictLoader({"base.html": templates.BASE, "index.html": templates.INDEX,
                                        "doc.html": templates.DOC}),
                     autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def stylesheet() -> str:
    from pipeline.outputs.report.charts import KIND_COLORS
    from pipeline.outputs.report.templates import CSS

    kinds = "".join(f".ent-{k}{{background:{c}}}\n" for k, c in KIND_COLORS.items())
    return CSS.lstrip() + kinds


def code_version(*modules: str) -> str:
    """Hash of the named modules' source and of the rendering libraries' versions: a change to the templates
    or to the code that lays out a page re-renders every page."""
    import importlib
    import importlib.metadata

    h = hashlib.sha256()
    for name in ("jinja2", "markupsafe", "duckdb"):
        h.update(f"{name}={importlib.metadata.version(name)};".encode())
    for name in modules:
        h.update(Path(importlib.import_module(name).__file__ or "").read_bytes())
    return h.hexdigest()


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, ensure_ascii=False).encode()).hexdigest()


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"pages": {}, "charts": {}}
    if not isinstance(data, dict) or not isinstance(data.get("pages"), dict) or not isinstance(data.get("charts"),
                                                                                                 dict):
        return {"pages": {}, "charts": {}}
    return data


def _write_manifest(path: Path, pages: dict[str, str], charts: dict[str, str]) -> None:
    import os

    from pipeline.engine.atomic import write_text_atomic

    os.sync()  # the pages were written without one fsync each: flush them all before the manifest vouches for them
    write_text_atomic(path, json.dumps({"pages": dict(sorted(pages.items())), "charts": dict(sorted(charts.items()))},
                                       indent=0, sort_keys=True) + "\n")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def build_report(con: Any, report_dir: Path) -> dict[str, int]:
    """Bring ``report_dir`` up to date with the tables behind ``con`` (see :func:`pipeline.outputs.report.sql.connect`);
    returns how many pages were rendered and kept."""
    from pipeline.outputs.report.context import doc_filename, index_context
    from pipeline.outputs.report.sql import document_ids, index_data, page_fingerprints

    for sub in ("", "charts", "doc"):
        if (report_dir / sub).exists() and not (report_dir / sub).is_dir():
            (report_dir / sub).unlink()
        (report_dir / sub).mkdir(parents=True, exist_ok=True)
    manifest_path = report_dir / MANIFEST
    old = _read_manifest(manifest_path)
    env = environment()

    version = code_version("pipeline.outputs.report.templates", "pipeline.outputs.report.context",
                           "pipeline.outputs.report.highlight")
    doc_ids = document_ids(con)
    doc_dir = report_dir / "doc"
    # DuckDB queries the pages do not wait for run on their own cursors in threads (DuckDB works without the
    # GIL) while the pages render: the index's aggregates always, and the fingerprints when no page is
    # recorded yet (every page is rendered whatever its fingerprint).
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="report") as pool:
        index_later = pool.submit(_on_cursor, con, index_data)
        if old["pages"]:
            prints_later = None
            prints = page_fingerprints(con)
            pages = {d: _digest(version, prints.get(d, "")) for d in doc_ids}
            todo = [d for d in doc_ids if old["pages"].get(d) != pages[d] or not (doc_dir / doc_filename(d)).is_file()]
            stale = set(todo)
            if stale.intersection(old["pages"]):  # forget them first: a run killed while rendering must not
                # leave a page the manifest vouches for
                _write_manifest(manifest_path, {d: h for d, h in old["pages"].items()
                                                if d in pages and d not in stale}, old["charts"])
        else:  # nothing recorded, so nothing to forget: every page is rendered
            prints_later = pool.submit(_on_cursor, con, page_fingerprints)
            todo = list(doc_ids)
        _render_pages(con, env, todo, doc_dir, pool)
        if prints_later is not None:
            prints = prints_later.result()
            pages = {d: _digest(version, prints.get(d, "")) for d in doc_ids}
        ctx = index_context(index_later.result())
    charts = write_index(env, ctx, report_dir, old["charts"])

    keep = {doc_filename(d) for d in doc_ids}
    for path in doc_dir.iterdir():
        if path.name not in keep:
            _remove(path)
    for path in report_dir.iterdir():
        if path.name not in TOP_LEVEL:
            _remove(path)
    _write_manifest(manifest_path, pages, charts)
    return {"rendered": len(todo), "kept": len(doc_ids) - len(todo)}


def _on_cursor(con: Any, query: Callable[[Any], Any]) -> Any:
    """``query`` run on a cursor of ``con`` (a connection of its own to the same database: one DuckDB
    connection must not be used by two threads at once)."""
    cursor = con.cursor()
    try:
        return query(cursor)
    finally:
        cursor.close()


def _render_pages(con: Any, env: Any, todo: list[str], doc_dir: Path, pool: Any) -> None:
    """Render and write the pages of ``todo``, a chunk of documents at a time. Pages are written by ``pool``
    while the next ones render (the file system calls run without the GIL); at most one chunk of pages waits
    to be written, and every write is done (or has raised) when this returns."""
    from pipeline.engine.atomic import write_text_atomic
    from pipeline.outputs.report.context import by_doc, doc_context, doc_filename
    from pipeline.outputs.report.sql import chunk_tables

    page = env.get_template("doc.html")
    pending: list[Future[None]] = []
    try:
        for i in range(0, len(todo), CHUNK):
            tables = chunk_tables(con, todo[i:i + CHUNK])
            index = by_doc(tables)
            for done in pending:
                done.result()
            pending = []
            for doc in tables["documents"]:
                d = doc_context(doc, tables, index)
                html = page.render(d=d, kinds=d["kinds"], root="../")
                pending.append(pool.submit(write_text_atomic, doc_dir / doc_filename(doc["doc_id"]), html, False))
    finally:
        for done in pending:
            done.result()


def write_index(env: Any, ctx: dict[str, Any], folder: Path, drawn: dict[str, str]) -> dict[str, str]:
    """index.html, style.css and charts/*.svg into ``folder``. A chart whose data (and drawing code) is what
    ``drawn`` records is kept as it is; returns the fingerprints of the charts now in place."""
    from pipeline.engine.atomic import write_text_atomic
    from pipeline.outputs.report import charts

    write_text_atomic(folder / "style.css", stylesheet(), durable=False)
    wanted: dict[str, tuple[Callable[..., str], tuple[Any, ...], dict[str, Any]]] = {}
    if ctx["by_month"]:
        wanted["documents_by_month.svg"] = (charts.documents_by_month_svg, (
            ctx["months"], ctx["categories"], [r["counts"] for r in ctx["by_month"]]), {})
    if ctx["economies"]:
        top = ctx["economies"][:TOP]
        wanted["economies.svg"] = (charts.horizontal_bars_svg, (
            [e["name"] for e in top], [e["mentions"] for e in top], "mentions"), {"color": charts.PALETTE[0]})
    speakers = [p for p in ctx["people"] if p["claims"]][:TOP]
    if speakers:
        wanted["people.svg"] = (charts.horizontal_bars_svg, (
            [p["name"] for p in speakers], [p["claims"] for p in speakers], "claims"), {"color": "#2a9d8f"})
    if ctx["network"]["edges"]:
        wanted["network.svg"] = (charts.network_svg, (ctx["network"]["nodes"], ctx["network"]["edges"]), {})

    version = code_version("pipeline.outputs.report.charts") if wanted else ""
    now: dict[str, str] = {}
    for name, (draw, args, kwargs) in wanted.items():
        now[name] = _digest(version, name, args, kwargs)
        path = folder / "charts" / name
        if drawn.get(name) != now[name] or not path.is_file():
            write_text_atomic(path, draw(*args, **kwargs), durable=False)
    for path in (folder / "charts").iterdir():
        if path.name not in wanted:
            _remove(path)

    node_names = {(n["kind"], n["id"]): n["name"] for n in ctx["network"]["nodes"]}
    dated = [d["published"] for d in ctx["documents"] if d["published"]]
    period = f"{min(dated)} to {max(dated)}" if dated else ""
    html = env.get_template("index.html").render(c=ctx, root="", top=TOP, has_people_chart=bool(speakers),
                                                  node_names=node_names, period=period)
    write_text_atomic(folder / "index.html", html, durable=False)
    return now
