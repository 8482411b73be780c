"""Paragraph-aware sentence boundaries.

The parser is free to split sentences inside a paragraph, but a sentence must never run across a
paragraph break (a footnote glued to the body would get the body's speaker). This component runs
before the parser and fixes a sentence start on the first token of every paragraph; the parser keeps
preset boundaries.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.engine import ids
from schemas.models import Paragraph

#: A paragraph's leading number or bullet, with the space after it.
_MARKER = re.compile(r"(?:\d{1,2}\s?[.)]|\(\d{1,2}\)|[°◦•●▶▷▴►■□◆◇ㅇ])[ \t\u00a0]*")
# A sentence never starts inside a name: after an honorific's period ("Amb. | Kim Gunn") or between a family name
# and a hyphenated given name ("Kim | Hee-sang"). The match ends where the parser must not start a sentence.
_NAME_JOIN = re.compile(r"\b(?:Amb|Mr|Mrs|Ms|Dr|Prof|Sen|Gen|Gov|Rep|Adm|Col|Lt|Capt|H\.E)\.[ \u00a0]+(?=[A-Z])"
                        r"|\b[A-Z][a-z]{1,6}[ \u00a0]+(?=[A-Z][a-z]+-[a-z]+\b)")

#: doc.user_data key: token indexes mofa_structure marked "not a sentence start" (read by mofa_sentence_repair).
NOT_START = "mofa_structure.not_start"
# A sentence ends on these (then closing quotes or brackets); a split after anything else is suspect.
_FINAL = re.compile(r"[.!?…:;][\"'”’)\]]*")
# "... the KORUS (Republic of Korea-United States)": a word and its parenthesis, no sentence end inside.
_WORD_PAREN = re.compile(r"\w[\w.’'-]*\s*\([^()]*[\w.]\)$")


@Language.factory("mofa_structure")
def make_structure(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()


class ParagraphBoundaries:
    def __call__(self, doc: Doc) -> Doc:
        paragraphs: list[Paragraph] = doc._.mofa_paragraphs or []
        starts = {p.start for p in paragraphs}
        headline = [(p.start, p.end) for p in paragraphs if p.section in ("title", "subtitle", "header")]
        if len(doc) < 2:
            return doc
        # Columns read in one go, and the flags written in one go: setting Token.is_sent_start checks the whole
        # Doc for a parse every time.
        idxs, spaces = doc.to_array([IDX, IS_SPACE]).T.tolist()
        flags = doc.to_array([SENT_START]).astype("int64")  # 1 starts a sentence, -1 does not, 0 unknown
        changed = False
        not_start: list[int] = []
        # A paragraph's number or bullet ('1.', '(2)', '°', '▴') belongs to its first sentence.
        text = doc.text
        # (Pattern.match with pos/endpos gives offsets in the whole text: m.end() is absolute, not from p.start.)
        markers = [(p.start, m.end()) for p in paragraphs
                   if (m := _MARKER.match(text, p.start, p.end)) is not None]
        inside_name = {m.end() for m in _NAME_JOIN.finditer(text)}
        for i in range(1, len(idxs)):
            idx = idxs[i]
            if (idx in starts and not spaces[i]) or (spaces[i - 1] and "\n\n" in doc[i - 1].text):
                flags[i], changed = 1, True
            elif idx in inside_name or (markers and any(start < idx <= end for start, end in markers)):
                flags[i], changed = -1, True
                not_start.append(i)
            elif any(start < idx < end for start, end in headline):
                # A title or subtitle is one sentence, however telegraphic.
                flags[i], changed = -1, True
                not_start.append(i)
        # The parser does not always keep a preset "not a start": mofa_sentence_repair reads them after it.
        doc.user_data[NOT_START] = not_start  # a list: user_data is serialised with the Doc
        if changed:
            if doc.has_annotation("DEP"):
                raise ValueError(Errors.E043)  # as Token.is_sent_start would: the parse fixed the sentences
            doc.from_array([SENT_START], flags.astype("uint64"))
        return doc


def paragraph_at(paragraphs: list[Paragraph], char: int) -> Paragraph | None:
    """The paragraph containing character offset ``char`` (paragraphs sorted by start)."""
    if not paragraphs:
        return None
    i = bisect.bisect_right([p.start for p in paragraphs], char) - 1
    return paragraphs[max(i, 0)]


def sentence_spans(doc: Doc) -> list[Span]:
    """Sentences with surrounding whitespace trimmed and whitespace-only ones dropped; the list index
    is the sentence's number in its sent_id."""
    out: list[Span] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            out.append(doc[start:end])
    return out


