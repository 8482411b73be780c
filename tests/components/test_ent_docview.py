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


def test_columns_match_the_tokens_and_are_shared_between_views() -> None:
    doc = _doc()
    view = DocView(doc)
    assert view.texts == [t.text for t in doc]
    assert view.lowers == [t.lower_ for t in doc]
    assert view.spaced == [bool(t.whitespace_) for t in doc]
    assert view.caps == [bool(t.text) and t.text[0].isupper() and any(c.isalpha() for c in t.text) for t in doc]
    assert view.caps[0] and not view.caps[4]  # "Foreign" ... "met"
    again = DocView(doc)
    assert again.texts is view.texts  # read once per Doc, not once per component
    doc.to_bytes()  # the shared columns keep the Doc serialisable


def test_columns_are_read_again_when_the_tokens_changed() -> None:
    doc = _doc()
    assert DocView(doc).texts[2:4] == ["Cho", "Hyun"]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[2:4])
    view = DocView(doc)
    assert view.texts == [t.text for t in doc] and view.texts[2] == "Cho Hyun"
    assert view.text == doc.text
