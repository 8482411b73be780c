"""Dispatch raw bytes to the reader for their format (decided by content, not extension).

PLACEHOLDER being replaced by the clean-stage work: only plain UTF-8 text is handled here.
"""

from __future__ import annotations

from pipeline import ids
from schemas.models import CleanDocument, Paragraph


class Rejected(Exception):
    """An input (or one item of it) that cannot become a document, with the stage and reason."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


def clean_bytes(source: str, data: bytes) -> list[CleanDocument | Rejected]:
    """Turn one raw input into documents; per-item failures of a feed come back as Rejected."""
    text = data.decode("utf-8")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paras:
        raise Rejected("clean", "empty file")
    joined = "\n\n".join(paras)
    out, pos = [], 0
    for i, p in enumerate(paras):
        out.append(Paragraph(paragraph_id=i, section="body", start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return [CleanDocument(doc_id=ids.doc_id(None, joined), source=source, sha256=ids.sha256_bytes(data),
                          input_format="text", title=paras[0], language="en", text=joined, paragraphs=out)]
