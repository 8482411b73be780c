"""Shared pieces of the entity components: the mention record passed between them and token tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
        return Span(doc, self.start, self.end, label=self.kind, kb_id=self.entity_id)


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and len(text) >= 2


def is_cap(token: Token) -> bool:
    """Capitalised word (Title, ALLCAPS or a name piece like 'Desilú')."""
    t = token.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def glued(doc: Doc, i: int) -> bool:
    """Token i is joined to the next one without whitespace (hyphenated compounds)."""
    return i + 1 < len(doc) and not doc[i].whitespace_


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_headline(doc: Doc, i: int) -> bool:
    """Token i lies in a title or subtitle paragraph, or in a sentence written in Title Case."""
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
    m = k
    while m < len(doc) and m - k < max_len and (is_cap(doc[m]) or (doc[m].lower_ in ("for", "of", "and", "on")
                                                                   and m > k)):
        if doc[m].text in heads and m > k:
            return m
        m += 1
    return None
