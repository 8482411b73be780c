"""The Korean path: kiwi tokenizer, Korean gazetteers (``pipeline/data/ko/``), entity and claim components.

Importing this package imports nothing heavy: the entry points load their modules on call, and kiwi itself loads on
the first Korean text. ``extract_korean(cdoc)`` returns the same :class:`schemas.models.DocResult` as English.
The language itself is decided by the clean stage (``pipeline.stages.clean.text.detect_language`` already returns "ko").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from schemas.models import CleanDocument, DocResult

__all__ = ["extract_korean", "route"]


def route(cdocs: Iterable[CleanDocument],
          english: Callable[[Iterable[CleanDocument]], Iterator[DocResult]]) -> Iterator[DocResult]:
    """Results in input order: each run of consecutive English documents through ``english`` (the batch's own
    streaming extraction), each run of Korean ones through the Korean pipeline, which is built (and kiwi loaded)
    only when a Korean document comes. The one hook :func:`pipeline.stages.extract.extract_all` needs."""
    for korean, run in itertools.groupby(cdocs, key=lambda c: c.language == "ko"):
        if korean:
            from pipeline.ko.extract import extract_korean_all

            yield from extract_korean_all(run)
        else:
            yield from english(run)


def extract_korean(cdoc: CleanDocument) -> DocResult:
    """Korean CleanDocument -> DocResult (see :func:`pipeline.ko.extract.extract_korean`)."""
    from pipeline.ko.extract import extract_korean as run

    return run(cdoc)
