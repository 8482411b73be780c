"""The clean stage's core: decode raw bytes once, let the reader registry pick the format by content (never by
extension), and read. Formats and their readers: :mod:`pipeline.stages.clean.registry`.
"""

from __future__ import annotations

from pipeline.stages.clean.decode import decode_bytes
from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.lexicon import Lexicon, load_lexicon
from pipeline.stages.clean.registry import CleanSettings, Input, sniff
from schemas.models import CleanDocument

__all__ = ["CleanSettings", "Rejected", "clean_bytes", "sniff_format"]


def sniff_format(text: str) -> str:
    """Name of the reader that takes this decoded input ('rss', 'xml', 'html', 'text' or a registered one's)."""
    return sniff(text).name


def clean_bytes(source: str, data: bytes, settings: CleanSettings | None = None,
                lexicon: Lexicon | None = None) -> list[CleanDocument | Rejected]:
    """Turn one raw input into documents; per-item failures of a feed come back as Rejected.

    Raises Rejected when the whole input cannot become a document."""
    settings = settings or CleanSettings()
    lex = lexicon or load_lexicon()
    decoded = decode_bytes(data, settings.max_bytes)
    return sniff(decoded.text).read(Input(source=source, data=data, text=decoded.text, lex=lex, settings=settings))
