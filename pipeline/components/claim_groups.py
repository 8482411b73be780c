"""Groups of economies a document defines, so that a call addressed to the group reaches its members.

A release often names a group once and lists its members, then addresses the group by name:

* a footnote marker after the group's noun phrase, the footnote being a plain list of economies
  ("the five Central Asian countries*" ... "* Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan");
* a parenthesis naming an enumeration ("Kazakhstan, Kyrgyzstan ... and Uzbekistan (the Central Asian countries)")
  or enumerating a named group ("the Central Asian countries (Kazakhstan, ... and Uzbekistan)").

Only enumerations count (at least two economies and almost no other words), so that a footnote telling a story
about two economies ("* Korea and Viet Nam upgraded their relations ...") defines nothing. Group names are
compared normalized: lower case, without articles, numbers and "collectively" ("the five Central Asian
countries" = "Central Asian countries"). Everything here is a pure function of the parsed Doc and its mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

_MARKERS = ("*", "**", "***", "※")
_SKIP_WORDS = {"the", "a", "an", "all", "both", "collectively", "together", "which", "are", "and", "or", "its",
               "their", "namely", "i", "e", "ie", "including", "one", "two", "three", "four", "five", "six", "seven",
               "eight", "nine", "ten", "eleven", "twelve"}
_LIST_FILLERS = {"and", "the", "or", "as", "well"}
_MAX_OTHER_WORDS = 5
_WORDS = re.compile(r"[A-Za-z][A-Za-z\-]*")
_MARKER_RE = re.compile(r"\*{1,3}|※")
_PAREN_RE = re.compile(r"\(")


@dataclass(frozen=True)
class Groups:
    """Economies of document-defined groups: by normalized name, and by the token a footnote marker follows."""

    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    marked: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def members(self, tokens: list[Token]) -> tuple[str, ...]:
        """Economies of the group a noun phrase names (empty when it names none)."""
        for t in tokens:
            if t.i in self.marked:
                return self.marked[t.i]
        return self.names.get(normalize(" ".join(t.text for t in tokens)), ())


def normalize(phrase: str) -> str:
    return " ".join(w.lower() for w in _WORDS.findall(phrase) if w.lower() not in _SKIP_WORDS)


def _enumeration(text: str, start: int, economies: list[tuple[int, int, str]]) -> tuple[str, ...]:
    """Economies of ``text`` (starting at char ``start``) when it is a plain list of at least two, else ()."""
    inside = [(s, e, eid) for s, e, eid in economies if start <= s and e <= start + len(text)]
    if len(inside) < 2:
        return ()
    rest, pos = [], start
    for s, e, _ in inside:
        rest.append(text[pos - start:s - start])
        pos = e
    rest.append(text[pos - start:])
    others = [w for w in _WORDS.findall(" ".join(rest)) if w.lower() not in _LIST_FILLERS]
    if len(others) > _MAX_OTHER_WORDS:
        return ()
    return tuple(dict.fromkeys(eid for _, _, eid in inside))


def _np_before(doc: Doc, i: int) -> list[Token]:
    """The noun phrase ending at token ``i`` (its head's left part, up to ``i``)."""
    head = doc[i]
    return [t for t in doc[head.left_edge.i:i + 1] if not t.is_punct]


def _tokens_at(doc: Doc, full: str, pattern: re.Pattern[str]) -> list[Token]:
    """Tokens starting where ``pattern`` matches the text (found in the string: iterating the Doc costs more)."""
    out = []
    for m in pattern.finditer(full):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1:
            out.append(span[0])
    return out


def document_groups(doc: Doc, economies: list[tuple[int, int, str]], full: str | None = None) -> Groups:
    """``economies``: (start char, end char, economy id) of the document's economy mentions, sorted;
    ``full``: ``doc.text`` when the caller has it already."""
    names: dict[str, tuple[str, ...]] = {}
    marked: dict[int, tuple[str, ...]] = {}
    full = doc.text if full is None else full
    paragraphs = doc._.mofa_paragraphs or []
    notes = [p for p in paragraphs if p.section == "footnote"]
    used: set[int] = set()
    for tok in _tokens_at(doc, full, _MARKER_RE) if notes else []:
        if tok.text not in _MARKERS or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if prev.idx + len(prev) != tok.idx or not prev.is_alpha:
            continue  # a marker sticks to the word it annotates
        note = next((p for p in notes if p.start > tok.idx and p.paragraph_id not in used), None)
        if note is None:
            continue
        used.add(note.paragraph_id)
        text = full[note.start:note.end]
        stripped = text.lstrip(" *※\t")
        members = _enumeration(stripped, note.end - len(stripped), economies)
        if members:
            marked[prev.i] = members
            key = normalize(" ".join(t.text for t in _np_before(doc, prev.i)))
            if key:
                names.setdefault(key, members)
    for tok in _tokens_at(doc, full, _PAREN_RE):
        if tok.text != "(":
            continue
        close = next((t for t in doc[tok.i + 1:tok.sent.end] if t.text == ")"), None)
        if close is None or close.i == tok.i + 1:
            continue
        inner = doc[tok.i + 1:close.i]
        members = _enumeration(inner.text, inner.start_char, economies)
        if members:  # "the Central Asian countries (Kazakhstan, ...)": a plural noun names the list
            head = doc[tok.i - 1] if tok.i > 0 else tok
            if head.tag_ in ("NNS", "NNPS"):
                key = normalize(" ".join(t.text for t in _np_before(doc, head.i)))
                if key:
                    names.setdefault(key, members)
            continue
        if any(inner.start_char <= s < inner.end_char for s, _, _ in economies):
            continue
        if not any(t.tag_ in ("NNS", "NNPS") for t in inner):
            continue  # "(the Central Asian countries)": a plural group name
        lo = tok.idx  # walk back over "A, B, C and D"
        members_back: list[str] = []
        sent_start = tok.sent.start_char  # Token.sent walks the sentence: read it once
        for s, e, eid in reversed([m for m in economies if m[1] <= tok.idx and m[0] >= sent_start]):
            gap = full[e:lo]
            if gap.strip(" ,") not in ("", "and", "or", "as well as") or len(gap) > 12:
                break
            members_back.append(eid)
            lo = s
        if len(members_back) >= 2:
            key = normalize(inner.text)
            if key:
                names.setdefault(key, tuple(dict.fromkeys(reversed(members_back))))
    return Groups(names=names, marked=marked)
