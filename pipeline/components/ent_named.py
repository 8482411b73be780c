"""Initiatives and events: capitalised names ending in a head noun of ``name_heads.tsv``, quoted names,
acronyms in parentheses; for events the ordinal, date, place and host economy; initiative links
(lead / endorse) to economies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline import ids
from pipeline.components.ent_common import Found, acronym_after, glued, in_headline, is_acronym, is_cap, view_of
from pipeline.components.ent_lexicon import Lexicon

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_WORD_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_STOP_POS = {"ADP", "DET", "PRON", "AUX", "VERB", "SCONJ", "PART"}
_YEAR = re.compile(r"^(19|20)\d{2}$")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.",
           "Nov.", "Dec."}



@dataclass
class NamedSpan:
    start: int
    end: int
    kind: str  # initiative | event
    name: str
    acronym: str | None = None
    ordinal: int | None = None
    year: str | None = None
    acronym_follows: bool = True  # the acronym stands in parentheses right after the name


def _left_edge(doc: Doc, head: int, lex: Lexicon, blocked: set[int]) -> int:
    j = head
    sent_start = doc[head].sent.start
    # a parser's sentence break with no stop before it (inside a headline) does not end the name
    while sent_start > 0 and not doc[sent_start - 1].is_space and doc[sent_start - 1].text not in ".!?:;" \
            and "\n" not in doc[sent_start - 1].whitespace_:
        sent_start = doc[sent_start - 1].sent.start
    while j - 1 >= sent_start:
        t = doc[j - 1]
        if (j - 1) in blocked:
            break
        if t.text == "-" and j - 2 >= 0 and glued(doc, j - 2) and glued(doc, j - 1) and is_cap(doc[j - 2]):
            j -= 1
            continue
        if t.text in ("’", "'") and j - 2 >= 0 and glued(doc, j - 2) and doc[j - 2].text.endswith("s") \
                and is_cap(doc[j - 2]):
            j -= 1
            continue
        if t.text in ("and", "&") and j - 2 >= sent_start and is_cap(doc[j - 2]) and (j - 2) not in blocked \
                and doc[j - 2].pos_ not in _STOP_POS:
            j -= 1
            continue
        if t.text == ")" and j - 4 >= sent_start and doc[j - 3].text == "(" and is_acronym(doc[j - 2].text) \
                and is_cap(doc[j - 4]) and (j - 4) not in blocked and doc[j - 4].text in lex.name_heads:
            j -= 3  # "East Asia Summit (EAS) Foreign Ministers' Meeting": the acronym sits inside the name
            continue
        if not is_cap(t) or (t.pos_ in _STOP_POS and t.pos_ != "PROPN") or "head" in lex.roles(t.text):
            break
        if t.text in lex.headline_verbs and in_headline(doc, j - 1):
            break  # "Minister Presents Korea-ASEAN X Initiative": a headline's verb is no part of the name
        if t.text in {"The", "This", "That", "In", "On", "At", "As", "For", "Under", "Through"}:
            break
        j -= 1
    while j < head and doc[j].text in ("and", "&", "-", "’", "'"):
        j += 1
    return j


def _right_edge(doc: Doc, head: int, kind: str, lex: Lexicon) -> int:
    """End of a name after its head: a year ("Vision 2030"), and complements of capitalised words after
    of/on/for ("Statement on Trilateral Partnership for the Indo-Pacific"), then to/and ("Conference on
    Assistance and Support to Beirut and the Lebanese People"); never a date ("Partnership on June 1") nor a
    phrase that goes on as a common noun phrase ("to the Lebanese government")."""
    economies = lex.economy_names
    end = head + 1
    sent_end = doc[head].sent.end
    if end + 1 < sent_end and doc[end].lower_ in ("towards", "toward", "to", "for") and _YEAR.match(doc[end + 1].text) \
            and kind == "initiative":
        return end + 2
    if end < sent_end and _YEAR.match(doc[end].text) and kind == "initiative":
        return end + 1
    last_prep = None
    for _ in range(4):
        prep = doc[end].lower_ if end < sent_end else ""
        tail = prep == "to" or (prep == "and" and last_prep in ("to", "of"))
        if not (end + 1 < sent_end and (prep in ("of", "on", "for") or (tail and end > head + 1))):
            break
        k = end + 1
        if doc[k].lower_ == "the":
            k += 1
        m = k
        while m < sent_end and (is_cap(doc[m]) or (doc[m].text in ("-", "and") and m + 1 < sent_end
                                                   and is_cap(doc[m + 1]) and m > k)):
            if tail and doc[m].text == "and":
                break
            m += 1
        if m == k or (m < sent_end and doc[m].text == "-") or doc[k].text in _MONTHS:
            break
        if not tail and end > head + 1 and doc[k:m].text in economies:
            break
        if tail and (any(doc[x].text in lex.name_heads for x in range(k, m)) or (
                m < sent_end and doc[m].pos_ == "NOUN" and doc[m].text.islower())):
            break
        end = m
        last_prep = prep
    return end


def find_named(doc: Doc, lex: Lexicon, blocked: set[int], org_spans: set[tuple[int, int]]) -> list[NamedSpan]:
    """Named initiatives and events (head-noun names), longest first, not over organisations."""
    out: list[NamedSpan] = []
    for i, text in enumerate(view_of(doc).texts):  # a column of strings: no Token per word
        kind = lex.name_heads.get(text)
        if kind is None or i in blocked:
            continue
        tok = doc[i]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and tok.whitespace_ and nxt.text in lex.name_heads and is_cap(nxt) \
                and nxt.text not in lex.generic_name_words:
            continue  # "Policy Consultation", "Partnership Forum": the name goes on to the later head
        start = _left_edge(doc, tok.i, lex, blocked)
        end = _right_edge(doc, tok.i, kind, lex)
        if kind == "initiative" and start > 0 and _YEAR.match(doc[start - 1].text) and (start - 1) not in blocked \
                and (start < tok.i or end > tok.i + 1):
            start -= 1  # "2050 Strategy for the Blue Pacific Continent", "2030 Agenda for Sustainable Development"
        dated = kind == "initiative" and end == tok.i + 2 and _YEAR.match(doc[tok.i + 1].text) is not None \
            and not in_headline(doc, tok.i)  # "Agenda 2063", "Vision 2030": a head and a year name a programme
        if start == tok.i and not dated and not (end > tok.i + 1 and tok.i > 0 and not tok.is_sent_start and (
                doc[tok.i - 1].lower_ == "the" or _ordinal(doc[tok.i - 1].text) or _YEAR.match(doc[tok.i - 1].text))):
            continue  # a head-first name needs its complement: "the 4th Summit for Democracy"
        if end == tok.i + 1 and all(doc[k].text in lex.generic_name_words or doc[k].is_punct
                                    for k in range(start, tok.i)):
            continue  # "Joint Statement", "Press Conference": no particular name
        if (start, end) in org_spans or (start, tok.i + 1) in org_spans:
            continue
        if any(s <= start and tok.i < e for s, e in org_spans):
            continue  # "North Atlantic Treaty Organization": a head inside a gazetteer body's name names no other
        if kind == "event" and end == tok.i + 1 and tok.text in lex.org_heads and (start, tok.i) in org_spans:
            continue  # "AU Commission", "ASEAN Secretariat": an organ of a known body, no event
        named = NamedSpan(start, end, kind, _name_text(doc, start, end), acronym=acronym_after(doc, end))
        before = doc[start - 1] if start > 0 else None
        if before is not None:
            m = _ORDINAL.match(before.text)
            if m:
                named.ordinal = int(m.group(1))
            elif before.lower_ in _WORD_ORDINALS:
                named.ordinal = _WORD_ORDINALS[before.lower_]
            elif _YEAR.match(before.text):
                named.year = before.text
        out.append(named)
    # quoted names: “Digital Platform Government”
    for m in re.finditer(r"[“\"]([^”\"\n]{3,80})[”\"]", doc.text):
        inner = m.group(1).strip().rstrip(",.")
        words = re.findall(r"[\w’'-]+", inner)
        if len(words) < 2 or len(words) > 8 or "," in inner:
            continue
        if not all(w[0].isupper() or w.lower() in {"of", "the", "and", "for", "a", "an", "to", "in", "on"}
                   for w in words) or not words[0][0].isupper():
            continue
        span = doc.char_span(m.start(1), m.start(1) + len(inner), alignment_mode="contract")
        if span is None or any(t.i in blocked for t in span):
            continue
        if span[0].tag_ == "VB" or span[0].text in lex.headline_verbs or span[0].lower_ in lex.base_verbs:
            continue  # "Abandon Nuclear Weapons": a quoted imperative is a slogan, not a programme's name
        out.append(NamedSpan(span.start, span.end, "initiative", span.text))
    # headless names from the gazetteer: "Japan's Free and Open Indo-Pacific"
    text = doc.text if lex.initiatives else ""
    for name, acronym in lex.initiatives:
        if name not in text:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and not any(t.i in blocked for t in span):
                out.append(NamedSpan(span.start, span.end, "initiative", name, acronym=acronym_after(doc, span.end)
                                     or acronym, acronym_follows=acronym_after(doc, span.end) is not None))
    # "APEC 2025": an organisation's yearly meeting
    for s, e in org_spans:
        if e < len(doc) and _YEAR.match(doc[e].text) and is_acronym(doc[s:e].text):
            out.append(NamedSpan(s, e + 1, "event", doc[s:e + 1].text))
    return out


def _name_text(doc: Doc, start: int, end: int) -> str:
    """The name's text without an acronym in parentheses inside it ('East Asia Summit Foreign Ministers' Meeting')."""
    text = doc[start:end].text
    if "(" not in text:
        return text
    return re.sub(r"\s*\([A-Z][A-Z0-9&-]*\)", "", text)


_ATTEND_VERBS = {"attend", "hold", "host", "convene", "chair", "co-chair", "participate", "open"}


def _attended(doc: Doc, start: int, end: int) -> bool:
    """The mention is what a meeting verb governs: 'attend the ASEAN Regional Forum', 'participated in the X'."""
    head = doc[end - 1]
    while head.head.i != head.i and start <= head.head.i < end:
        head = head.head
    gov = head.head
    if head.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    return head.dep_ in ("dobj", "pobj", "nsubjpass") and gov.lemma_.lower() in _ATTEND_VERBS


def org_sessions(doc: Doc, orgs: list[tuple[int, int, str, str | None]],
                 event_heads: frozenset[str] = frozenset()) -> list[NamedSpan]:
    """A numbered session of a body is an event, not the body: 'the 80th United Nations General Assembly
    (UNGA)', 'the 80th UNGA', 'the 58th session of the Human Rights Council'; so is a yearly or attended
    meeting of a standing forum whose name ends in a meeting head ('the 2025 ASEAN Regional Forum', 'attend the
    ASEAN Regional Forum'). ``orgs`` holds the gazetteer organisation mentions as (start, end, canonical name,
    acronym); the event takes the body's name."""
    out: list[NamedSpan] = []
    for start, end, name, acronym in orgs:
        if end < len(doc) and is_cap(doc[end]) and doc[end].text != "(":
            continue  # the body opens a longer name: "35th APEC Ministerial Meeting"
        s = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in ("session", "sessions", "meeting"):
            s -= 2  # "80th session of the UN General Assembly"
            first = s
        else:
            first = start
        ordinal = _ordinal(doc[s - 1].text) if s > 0 else None
        year = doc[s - 1].text if s > 0 and _YEAR.match(doc[s - 1].text) else None
        meeting = name.split()[-1] in event_heads and end - start > 1
        if ordinal is None and not (meeting and (year or _attended(doc, start, end))):
            continue
        found_acronym = acronym_after(doc, end)
        out.append(NamedSpan(first, end, "event", name, acronym=found_acronym or acronym, ordinal=ordinal,
                             year=year, acronym_follows=found_acronym is not None))
    return out


def _ordinal(text: str) -> int | None:
    m = _ORDINAL.match(text)
    if m:
        return int(m.group(1))
    return _WORD_ORDINALS.get(text.lower())


def named_id(kind: str, doc_id: str, name: str) -> str:
    return ids.initiative_id(name) if kind == "initiative" else ids.event_id(doc_id, name)


def to_found(named: list[NamedSpan], doc_id: str) -> tuple[list[Found], dict[str, tuple[str, str]]]:
    found = []
    acronyms = {}
    for n in named:
        eid = named_id(n.kind, doc_id, n.name)
        found.append(Found(n.start, n.end, n.kind, eid))
        if n.acronym and n.acronym_follows:
            found.append(Found(n.end + 1, n.end + 2, n.kind, eid))
            acronyms[n.acronym] = (n.kind, eid)
    return found, acronyms
