"""Measure publish (report, data package, DuckDB file) on a synthetic corpus: time and peak memory, full
build vs. a re-run where one document changed.

    python -m pipeline.tools.bench_publish --from processed --sizes 200 2000

The corpus copies the documents of an existing processed folder (e.g. the seed's) under new doc_ids, with
dates and titles varied, and writes it through the real streaming writer. Each measurement runs in a fresh
process so that its peak RSS (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from schemas.tables import stored


def _swap(value: Any, old: str, new: str) -> Any:
    """``value`` with every occurrence of the doc_id ``old`` replaced by ``new`` (strings, lists of strings)."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_swap(v, old, new) for v in value]
    return value


def build_corpus(src: Path, out: Path, n: int, touched: int | None = None) -> None:
    """Write ``n`` documents copied from ``src``'s tables to ``out``; document ``touched`` gets another title."""
    import pyarrow.parquet as pq

    from pipeline.stages.write import CorpusWriter
    from schemas.models import DocResult, ManifestEntry

    # Tables copied per document, and the merged tables copied whole (the registry's stored tables).
    per_doc = [t.name for t in stored() if t.scope == "document"]
    entities = [t.name for t in stored() if t.scope == "merged"]
    rows = {name: pq.read_table(src / f"{name}.parquet").to_pylist() for name in ("documents", *per_doc, *entities)}
    seeds = rows["documents"]
    manifest = []
    with CorpusWriter(out) as writer:
        for i in range(n):
            seed = seeds[i % len(seeds)]
            old, new = seed["doc_id"], f"{i:016x}"
            doc = {k: _swap(v, old, new) for k, v in seed.items()}
            doc["source"] = f"release-{i}.txt"
            doc["published"] = dt.date(2020, 1, 1) + dt.timedelta(days=(i * 7) % 2000)
            doc["title"] = f"{seed.get('title') or ''} ({i}{' changed' if i == touched else ''})"
            result: dict[str, Any] = {"document": doc}
            for name in per_doc:
                result[name] = [{k: _swap(v, old, new) for k, v in r.items()} for r in rows[name]
                                if r["doc_id"] == old]
            for name in entities:
                result[name] = rows[name]
            writer.add(DocResult.model_validate(result))
            manifest.append(ManifestEntry(source=doc["source"], sha256="0" * 64, status="ok", doc_ids=[new]))
        writer.finish(manifest, [])


def _measure(out: Path) -> dict[str, float]:
    """Run publish(out) in a fresh process; its wall time and peak RSS (MB), and the RSS before publishing."""
    code = ("import resource, time, json, sys\n"
            "from pathlib import Path\n"
            "import duckdb, jinja2, pyarrow.parquet\n"
            "from pipeline.outputs.publish import publish\n"
            "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "t = time.perf_counter()\n"
            "publish(Path(sys.argv[1]))\n"
            "s = time.perf_counter() - t\n"
            "print(json.dumps({'seconds': s, 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
            " 'base_mb': base}))\n")
    proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="src", type=Path, default=Path("processed"),
                        help="processed folder whose documents are copied (default: processed)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000], help="corpus sizes (default: 200 2000)")
    args = parser.parse_args(argv)
    print(f"{'N':>6} {'run':<12} {'seconds':>8} {'peak MB':>8} {'base MB':>8}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="publish-bench-") as tmp:
            out = Path(tmp) / "processed"
            started = time.perf_counter()
            build_corpus(args.src, out, n)
            print(f"# N={n}: corpus written in {time.perf_counter() - started:.1f}s", file=sys.stderr)
            runs = [("full", None), ("unchanged", None), ("one-changed", n // 2)]
            for label, touched in runs:
                if touched is not None:
                    build_corpus(args.src, out, n, touched=touched)
                m = _measure(out)
                print(f"{n:>6} {label:<12} {m['seconds']:>8.2f} {m['peak_mb']:>8.0f} {m['base_mb']:>8.0f}",
                      flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
