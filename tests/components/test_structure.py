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


def _split(nlp: Language, text: str, split_before: list[str]) -> Doc:
    """A one-paragraph Doc split as a parser might, before the first token of each of ``split_before``."""
    doc = nlp.make_doc(text)
    doc._.mofa_paragraphs = [Paragraph(paragraph_id=0, section="body", start=0, end=len(text))]
    doc = nlp.get_pipe("mofa_structure")(doc)
    cuts = {text.index(s) for s in split_before}
    for tok in doc[1:]:
        tok.is_sent_start = tok.idx in cuts
    doc[0].is_sent_start = True
    return doc


@pytest.mark.parametrize(("text", "cut"), [
    ("- It works on the KORUS (Republic of Korea-United States) FTA, and other matters.", "FTA,"),
    ("1. The Democratic People’s Republic of Korea (DPRK) yet again launched a missile.", "yet again"),
    ("1. On October 31, Amb. Kim Gunn met with a delegation.", ", Amb."),
    ("° So far, the earthquake is reported to have left 384 people dead.", "So far"),
    ("1. Mr. Kim Gunn had a video consultation with Mr. Luo Zhaohui.", "Mr. Kim"),
])
def test_repair_joins_the_parsers_fragments(blank: Language, text: str, cut: str) -> None:
    from pipeline.components.structure import SentenceIndex, SentenceRepair

    doc = SentenceRepair()(_split(blank, text, [cut]))
    assert [s.text for s in doc.sents] == [text]
    assert doc[-1].sent.text == text and len(SentenceIndex(doc).spans) == 1


def test_repair_keeps_real_sentence_ends(blank: Language) -> None:
    from pipeline.components.structure import SentenceRepair

    text = "The Minister met the Ambassador (ROK). They discussed trade. Both sides agreed."
    doc = SentenceRepair()(_split(blank, text, ["They", "Both"]))
    assert [s.text for s in doc.sents] == ["The Minister met the Ambassador (ROK).", "They discussed trade.",
                                           "Both sides agreed."]
    assert "sents" not in doc.user_hooks  # nothing to repair: spaCy's own sentences, no hook
