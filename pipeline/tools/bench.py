"""Benchmark: the project against bare spaCy on the same texts and model (``make bench N=200``).

Builds N distinct releases from the real ones in ``raw/`` (title, date and one sentence varied, so that
nothing is deduplicated), then measures, each in a fresh process so that model load and imports count:

1. bare spaCy: ``spacy.load`` + ``nlp.pipe`` over the cleaned texts, one process;
2. the project, cold (``python -m pipeline run`` into an empty output folder), with each worker count;
3. a re-run with one release added, and a re-run with nothing new.

Prints a Markdown table: seconds, docs/s, words/s, peak memory (resident set of the whole process tree,
sampled) and the time ratio to bare spaCy. ``--memory 200 2000`` runs only the cold 1-worker run at
each size and compares peak memory (slow: it processes every document).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Sentences appended to the first body paragraph of each variant (with a number varied), so that
#: every variant's text differs by one ordinary sentence of the genre.
_VARIANT_SENTENCES = (
    "The two sides agreed to hold the {n}th round of working-level consultations next year.",
    "Some {n} delegates from member economies attended the session.",
    "The ministers also exchanged views on {n} pending cooperation projects.",
    "The meeting marked the {n}th anniversary of the establishment of diplomatic relations.",
)


@dataclass
class Measure:
    label: str
    seconds: float
    cpu: float
    docs: int
    words: int
    peak_mb: float

    def row(self, base: Measure | None) -> str:
        ratio = f"{self.seconds / base.seconds:.2f}x" if base else "1.00x"
        cpu_ratio = f"{self.cpu / base.cpu:.2f}x" if base else "1.00x"
        dps = self.docs / self.seconds if self.seconds and self.docs else 0.0
        wps = self.words / self.seconds if self.seconds and self.words else 0.0
        return (f"| {self.label} | {self.docs} | {self.seconds:.2f} | {self.cpu:.2f} | {dps:.2f} | {wps:,.0f} | "
                f"{self.peak_mb:.0f} | {ratio} | {cpu_ratio} |")


def _seed_inputs(raw_dir: Path) -> list[tuple[bytes, object]]:
    """(bytes, CleanDocument) of every input in ``raw_dir`` that cleans into exactly one document."""
    from pipeline.stages.clean import Rejected, clean_bytes
    from pipeline.stages.read import discover
    from schemas.models import CleanDocument

    seeds = []
    for item in discover(raw_dir):
        data = item.path.read_bytes()
        try:
            docs = [d for d in clean_bytes(item.source, data) if isinstance(d, CleanDocument)]
        except Rejected:
            continue
        if len(docs) == 1 and docs[0].title:
            seeds.append((data, docs[0]))
    return seeds


def variant(data: bytes, cdoc: object, i: int) -> bytes:
    """The release ``data`` with its title, date and one sentence varied by ``i`` (deterministic)."""
    rng = random.Random(i)
    text = data.decode("utf-8")
    title: str = cdoc.title  # type: ignore[attr-defined]
    text = text.replace(title, f"{title} (No. {i})")
    published: dt.date | None = cdoc.published  # type: ignore[attr-defined]
    if published is not None:
        new = published - dt.timedelta(days=i % 3650)
        text = text.replace(published.isoformat(), new.isoformat())
    body = [p for p in cdoc.paragraphs if p.section == "body"]  # type: ignore[attr-defined]
    if body:
        para = cdoc.text[body[0].start:body[0].end]  # type: ignore[attr-defined]
        tail = para.rstrip()[-40:]
        at = text.find(tail)
        if at >= 0:
            sentence = rng.choice(_VARIANT_SENTENCES).format(n=rng.randint(2, 99))
            at += len(tail)
            text = f"{text[:at]} {sentence}{text[at:]}"
    return text.encode("utf-8")


def build_corpus(raw_dir: Path, n: int, dest: Path) -> list[Path]:
    """Write ``n`` distinct releases into ``dest`` (cycling over the usable inputs of ``raw_dir``)."""
    seeds = _seed_inputs(raw_dir)
    if not seeds:
        raise SystemExit(f"no usable release in {raw_dir}")
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        data, cdoc = seeds[i % len(seeds)]
        path = dest / f"bench_{i:06d}.txt"
        path.write_bytes(variant(data, cdoc, i))
        paths.append(path)
    return paths


def cleaned_texts(raw_dir: Path) -> list[str]:
    from pipeline.stages.clean import clean_bytes
    from pipeline.stages.read import discover
    from schemas.models import CleanDocument

    texts = []
    for item in discover(raw_dir):
        texts += [d.text for d in clean_bytes(item.source, item.path.read_bytes()) if isinstance(d, CleanDocument)]
    return texts


def snapshot(dest: Path) -> dict[str, str]:
    """Copy the project's code to ``dest`` and return an environment that runs it from there, so that
    edits made to the working tree while the bench runs change neither the code nor the cache keys."""
    root = Path(__file__).resolve().parents[2]
    for pkg in ("pipeline", "schemas"):
        shutil.copytree(root / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = dict(os.environ)
    env["PYTHONPATH"] = str(dest) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run ``cmd``; wall seconds, CPU seconds (user + system, the whole process tree), peak RSS of the
    tree (MB, sampled every 20 ms), stdout. CPU time is what to compare on a machine that is not idle."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cwd = env["PYTHONPATH"].split(os.pathsep)[0] if env and env.get("PYTHONPATH") else None
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out, err = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return seconds, cpu, peak / 2**20, out


def bare_spacy_main(texts_file: str, model: str, batch_size: int) -> None:
    """Child process of the bare-spaCy measure: load, pipe, count tokens (so nothing is skipped)."""
    import spacy

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    nlp = spacy.load(model)
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    print(tokens)


def _run_cmd(raw: Path, out: Path, workers: int, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "--workers",
            str(workers), "--no-progress", "-q", *extra]


def _median(measures: list[Measure]) -> Measure:
    """The run with the median wall time (its own CPU and memory figures, so a row is one real run)."""
    return sorted(measures, key=lambda m: m.seconds)[len(measures) // 2]


def bench(raw_dir: Path, n: int, workers: list[int], model: str | None, batch_size: int,
          engine: str = "local", repeat: int = 1) -> list[str]:
    """The table; with ``repeat`` > 1 the cold runs are repeated in turns (bare, then each worker count, then
    again), so that a slow spell of a shared machine hits every row alike, and each row is its median run."""
    from pipeline.engine.settings import Settings

    model = model or Settings().model
    lines = []
    with tempfile.TemporaryDirectory(prefix="mofa-bench-") as tmp:
        root = Path(tmp)
        raw = root / "raw"
        env = snapshot(root / "src")
        build_corpus(raw_dir, n, raw)
        texts = cleaned_texts(raw)
        words = sum(len(t.split()) for t in texts)
        texts_file = root / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        extra = ["--model", model, "--batch-size", str(batch_size), "--engine", engine]

        load0 = os.getloadavg()[0]
        runs: dict[str, list[Measure]] = {}
        for r in range(max(1, repeat)):
            sec, cpu, mb, _ = timed([sys.executable, "-m", "pipeline.tools.bench", "--bare-child", str(texts_file),
                                     "--model", model, "--batch-size", str(batch_size)], env)
            runs.setdefault("bare", []).append(
                Measure("bare spaCy (load + nlp.pipe, 1 process)", sec, cpu, len(texts), words, mb))
            for w in workers:
                out = root / f"out-{w}-{r}"
                sec, cpu, mb, _ = timed(_run_cmd(raw, out, w, extra), env)
                runs.setdefault(f"w{w}", []).append(
                    Measure(f"project cold, {w} worker{'s' if w > 1 else ''}", sec, cpu, len(texts), words, mb))
        base = _median(runs["bare"])
        rows = [base] + [_median(runs[f"w{w}"]) for w in workers]
        w = workers[-1]
        out = root / f"out-{w}-{max(1, repeat) - 1}"
        extra_doc = raw / "bench_extra.txt"
        seeds = _seed_inputs(raw_dir)
        extra_doc.write_bytes(variant(seeds[0][0], seeds[0][1], n + 1))
        new_words = sum(len(t.split()) for t in cleaned_texts(raw)) - words
        sec, cpu, mb, _ = timed(_run_cmd(raw, out, w, extra), env)
        rows.append(Measure(f"re-run, 1 release added ({w} w.)", sec, cpu, 1, new_words, mb))
        sec, cpu, mb, _ = timed(_run_cmd(raw, out, w, extra), env)
        rows.append(Measure("re-run, nothing new", sec, cpu, 0, 0, mb))
        load1 = os.getloadavg()[0]

    import psutil

    cpu = _cpu_name()
    lines.append(f"N = {n} releases, {words:,} words; model {model}; batch size {batch_size}; "
                 f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GiB; "
                 f"Python {sys.version.split()[0]}; load average {load0:.1f} at the start, {load1:.1f} at the end"
                 + (f"; cold rows: median of {repeat} runs taken in turns" if repeat > 1 else "")
                 + (" (above the core count, other work shared the machine: compare CPU seconds)"
                    if max(load0, load1) > (os.cpu_count() or 1) else ""))
    lines.append("")
    lines.append("| run | docs | wall s | CPU s | docs/s | words/s | peak MB | wall vs bare | CPU vs bare |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    lines += [m.row(base if m is not base else None) for m in rows]
    if repeat > 1:
        lines.append("")
        for w in workers:
            turns = zip(runs["bare"], runs[f"w{w}"], strict=True)
            ratios = ", ".join(f"{p.seconds / b.seconds:.2f}x" for b, p in turns)
            lines.append(f"Each turn, {w} worker{'s' if w > 1 else ''} / bare (wall): {ratios}")
    return lines


def memory_check(raw_dir: Path, sizes: list[int], model: str | None, batch_size: int) -> list[str]:
    """Peak memory of a cold 1-worker run at each corpus size."""
    from pipeline.engine.settings import Settings

    model = model or Settings().model
    lines = ["| N | wall s | CPU s | peak MB (tree) | vs first |", "| ---: | ---: | ---: | ---: | ---: |"]
    first = None
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="mofa-bench-mem-") as tmp:
            raw = Path(tmp) / "raw"
            env = snapshot(Path(tmp) / "src")
            build_corpus(raw_dir, n, raw)
            sec, cpu, mb, _ = timed(_run_cmd(raw.resolve(), (Path(tmp) / "out").resolve(), 1,
                                        ["--model", model, "--batch-size", str(batch_size)]), env)
        first = first or mb
        lines.append(f"| {n} | {sec:.1f} | {cpu:.1f} | {mb:.0f} | {mb / first:.2f}x |")
    return lines


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    p = parser or argparse.ArgumentParser(prog="python -m pipeline bench", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", type=Path, default=Path("raw"), help="real releases to vary (default raw)")
    p.add_argument("--n", type=int, default=200, help="number of distinct releases (default 200)")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="engine of the project runs")
    p.add_argument("--model", default=None, help="spaCy model (default: pipeline.cfg's)")
    p.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size for both (default 32)")
    p.add_argument("--repeat", type=int, default=1,
                   help="cold runs per row, taken in turns; each row shows its median run (default 1)")
    p.add_argument("--memory", type=int, nargs="*", default=None, metavar="N",
                   help="only the memory check: cold 1-worker runs at these sizes (e.g. 200 2000)")
    p.add_argument("--bare-child", default=None, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    args = args or build_parser().parse_args(argv)
    if args.bare_child:
        bare_spacy_main(args.bare_child, args.model, args.batch_size)
        return 0
    if args.memory is not None:
        lines = memory_check(args.raw, args.memory or [200, 2000], args.model, args.batch_size)
    else:
        lines = bench(args.raw, args.n, args.workers, args.model, args.batch_size, args.engine, args.repeat)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
