"""Shared fixtures. The real model is loaded once per session (it costs about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "000_1ec2c721142b1f41.txt"
GOLD_DIR = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The full project pipeline on the real model."""
    from pipeline.stages.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_result(nlp):
    """DocResult of the seed release through clean + extract."""
    from pipeline.stages.clean import clean_bytes
    from pipeline.stages.extract import extract_all

    (cdoc,) = clean_bytes(SEED.name, SEED.read_bytes())
    (result,) = extract_all(nlp, [cdoc])
    return result


@pytest.fixture(scope="session")
def session_extract(nlp):
    """An ``extract_fn`` for :func:`pipeline.engine.run.run_batch` that reuses the session's model."""
    from pipeline.stages.extract import extract_all

    def run(cdocs, settings):
        yield from zip(cdocs, extract_all(nlp, cdocs, settings.batch_size), strict=True)

    return run
