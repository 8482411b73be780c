"""Paragraph-aware sentence boundaries (pipeline.components.structure.ParagraphBoundaries)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components.structure  # noqa: F401  (registers mofa_structure)
from pipeline.components import register_extensions
from schemas.models import Paragraph


@pytest.fixture(scope="module")
def blank() -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("mofa_structure")
    nlp.add_pipe("sentencizer")  # keeps the boundaries mofa_structure preset, as the parser does
    return nlp


def _run(nlp: Language, paragraphs: list[str]) -> Doc:
    text = "\n\n".join(paragraphs)
    doc = nlp.make_doc(text)
    spans, start = [], 0
    for i, para in enumerate(paragraphs):
        spans.append(Paragraph(paragraph_id=i, section="body", start=start, end=start + len(para)))
        start += len(para) + 2
    doc._.mofa_paragraphs = spans
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


_LEAD = ("The Minister of Foreign Affairs held talks with his counterpart in Seoul on Tuesday. "
         "The two sides discussed cooperation in trade, energy and supply chains. "
         "They also exchanged views on the situation on the Korean Peninsula and in the region.")


@pytest.mark.parametrize("marker", ["▴ ", "° ", "1. ", "(2) "])
def test_a_marked_paragraph_late_in_a_document_keeps_its_sentences(blank: Language, marker: str) -> None:
    late = marker + "The Minister welcomed the agreement. He hoped it would be implemented soon."
    tail = "The next meeting will be held in Hanoi. Both sides agreed on the date."
    doc = _run(blank, [_LEAD, late, tail])
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    # the marker joins its paragraph's first sentence, and the paragraph's second sentence stays its own
    assert marker + "The Minister welcomed the agreement." in sents
    assert "He hoped it would be implemented soon." in sents
    assert "Both sides agreed on the date." in sents
    assert len(sents) == 3 + 2 + 2


def test_the_marker_is_not_a_sentence_of_its_own(blank: Language) -> None:
    doc = _run(blank, [_LEAD, "1. Korea will host the summit.", "(2) Japan will attend."])
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[-2:] == ["1. Korea will host the summit.", "(2) Japan will attend."]
