"""Shared pieces of the entity components: the mention record passed between them and token tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$")
QUOTES_OPEN = {"“", '"', "‘"}
QUOTES_CLOSE = {"”", '"', "’"}
SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "with", "by", "&"}


@dataclass(frozen=True)
class Found:
    """A mention found by one finder: token span [start, end), kind and entity id."""

    start: int
    end: int
    kind: str
    entity_id: str

    def span(self, doc: Doc) -> Span:
        return Span(real_doc(doc), self.start, self.end, label=self.kind, kb_id=self.entity_id)


#: ``doc.user_data`` key of the token columns shared by the components' :class:`DocView` objects.
COLUMNS_KEY = "mofa_token_columns"


class DocView:
    """Read-only stand-in for a Doc during one component call: its tokens, text and entities are read once.

    Every ``doc[i]``, ``for tok in doc``, ``doc.text`` and ``doc.ents`` on a spaCy Doc builds new Python
    objects (the text and the entity tuple from all tokens, a new string per ``token.text``); the finders ask
    for them tens of thousands of times per release. Token objects read their attributes live from the Doc, so
    caching them is safe while the Doc is not retokenised; the cached ``ents`` (read on first use) are valid
    until the caller sets new ones. The per-token columns ``texts``, ``lowers``, ``spaced`` (followed by
    whitespace) and ``caps`` (:func:`is_cap`) serve the hot loops; ``headline`` memoises :func:`in_headline` per
    token. Slices, spaCy calls needing the real Doc (``Span``, matchers) and any other attribute go to
    ``view.doc``.

    The columns depend on the tokenisation only, so the views of the project's components share them: they are
    kept in ``doc.user_data[COLUMNS_KEY]`` (plain strings and booleans: the Doc still serialises) with the token
    count they were read at, and read again when that count changed."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.headline: dict[int, bool] = {}
        shared = doc.user_data.get(COLUMNS_KEY)
        if not isinstance(shared, dict) or shared.get("n_tokens") != len(self.tokens):
            shared = doc.user_data[COLUMNS_KEY] = {"n_tokens": len(self.tokens)}
        self._shared: dict[str, Any] = shared

    def _column(self, name: str, read: Callable[[], Any]) -> Any:
        if name not in self._shared:
            self._shared[name] = read()
        return self._shared[name]

    # Read on first use (a component that never asks for a column does not pay for it)
    @cached_property
    def texts(self) -> list[str]:
        return self._column("texts", lambda: [t.text for t in self.tokens])

    @cached_property
    def lowers(self) -> list[str]:
        return self._column("lowers", lambda: [t.lower_ for t in self.tokens])

    @cached_property
    def spaced(self) -> list[bool]:
        return self._column("spaced", lambda: [bool(t.whitespace_) for t in self.tokens])

    @cached_property
    def caps(self) -> list[bool]:
        return self._column("caps", lambda: [_cap_text(t) for t in self.texts])

    @cached_property
    def text(self) -> str:
        return self._column("text", lambda: "".join([t.text_with_ws for t in self.tokens]))

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return self.doc.ents

    def __getitem__(self, i: Any) -> Any:
        if type(i) is int:
            return self.tokens[i]
        return self.doc[i]

    def __iter__(self) -> Any:
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


def view_of(doc: Doc | DocView) -> DocView:
    """``doc`` itself when it is a :class:`DocView` already, else a view of it (entry points of the finders)."""
    return doc if isinstance(doc, DocView) else DocView(doc)


def real_doc(doc: Doc | DocView) -> Doc:
    """The spaCy Doc behind a :class:`DocView` (or the Doc itself), for calls that need the real type."""
    return doc.doc if isinstance(doc, DocView) else doc


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and len(text) >= 2


def is_cap(token: Token) -> bool:
    """Capitalised word (Title, ALLCAPS or a name piece like 'Desilú')."""
    return _cap_text(token.text)


def _cap_text(t: str) -> bool:
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def cap_at(doc: Doc | DocView, i: int) -> bool:
    """:func:`is_cap` of token ``i``, read from the view's column when there is one."""
    return doc.caps[i] if type(doc) is DocView else is_cap(doc[i])


def glued(doc: Doc, i: int) -> bool:
    """Token i is joined to the next one without whitespace (hyphenated compounds)."""
    return i + 1 < len(doc) and not (doc.spaced[i] if type(doc) is DocView else doc[i].whitespace_)


def word_at(doc: DocView, i: int) -> tuple[str, int]:
    """The word starting at token i, hyphen-glued pieces joined ('Tae - yul' -> 'Tae-yul'), and the token after
    it: titles and names both read words, not tokens."""
    text, j = doc.texts[i], i + 1
    while j + 1 < len(doc) and doc.texts[j] == "-" and not doc.spaced[j - 1] and not doc.spaced[j]:
        text += "-" + doc.texts[j + 1]
        j += 2
    return text, j


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class TokenSpans:
    """Token spans [start, end) indexed by the tokens they cover, so that asking which of them overlap a span
    costs the span's length instead of a scan of all of them (same answers as :func:`overlaps`)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self._at: dict[int, list[tuple[int, int]]] = {}
        self._empty: list[tuple[int, int]] = []  # (k, k): covers no token, yet overlaps a span around k
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        self.spans.append(span)
        if span[0] >= span[1]:
            self._empty.append(span)
        for i in range(span[0], span[1]):
            self._at.setdefault(i, []).append(span)

    def overlapping(self, start: int, end: int) -> set[tuple[int, int]]:
        """The spans overlapping [start, end)."""
        if start >= end:
            return {t for t in self.spans if overlaps((start, end), t)}
        out = {t for i in range(start, end) for t in self._at.get(i, ())}
        out.update(t for t in self._empty if overlaps((start, end), t))
        return out

    def any_overlap(self, start: int, end: int) -> bool:
        if start >= end or self._empty:
            return bool(self.overlapping(start, end))
        return any(i in self._at for i in range(start, end))


def in_headline(doc: Doc, i: int) -> bool:
    """Token i lies in a title or subtitle paragraph, or in a sentence written in Title Case."""
    if type(doc) is not DocView:
        return _in_headline(doc, i)
    if i not in doc.headline:
        doc.headline[i] = _in_headline(doc, i)
    return doc.headline[i]


def _in_headline(doc: Doc, i: int) -> bool:
    paragraphs = doc._.mofa_paragraphs or []
    idx = doc[i].idx
    for p in paragraphs:
        if p.start <= idx < p.end:
            if p.section in ("title", "subtitle"):
                return True
            break
    sent = doc[i].sent
    if sent.text.rstrip().endswith((".", "!", "?")):
        return False
    words = [t for t in sent if t.is_alpha and t.text.lower() not in SMALL_WORDS]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) / len(words) > 0.75


def acronym_after(doc: Doc, end: int) -> str | None:
    """'Name (ACR)': the acronym in parentheses right after token ``end - 1``."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and is_acronym(doc[end + 1].text):
        return doc[end + 1].text
    return None


def org_head_after(doc: Doc, k: int, heads: frozenset[str], max_len: int = 10) -> int | None:
    """Token index of the organisation head that ends the capitalised name starting at token k ("Korea
    Institute for Defense Analyses" -> "Institute"), or None; of/for/and/on may join the name's words."""
    doc = view_of(doc)
    m = k
    while m < len(doc) and m - k < max_len and (doc.caps[m] or (doc.lowers[m] in ("for", "of", "and", "on")
                                                                and m > k)):
        if doc.texts[m] in heads and m > k:
            return m
        m += 1
    return None
