"""Organisations: the gazetteer of international organisations first, the model's ORG for the rest.

"International Labour Organization (ILO)", "the ILO" and "ILO" become one organisation with its acronym.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

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
from pipeline.engine import ids
from schemas.models import Organization


def find_gazetteer_orgs(doc: Doc, matches: list[Span], lex: Lexicon) -> tuple[list[Found], dict[str, Organization]]:
    """Organisations named in the gazetteer. Bare aliases ("Security Council") are not taken when a
    capitalised word precedes them ("National Security Council" is some state's body)."""
    spans = sorted((m for m in matches if m.label_.startswith("organization\t")), key=lambda s: (s.start, -len(s)))
    found: list[Found] = []
    records: dict[str, Organization] = {}
    covered: list[tuple[int, int]] = []
    defined: dict[str, str] | None = None
    for span in spans:
        if any(c[0] <= span.start and span.end <= c[1] for c in covered):
            continue
        entry = lex.orgs[int(span.label_.split("\t")[1])]
        if entry.acronym and span.text == entry.acronym:
            defined = _defined_acronyms(doc) if defined is None else defined
            if span.text in defined and entry.name.casefold() not in defined[span.text]:
                continue  # the document defines this acronym as something else ('Global Conference on ... (GCC)')
        if entry.source == "state_bodies" and _foreign_owner(doc, span.start, span.end, lex):
            continue  # "the Ministry of Foreign Affairs of Viet Nam": another state's organ (the shape finder's)
        is_alias = span.text not in (entry.name, entry.acronym)
        prev = doc[span.start - 1] if span.start > 0 else None
        if is_alias and prev is not None and is_cap(prev) and not prev.is_sent_start:
            continue
        covered.append((span.start, span.end))
        oid = ids.org_id(entry.name)
        found.append(Found(span.start, span.end, "organization", oid))
        records[oid] = Organization(org_id=oid, name=entry.name, acronym=entry.acronym)
    return found, records


def _economy_at(doc: Doc, start: int, end: int, lex: Lexicon, before: bool) -> str | None:
    """The economy whose name or adjective ends just before ``start`` (``before``) or opens at ``start``
    (after an optional 'the'), within ``end``; None when there is none."""
    for n in (5, 4, 3, 2, 1):  # "Republic of the Philippines"
        if before:
            lo, hi = start - n, start
        else:
            lo = start + (start < end and doc[start].lower_ == "the")
            hi = lo + n
        if lo < 0 or hi > end:
            continue
        text = doc[lo:hi].text
        code = lex.economy_names.get(text) or (lex.economy_adjectives.get(text) if before else None)
        if code:
            return code
    return None


def _foreign_owner(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether another state than Korea owns the Korean body's generic name at [start, end): an economy or its
    adjective before it ('the Vietnamese Ministry of Foreign Affairs', "Japan's Ministry of ..."), or an 'of
    <economy>' closing its capitalised complement ('... of Viet Nam', '... and International Cooperation of
    Italy')."""
    k = start - 1 if start > 0 and doc[start - 1].text in ("'s", "’s") else start
    code = _economy_at(doc, k, len(doc), lex, before=True)
    if code is None:
        sent_end = doc[end - 1].sent.end
        k = end
        while k < min(sent_end, end + 10):
            t = doc[k]
            if t.lower_ == "of":
                code = _economy_at(doc, k + 1, sent_end, lex, before=False)
                break
            if not (is_cap(t) or t.lower_ in ("and", "&") or t.text == ","):
                break
            k += 1
    return code is not None and code != "KOR"


def _defined_acronyms(doc: Doc) -> dict[str, str]:
    """Acronym -> the lower-cased words before it, for every '(ACRONYM)' the document writes: what the document
    itself says the acronym stands for."""
    out: dict[str, str] = {}
    texts = view_of(doc).texts
    for i in range(1, len(texts) - 2):
        if texts[i] == "(" and texts[i + 2] == ")" and texts[i + 1].isupper() and len(texts[i + 1]) >= 2:
            start = max(0, i - 10)
            out.setdefault(texts[i + 1], doc[start:i].text.casefold())
    return out


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
_TRAILING_PREPS = {"of", "the", "and", "for", "on", "between", "with", "at", "in", "to", "by", "from", "against"}
_PARTY_NOUNS = {"side", "sides"}  # "the Mekong side": a party to talks, not a body's name
_PLURAL_TAGS = {"NNS", "NNPS"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The model's span without a leading article, bullet or symbol ('▴Ministry of ...') and a trailing
    possessive or punctuation ("the White House's")."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct
                           or not any(c.isalnum() for c in doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in ("’s", "'s")):
        end -= 1
    return start, end


def _broken(doc: Doc, ent: Span) -> bool:
    """A span the model cut out of a longer word or glued text: 'Korea(DPRK' (an acronym glued to a bracket),
    'Mekong-' of 'Mekong-ROK', '-Mekong' of 'ROK-Mekong'."""
    if any(("(" in t.text or ")" in t.text) and len(t.text) > 1 for t in ent):
        return True
    last = doc[ent.end - 1]
    if (last.text == "-" and not last.whitespace_) or (ent.end < len(doc) and doc[ent.end].text == "-"
                                                       and not last.whitespace_ and not doc[ent.end].whitespace_):
        return True
    return ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 1].whitespace_ \
        and ent.start > 1 and not doc[ent.start - 2].whitespace_


def _joined(text: str, lex: Lexicon) -> bool:
    """Words run together in the original ('Secretaryof', 'SecretaryPompeo', 'UnitedStates'): an office word or
    an economy's name read across the joint is no organisation's name."""
    for k in range(2, len(text) - 1):
        left, right = text[:k], text[k:]
        if left in lex.title_roles and (right in ("of", "for", "to", "and", "the") or right[0].isupper()):
            return True
        if left[-1].islower() and right[0].isupper() and f"{left} {right}" in lex.economy_names:
            return True
    return False


def _head_word(words: list) -> object:
    """The head of a name: the word before its first of/for/on ('Heads of ... Missions'), else its last."""
    for k, t in enumerate(words):
        if t.lower_ in ("of", "for", "on") and k > 0:
            return words[k - 1]
    return words[-1]


def _portfolio(doc: Doc, start: int, lex: Lexicon) -> bool:
    """'Vice Mayor for Administrative Affairs', 'Special Representative for North Korea Policy': a capitalised
    phrase after an office's 'for' (or 'to') is the office's portfolio, not a body or a programme."""
    return start >= 2 and doc[start - 1].lower_ in ("for", "to") and lex.is_title_word(doc[start - 2].text)


def _generic_plural(span: Span, lex: Lexicon) -> bool:
    """'Foreign Ministries', 'Heads of Overseas Diplomatic Missions', 'Consuls-General': a plural organisation
    head as the name's head, or the plural of an office, names a kind of body or a group of office holders, not
    one organisation ('Diplomatic Archives', 'Philippine Airlines', 'Financial Services Commission' stay)."""
    head = _head_word([t for t in span if t.is_alpha])
    for t in span:
        if not t.is_alpha or not t.text.endswith("s") or t.text in lex.org_heads:
            continue
        singular = t.text[:-3] + "y" if t.text.endswith("ies") else t.text[:-1]
        if "head" in lex.roles(singular) or (t.i == head.i and singular in lex.org_heads):
            return True
    return False


def _headline_clause(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """'MOU Signed Between', 'Marking First Anniversary of Strategy': a headline clause with a verb form."""
    if not in_headline(doc, span.start):
        return False
    for t in span:
        low = t.lower_
        ing, ed = low.endswith("ing") and t.i == span.start, low.endswith("ed") and t.i > span.start
        stem = low[:-3] if ing else low[:-2] if ed else ""
        if stem and {stem, stem + "e", stem[:-1]} & lex.base_verbs:
            return True  # "Marking ..." opening it, "... Signed ..." inside it
    return False


def _left_extend(doc: Doc, start: int, end: int, occupied: TokenSpans, lex: Lexicon) -> int:
    """'National' + the model's 'Security Council', 'Korea' + 'Hydro & Nuclear Power Co.': a name that ends in an
    organisation head takes the capitalised words the model left before it (not a title, person or mention)."""
    if doc[end - 1].text not in lex.org_heads:
        return start
    sent_start = doc[start].sent.start
    k = start
    while k - 1 > sent_start or (k - 1 == sent_start and doc[k - 1].text not in ("The", "A", "An")):
        t = doc[k - 1]
        if t.text == "&" and k - 2 >= sent_start and is_cap(doc[k - 2]):
            k -= 1
            continue
        if not is_cap(t) or not t.whitespace_ or occupied.any_overlap(k - 1, k) or "head" in lex.roles(t.text) \
                or t.text in lex.headline_verbs or t.lower_ in ("the", "a", "an") or t.pos_ in ("ADP", "DET"):
            break
        k -= 1
    while k < start and doc[k].text == "&":
        k += 1
    return k


def find_model_orgs(doc: Doc, taken: list[tuple[int, int]], lex: Lexicon, quoted: list[tuple[int, int]],
                    known_acronyms: set[str], known: dict[str, Organization] | None = None
                    ) -> tuple[list[Found], dict[str, Organization]]:
    """The model's ORG entities that no gazetteer or other finder explains, filtered: single common
    words ("Trade"), quoted slogans, titles, named meetings, plural kinds of bodies, headline clauses, spans cut
    out of longer words and portfolios of offices are not organisations. A single word that ends a longer ORG
    of the document (or of a ``known`` organisation) is a short reference to it and shares its fate ('the
    Diplomatic Corps' ... 'the Corps', 'the UN Security Council' ... 'the Council')."""
    found: list[Found] = []
    records: dict[str, Organization] = {}
    acronyms: dict[str, str] = {}
    occupied = TokenSpans(taken + quoted)
    # words another finder read as something else where they stand elsewhere ("Shigeki Takizaki" a person in
    # the body, the model's ORG in a photo caption): the same entity, not an organisation
    elsewhere = {doc[s:e].text for s, e in taken if e - s > 1 or is_acronym(doc[s:e].text)}
    kept: dict[str, str] = {}  # last word of a longer ORG -> its id ("" when that ORG was dropped or ambiguous)
    for oid, org in (known or {}).items():
        if len(org.name.split()) > 1 and org.name.split()[-1][:1].isupper():
            last = org.name.split()[-1]
            kept[last] = oid if kept.get(last, oid) == oid else ""
    singles: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        if _broken(doc, ent):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or doc[end - 1].lower_ in _TRAILING_PREPS:
            continue  # a name cut by the NER around a gazetteer entity ("Government of the" + Republic of Korea)
        if start > 0 and doc[start - 1].text in ("“", '"', "‘"):
            continue  # a quoted slogan or priority ("Innovate")
        if occupied.any_overlap(start, end):
            continue
        start = _left_extend(doc, start, end, occupied, lex)
        span = doc[start:end]
        if span.text in elsewhere:
            continue
        words = [t for t in span if t.is_alpha]
        if len(words) == 1 and not is_acronym(span.text):
            singles.append((start, end))
            continue
        inside = {oid for oid, org in (known or {}).items()
                  if len(org.name) > len(span.text) and re.search(rf"(?<!\w){re.escape(span.text)}(?!\w)", org.name)}
        if len(inside) == 1:  # "the Red Cross" after "the Kenya Red Cross Society": a short reference to it
            found.append(Found(start, end, "organization", inside.pop()))
            continue
        oid = _model_org_id(doc, span, lex, known_acronyms)
        if len(words) > 1:
            kept.setdefault(words[-1].text, oid or "")
        if oid is None:
            continue
        _add_model_org(doc, start, end, oid, found, records, acronyms)
    for start, end in singles:
        text = doc[start:end].text
        if text in kept:
            if kept[text]:
                found.append(Found(start, end, "organization", kept[text]))
            continue
        oid = _model_org_id(doc, doc[start:end], lex, known_acronyms)
        if oid is not None:
            _add_model_org(doc, start, end, oid, found, records, acronyms)
    return sorted(found, key=lambda f: f.start), records


def _add_model_org(doc: Doc, start: int, end: int, oid: str, found: list[Found], records: dict[str, Organization],
                   acronyms: dict[str, str]) -> None:
    name = doc[start:end].text
    acronym = acronym_after(doc, end)
    if is_acronym(name) and name in acronyms:
        oid = acronyms[name]
    found.append(Found(start, end, "organization", oid))
    if oid not in records:
        records[oid] = Organization(org_id=oid, name=name, acronym=acronym)
    if acronym:
        acronyms[acronym] = oid
        found.append(Found(end + 1, end + 2, "organization", oid))


def _model_org_id(doc: Doc, span: Span, lex: Lexicon, known_acronyms: set[str]) -> str | None:
    """The id of the model's ORG ``span`` (already trimmed), or None when it names no organisation."""
    start, end = span.start, span.end
    if span.text in known_acronyms or span[-1].text in lex.not_orgs or span.text in lex.not_orgs \
            or any(t.is_space for t in span):
        return None
    words = [t for t in span if t.is_alpha]
    if not words or any(not is_cap(t) for t in words if t.lower_ not in {"of", "and", "for", "the", "on"}):
        return None
    if start >= 2 and doc[start - 1].lower_ in ("and", ",") and is_cap(doc[start - 2]) \
            and any(t.text == "Affairs" for t in words):
        return None  # "Oceanian Affairs Bureau" of "Asian and Oceanian Affairs Bureau": a cut listed portfolio
    if len(words) > 1 and lex.name_heads.get(words[-1].text) == "event" and all(
            t.text in lex.generic_name_words or "rank" in lex.roles(t.text) for t in words[:-1]):
        return None  # "the Joint Committee", "the Joint Commission": a meeting's short name, no body's own name
    head = words[-2] if len(words) > 1 and words[-1].text == "Plus" else words[-1]
    if head.text in lex.not_orgs:
        return None  # "Diplomatic White Paper 2023", "New Southern Policy Plus": a document or a policy
    if span[0].text in _ORG_REJECT_FIRST or all(lex.is_title_word(t.text) for t in words) \
            or "head" in lex.roles(words[-1].text):
        return None  # ... "the Foreign Ministry Spokesperson": an office, not a body
    if in_headline(doc, start) and any(t.text in lex.headline_verbs for t in words):
        return None  # "NAME Appointed Permanent ...": a Title Case headline's verb makes no body's name
    if end < len(doc) and "head" in lex.roles(doc[end].text) and {"rank", "modifier"} & lex.roles(span[-1].text):
        return None  # "... Permanent" + "Representative": the model cut an office's title, not a body
    if len(words) > 1 and all("rank" in lex.roles(t.text) for t in words[:-1]) and lex.is_common(words[-1].text):
        return None  # "the Permanent Mission", "a Special Committee": a kind of body with no name of its own
    if span[0].lower_ in lex.base_verbs and (start == 0 or doc[start - 1].lower_ == "to" or doc[start - 1].pos_
                                             in ("VERB", "AUX") or doc[start - 1].text in ("“", '"', "‘")):
        return None  # "urged the North to Abandon Nuclear Weapons": a slogan after a verb, not a body
    if all(lex.is_common(t.text) or t.lower_ in _SMALL for t in words):
        return None  # "Green Growth", "Digital Transformation and Development": a sector, not a body
    if all(t.like_num for t in words):
        return None  # "the Seventh Cooperation Forum": an ordinal word, not a body
    if in_headline(doc, start) and not is_acronym(span.text) and span[-1].text not in lex.org_heads \
            and not _written_outside_headlines(doc, span.text):
        return None  # a Title Case headline's capitals say nothing: "Commentary on the Terrorist Attacks in Iraq"
    if len(words) == 1 and not is_acronym(span.text) and (span[0].is_sent_start or span[0].pos_ != "PROPN" or (
            start > 0 and not any(c.isalnum() or c in "(“\"‘" for c in doc[start - 1].text))):
        return None  # a capitalised word opening a sentence or a bulleted item ("▴Review of progress")
    if len(words) == 1 and span.text in lex.name_heads:
        return None
    if len(words) == 1 and not is_acronym(span.text) and start > 0 and doc[start - 1].lower_ in ("in", "to"):
        return None  # "in Dushanbe": a place the model took for a body
    if len(words) == 1 and span.text.isupper() and span.text.title() in lex.family_names and end < len(doc) \
            and is_cap(doc[end]):
        return None  # "PARK Cheol Hee": a family name in capitals before the given name
    if any(_joined(t.text, lex) for t in words):
        return None
    if _portfolio(doc, start, lex) or _generic_plural(span, lex) or _headline_clause(doc, span, lex):
        return None
    if span.text in lex.locations or (end < len(doc) and doc[end].lower_ in _PARTY_NOUNS):
        return None
    return ids.org_id(span.text)


def _written_outside_headlines(doc: Doc, text: str) -> bool:
    """Whether ``text`` also stands, with its capitals, in the document's body or footnotes."""
    for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not in_headline(doc, span.start):
            return True
    return False


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


_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
_MISSION_HEADS = {"Embassy", "Consulate", "Mission"}  # may take "in <place>": "the US Consulate in Benghazi"
_NAME_JOINERS = {"&", "-", "’", "'"}


def find_headed_orgs(doc: Doc, blocked: set[int], econ_at: dict[int, tuple[int, str]], lex: Lexicon,
                     known: dict[str, Organization] | None = None) -> tuple[list[Found], dict[str, Organization]]:
    """Organisations named by their shape, beyond any list: a capitalised name around an organisation head of
    ``org_heads.txt``: head first with a capitalised complement ("Ministry of Trade, Industry, and Energy",
    "U.S. Department of Defense", "National Committee on American Foreign Policy", "Embassy of the Republic of
    Korea", "United States Consulate in Benghazi") or head last after a name ("Korea Coast Guard", "Kenya Red
    Cross Society", "Sigong Media", "Seoul Foreign Correspondents' Club"); and a name right after a kind of body
    ("the weekly newspaper Charlie Hebdo"). A head last needs a word that is no topic word ("the Foreign
    Ministry" names no particular body); a head that also ends a meeting's name ("Committee") needs its
    complement and no ordinal. A state's organ opened or closed by an economy ("the Korean Embassy", "the
    Embassy of the Republic of Korea") gets one id per economy and organ, whatever the wording."""
    view = view_of(doc)
    texts, caps = view.texts, view.caps
    found: list[Found] = []
    records: dict[str, Organization] = {}
    econ_tokens = {i: eid for s, (e, eid) in econ_at.items() for i in range(s, e)}
    known_ids = {o.name: oid for oid, o in (known or {}).items()}  # a name defined with its short form keeps its id
    used: set[int] = set()
    for h, text in enumerate(texts):
        if text not in lex.org_heads or h in blocked or h in used or not caps[h]:
            continue
        sent = doc[h].sent
        start = _name_start(doc, h, sent.start, blocked, lex)
        end = h + 1
        if end + 1 < sent.end and texts[end] == "-" and texts[end + 1] == "General" and not view.spaced[h]:
            end += 2  # "Consulate-General"
        prep = doc[end].lower_ if end < sent.end else ""
        head_first = prep in ("of", "on", "for") or (text in _MISSION_HEADS and prep == "in")
        if head_first:
            end = max(end, _complement(doc, end + 1, sent.end, blocked, lex))
            head_first = end > h + 1 and doc[end - 1].lower_ not in ("of", "on", "for", "in", "the")
            if not head_first:
                end = h + 1
        if end < sent.end and caps[end] and texts[end] not in ("(",):
            continue  # the head sits inside a longer name ("Press Center Building", "Council Meeting")
        modifiers = [k for k in range(start, h) if doc[k].is_alpha]
        if not head_first and not any(k in econ_tokens or not (lex.is_common(texts[k]) or lex.is_title_word(texts[k]))
                                      for k in modifiers):
            continue  # "the Foreign Ministry", "the Ministry": a kind of body, not a name
        event_head = lex.name_heads.get(text) == "event"
        before = doc[start - 1].text if start > 0 else ""
        if before in _POSSESSIVE and start >= 2 and lex.is_title_word(texts[start - 2]):
            continue  # "Office of Japan" of "the Prime Minister's Office of Japan": an office holder's, cut
        if text in _RELATION_HEADS and modifiers and all(
                k in econ_tokens or texts[k] == "-" or texts[k] in lex.economy_names for k in range(start, h)):
            continue  # "the ROK-U.S. Alliance": the states' relationship, not a body
        if before in ("and", ",") and start >= 2 and caps[start - 2] and "Affairs" in texts[start:h]:
            continue  # "Oceanian Affairs Bureau" of "Asian and Oceanian Affairs Bureau": a cut listed portfolio
        if start >= 2 and doc[start - 1].lower_ in ("of", "the") and any(
                doc[k].text in ("Republic", "Kingdom", "Federation") for k in range(max(0, start - 3), start)):
            continue  # "Republic of the Union of Myanmar": a state's official name
        if event_head and (not head_first or _ORDINAL_OR_YEAR.match(before) or any(
                texts[k] in lex.generic_name_words for k in modifiers)):
            continue  # "the 5th Korea-Japan Joint Committee on Economic Cooperation": a meeting
        if prep == "in" and text in _MISSION_HEADS and not any(k in econ_tokens for k in modifiers):
            continue  # "the Permanent Mission in New York": whose mission the name does not say
        if in_headline(doc, start) and any(texts[k] in lex.headline_verbs for k in range(start, end)):
            continue
        name = doc[start:end].text
        owner = econ_tokens.get(start - 2) if start >= 2 and texts[start - 1] in _POSSESSIVE else None
        oid = known_ids.get(name) or _organ_id(doc, start, end, econ_tokens, lex, owner)
        acronym = acronym_after(doc, end)
        if oid in _KOREAN_FOREIGN_MINISTRY:  # "the South Korean Foreign Ministry": the ministry of the gazetteer
            home = next((e for e in lex.orgs if e.acronym == "MOFA"), None)
            if home is not None:
                oid, name, acronym = ids.org_id(home.name), home.name, acronym or home.acronym
        old = records.get(oid)
        if old is None or len(name) > len(old.name) or (acronym and not old.acronym):
            records[oid] = Organization(org_id=oid, name=name if old is None or len(name) > len(old.name)
                                        else old.name, acronym=acronym or (old.acronym if old else None))
        found.append(Found(start, end, "organization", oid))
        if acronym:
            found.append(Found(end + 1, end + 2, "organization", oid))
        used.update(range(start, end))
    found += _after_kind_nouns(doc, blocked | used, lex, records)
    return found, records


def _organ_id(doc: Doc, start: int, end: int, econ_tokens: dict[int, str], lex: Lexicon,
              owner: str | None = None) -> str:
    """One id per economy and organ however the name places the economy: 'the Korean Embassy' and 'the Embassy of
    the Republic of Korea', 'Kenya Red Cross Society' and 'Red Cross Society of Kenya'; ``owner`` is the economy
    of a possessive before the name ("Japan's Ministry of Foreign Affairs")."""
    economy = next((econ_tokens[k] for k in range(start, end) if k in econ_tokens), owner)
    first = start
    if economy is None:
        for n in (3, 2, 1):  # an economy's name the places finder gave to the body's name ("Kenya Red Cross")
            if start + n < end and doc[start:start + n].text in lex.economy_names:
                economy, first = lex.economy_names[doc[start:start + n].text], start + n
                break
    if economy is None:
        return ids.org_id(doc[start:end].text)
    organ = " ".join(doc[k].text for k in range(first, end) if k not in econ_tokens and doc[k].lower_ != "the")
    return ids.org_id(_DANGLING.sub("", organ) + " " + economy)


#: Korea's foreign ministry however a text words it with a Korean economy: the gazetteer's MOFA.
_KOREAN_FOREIGN_MINISTRY = frozenset(ids.org_id(f"{organ} KOR") for organ in (
    "Foreign Ministry", "Ministry of Foreign Affairs", "Foreign Affairs Ministry",
    "Ministry of Foreign Affairs and Trade"))
_POSSESSIVE = frozenset({"'s", "’s"})
_RELATION_HEADS = frozenset({"Alliance", "Partnership"})
_DANGLING = re.compile(r"(?:\s+(?:of|in|for|on))+$")
_ORDINAL_OR_YEAR = re.compile(r"^(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d|[Ff]irst|[Ss]econd|[Tt]hird)$")


def _name_start(doc: Doc, h: int, sent_start: int, blocked: set[int], lex: Lexicon) -> int:
    """First word of the capitalised name that ends at (or is headed by) token ``h``."""
    k = h
    while k - 1 >= sent_start:
        t = doc[k - 1]
        if (k - 1) in blocked:
            break
        if t.text in _NAME_JOINERS and k - 2 >= sent_start and is_cap(doc[k - 2]) and (k - 2) not in blocked and (
                t.text == "&" or not doc[k - 2].whitespace_):
            k -= 1
            continue
        if not is_cap(t) or t.text in ("The", "A", "An") or "head" in lex.roles(t.text) \
                or t.text in lex.headline_verbs or t.pos_ in ("ADP", "DET", "PRON", "VERB", "AUX") \
                or t.text in lex.org_heads or (t.lower_ in lex.base_verbs and k >= 2 and (
                    t.tag_.startswith("VB") or doc[k - 2].lower_ == "to") and in_headline(doc, k - 1)):
            break  # ... or a Title Case headline's verb ("to Launch Trilateral Secretariat")
        k -= 1
    while k < h and doc[k].text in _NAME_JOINERS:
        k += 1
    return k


def _cap_chain(doc: Doc, k: int, end: int, blocked: set[int], lex: Lexicon) -> int:
    """End of the run of capitalised words (with glued hyphens and '&') from token k; k when there is none."""
    m = k
    while m < end and m not in blocked:
        t = doc[m]
        if (is_cap(t) and t.text not in lex.org_heads) or (
                t.text in ("&", "-") and m > k and m + 1 < end and is_cap(doc[m + 1])):
            m += 1
        elif t.lower_ == "of" and m > k and m + 1 < end and is_cap(doc[m + 1]) and doc[m - 1].text != "of":
            m += 1  # "Republic of Korea", "Foreign Affairs of China"
        elif t.lower_ == "of" and m > k and m + 2 < end and doc[m + 1].lower_ == "the" and is_cap(doc[m + 2]) \
                and doc[m - 1].text != "of":
            m += 2  # "Foreign Affairs of the Republic of Indonesia"
        else:
            break
    while m > k and doc[m - 1].lower_ in ("of", "&", "-", "the"):
        m -= 1
    return m


def _complement(doc: Doc, k: int, end: int, blocked: set[int], lex: Lexicon) -> int:
    """End of a head's capitalised complement from token k (after of/on/for/in): 'National Defense', 'the
    Republic of Korea', 'Patriots and Veterans Affairs', a listed 'Trade, Industry, and Energy' (a list counts
    only when it closes with 'and'); k when there is none."""
    if k < end and doc[k].lower_ in ("the", "a"):
        k += 1
    if k < end and doc[k].text in _MONTHS:
        return k  # "The Washington Times on January 4": a date, not a complement
    m = first = _cap_chain(doc, k, end, blocked, lex)
    if m == k:
        return k
    while m + 1 < end:
        if doc[m].lower_ in ("and", "&"):
            n = _cap_chain(doc, m + 1, end, blocked, lex)
            if n == m + 1 or (n < end and (doc[n].text in lex.org_heads or doc[n].text in _POSSESSIVE)):
                break  # "... and China's Commission": the next name's owner, not a listed portfolio
            return n
        if doc[m].text != ",":
            break
        j = m + 1
        final = j < end and doc[j].lower_ == "and"
        j += final
        n = _cap_chain(doc, j, end, blocked, lex)
        if n == j:
            break
        if final:
            return n
        if n < end and doc[n].text in _POSSESSIVE:
            break
        if n < end and doc[n].text == ",":
            m = n
            continue
        if n < end and doc[n].lower_ == "and":
            m = n
            continue
        break
    return first  # a list that does not close with "and" is no part of the name


def _after_kind_nouns(doc: Doc, blocked: set[int], lex: Lexicon, records: dict[str, Organization]) -> list[Found]:
    """'the weekly newspaper Charlie Hebdo', 'the news agency Reuters': a capitalised name right after a noun of
    a kind of organisation (``kind:`` lines of ``org_heads.txt``) names that organisation."""
    out: list[Found] = []
    if not lex.org_kind_nouns:
        return out
    lowers = view_of(doc).lowers
    for i, low in enumerate(lowers):
        if low not in lex.org_kind_nouns or i + 1 >= len(doc) or doc[i].text != low:
            continue
        sent_end = doc[i].sent.end
        end = _cap_chain(doc, i + 1, sent_end, blocked, lex)
        if end == i + 1 or any(k in blocked for k in range(i + 1, end)) or lex.is_title_word(doc[i + 1].text):
            continue
        name = doc[i + 1:end].text
        oid = ids.org_id(name)
        records.setdefault(oid, Organization(org_id=oid, name=name, acronym=acronym_after(doc, end)))
        out.append(Found(i + 1, end, "organization", oid))
    return out
