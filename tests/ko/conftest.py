"""Fixtures of the Korean tests: one Korean pipeline per session (kiwi loads once, ~2 s)."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import CleanDocument, DocResult, Paragraph


@pytest.fixture(scope="session")
def ko_nlp():
    from pipeline.ko.extract import build_ko_nlp

    return build_ko_nlp()


def make_cdoc(text: str, published: dt.date | None = dt.date(2031, 5, 14), title: str | None = None,
              doc_id: str = "dko") -> CleanDocument:
    """``text`` as paragraphs (split on blank lines) after an optional title paragraph."""
    full = (title + "\n\n" + text) if title else text
    paragraphs = []
    pos = 0
    for i, block in enumerate(full.split("\n\n")):
        start = full.index(block, pos)
        section = "title" if title and i == 0 else "body"
        paragraphs.append(Paragraph(paragraph_id=i, section=section, start=start, end=start + len(block)))
        pos = start + len(block)
    return CleanDocument(doc_id=doc_id, source="t.txt", sha256="0", input_format="text", title=title or "",
                         language="ko", text=full, published=published, paragraphs=paragraphs)


@pytest.fixture(scope="session")
def run_ko(ko_nlp):
    """text -> DocResult through the Korean pipeline."""
    from pipeline.ko.extract import extract_korean

    def run(text: str, published: dt.date | None = dt.date(2031, 5, 14), title: str | None = None) -> DocResult:
        return extract_korean(make_cdoc(text, published, title), ko_nlp)

    return run
