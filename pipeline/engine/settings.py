"""The settings tree of a run, built once from ``pipeline.cfg``, the environment and the command line: extraction
settings here, cleaning's as :attr:`Settings.clean`, fetching's as :attr:`Settings.fetch`; with the fingerprints
that decide which cached results are still valid."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.engine.config import CONFIG_PATH, configured_model
from pipeline.engine.steps import DEFAULT_MAX_BYTES, CleanSettings

PACKAGE = Path(__file__).resolve().parent.parent  # pipeline/
DATA_DIR = PACKAGE / "data"
CLEAN_DIR = PACKAGE / "stages" / "clean"
COMPONENTS_DIR = PACKAGE / "components"
KO_DIR = PACKAGE / "ko"
SCHEMAS_DIR = PACKAGE.parent / "schemas"
#: Modules outside those folders whose code shapes the cached results: the ids every record carries and the
#: records' models for both; the stage modules, the table registry and the spaCy pipeline builder for extraction.
CLEAN_SOURCES = (PACKAGE / "engine" / "ids.py", SCHEMAS_DIR / "models.py")
EXTRACT_SOURCES = (*CLEAN_SOURCES, SCHEMAS_DIR / "tables.py", PACKAGE / "stages" / "nlp.py",
                   PACKAGE / "stages" / "extract.py", PACKAGE / "stages" / "validate.py")

#: Seconds of extraction a release may take (per 20,000 characters) before it is rejected as hanging;
#: a release takes well under a second with the small model, a few seconds with a transformer.
DEFAULT_DOC_TIMEOUT = 60.0


def _default_model() -> str:
    return os.environ.get("MOFA_MODEL") or configured_model()


USER_AGENT = f"mofa-extract/{__version__} (+research; contact in README)"


@dataclass(frozen=True)
class FetchConfig:
    """Politeness and robustness knobs of fetching (defaults from the feeds file's [fetch] table, then the CLI)."""

    rate: float = 2.0  # minimum seconds between two requests to one host
    timeout: float = 20.0  # seconds for connect and for each read
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_wait: float = 120.0  # longest single wait (Retry-After or backoff)
    max_bytes: int = DEFAULT_MAX_BYTES  # a feed larger than this is refused
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=_default_model)
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES
    engine: str = "local"  # "local" (this machine, `workers` processes) or "dask"
    scheduler: str | None = None  # dask.distributed scheduler address; None starts a LocalCluster
    doc_timeout: float = DEFAULT_DOC_TIMEOUT  # 0: no limit (see pipeline.engine.parallel.time_limit)
    fetch: FetchConfig = field(default_factory=FetchConfig)

    def __post_init__(self) -> None:
        """Refuse values that would silently misbehave (no worker, a size limit refusing every file)."""
        problems = [f"{name} must be {rule}, got {value!r}" for name, value, ok, rule in (
            ("workers", self.workers, self.workers >= 1, "at least 1"),
            ("batch_size", self.batch_size, self.batch_size >= 1, "at least 1"),
            ("max_bytes", self.max_bytes, self.max_bytes > 0, "greater than 0"),
            ("doc_timeout", self.doc_timeout, self.doc_timeout >= 0, "at least 0 (0 = no limit)"),
            ("engine", self.engine, self.engine in ("local", "dask"), "'local' or 'dask'"),
        ) if not ok]
        if problems:
            raise ValueError("invalid settings: " + "; ".join(problems))

    @property
    def clean(self) -> CleanSettings:
        """The clean stage's settings: its size limit is the read limit, so a file that is read is never refused
        by cleaning for its size."""
        return CleanSettings(max_bytes=self.max_bytes)

    def clean_fingerprint(self) -> str:
        """Changes when anything that shapes cleaning changes (code, data files, version)."""
        return _hash_files([*sorted(CLEAN_DIR.glob("*.py")), *sorted(DATA_DIR.glob("clean_*")), *CLEAN_SOURCES],
                           __version__)

    def extract_fingerprint(self) -> str:
        """Changes when the model, the pipeline configs, a component (English or Korean), a data file (any folder of
        ``data/``) or an extraction module changes."""
        files = [CONFIG_PATH, *sorted(COMPONENTS_DIR.glob("*.py")), *sorted(KO_DIR.glob("*.py")),
                 *sorted(KO_DIR.glob("*.cfg")), *sorted(DATA_DIR.rglob("*")), *EXTRACT_SOURCES]
        return _hash_files(files, f"{__version__}|{self.model}")


def _hash_files(paths: list[Path], salt: str) -> str:
    h = hashlib.sha256(salt.encode())
    for p in paths:
        if p.is_file():
            h.update(p.relative_to(PACKAGE.parent).as_posix().encode())  # by path: two extract.py are two files
            h.update(p.read_bytes())
    return h.hexdigest()[:20]
