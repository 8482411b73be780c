"""The HTML report of a processed folder: ``report/index.html`` and one page per document.

Built from the tables (rows as dicts) into a temporary folder that then replaces ``report/``: a reader never
sees a half-built report and pages of removed documents do not linger.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.report.context import Row, Tables

#: Rows shown in the ranked tables of index.html.
TOP = 25


def environment() -> Any:
    """Jinja2 environment with autoescape on for every template."""
    from jinja2 import DictLoader, Environment, StrictUndefined

    from pipeline.report import templates

    return Environment(loader=DictLoader({"base.html": templates.BASE, "index.html": templates.INDEX,
                                          "doc.html": templates.DOC}),
                       autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def stylesheet() -> str:
    from pipeline.report.charts import KIND_COLORS
    from pipeline.report.templates import CSS

    kinds = "".join(f".ent-{k}{{background:{c}}}\n" for k, c in KIND_COLORS.items())
    return CSS.lstrip() + kinds


def build_report(tables: Tables, report_dir: Path, documents: Iterable[Row] | None = None) -> None:
    """Write the report for ``tables`` to ``report_dir`` (replaced as a whole). ``documents`` yields the
    document rows with their text for the pages (default: ``tables["documents"]``)."""
    report_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{report_dir.name}.", suffix=".tmp", dir=report_dir.parent))
    try:
        write_pages(tables, tmp, documents)
        os.chmod(tmp, 0o755)
        old = None
        if report_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{report_dir.name}.", suffix=".old", dir=report_dir.parent))
            os.replace(report_dir, old / report_dir.name)
        os.replace(tmp, report_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def write_pages(tables: Tables, folder: Path, documents: Iterable[Row] | None = None) -> None:
    """index.html, style.css, charts/*.svg and doc/<doc_id>.html into ``folder``."""
    from pipeline.report import charts
    from pipeline.report.context import by_doc, doc_context, doc_filename, index_context

    env = environment()
    ctx = index_context(tables)
    (folder / "charts").mkdir(parents=True, exist_ok=True)
    (folder / "doc").mkdir(parents=True, exist_ok=True)
    (folder / "style.css").write_text(stylesheet(), encoding="utf-8")

    if ctx["by_month"]:
        charts.documents_by_month(ctx["months"], ctx["categories"], [r["counts"] for r in ctx["by_month"]],
                                  folder / "charts" / "documents_by_month.svg")
    if ctx["economies"]:
        top = ctx["economies"][:TOP]
        charts.horizontal_bars([e["name"] for e in top], [e["mentions"] for e in top], "mentions",
                               folder / "charts" / "economies.svg", color=charts.PALETTE[0])
    speakers = [p for p in ctx["people"] if p["claims"]][:TOP]
    if speakers:
        charts.horizontal_bars([p["name"] for p in speakers], [p["claims"] for p in speakers], "claims",
                               folder / "charts" / "people.svg", color="#2a9d8f")
    if ctx["network"]["edges"]:
        charts.network(ctx["network"]["nodes"], ctx["network"]["edges"], folder / "charts" / "network.svg")

    node_names = {(n["kind"], n["id"]): n["name"] for n in ctx["network"]["nodes"]}
    dated = [d["published"] for d in ctx["documents"] if d["published"]]
    period = f"{min(dated)} to {max(dated)}" if dated else ""
    html = env.get_template("index.html").render(c=ctx, root="", top=TOP, has_people_chart=bool(speakers),
                                                  node_names=node_names, period=period)
    (folder / "index.html").write_text(html, encoding="utf-8")

    index = by_doc(tables)
    page = env.get_template("doc.html")
    for doc in tables.get("documents", []) if documents is None else documents:
        d = doc_context(doc, tables, index)
        html = page.render(d=d, kinds=d["kinds"], root="../")
        (folder / "doc" / doc_filename(doc["doc_id"])).write_text(html, encoding="utf-8")
