"""The compiled attribute ruler must annotate exactly as spaCy's AttributeRuler with the same patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from pipeline.components.attribute_ruler import FastAttributeRuler, compile_token_spec

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

#: A small rule set covering what the compiled table handles (equality, IN, NOT_IN, flags, rule order) and
#: what must go to the Matcher (several tokens, a non-zero index, REGEX).
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nothing", "something"]}}]],
     "attrs": {"POS": "PRON", "MORPH": "PronType=Ind"}},
    {"patterns": [[{"TAG": "PRP", "LOWER": "he"}]], "attrs": {"POS": "PRON", "LEMMA": "he"}},
    {"patterns": [[{"TAG": "VBZ"}], [{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"NOT_IN": ["says", "adds"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
]

WORDS = ["He", "says", "nothing", "is", "  ", "let", "'s", "y'", "all", "there", "is", "time", "He", "has", "it"]
TAGS = ["PRP", "VBZ", "NN", "VBZ", "_SP", "VB", "PRP", "PRP", "DT", "EX", "VBZ", "NN", "PRP", "VBZ", "PRP"]
DEPS = ["nsubj", "ROOT", "nsubj", "ccomp", "dep", "ROOT", "dobj", "nsubj", "det", "expl", "ROOT", "attr",
        "nsubj", "ROOT", "dobj"]


def _doc(vocab):
    heads = [1, 1, 3, 1, 3, 5, 5, 8, 8, 10, 10, 10, 13, 13, 13]
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=heads)


def _pair(vocab, patterns):
    stock = AttributeRuler(vocab)
    stock.add_patterns(patterns)
    fast = FastAttributeRuler(vocab)
    fast.add_patterns(patterns)
    return stock, fast


def test_same_annotations_as_spacy_on_handmade_rules():
    nlp = spacy.blank("en")
    stock, fast = _pair(nlp.vocab, PATTERNS)
    a, b = stock(_doc(nlp.vocab)), fast(_doc(nlp.vocab))
    assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
    assert [t.pos_ for t in b][:4] == ["PRON", "VERB", "PRON", "AUX"]  # later rules win, IN and NOT_IN hold
    assert b[6].lemma_ == "us" and b[7].lemma_ == "you" and b[10].pos_ == "VERB"  # Matcher-only rules applied
    assert b[4].tag_ == "_SP" and b[4].pos_ == "SPACE"


def test_matches_are_the_spacy_list():
    nlp = spacy.blank("en")
    stock, fast = _pair(nlp.vocab, PATTERNS)
    doc = _doc(nlp.vocab)
    assert fast.match(doc) == stock.match(doc)


def test_only_simple_one_token_specs_are_compiled():
    vocab = spacy.blank("en").vocab
    assert compile_token_spec(vocab, {"TAG": "NN", "LOWER": {"IN": ["a", "b"]}}) is not None
    assert compile_token_spec(vocab, {"LOWER": {"REGEX": "^a"}}) is None
    assert compile_token_spec(vocab, {"TAG": "NN", "OP": "?"}) is None
    assert compile_token_spec(vocab, {"_": {"x": 1}}) is None
    assert compile_token_spec(vocab, {"LENGTH": {">=": 3}}) is None


def test_index_outside_the_match_raises_like_spacy():
    nlp = spacy.blank("en")
    bad = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 2}]
    stock, fast = _pair(nlp.vocab, bad)
    with pytest.raises(ValueError, match="E1001"):
        stock.set_annotations(_doc(nlp.vocab), stock.match(_doc(nlp.vocab)))
    with pytest.raises(ValueError, match="E1001"):
        fast.set_annotations(_doc(nlp.vocab), fast.match(_doc(nlp.vocab)))


def test_survives_serialisation():
    nlp = spacy.blank("en")
    _, fast = _pair(nlp.vocab, PATTERNS)
    again = FastAttributeRuler(nlp.vocab).from_bytes(fast.to_bytes())
    assert again.match(_doc(nlp.vocab)) == fast.match(_doc(nlp.vocab))


def test_real_model_rules_on_real_releases(nlp):
    """The trained model's own rules, on every gold release: identical tag, POS, morphology, lemma, parse."""
    from pipeline.tools.bench import cleaned_texts

    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler), "pipeline.cfg enables the compiled attribute ruler"
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(fast.patterns)
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    texts = cleaned_texts(ROOT / "tests" / "gold" / "raw")
    assert len(texts) >= 5
    texts.append("I'd say it's not theirs; y'all let 's go. There is  time.\n\n  He won't.")
    tokens = 0
    for text in texts:
        doc = nlp.make_doc(text)
        for name in before:
            doc = nlp.get_pipe(name)(doc)
        a = stock(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        b = fast(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), text[:60]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        tokens += len(doc)
    assert tokens > 3000
