"""Table snapshots: the SHA-256 of every table a run writes, per input set, to prove a refactoring changes no byte.

``python -m pipeline.tools.snapshot write SNAP.json`` runs the pipeline on each input set (the seed ``raw/``, the
gold and held-out sets of ``tests/``, and the real corpus beside the checkout when present) and records the
hash of every CSV and Parquet table; ``python -m pipeline.tools.snapshot check SNAP.json`` runs them again and lists
every table whose bytes differ. A developer tool, not a stage: the run's cache is bypassed (fresh output folders).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real"


def input_sets() -> dict[str, Path]:
    """Name -> raw folder of every input set present on this machine, in a stable order."""
    sets = {"seed": ROOT / "raw"}
    for gold in sorted(ROOT.glob("tests/*/raw")):
        sets[gold.parent.name] = gold
    for name, path in (("real_pages", REAL / "raw"), ("real_news", REAL / "news" / "raw"),
                       ("real_ko", REAL / "ko" / "raw")):
        if path.is_dir():
            sets[name] = path
    return sets


def table_hashes(out: Path) -> dict[str, str]:
    """SHA-256 of every .csv and .parquet file of an output folder (the report and DuckDB file are derived)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.iterdir()) if p.suffix in (".csv", ".parquet")}


def snapshot(sets: dict[str, Path], workdir: Path) -> dict[str, dict[str, str]]:
    result = {}
    for name, raw in sets.items():
        out = workdir / name
        subprocess.run([sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "-q"],
                       check=True, cwd=ROOT)
        result[name] = table_hashes(out)
        print(f"snapshot: {name}: {len(result[name])} tables", file=sys.stderr)
    return result


def differences(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    """Every (set, table) whose hash differs, or that exists on one side only."""
    diffs = []
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name, {}), after.get(name, {})
        diffs += [f"{name}/{t}" for t in sorted(set(b) | set(a)) if b.get(t) != a.get(t)]
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.snapshot", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("file", type=Path, help="snapshot JSON to write or to check against")
    parser.add_argument("--sets", nargs="*", help="only these input sets (default: every set present)")
    args = parser.parse_args(argv)
    sets = input_sets()
    if args.sets:
        sets = {k: v for k, v in sets.items() if k in args.sets}
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        now = snapshot(sets, Path(tmp))
    if args.action == "write":
        args.file.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"snapshot: {sum(map(len, now.values()))} tables of {len(now)} sets written to {args.file}")
        return 0
    before = json.loads(args.file.read_text())
    diffs = differences({k: v for k, v in before.items() if k in now}, now)
    for d in diffs:
        print(f"changed: {d}")
    print(f"snapshot: {sum(map(len, now.values()))} tables of {len(now)} sets compared, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