class SentenceIndex:
    """A parsed Doc's sentences (:func:`sentence_spans`) with their start offsets, built once per caller, so
    that the sent_id of every mention or claim is a bisect, not a rebuild of the sentence list."""

    def __init__(self, doc: Doc) -> None:
        self.doc_id: str = doc._.mofa_doc_id
        self.spans = sentence_spans(doc)
        self._starts = [s.start_char for s in self.spans]

    def sent_id(self, char: int) -> str:
        """sent_id of the sentence containing character ``char`` (the nearest preceding one otherwise)."""
        return ids.sent_id(self.doc_id, max(bisect.bisect_right(self._starts, char) - 1, 0))


@Language.factory("mofa_sentence_repair")
def make_sentence_repair(nlp: Language, name: str) -> SentenceRepair:
    return SentenceRepair()


class SentenceRepair:
    """After the parser: joins the parser's splits that cut a sentence inside a paragraph, where mofa_structure
    said no sentence starts ('1.' | 'Mr. Kim', '°' | 'So far'), after an unclosed or a word's parenthesis
    ('KORUS (Republic of Korea-United States)' | 'FTA', 'Korea (DPRK)' | 'yet again'), or before a comma.

    Token.is_sent_start cannot change once the Doc is parsed (the dependency tree is kept as the parser left it),
    so the repaired sentences are given through spaCy's sentence hooks (``doc.user_hooks["sents"]`` and
    ``doc.user_span_hooks["sent"]``): Doc.sents, Span.sent and Token.sent, which the finders and
    :class:`SentenceIndex` read, all see them. ``Token.is_sent_start`` still answers the parser's split."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2 or not doc.has_annotation("SENT_START"):
            return doc
        not_start = frozenset(doc.user_data.get(NOT_START, ()))
        para_starts = {p.start for p in (doc._.mofa_paragraphs or [])}
        flags = doc.to_array(SENT_START)
        starts = [i for i in range(1, len(doc)) if flags[i] == 1]
        kept = [0]
        text = doc.text
        for i in starts:
            if self._joins(doc, text, kept[-1], i, not_start, para_starts):
                continue
            kept.append(i)
        if len(kept) == len(starts) + 1:
            return doc
        bounds = (*kept, len(doc))

        def sents(d: Doc) -> Iterator[Span]:
            for a, b in itertools.pairwise(bounds):
                yield d[a:b]

        def sent(span: Span) -> Span:
            k = bisect.bisect_right(bounds, span.start) - 1
            return span.doc[bounds[k]:bounds[k + 1]]

        doc.user_hooks["sents"] = sents
        doc.user_span_hooks["sent"] = sent
        return doc

    @staticmethod
    def _joins(doc: Doc, text: str, a: int, i: int, not_start: frozenset[int], para_starts: set[int]) -> bool:
        tok = doc[i]
        if tok.is_space or tok.idx in para_starts:
            return False
        j = i - 1
        while j > a and doc[j].is_space:
            j -= 1
        last = doc[j]
        if last.is_space or "\n" in text[last.idx + len(last):tok.idx]:
            return False  # a line break: a list item, a heading, a dateline
        if i in not_start:
            return True
        prev = text[doc[a].idx:last.idx + len(last)]
        if tok.text[0] in ",;)" or prev.count("(") > prev.count(")"):
            return True
        if _FINAL.fullmatch(last.text):
            return False
        return tok.text[0].islower() or (last.text == ")" and _WORD_PAREN.search(prev[-120:]) is not None)
