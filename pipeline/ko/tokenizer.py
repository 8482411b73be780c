"""A spaCy tokenizer over kiwi's morphological analysis: one token per morpheme, the Doc kept lossless.

Why: no trained Korean spaCy pipeline installs without a model-hub download, and ``spacy.blank("ko")`` needs MeCab.
Kiwi (kiwipiepy) works offline, tags parts of speech (Sejong tags: NNP proper noun, JKQ quotation particle, EC
connective ending ...) and splits sentences, so the project's own components can run on ``token.tag_`` as the
English ones run on the trained model's annotations.

Lossless: the words and their trailing spaces reproduce the text exactly. A contracted syllable that kiwi analyses
into overlapping morphemes ("했" = 하 + 었) is one token with the joined tags ("XSV+EP"); whitespace that is not a
single trailing space becomes a whitespace token, as spaCy's own tokenizers do. Sentence starts come from kiwi's
splitter, plus one after every line break (bullets and paragraphs of a release are units).

Kiwi is imported and loaded on the first call only (1-2.5 s, ~0.5 GB): a batch without a Korean document never
loads it, and importing this module costs nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.ko.lexicon import KoLexicon, load_ko_lexicon

#: Sejong tag -> Universal POS (first morpheme of a token decides).
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NNP": "PROPN", "NR": "NUM", "NP": "PRON", "VV": "VERB", "VA": "ADJ",
    "VX": "AUX", "VCP": "AUX", "VCN": "AUX", "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "XPN": "X", "XSN": "PART", "XSV": "VERB", "XSA": "ADJ", "XR": "NOUN", "SN": "NUM", "SL": "PROPN", "SH": "X",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT", "SE": "PUNCT", "SO": "PUNCT",
    "SW": "SYM", "SB": "SYM", "W_SERIAL": "NUM", "W_URL": "X", "W_EMAIL": "X", "W_HASHTAG": "X",
}


#: Bullets that open a line of a release.
_BULLETS = frozenset({"ㅇ", "o", "O", "◦", "○", "□", "■", "◇", "◆", "-", "–", "•", "·", "*", "※", "▴", "▲", "△", "▶",
                      "➀", "①", "②", "③", "④", "⑤"})


def _upos(tag: str) -> str:
    first = tag.split("+", 1)[0]
    if first.startswith("J"):
        return "ADP"
    if first.startswith("E"):
        return "PART"
    return _UPOS.get(first, "X")


class KiwiTokenizer:
    """Callable text -> Doc; picklable (the analyser is rebuilt lazily in each process)."""

    def __init__(self, vocab: Vocab, lexicon: KoLexicon | None = None) -> None:
        self.vocab = vocab
        self.lexicon = lexicon
        self._kiwi: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"vocab": self.vocab, "lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["vocab"], state["lexicon"])  # type: ignore[misc]

    @property
    def kiwi(self) -> Any:
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    self._kiwi = make_kiwi(self.lexicon or load_ko_lexicon())
        return self._kiwi

    def __call__(self, text: str) -> Doc:
        morphs = self.kiwi.tokenize(text) if text.strip() else []
        return doc_from_morphemes(self.vocab, text, [(m.start, m.start + m.len, m.tag, m.lemma, m.sent_position)
                                                     for m in morphs])

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy serialises a pipeline's tokenizer; nothing of ours needs saving (the data files are the state).
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> KiwiTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> KiwiTokenizer:
        return self


def make_kiwi(lexicon: KoLexicon) -> Any:
    """Kiwi with the officials' Hangul names as proper nouns, so that 조현 or 가미카와 are never split (조 + 현)."""
    from kiwipiepy import Kiwi  # lazy on purpose: see the module docstring

    kiwi = Kiwi()
    words = {part for o in lexicon.officials for name in o.hangul for part in name.split()}
    words |= {w for w in lexicon.economy_names
              if " " not in w and len(w) > 1 and w.isalpha() and w not in lexicon.economy_common}
    for word in sorted(words):
        kiwi.add_user_word(word, "NNP", 0.0)
    return kiwi


def doc_from_morphemes(vocab: Vocab, text: str, morphs: list[tuple[int, int, str, str, int]]) -> Doc:
    """Build the lossless Doc from (start, end, tag, lemma, sentence number) morphemes of ``text``."""
    segments: list[list[Any]] = []  # [start, end, tags, lemma, sentence]
    for start, end, tag, lemma, sent in sorted(morphs, key=lambda m: (m[0], m[1])):
        if (segments and start < segments[-1][1]) or (segments and end <= start):
            seg = segments[-1]
            seg[1] = max(seg[1], end)
            seg[2].append(tag)
            continue
        segments.append([start, end, [tag], lemma, sent])
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    lemmas: list[str] = []
    starts: list[bool] = []
    prev_sent = None
    pos = 0
    newline_before = True

    def add_gap(gap: str) -> None:
        nonlocal newline_before
        if not gap:
            return
        if words and gap[0] == " " and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap.strip():  # text kiwi left out (should not happen): kept as its own token
            words.append(gap)
            spaces.append(False)
            tags.append("X")
            lemmas.append(gap)
            starts.append(False)
        elif gap:
            words.append(gap)
            spaces.append(False)
            tags.append("_SP")
            lemmas.append(gap)
            starts.append(False)
        if "\n" in gap:
            newline_before = True

    after_bullet = False
    for start, end, seg_tags, lemma, sent in segments:
        add_gap(text[pos:start])
        word = text[start:end]
        words.append(word)
        spaces.append(False)
        tags.append("+".join(seg_tags))
        lemmas.append(lemma)  # a contracted syllable (했) keeps its first morpheme's lemma (하다)
        # a line's bullet ("ㅇ", "□", "-") opens the sentence that follows it, never one of its own
        # kiwi's sentences, plus one after a full stop closing a predicate (다. / 니다.), which kiwi misses
        # after some quoted names; a line's bullet opens the sentence after it
        closed = len(tags) > 2 and tags[-2] == "SF" and "EF" in tags[-3] and spaces[-2]
        starts.append(newline_before or closed or (sent != prev_sent and not after_bullet))
        after_bullet = newline_before and word in _BULLETS
        prev_sent, newline_before, pos = sent, False, end
    add_gap(text[pos:])
    if words:
        starts[0] = True
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas,
              pos=[_upos(t) if t != "_SP" else "SPACE" for t in tags],
              sent_starts=[bool(s) for s in starts])
    return doc


@registry.tokenizers("mofa_kiwi_tokenizer.v1")
def create_kiwi_tokenizer() -> Callable[[Language], KiwiTokenizer]:
    def create(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return create
