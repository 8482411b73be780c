"""Organisations: the gazetteer of international organisations first, the model's ORG for the rest.

"International Labour Organization (ILO)", "the ILO" and "ILO" become one organisation with its acronym.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline import ids
from pipeline.components.ent_common import (
    Found,
    TokenSpans,
    acronym_after,
    in_headline,
    is_acronym,
    is_cap,
    overlaps,
    view_of,
)
from pipeline.components.ent_lexicon import Lexicon
from schemas.models import Organization


def find_gazetteer_orgs(doc: Doc, matches: list[Span], lex: Lexicon) -> tuple[list[Found], dict[str, Organization]]:
    """Organisations named in the gazetteer. Bare aliases ("Security Council") are not taken when a
    capitalised word precedes them ("National Security Council" is some state's body)."""
    spans = sorted((m for m in matches if m.label_.startswith("organization\t")), key=lambda s: (s.start, -len(s)))
    found: list[Found] = []
    records: dict[str, Organization] = {}
    covered: list[tuple[int, int]] = []
    for span in spans:
        if any(c[0] <= span.start and span.end <= c[1] for c in covered):
            continue
        entry = lex.orgs[int(span.label_.split("\t")[1])]
        is_alias = span.text not in (entry.name, entry.acronym)
        prev = doc[span.start - 1] if span.start > 0 else None
        if is_alias and prev is not None and is_cap(prev) and not prev.is_sent_start:
            continue
        covered.append((span.start, span.end))
        oid = ids.org_id(entry.name)
        found.append(Found(span.start, span.end, "organization", oid))
        records[oid] = Organization(org_id=oid, name=entry.name, acronym=entry.acronym)
    return found, records


_SMALL = {"of", "for", "and", "the", "on", "&", "-"}


def find_defined_orgs(doc: Doc, taken: list[tuple[int, int]], lex: Lexicon
                      ) -> tuple[list[Found], dict[str, Organization], dict[str, str]]:
    """Organisations introduced with a short form of any shape in parentheses: "Korea Water Resources
    Corporation (K-water)", "Export-Import Bank of Korea (Korea Eximbank)". The short form must be spelled from
    the name's words (prefixes, in order within each piece) and the name must end in an organisation head
    (``org_heads.txt``) or be the model's ORG. Returns mentions, records and short form -> org id."""
    found: list[Found] = []
    records: dict[str, Organization] = {}
    shorts: dict[str, str] = {}
    org_ents = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
    for i, text in enumerate(view_of(doc).texts):  # a column of strings: no Token per word
        if text != "(" or i == 0:
            continue
        tok = doc[i]
        close = next((k for k in range(tok.i + 2, min(tok.i + 6, len(doc))) if doc[k].text == ")"), None)
        if close is None:
            continue
        short = doc[tok.i + 1:close]
        if not short.text[:1].isupper() or len(short.text) > 24 or any(t.is_punct and t.text != "-" for t in short):
            continue
        start = _chain_start(doc, tok.i)
        chain = [(doc[k].lower_, k) for k in range(start, tok.i) if doc[k].is_alpha]
        first = _spelled_from(short.text, chain)
        if first is None:
            continue
        name_start, name_end = first, tok.i
        heads = {doc[k].text for k in range(name_start, name_end)} & lex.org_heads
        if doc[name_end - 1].text in lex.name_heads or not (
                heads or any(s <= name_start and name_end <= e for s, e in org_ents)):
            continue
        if any(overlaps((name_start, close + 1), t) for t in taken):
            continue
        name = doc[name_start:name_end].text
        oid = ids.org_id(name)
        records[oid] = Organization(org_id=oid, name=name, acronym=short.text)
        found += [Found(name_start, name_end, "organization", oid), Found(short.start, short.end, "organization", oid)]
        shorts[short.text] = oid
    return found, records, shorts


def _chain_start(doc: Doc, end: int) -> int:
    """First token of the capitalised chain (with of/for/and/the and glued hyphens) that ends before ``end``."""
    k = end
    sent_start = doc[end - 1].sent.start
    while k - 1 >= sent_start:
        t = doc[k - 1]
        if is_cap(t) or (t.lower_ in _SMALL and k - 2 >= sent_start and is_cap(doc[k - 2])):
            k -= 1
            continue
        break
    while k < end and (doc[k].lower_ in _SMALL or doc[k].text == "The"):
        k += 1
    return k


def _spelled_from(short: str, chain: list[tuple[str, int]]) -> int | None:
    """The token index of the earliest name word the short form is spelled from, or None: each space-separated
    piece is a concatenation of prefixes of name words taken in order ('Eximbank' = EXport IMport BANK,
    'K-water' = Korea Water); the pieces may come in any order ('Korea Eximbank')."""
    used_first: list[int] = []
    for piece in short.split():
        letters = "".join(c for c in piece.lower() if c.isalnum())
        if not letters:
            return None
        first = _spell(letters, chain, 0)
        if first is None:
            return None
        used_first.append(first)
    return min(used_first) if used_first else None


def _spell(letters: str, chain: list[tuple[str, int]], w: int, memo: dict | None = None) -> int | None:
    """Token of the first word used to spell ``letters`` from prefixes of chain[w:] in order (-1: nothing left)."""
    if not letters:
        return -1
    memo = {} if memo is None else memo
    if (len(letters), w) in memo:
        return memo[(len(letters), w)]
    result = None
    for k in range(w, len(chain)):
        word, tok = chain[k]
        n = 0
        while n < len(word) and n < len(letters) and word[n] == letters[n]:
            n += 1
        if any(_spell(letters[take:], chain, k + 1, memo) is not None for take in range(n, 0, -1)):
            result = tok
            break
    memo[(len(letters), w)] = result
    return result


_ORG_REJECT_FIRST = {"Minister", "Secretary", "President", "Ambassador", "Spokesperson"}


def find_model_orgs(doc: Doc, taken: list[tuple[int, int]], lex: Lexicon, quoted: list[tuple[int, int]],
                    known_acronyms: set[str]) -> tuple[list[Found], dict[str, Organization]]:
    """The model's ORG entities that no gazetteer or other finder explains, filtered: single common
    words ("Trade"), quoted slogans, titles and named meetings are not organisations."""
    found: list[Found] = []
    records: dict[str, Organization] = {}
    acronyms: dict[str, str] = {}
    occupied = TokenSpans(taken + quoted)
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end or doc[end - 1].lower_ in ("of", "the", "and", "for", "on"):
            continue  # a name cut by the NER around a gazetteer entity ("Government of the" + Republic of Korea)
        span = doc[start:end]
        if start > 0 and doc[start - 1].text in ("“", '"', "‘"):
            continue  # a quoted slogan or priority ("Innovate")
        if occupied.any_overlap(start, end):
            continue
        if span.text in known_acronyms or span[-1].text in lex.not_orgs or any(t.is_space for t in span):
            continue
        words = [t for t in span if t.is_alpha]
        if not words or any(not is_cap(t) for t in words if t.lower_ not in {"of", "and", "for", "the", "on"}):
            continue
        if span[0].text in _ORG_REJECT_FIRST or all(lex.is_title_word(t.text) for t in words):
            continue
        if in_headline(doc, start) and any(t.text in lex.headline_verbs for t in words):
            continue  # "NAME Appointed Permanent ...": a Title Case headline's verb makes no body's name
        if end < len(doc) and "head" in lex.roles(doc[end].text) and {"rank", "modifier"} & lex.roles(span[-1].text):
            continue  # "... Permanent" + "Representative": the model cut an office's title, not a body
        if len(words) > 1 and all("rank" in lex.roles(t.text) for t in words[:-1]) and lex.is_common(words[-1].text):
            continue  # "the Permanent Mission", "a Special Committee": a kind of body with no name of its own
        if span[0].lower_ in lex.base_verbs and (start == 0 or doc[start - 1].lower_ == "to" or doc[start - 1].pos_
                                                 in ("VERB", "AUX") or doc[start - 1].text in ("“", '"', "‘")):
            continue  # "urged the North to Abandon Nuclear Weapons": a slogan after a verb, not a body
        if all(lex.is_common(t.text) or t.lower_ in _SMALL for t in words):
            continue  # "Green Growth", "Digital Transformation and Development": a sector, not a body
        if len(words) == 1 and not is_acronym(span.text) and (span[0].is_sent_start or span[0].pos_ != "PROPN"):
            continue
        if len(words) == 1 and span.text in lex.name_heads:
            continue
        if len(words) == 1 and not is_acronym(span.text) and start > 0 and doc[start - 1].lower_ in ("in", "to"):
            continue  # "in Dushanbe": a place the model took for a body
        acronym = acronym_after(doc, end)
        name = span.text
        oid = ids.org_id(name)
        if is_acronym(name) and name in acronyms:
            oid = acronyms[name]
        found.append(Found(start, end, "organization", oid))
        if oid not in records:
            records[oid] = Organization(org_id=oid, name=name, acronym=acronym)
        if acronym:
            acronyms[acronym] = oid
            found.append(Found(end + 1, end + 2, "organization", oid))
    return found, records


def acronym_mentions(doc: Doc, acronyms: dict[str, tuple[str, str]],
                     taken: list[tuple[int, int]]) -> list[Found]:
    """Bare uses of an acronym or short form defined or known in the document ("the ILO", later "FTAAP",
    "K-water", "Korea Eximbank"), on token boundaries, longest first."""
    out: list[Found] = []
    spans = []
    doc_text = doc.text if acronyms else ""
    for text, (kind, eid) in acronyms.items():
        if text not in doc_text:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", doc_text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                spans.append((span.start, span.end, kind, eid))
    if not spans:
        return out
    occupied = TokenSpans(taken)
    mine = TokenSpans()
    for start, end, kind, eid in sorted(spans, key=lambda x: (x[0], x[0] - x[1])):
        near = occupied.overlapping(start, end)
        # a shorter span taken inside this one gives way to it ("Korea" inside "Korea Eximbank")
        inside = {t for t in near if start <= t[0] and t[1] <= end and t[1] - t[0] < end - start}
        if not (near | mine.overlapping(start, end)) - inside:
            out.append(Found(start, end, kind, eid))
            mine.add((start, end))
    return sorted(out, key=lambda f: f.start)
