"""Shared helper of the entity tests: one synthetic release through the real pipeline."""

from __future__ import annotations

import datetime as dt

from pipeline.stages.extract import extract_all
from schemas.models import CleanDocument, DocResult, Paragraph


def run_text(nlp, text: str, published: dt.date, doc_id: str = "dtest", title: str | None = None) -> DocResult:
    """``text`` as the body (after an optional title paragraph) of a release published on ``published``."""
    full = (title + "\n\n" + text) if title else text
    paragraphs = [Paragraph(paragraph_id=0, section="body", start=0, end=len(full))]
    if title:
        paragraphs = [Paragraph(paragraph_id=0, section="title", start=0, end=len(title)),
                      Paragraph(paragraph_id=1, section="body", start=len(title) + 2, end=len(full))]
    cdoc = CleanDocument(doc_id=doc_id, source="t.txt", sha256="0", input_format="text", title=title or "t",
                         language="en", text=full, published=published, paragraphs=paragraphs)
    (result,) = extract_all(nlp, [cdoc])
    return result


def people_of(r: DocResult) -> dict[str, tuple[list[str], str | None]]:
    """name -> (titles, economy) of a result's people: what most people tests compare."""
    return {p.name: (p.titles, p.economy) for p in r.people}
