"""DocView (read-once stand-in for a Doc) must answer exactly as the Doc it wraps."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from pipeline.components.ent_common import DocView, real_doc


def _doc():
    nlp = spacy.blank("en")
    doc = nlp("Foreign Minister Cho Hyun met  the  ILO's Director-General in Seoul.\n")
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 14, 15, label="GPE")]
    return doc


def test_view_answers_like_the_doc() -> None:
    doc = _doc()
    view = DocView(doc)
    assert len(view) == len(doc)
    assert view.text == doc.text
    assert [(e.start, e.end, e.label_) for e in view.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert [t.text for t in view] == [t.text for t in doc]
    assert [view[i].i for i in range(len(doc))] == list(range(len(doc)))
    assert view[-1].text == doc[-1].text
    assert view[2:4].text == doc[2:4].text == "Cho Hyun"
    assert isinstance(view[2:4], Span)
    assert view.char_span(0, 7).text == "Foreign"
    assert real_doc(view) is doc and real_doc(doc) is doc


def test_view_tokens_are_read_once_and_out_of_range_fails() -> None:
    view = DocView(_doc())
    assert view[3] is view[3]  # cached, not rebuilt per access
    try:
        view[len(view)]
    except IndexError:
        pass
    else:
        raise AssertionError("index past the end must fail like on a Doc")
