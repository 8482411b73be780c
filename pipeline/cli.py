"""Command line: ``python -m pipeline <command>``. Every command has --help with examples."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline import __version__

log = logging.getLogger("pipeline")

EPILOG = """examples:
  python -m pipeline run --raw raw --out processed          # everything, cached per document
  python -m pipeline run --raw raw --out processed --workers 2
  python -m pipeline clean --raw raw --out processed/interim/clean.jsonl
  python -m pipeline extract --in processed/interim/clean.jsonl --out processed/interim/extract.jsonl
  python -m pipeline validate --in processed/interim/extract.jsonl --out processed/interim/valid.jsonl
  python -m pipeline write --in processed/interim/valid.jsonl --out processed
  python -m pipeline evaluate --processed processed --gold tests/gold
  python -m pipeline schemas                                 # regenerate schemas/json from the models
  python -m pipeline report --processed processed            # rebuild report/, datapackage.json, mofa.duckdb
  python -m pipeline query "select * from claims_by_speaker limit 5"
"""


def _number(kind: type, low: float, inclusive: bool = True) -> Any:
    """An argparse type: an int or float of at least ``low`` (above it when not ``inclusive``), so that a bad
    value stops the command with a message naming the flag and exit status 2 instead of being accepted."""
    bound = f"at least {low:g}" if inclusive else f"greater than {low:g}"

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {'a whole number' if kind is int else 'a number'}, "
                                             f"got {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")) or (value < low if inclusive else value <= low):
            raise argparse.ArgumentTypeError(f"must be {bound}, got {text}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


#: Flag types: workers and batch sizes count from 1, sizes and times are positive, a timeout of 0 disables it.
AT_LEAST_ONE = _number(int, 1)
POSITIVE = _number(float, 0, inclusive=False)
NOT_NEGATIVE = _number(float, 0)
NOT_NEGATIVE_INT = _number(int, 0)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")


def _model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None,
                   help="spaCy pipeline to start from (default: pipeline.cfg's, or $MOFA_MODEL), "
                        "e.g. en_core_web_sm, en_core_web_md, en_core_web_trf")
    p.add_argument("--batch-size", type=AT_LEAST_ONE, default=32, help="documents per nlp.pipe batch (default 32)")


def _stage(sub: argparse._SubParsersAction, name: str, help_text: str, example_in: str, example_out: str,
           in_help: str, out_help: str) -> argparse.ArgumentParser:
    """A single-stage command reading ``--in`` (the previous stage's JSON lines) and writing ``--out``."""
    p = sub.add_parser(name, help=help_text,
                       epilog=f"example:\n  python -m pipeline {name} --in {example_in} --out {example_out}",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--in", dest="inp", type=Path, required=True, help=in_help)
    p.add_argument("--out", type=Path, required=True, help=out_help)
    _common(p)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="mofa-extract: MOFA press releases (text dumps, saved pages, RSS feeds) into validated "
                    "tables of documents, sentences, people, economies, organisations, initiatives, events "
                    "and claims.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"mofa-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("run", help="all stages on a raw folder, cached per document",
                       description="Read every file under --raw (recursively), clean, extract, validate and "
                                   "write the tables to --out. Only new or changed releases are processed; "
                                   "rejected inputs are recorded in rejects/manifest, not fatal.",
                       epilog="example:\n  python -m pipeline run --raw raw --out processed --workers 2",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw inputs (default raw)")
    p.add_argument("--out", type=Path, default=Path("processed"), help="output folder (default processed)")
    p.add_argument("--workers", type=AT_LEAST_ONE, default=1, help="worker processes for extraction (default 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where extraction runs: this machine (default) or Dask workers")
    p.add_argument("--scheduler", default=None,
                   help="dask.distributed scheduler address (with --engine dask); default: a local cluster")
    p.add_argument("--max-mb", type=POSITIVE, default=20.0, help="refuse files larger than this (default 20)")
    p.add_argument("--doc-timeout", type=NOT_NEGATIVE, default=None, metavar="SECONDS",
                   help="reject a release whose extraction takes longer than this per 20,000 characters "
                        "(default 60; 0 = no limit; not applied on Dask worker threads)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument("--prune", action="store_true",
                   help="allow a run that empties the tables: without it, a missing raw folder or one that yields "
                        "no document stops with exit 2 when --out already holds documents")
    _model_args(p)
    _common(p)

    p = sub.add_parser("clean", help="clean stage only: raw folder -> JSON lines of cleaned documents",
                       epilog="example:\n  python -m pipeline clean --raw raw --out clean.jsonl",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw inputs")
    p.add_argument("--out", type=Path, required=True, help="JSON lines file to write (documents and rejects)")
    p.add_argument("--max-mb", type=POSITIVE, default=20.0, help="refuse files larger than this (default 20)")
    _common(p)

    p = _stage(sub, "extract", "extract stage only: cleaned documents -> JSON lines of results",
               "clean.jsonl", "extract.jsonl", "output of the clean stage", "JSON lines file to write")
    _model_args(p)
    _stage(sub, "validate", "validate stage only: check every record against its model",
           "extract.jsonl", "valid.jsonl", "output of the extract stage", "JSON lines file to write")
    _stage(sub, "write", "write stage only: validated results -> Parquet and CSV tables",
           "valid.jsonl", "processed", "output of the validate stage", "folder for the tables")

    p = sub.add_parser("evaluate", help="score processed tables against gold annotation files",
                       epilog="example:\n  python -m pipeline evaluate --processed processed --gold tests/gold",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    from pipeline.tools.evaluate import add_arguments as evaluate_arguments

    evaluate_arguments(p)
    _common(p)

    p = sub.add_parser("fetch", help="download new releases (RSS feeds, board list pages) into the raw folder",
                       description="Download every feed listed in --feeds and store each item not yet in --raw as "
                                   "feeds/<board>/<seq>.xml (a one-item RSS document); then follow the list pages "
                                   "of every [[boards]] entry down to the releases already stored (or, with "
                                   "--since, to that date) and store each new view page as "
                                   "pages/<board>/<seq>.html. A release whose content changed is stored as a new "
                                   "version (<seq>.v2.xml ...). Polite: robots.txt, a delay between requests to "
                                   "one host, timeouts, retries with backoff; an interrupted crawl resumes. Exit "
                                   "code 1 when every source failed or a list page's layout changed.",
                       epilog="examples:\n  python -m pipeline fetch --raw raw --rate 2\n"
                              "  python -m pipeline fetch --since 2020-01-01       # back-fill the boards",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--feeds", type=Path, default=None,
                   help="TOML file listing the feeds (default pipeline/fetch_feeds.toml)")
    p.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder to store items in (default raw)")
    p.add_argument("--rate", type=NOT_NEGATIVE, default=None, help="minimum seconds between requests to one host")
    p.add_argument("--timeout", type=POSITIVE, default=None, help="seconds before a request is abandoned")
    p.add_argument("--retries", type=NOT_NEGATIVE_INT, default=None, help="extra attempts after a failed request")
    p.add_argument("--since", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="back-fill: follow the boards' list pages down to this date")
    p.add_argument("--recheck", action="store_true",
                   help="with --since: download the view pages of stored releases again and store a new version "
                        "of those edited on the site")
    p.add_argument("--no-crawl", action="store_true", help="feeds only: do not follow list pages")
    _common(p)

    p = sub.add_parser("report", help="rebuild report/, datapackage.json and mofa.duckdb from the tables",
                       description="Rebuild the researcher-facing outputs of a processed folder from its Parquet "
                                   "tables (what `run` does after writing them): the HTML report "
                                   "(report/index.html), the Frictionless data package (datapackage.json) and "
                                   "the DuckDB database (mofa.duckdb).",
                       epilog="example:\n  python -m pipeline report --processed processed",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--processed", type=Path, default=Path("processed"), help="folder of the tables")
    _common(p)

    from pipeline.outputs.duckdb_export import VIEWS
    from schemas.tables import REGISTRY

    p = sub.add_parser("query", help="run SQL on processed/mofa.duckdb and print the result",
                       description="Run one SQL statement on the DuckDB database (read-only). Tables: "
                                   f"{', '.join(REGISTRY)}; views: {', '.join(VIEWS)}.",
                       epilog="examples:\n"
                              "  python -m pipeline query \"select speaker_name, cue from claims_by_speaker\"\n"
                              "  python -m pipeline query --csv \"select * from economy_mentions_by_month\" > e.csv\n"
                              "  make query SQL=\"select count(*) from documents\"",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sql", help="the SQL statement")
    p.add_argument("--db", type=Path, default=Path("processed/mofa.duckdb"),
                   help="DuckDB file (default processed/mofa.duckdb)")
    p.add_argument("--csv", action="store_true", help="print CSV instead of an aligned table")
    _common(p)

    p = sub.add_parser("bench", help="benchmark the project against bare spaCy on N generated releases",
                       epilog="examples:\n  python -m pipeline bench --n 200 --workers 1 2\n"
                              "  python -m pipeline bench --memory 200 2000   # peak memory vs corpus size",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    from pipeline.tools.bench import build_parser as bench_parser

    bench_parser(p)
    _common(p)

    p = sub.add_parser("schemas", help="regenerate schemas/json/*.schema.json and the README column tables")
    p.add_argument("--check", action="store_true", help="only check that the files are up to date")
    _common(p)
    return parser


def _iso_date(value: str):
    """argparse type of --since: an ISO date, or a clear message."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.WARNING if args.quiet else (logging.DEBUG if args.verbose > 1 else logging.INFO)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _progress(enabled: bool):
    def wrap(stream: Iterable[Any], total: int) -> Iterable[Any]:
        if not enabled:
            return stream
        from tqdm import tqdm

        return tqdm(stream, total=total, unit="doc", desc="extract", file=sys.stderr)

    return wrap


def _settings(args: argparse.Namespace, **extra: Any):
    from pipeline.engine.settings import Settings

    kwargs: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if getattr(args, "model", None):
        kwargs["model"] = args.model
    if getattr(args, "batch_size", None) is not None:
        kwargs["batch_size"] = args.batch_size
    if getattr(args, "max_mb", None) is not None:
        kwargs["max_bytes"] = int(args.max_mb * 1024 * 1024)
    if getattr(args, "doc_timeout", None) is not None:
        kwargs["doc_timeout"] = args.doc_timeout
    return Settings(**kwargs)


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.engine.run import run_batch

    settings = _settings(args, workers=args.workers, engine=args.engine, scheduler=args.scheduler)
    show = not args.no_progress and not args.quiet and sys.stderr.isatty()
    summary = run_batch(args.raw, args.out, settings, progress=_progress(show), prune=args.prune)
    if summary.skipped_write:
        log.info("nothing new in %s: tables in %s are up to date (%.2fs)", args.raw, args.out, summary.seconds)
    else:
        log.info("%s", summary.line())
    return 0


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    from pipeline.engine.atomic import write_text_atomic

    write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.engine.cache import Cache
    from pipeline.engine.ids import input_order
    from pipeline.engine.run import clean_input
    from pipeline.stages.read import discover

    settings = _settings(args)
    nocache = Cache(args.out.parent / ".clean-stage-cache", "clean")
    rows = []
    if not args.raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {args.raw}")
    # Neither the output file nor its stage cache is ever read as input, wherever they are. Inputs in the run's
    # order, and a document already produced by an earlier input (a copy, an older version) is left out, as in run.
    seen: set[str] = set()
    for item in sorted(discover(args.raw, exclude=[nocache.root], with_hidden=True),
                       key=lambda i: input_order(i.source)):
        if item.path.resolve() == args.out.resolve():
            continue
        cleaned = clean_input(args.raw, item.source, item.path, settings, nocache, skip=item.skip)
        docs = [d for d in cleaned.documents if d.doc_id not in seen]
        seen.update(d.doc_id for d in docs)
        rows += [{"kind": "document", "value": d.model_dump(mode="json")} for d in docs]
        rows += [{"kind": "reject", "value": r.model_dump(mode="json")} for r in cleaned.rejects]
    _write_jsonl(args.out, rows)
    log.info("%d documents, %d rejects -> %s", sum(r["kind"] == "document" for r in rows),
             sum(r["kind"] == "reject" for r in rows), args.out)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.engine.run import extract_default
    from schemas.models import CleanDocument

    rows_in = list(_read_jsonl(args.inp))
    cdocs = [CleanDocument.model_validate(r["value"]) for r in rows_in if r["kind"] == "document"]
    out = [r for r in rows_in if r["kind"] == "reject"]
    for _, outcome in extract_default(cdocs, _settings(args)):
        kind = "result" if hasattr(outcome, "document") else "reject"
        out.append({"kind": kind, "value": outcome.model_dump(mode="json")})
    _write_jsonl(args.out, out)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from pipeline.stages.validate import validate_result
    from schemas.models import DocResult

    out = []
    for row in _read_jsonl(args.inp):
        if row["kind"] != "result":
            out.append(row)
            continue
        valid, dropped = validate_result(DocResult.model_validate(row["value"]))
        out.append({"kind": "result", "value": valid.model_dump(mode="json")})
        out += [{"kind": "reject", "value": r.model_dump(mode="json")} for r in dropped]
    _write_jsonl(args.out, out)
    return 0


def cmd_write(args: argparse.Namespace) -> int:
    from pipeline.stages.write import write_corpus
    from schemas.models import DocResult, Reject

    results, rejects = [], []
    for row in _read_jsonl(args.inp):
        if row["kind"] == "result":
            results.append(DocResult.model_validate(row["value"]))
        else:
            rejects.append(Reject.model_validate(row["value"]))
    write_corpus(args.out, results, [], rejects)  # the run's CorpusWriter
    log.info("%d documents written to %s", len(results), args.out)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from pipeline.tools import evaluate

    return evaluate.main(args)


def cmd_schemas(args: argparse.Namespace) -> int:
    from pipeline.tools.schemagen import generate

    stale = generate(check=args.check)
    if args.check and stale:
        log.error("out of date (run `make schemas`): %s", ", ".join(stale))
        return 1
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from pipeline.tools.bench import main as bench_main

    return bench_main(args=args)


def cmd_fetch(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from pipeline.stages.crawl import crawl_all, load_boards
    from pipeline.stages.fetch import DEFAULT_FEEDS, FetchConfig, PoliteClient, fetch_all, load_feeds

    try:
        feeds, defaults = load_feeds(args.feeds or DEFAULT_FEEDS)
        boards, first_pages = load_boards(args.feeds or DEFAULT_FEEDS)
    except (ValueError, KeyError, TypeError) as err:
        log.error("unusable feeds file %s: %s", args.feeds or DEFAULT_FEEDS, err)
        return 2
    overrides = {k: v for k, v in (("rate", args.rate), ("timeout", args.timeout), ("retries", args.retries))
                 if v is not None}
    config = _settings(args, fetch=replace(FetchConfig(**defaults), **overrides)).fetch
    client = PoliteClient(config)
    reports: list = fetch_all(feeds, args.raw, config, client)
    if not args.no_crawl:
        reports += crawl_all(boards, args.raw, client, since=args.since, recheck=args.recheck,
                             first_pages=first_pages)
    new, versions = sum(len(r.new) for r in reports), sum(len(r.versions) for r in reports)
    log.info("%d new releases and %d new versions stored under %s", new, versions, args.raw)
    if any(getattr(r, "layout_error", False) for r in reports):
        return 1
    return 1 if reports and all(r.error for r in reports) else 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.outputs.publish import publish

    publish(args.processed)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.outputs.duckdb_export import format_result, query

    try:
        columns, rows = query(args.db, args.sql)
    except duckdb.Error as err:
        log.error("query failed on %s: %s", args.db, err)
        return 1
    sys.stdout.write(format_result(columns, rows, csv=args.csv))
    return 0


COMMANDS = {"run": cmd_run, "clean": cmd_clean, "extract": cmd_extract, "validate": cmd_validate,
            "write": cmd_write, "evaluate": cmd_evaluate, "schemas": cmd_schemas,
            "fetch": cmd_fetch, "bench": cmd_bench, "report": cmd_report, "query": cmd_query}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args)
    from pipeline.engine.run import RunRefused

    try:
        return COMMANDS[args.command](args)
    except RunRefused as err:
        log.error("%s", err)
        return 2
    except FileNotFoundError as err:
        log.error("%s", err)
        return 2
    except OSError as err:
        log.error("cannot run the batch: %s", err)
        return 2
