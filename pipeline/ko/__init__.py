"""The Korean path: kiwi tokenizer, Korean gazetteers (``pipeline/data/ko/``), entity and claim components.

Importing this package imports nothing heavy: the entry points load their modules on call, and kiwi itself loads on
the first Korean text. ``extract_korean(cdoc)`` returns the same :class:`schemas.models.DocResult` as English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.ko.detect import is_korean

if TYPE_CHECKING:
    from schemas.models import CleanDocument, DocResult

__all__ = ["extract_korean", "is_korean"]


def extract_korean(cdoc: CleanDocument) -> DocResult:
    """Korean CleanDocument -> DocResult (see :func:`pipeline.ko.extract.extract_korean`)."""
    from pipeline.ko.extract import extract_korean as run

    return run(cdoc)
