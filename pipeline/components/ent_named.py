"""Initiatives and events: capitalised names ending in a head noun of ``name_heads.tsv``, quoted names,
acronyms in parentheses; for events the ordinal, date, place and host economy; initiative links
(lead / endorse) to economies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.ent_common import Found, acronym_after, glued, in_headline, is_acronym, is_cap, view_of
from pipeline.components.ent_lexicon import Lexicon
from pipeline.engine import ids
from schemas.models import Event

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_WORD_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_STOP_POS = {"ADP", "DET", "PRON", "AUX", "VERB", "SCONJ", "PART"}
_YEAR = re.compile(r"^(19|20)\d{2}$")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.",
           "Nov.", "Dec."}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}



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


def _left_edge(doc: Doc, head: int, lex: Lexicon, blocked: set[int], kind: str | None = None) -> int:
    j = head
    sent_start = doc[head].sent.start
    # a parser's sentence break with no stop before it (inside a headline) does not end the name
    while sent_start > 0 and not doc[sent_start - 1].is_space and doc[sent_start - 1].text not in ".!?:;" \
            and "\n" not in doc[sent_start - 1].whitespace_:
        sent_start = doc[sent_start - 1].sent.start
    event = kind == "event" if kind else lex.name_heads.get(doc[head].text, "event") == "event"
    while j - 1 >= sent_start:
        t = doc[j - 1]
        if event and (j - 1) in blocked:
            p = _person_start(doc, j - 1, blocked, sent_start)
            if p - 2 >= sent_start and doc[p - 1].text == "-" and glued(doc, p - 2) and glued(doc, p - 1) \
                    and is_cap(doc[p - 2]) and (p - 2) not in blocked:
                j = p - 1
                continue  # "the Yonsei-Kim Dae-jung Forum": a person named after a host's name, joined by a hyphen
        if (j - 1) in blocked:
            break
        if not event and t.text == "-" and j - 2 >= sent_start and (j - 2) in blocked and glued(doc, j - 2) \
                and glued(doc, j - 1):
            j = _person_start(doc, j - 2, blocked, sent_start)
            continue  # "Kim Dae-jung-Obuchi Joint Declaration": a person's name opens the name
        if not event and t.text == "-" and j - 4 >= sent_start and doc[j - 2].is_lower and doc[j - 2].is_alpha \
                and doc[j - 3].text == "-" and is_cap(doc[j - 4]) and all(glued(doc, x) for x in range(j - 4, j)):
            j -= 3  # "Dae-jung-Obuchi": a hyphenated given name (not found as a person) before the hyphen
            continue
        if event and t.is_lower and t.is_alpha and len(t.text) <= 4 and not t.text.endswith("ed") \
                and j - 3 >= sent_start and doc[j - 2].text == "-" and glued(doc, j - 3) and glued(doc, j - 2) \
                and doc[j - 3].text.istitle() and len(doc[j - 3].text) <= 4 and (j - 3) not in blocked:
            j -= 2  # "Kim Dae-jung Forum": the second syllable of a hyphenated given name, not a common word
            continue
        if event and t.lower_ in _WORD_ORDINALS:
            break  # "the Seventh Cooperation Forum": the ordinal is the event's number, not its name
        if event and not is_cap(t):
            x = _economy_ending(doc, j, head, lex)
            if x is not None:  # "Mekong-Republic of Korea Foreign Ministers' Meeting"
                j = x
                continue
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
                and is_cap(doc[j - 4]) and (j - 4) not in blocked and (doc[j - 4].text in lex.name_heads or (
                    event and j < head and is_cap(doc[j]) and _compound_before(doc, j - 4, sent_start))):
            j -= 3  # "East Asia Summit (EAS) Foreign Ministers' Meeting", "Korea-Caribbean Community (CARICOM)
            continue  # Foreign Ministers' Meeting": the acronym of a party sits inside the name
        if not is_cap(t) or (t.pos_ in _STOP_POS and t.pos_ != "PROPN") or "head" in lex.roles(t.text):
            break
        if t.text in lex.headline_verbs and in_headline(doc, j - 1):
            break  # "Minister Presents Korea-ASEAN X Initiative": a headline's verb is no part of the name
        if j - 2 >= 0 and doc[j - 2].lower_ == "to" and t.lower_ in lex.base_verbs and in_headline(doc, j - 1):
            break  # "Ministry in Talks to Arrange Visit by ...": an infinitive in a headline is no part of the name
        if t.text in {"The", "This", "That", "In", "On", "At", "As", "For", "Under", "Through"}:
            break
        j -= 1
    while j < head and doc[j].text in ("and", "&", "-", "’", "'"):
        j += 1
    return j


def _compound_before(doc: Doc, k: int, sent_start: int) -> bool:
    """A hyphenated compound of capitalised parts ends at or just before token k ('Korea-Caribbean Community'):
    the parties of a meeting, whose acronym in parentheses may follow inside the meeting's name."""
    for x in range(k, max(k - 3, sent_start), -1):
        if doc[x - 1].text == "-" and glued(doc, x - 1) and x - 2 >= sent_start and glued(doc, x - 2) \
                and is_cap(doc[x - 2]):
            return True
        if not is_cap(doc[x]):
            return False
    return False


def _duration(doc: Doc, i: int) -> bool:
    """'the two-day Conference on X', 'a three-day Summit on Y': a duration between the article and a head-first
    name, which it does not open."""
    return i >= 4 and doc[i - 1].lower_ == "day" and doc[i - 2].text == "-" and glued(doc, i - 3) \
        and glued(doc, i - 2) and (doc[i - 3].like_num or doc[i - 3].lower_ in _WORD_ORDINALS
                                   or doc[i - 3].lower_ in ("one", "two", "three", "four", "five", "six", "seven")) \
        and doc[i - 4].lower_ in ("the", "a", "this", "its")


def _person_start(doc: Doc, k: int, blocked: set[int], sent_start: int) -> int:
    """First token of the run of blocked (person or title) tokens that ends at token k."""
    while k - 1 >= sent_start and (k - 1) in blocked and (is_cap(doc[k - 1]) or doc[k - 1].text == "-"):
        k -= 1
    return k


def _hosted(doc: Doc, i: int) -> bool:
    """'the ROK-hosted Summit for Democracy': a host's participle between the article and the head."""
    return i >= 4 and doc[i - 1].lower_ in ("hosted", "led", "organized", "organised") and doc[i - 2].text == "-" \
        and glued(doc, i - 3) and glued(doc, i - 2) and any(doc[k].lower_ == "the" for k in range(max(0, i - 6), i - 3))


def _economy_ending(doc: Doc, j: int, head: int, lex: Lexicon) -> int | None:
    """Start of an economy's name with a small word inside ('Republic of Korea') that holds token j - 1 and ends
    inside the name being read (before ``head``), else None."""
    for e in range(j + 1, min(head, j + 3) + 1):
        for x in range(j - 2, max(j - 5, -1), -1):
            if doc[x:e].text in lex.economy_names:
                return x
    return None


def _right_edge(doc: Doc, head: int, kind: str, lex: Lexicon) -> int:
    """End of a name after its head: a year ("Vision 2030"), and complements of capitalised words after
    of/on/for ("Statement on Trilateral Partnership for the Indo-Pacific"), then to/and ("Conference on
    Assistance and Support to Beirut and the Lebanese People"); never a date ("Partnership on June 1") nor a
    phrase that goes on as a common noun phrase ("to the Lebanese government")."""
    economies = lex.economy_names
    initiative = kind == "initiative"
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
        if doc[k].lower_ == "the" or (initiative and doc[k].lower_ == "a" and k + 1 < sent_end and is_cap(doc[k + 1])):
            k += 1  # "Strategy for a Free, Peaceful, and Prosperous Indo-Pacific Region"
        m = k
        while m < sent_end and (is_cap(doc[m]) or (doc[m].text in ("-", "and") and m + 1 < sent_end
                                                   and is_cap(doc[m + 1]) and m > k)):
            if tail and doc[m].text == "and":
                break
            m += 1
        if initiative and m > k and m < sent_end and doc[m].text == ",":
            m = _listed(doc, m, sent_end, economies) or m  # "Partnership for People, Prosperity and Peace"
        if initiative and m - 1 > k and doc[m - 1].tag_ in ("VBN", "VBD") and doc[m - 1].text.endswith("ed") \
                and in_headline(doc, m - 1):
            m -= 1  # "X Strategy for Peace Unveiled": a headline's passive verb ends the name
        if not initiative and m < sent_end - 1 and doc[m].text in ("’s", "'s") and is_cap(doc[m + 1]) \
                and m > k and doc[k:m].text not in economies and not _YEAR.match(doc[m + 1].text):
            m += 1  # "Forum on the World's Future": a possessive inside the complement, not an owner state's
            while m < sent_end and is_cap(doc[m]):
                m += 1
        if m == k or (m < sent_end and doc[m].text in ("-", "’s", "'s")) or doc[k].text in _MONTHS \
                or doc[k].text in _WEEKDAYS:
            break  # "the Annual Meeting of Korea's Heads of ...": the complement is not read to its end
        if m < sent_end and doc[m - 1].text == "Year" and _YEAR.match(doc[m].text):
            m += 1  # "Policy Briefing Session for Year 2018"
        if not tail and (end > head + 1 or (initiative and prep == "of")) and (doc[k:m].text in economies or (
                initiative and any(doc[k:e].text in economies for e in range(k + 2, min(sent_end, k + 5) + 1)))):
            break  # "Action Plan for X Strategy of Republic of Korea": the owner, not the name
        if tail and (any(doc[x].text in lex.name_heads for x in range(k, m)) or (
                m < sent_end and doc[m].pos_ == "NOUN" and doc[m].text.islower())):
            break
        end = m
        last_prep = prep
    if not initiative and end > head + 1:
        end = _theme_region(doc, end, sent_end, lex)
    return end


def _theme_region(doc: Doc, end: int, sent_end: int, lex: Lexicon) -> int:
    """'Conference on Global Leadership in the Arctic', 'Summit on Responsible AI in the Military Domain': after a
    complement, 'in the' and capitalised words that are no economy and no place lying in one (a region, a domain)
    go on with the theme; 'in the Philippines' or 'in the Hague' is where the meeting is held."""
    if not (end + 2 < sent_end and doc[end].lower_ == "in" and doc[end + 1].lower_ == "the" and is_cap(doc[end + 2])):
        return end
    m = end + 2
    while m < sent_end and (is_cap(doc[m]) or (doc[m].text == "-" and m + 1 < sent_end and is_cap(doc[m + 1]))):
        m += 1
    region = doc[end + 2:m].text
    if region in lex.economy_names or lex.locations.get(region) or lex.locations.get("The " + region) \
            or (m < sent_end and doc[m].text in ("’s", "'s", "-")):
        return end
    return m


def _listed(doc: Doc, m: int, sent_end: int, economies: dict[str, str]) -> int | None:
    """End of a coordination of capitalised words that goes on after the comma at token m and closes with
    'and'/'or' ('People, Prosperity and Peace'; 'Free, Peaceful, and Prosperous Indo-Pacific Region'), else
    None: a comma that ends the name or lists other things ('for Asia, Japan and Korea') is no part of it."""
    n = m
    for _ in range(6):
        if not (n + 1 < sent_end and doc[n].text == ","):
            return None
        n += 1
        closed = doc[n].lower_ in ("and", "or")
        n += closed
        if n >= sent_end or not is_cap(doc[n]) or any(doc[n:e].text in economies for e in range(n + 1, n + 4)):
            return None
        while n < sent_end and (is_cap(doc[n]) or (doc[n].text == "-" and n + 1 < sent_end and is_cap(doc[n + 1]))):
            n += 1
        if not closed and n + 1 < sent_end and doc[n].lower_ in ("and", "or") and is_cap(doc[n + 1]):
            n += 1
            closed = True
            if any(doc[n:e].text in economies for e in range(n + 1, n + 4)):
                return None
            while n < sent_end and (is_cap(doc[n]) or (doc[n].text == "-" and n + 1 < sent_end
                                                       and is_cap(doc[n + 1]))):
                n += 1
        if closed:
            return n
    return None


def find_named(doc: Doc, lex: Lexicon, blocked: set[int], org_spans: set[tuple[int, int]]) -> list[NamedSpan]:
    """Named initiatives and events (head-noun names), longest first, not over organisations."""
    out: list[NamedSpan] = []
    for i, text in enumerate(view_of(doc).texts):  # a column of strings: no Token per word
        kind = lex.name_heads.get(text) or ("initiative" if lex.initiative_heads.get(text) == "acronym" else None)
        if kind is None or i in blocked:
            continue
        tok = doc[i]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and tok.whitespace_ and nxt.text in lex.name_heads and is_cap(nxt) \
                and nxt.text not in lex.generic_name_words:
            continue  # "Policy Consultation", "Partnership Forum": the name goes on to the later head
        start = _left_edge(doc, tok.i, lex, blocked, kind)
        end = _right_edge(doc, tok.i, kind, lex)
        if kind == "initiative" and end == tok.i + 1 and nxt is not None and tok.whitespace_ and is_cap(nxt) \
                and nxt.pos_ in ("PROPN", "NOUN") and not in_headline(doc, tok.i):
            continue  # "Terminal High Altitude Area Defense", "the Korean Nuclear Policy Association": the name goes on
        if kind == "initiative":
            expanded = _expanded_name(doc, tok.i, end)
            if expanded is not None:
                out.append(expanded)
                continue
            if start < tok.i and end == tok.i + 1 and doc[start:end].text in lex.name_heads:
                continue  # "the Action Plan": a head of two words alone names no particular plan
            if _portfolio(doc, start, lex):
                continue
        if kind == "initiative" and start > 0 and _YEAR.match(doc[start - 1].text) and (start - 1) not in blocked \
                and (start < tok.i or end > tok.i + 1):
            start -= 1  # "2050 Strategy for the Blue Pacific Continent", "2030 Agenda for Sustainable Development"
        dated = kind == "initiative" and end == tok.i + 2 and _YEAR.match(doc[tok.i + 1].text) is not None \
            and not in_headline(doc, tok.i)  # "Agenda 2063", "Vision 2030": a head and a year name a programme
        if start == tok.i and not dated and not (end > tok.i + 1 and tok.i > 0 and not tok.is_sent_start and (
                doc[tok.i - 1].lower_ == "the" or _ordinal(doc[tok.i - 1].text) or _YEAR.match(doc[tok.i - 1].text)
                or (kind == "event" and (_hosted(doc, tok.i) or _duration(doc, tok.i))))):
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
        if kind == "event" and not _event_shape(doc, start, tok.i, lex):
            continue
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
    out += _compound_events(doc, lex, blocked)
    out += _numbered_meetings(doc, lex, blocked, org_spans)
    out += _body_events(doc, lex, blocked, org_spans)
    out += _quoted(doc, lex, blocked)
    out += _compound_initiatives(doc, lex, blocked) + _coordinated(doc, lex, blocked)
    # headless names from the gazetteer: "Japan's Free and Open Indo-Pacific", or their acronyms ("COVAX AMC")
    text = doc.text if lex.initiatives else ""
    for name, acronym in lex.initiatives:
        for form in (name, acronym):
            if not form or form not in text:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                span = doc.char_span(m.start(), m.end())
                if span is not None and not any(t.i in blocked for t in span):
                    after = acronym_after(doc, span.end) if form == name else None
                    out.append(NamedSpan(span.start, span.end, "initiative", name, acronym=after or acronym,
                                         acronym_follows=after is not None))
    # "APEC 2025": an organisation's yearly meeting
    for s, e in org_spans:
        if e < len(doc) and _YEAR.match(doc[e].text) and is_acronym(doc[s:e].text):
            out.append(NamedSpan(s, e + 1, "event", doc[s:e + 1].text))
    out += _ceremonies(doc, out)
    _rounds(doc, out)
    return _short_forms(out)


_SERIES_NOUNS = {"round", "session", "meeting", "edition"}


def _rounds(doc: Doc, named: list[NamedSpan]) -> None:
    """'the 12th round of Korea-Japan security dialogue', 'the third edition of the X Forum': the ordinal before
    a series noun numbers the event named after 'of'."""
    for n in named:
        if n.kind != "event" or n.ordinal is not None or n.start < 3:
            continue
        k = n.start - 1 - (doc[n.start - 1].lower_ == "the")
        if k >= 2 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _SERIES_NOUNS:
            n.ordinal = _ordinal(doc[k - 2].text)


def _ceremonies(doc: Doc, named: list[NamedSpan]) -> list[NamedSpan]:
    """A ceremony of a named agreement or initiative: 'the signing ceremony of the ROK-Central America FTA',
    'a launching ceremony for the X Initiative'. The named complement makes the common noun one event."""
    starts = {n.start: n for n in named if n.kind == "initiative"}
    out: list[NamedSpan] = []
    for i, text in enumerate(view_of(doc).texts):
        if text not in ("ceremony", "ceremonies") or i + 2 >= len(doc) or doc[i + 1].lower_ not in ("of", "for"):
            continue
        k = i + 2 + (doc[i + 2].lower_ == "the")
        init = starts.get(k)
        if init is None:
            continue
        s = i - 1 if i > 0 and doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ", "VERB") else i
        out.append(NamedSpan(s, init.end, "event", doc[s:init.end].text))
    return out


def _short_forms(named: list[NamedSpan]) -> list[NamedSpan]:
    """An initiative found under the short form another one defines ('the Indo-Pacific Strategy' after
    '“Strategy for a Free, ... Region (Indo-Pacific Strategy)”', 'KORUS FTA' after 'KORUS (...) FTA') takes
    that one's name: one initiative, one id."""
    full = {n.acronym: n for n in named if n.kind == "initiative" and n.acronym and " " in n.acronym}
    if not full:
        return named
    for n in named:
        owner = full.get(n.name) if n.kind == "initiative" else None
        if owner is not None and owner is not n:
            n.name, n.acronym, n.acronym_follows = owner.name, owner.acronym, False
    return named


# a quoted name: “Digital Platform Government”, ‘Close Encounter’ (an apostrophe is no closing quote)
_QUOTED = re.compile(r"[“\"]([^”\"\n]{3,140})[”\"]|‘([^‘’\n]{3,80})’(?!\w)")
_SMALL_WORDS = {"of", "the", "and", "for", "a", "an", "to", "in", "on", "or"}


def _quoted(doc: Doc, lex: Lexicon, blocked: set[int]) -> list[NamedSpan]:
    """Quoted names in title case ('“Digital Platform Government”', a list closed by 'and': '“Partnership for
    People, Prosperity and Peace”', a short form in parentheses at the end: '“Strategy for a Free ... Region
    (Indo-Pacific Strategy)”'), or in any case before a lower-case initiative head ('its “rebalance to the
    Asia-Pacific” policy'). Not slogans in the imperative, nor quoted meetings ('“X Forum on the Future”')."""
    out: list[NamedSpan] = []
    after_quote = _quote_heads(lex)
    text = doc.text
    for m in _QUOTED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        raw = m.group(g)
        begin = m.start(g) + len(raw) - len(raw.lstrip())
        inner = raw.strip().rstrip(",.")
        alias = None
        paren = re.match(r"^(.*?\S)\s*\(([^()]{2,40})\)$", inner)
        if paren:
            inner, alias = paren.group(1).rstrip(","), paren.group(2).strip()
        words = re.findall(r"[\w’'-]+", inner)
        parts = [p.strip() for p in inner.split(",")]
        listed = len(parts) > 1 and all(parts) and (parts[-1].startswith(("and ", "or "))
                                                     or " and " in parts[-1] or " or " in parts[-1])
        if len(words) < 2 or len(words) > (12 if listed else 8) or ("," in inner and not listed):
            continue
        span = doc.char_span(begin, begin + len(inner))
        if span is None or any(t.i in blocked for t in span):
            continue  # cut inside a word ('“Indo-Pacific Strategy”of'), or over a person
        titled = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][0].isupper()
        if not titled:
            q = span.end
            while q < len(doc) and q - span.end < 2 and doc[q].is_punct and doc[q].text not in (",", "."):
                q += 1  # the closing quote
            if listed or paren or q >= len(doc) or doc[q].text not in after_quote:
                continue
        if titled and (span[0].tag_ == "VB" or span[0].text in lex.headline_verbs or span[0].lower_ in lex.base_verbs):
            continue  # "Abandon Nuclear Weapons": a quoted imperative is a slogan, not a programme's name
        if _quoted_kind(span, lex) == "event":
            continue  # a quoted meeting's name is the event finder's
        out.append(NamedSpan(span.start, span.end, "initiative", span.text, acronym=alias, acronym_follows=False))
    return out


def _quote_heads(lex: Lexicon) -> frozenset[str]:
    """Lower-case heads after a quoted name: the 'lower' and 'quote' heads of initiative_heads.tsv."""
    return frozenset(h for h, kind in lex.initiative_heads.items() if kind in ("lower", "quote"))


def _quoted_kind(span, lex: Lexicon) -> str | None:
    """Kind of the last head noun of a quoted name before its first complement ('Forum' in 'X Forum on Y')."""
    kind = None
    for t in span[1:]:
        if t.lower_ in ("of", "on", "for", "to"):
            break
        kind = lex.name_heads.get(t.text, kind)
    return kind


def _expanded_name(doc: Doc, head: int, end: int) -> NamedSpan | None:
    """'the KORUS (Republic of Korea-United States) FTA': a short form, its expansion in parentheses, then the
    head they share; the name is the expansion with the head, the short form with the head its acronym."""
    if head < 4 or doc[head - 1].text != ")":
        return None
    sent_start = doc[head].sent.start
    for p in range(head - 3, max(head - 10, sent_start), -1):
        if doc[p].text == "(":
            break
    else:
        return None
    short = doc[p - 1]
    inner = doc[p + 1:head - 1]
    if not (is_cap(short) and short.text.isupper() and len(short.text) >= 2) or not is_cap(inner[0]) \
            or not all(is_cap(t) or t.text in ("-", "of", "the", "and") for t in inner):
        return None
    return NamedSpan(p - 1, end, "initiative", inner.text + " " + doc[head:end].text,
                     acronym=short.text + " " + doc[head].text, acronym_follows=False)


def _portfolio(doc: Doc, start: int, lex: Lexicon) -> bool:
    """'Representative for North Korea Policy', 'Secretary to President for National Security Strategy': a name
    after 'for'/'on' in an office's title is the office's portfolio, not an initiative."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in ("for", "on"):
        return False
    for x in range(k - 1, max(k - 5, -1), -1):
        t = doc[x]
        if "head" in lex.roles(t.text) and is_cap(t):
            return True
        if not (is_cap(t) or t.lower_ in ("to", "of", "the")):
            return False
    return False


# "a delegation from the X Committee": a body whose people are meant, not a meeting
_MEMBER_NOUNS = {"delegation", "delegations", "member", "members", "representative", "representatives",
                 "chairman", "chair", "head", "president", "secretary-general", "staff", "officials"}


def _event_shape(doc: Doc, start: int, head: int, lex: Lexicon) -> bool:
    """False for what only looks like a named event: a name cut inside a word ('T/F Meeting' read from 'F'), a
    meeting word naming a venue ('International Conference Room'), a body a delegation comes from."""
    if start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text not in ("(", "“", '"', "‘", "'") \
            and not doc[start - 1].is_space:
        return False
    if head + 1 < len(doc) and doc[head].whitespace_ and doc[head + 1].text in lex.venue_heads:
        return False
    if doc[head].text in lex.org_heads:
        k = start - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        if k >= 1 and doc[k].lower_ in ("from", "of") and doc[k - 1].lower_ in _MEMBER_NOUNS:
            return False
    return True


def _lower_heads(lex: Lexicon) -> frozenset[str]:
    """Meeting words that name an event in lower case after a compound of economies ('the ROK-Norway summit
    meeting'): the event heads that are no bodies' heads ('commission', 'assembly' name bodies too)."""
    cached = _LOWER_HEADS.get(id(lex.name_heads))
    if cached is None:
        cached = frozenset(h.lower() for h, kind in lex.name_heads.items()
                           if kind == "event" and h not in lex.org_heads and " " not in h)
        _LOWER_HEADS[id(lex.name_heads)] = cached
    return cached


_LOWER_HEADS: dict[int, frozenset[str]] = {}


def _compound_events(doc: Doc, lex: Lexicon, blocked: set[int]) -> list[NamedSpan]:
    """Events written with a lower-case head after a compound of economies: 'the ROK-Japan-China summit
    meeting', 'the 5th ROK-Mekong business forum', 'US-North Korea summit talks', 'the ROK-US Foreign Ministers'
    meeting'. The compound names the parties, which makes a particular meeting of a common noun; one of its
    parts is an economy's name or abbreviation ('Asian-African' alone is not enough)."""
    heads = _lower_heads(lex)
    view = view_of(doc)
    texts = view.texts
    out: list[NamedSpan] = []
    for i, text in enumerate(texts):
        if text not in heads or i in blocked or i < 2:
            continue
        if i + 1 < len(doc) and texts[i + 1] in heads and view.spaced[i]:
            continue  # "summit meeting", "summit talks": the name goes on to the later head
        if i + 1 < len(doc) and view.spaced[i] and doc[i + 1].is_lower and doc[i + 1].pos_ == "NOUN":
            continue  # "ASEAN-Korea dialogue relations": the meeting word only describes another noun
        k = i
        apostrophe = 0
        while k - 1 > 0 and i - k - apostrophe < 2:
            t = doc[k - 1]
            if t.text in ("'", "’") and apostrophe == 0 and k - 2 > 0 and glued(doc, k - 2) \
                    and doc[k - 2].is_lower and doc[k - 2].text.endswith("s") and texts[k - 2] not in heads:
                apostrophe = 1
                k -= 1  # "foreign ministers' meeting": a plural possessive of the participants
                continue
            if not (t.is_lower and t.is_alpha and (texts[k - 1] in heads or t.pos_ in ("NOUN", "ADJ"))
                    and (k - 1) not in blocked and texts[k - 1].capitalize() not in lex.generic_name_words):
                break
            k -= 1  # "business forum", "summit meeting"; not "annual business forum": a series, no one event
        if doc[k].text in ("'", "’"):
            continue  # a possessive with no word before it
        start = _left_edge(doc, k, lex, blocked)
        if start >= k or not _economy_compound(doc, start, k, lex):
            continue
        if not _event_shape(doc, start, i, lex):
            continue
        named = NamedSpan(start, i + 1, "event", doc[start:i + 1].text, acronym=acronym_after(doc, i + 1))
        named.ordinal = _ordinal(doc[start - 1].text) if start > 0 else None
        if start > 0 and _YEAR.match(doc[start - 1].text):
            named.year = doc[start - 1].text
        out.append(named)
    return out


def _numbered_meetings(doc: Doc, lex: Lexicon, blocked: set[int],
                       org_spans: set[tuple[int, int]]) -> list[NamedSpan]:
    """A lower-case meeting word numbered by an ordinal or a year and completed by capitalised participants:
    'the 2014 meeting of Consuls-General', 'the third meeting of Heads of Mission'. The number makes one
    occurrence of a series, the complement its name; a complement that is a body of the gazetteers ('the 58th
    session of the Human Rights Council') or a named meeting itself ('the 5th round of the X Talks') is read
    elsewhere."""
    heads = _lower_heads(lex)
    texts = view_of(doc).texts
    out: list[NamedSpan] = []
    for i, text in enumerate(texts):
        if text not in heads or i < 2 or i + 2 >= len(doc) or i in blocked or texts[i + 1] != "of":
            continue
        before = doc[i - 1]
        ordinal = _ordinal(before.text)
        year = before.text if _YEAR.match(before.text) else None
        if ordinal is None and year is None:
            continue
        k = i + 2 + (doc[i + 2].lower_ == "the")
        sent_end = doc[i].sent.end
        m = k
        while m < sent_end and (is_cap(doc[m]) or (doc[m].text == "-" and glued(doc, m - 1) and glued(doc, m))
                                or (doc[m].text == "of" and m > k and m + 1 < sent_end and is_cap(doc[m + 1]))):
            m += 1
        if m == k or doc[m - 1].text in ("-", "of") or any(x in blocked and not is_cap(doc[x]) for x in range(k, m)):
            continue
        if doc[k:m].text in lex.economy_names or doc[m - 1].text in lex.name_heads:
            continue  # "the 3rd meeting of Korea": no participants named; "of the X Talks": the talks' own name
        if any(s < m and k < e for s, e in org_spans):
            continue
        name = doc[i:m].text if doc[k - 1].lower_ != "the" else f"{text} of the {doc[k:m].text}"
        out.append(NamedSpan(i, m, "event", name, ordinal=ordinal, year=year))
    return out


_BODY_SOURCES = ("international_organizations", "groupings")
_BODY_FORMS: dict[int, frozenset[str]] = {}


def _body_forms(lex: Lexicon) -> frozenset[str]:
    """Names, acronyms and aliases of the intergovernmental bodies and groupings of the gazetteers."""
    cached = _BODY_FORMS.get(id(lex.orgs))
    if cached is None:
        cached = frozenset(f for o in lex.orgs if o.source in _BODY_SOURCES
                           for f in (o.name, o.acronym, *o.aliases) if f)
        _BODY_FORMS[id(lex.orgs)] = cached
    return cached


def _body_events(doc: Doc, lex: Lexicon, blocked: set[int], org_spans: set[tuple[int, int]]) -> list[NamedSpan]:
    """A meeting word in lower case after an intergovernmental body or grouping names that body's meeting, as
    news text writes it: 'the ASEAN foreign ministers' meeting', 'the G20 foreign ministerial meeting', 'the
    Asia-Pacific Economic Cooperation summit' (up to three lower-case words between)."""
    heads = _lower_heads(lex)
    forms = _body_forms(lex)
    out: list[NamedSpan] = []
    for s, e in sorted(org_spans):
        if e >= len(doc) or not doc[e].is_lower or doc[s:e].text not in forms or any(k in blocked for k in range(s, e)):
            continue
        k = e
        while k < len(doc) and k - e < 4 and k not in blocked:
            t = doc[k]
            if t.text in heads:
                nxt = doc[k + 1] if k + 1 < len(doc) else None
                if nxt is not None and t.whitespace_ and nxt.text in heads:
                    k += 1
                    continue  # "summit meeting": the name goes on to the later head
                if nxt is not None and t.whitespace_ and nxt.is_lower and nxt.pos_ == "NOUN":
                    break  # "ASEAN dialogue partners": the meeting word describes another noun
                named = NamedSpan(s, k + 1, "event", doc[s:k + 1].text, acronym=acronym_after(doc, k + 1))
                if s > 0:
                    named.ordinal = _ordinal(doc[s - 1].text)
                    named.year = doc[s - 1].text if _YEAR.match(doc[s - 1].text) else None
                out.append(named)
                break
            if not ((t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN", "PROPN"))
                    or (t.text in ("'", "’") and not doc[k - 1].whitespace_ and doc[k - 1].text.endswith("s"))):
                break
            k += 1
    return out


def _compound_initiatives(doc: Doc, lex: Lexicon, blocked: set[int]) -> list[NamedSpan]:
    """Plans, funds and mechanisms written in lower case after a compound of economies: 'the second ROK-Mekong
    action plan', 'the Korea-Pacific Islands cooperation fund'. As for meetings (:func:`_compound_events`), the
    compound names the parties, which makes a particular programme of a common noun; a word ordinal before it is
    part of the name (the second plan is another plan than the first)."""
    heads = frozenset(h for h, kind in lex.initiative_heads.items() if kind == "lower")
    view = view_of(doc)
    texts = view.texts
    out: list[NamedSpan] = []
    for i, text in enumerate(texts):
        if text not in heads or i in blocked or i < 3 or doc[i].pos_ != "NOUN":
            continue
        if i + 1 < len(doc) and view.spaced[i] and doc[i + 1].is_lower and doc[i + 1].pos_ == "NOUN":
            continue  # "the ROK-US plan review": the head only describes another noun
        k = i
        while k - 1 > 0 and i - k < 2 and doc[k - 1].is_lower and doc[k - 1].is_alpha and \
                doc[k - 1].pos_ in ("NOUN", "ADJ") and (k - 1) not in blocked:
            k -= 1  # "action plan", "cooperation fund"
        start = _left_edge(doc, k, lex, blocked, "event")  # an ordinal ends the compound, as for meetings
        if start >= k or not _economy_compound(doc, start, k, lex):
            continue
        if start > 0 and (doc[start - 1].lower_ in _WORD_ORDINALS or _ORDINAL.match(doc[start - 1].text)):
            start -= 1
        out.append(NamedSpan(start, i + 1, "initiative", doc[start:i + 1].text))
    return out


def _coordinated(doc: Doc, lex: Lexicon, blocked: set[int]) -> list[NamedSpan]:
    """Two names that share a plural head: 'the new Southern and Northern Policies' -> 'New Southern Policy',
    'New Northern Policy' (a lower-case word before the first name is kept when the gazetteer knows the name
    with it). Economies and their adjectives are no such names ('the Korean and Japanese policies')."""
    out: list[NamedSpan] = []
    texts = view_of(doc).texts
    for i, text in enumerate(texts):
        if i < 4 or not text.endswith("s") or i in blocked or not is_cap(doc[i]):
            continue
        single = text[:-3] + "y" if text.endswith("ies") else text[:-1]
        if lex.name_heads.get(single) != "initiative" or lex.name_heads.get(text) == "initiative":
            continue
        b = i
        while b - 1 >= 0 and is_cap(doc[b - 1]) and (b - 1) not in blocked and i - b < 2:
            b -= 1
        if b == i or b < 3 or doc[b - 1].lower_ != "and":
            continue
        a = b - 1
        while a - 1 >= 0 and is_cap(doc[a - 1]) and (a - 1) not in blocked and b - 1 - a < 2 \
                and doc[a - 1].pos_ not in _STOP_POS:
            a -= 1
        if a == b - 1:
            continue
        first, second = doc[a:b - 1].text, doc[b:i].text
        if any(x in lex.economy_names or x in lex.economy_adjectives for x in (first, second)):
            continue
        start = a
        names = [first + " " + single, second + " " + single]
        if a > 0 and doc[a - 1].is_lower and doc[a - 1].pos_ == "ADJ":
            known = _known_initiatives(lex)
            prefixed = [doc[a - 1].text + " " + n for n in names]
            if any(p.lower() in known for p in prefixed):  # the shared word belongs to both names
                names = [known.get(p.lower(), p[:1].upper() + p[1:]) for p in prefixed]
                start = a - 1
        out.append(NamedSpan(start, b - 1, "initiative", names[0]))
        out.append(NamedSpan(b, i + 1, "initiative", names[1]))
    return out


_KNOWN: dict[int, dict[str, str]] = {}


def _known_initiatives(lex: Lexicon) -> dict[str, str]:
    """The gazetteer's initiative names by their lower-case form."""
    known = _KNOWN.get(id(lex.initiatives))
    if known is None:
        known = _KNOWN[id(lex.initiatives)] = {name.lower(): name for name, _ in lex.initiatives}
    return known


def _economy_compound(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """The name opens with parts joined by hyphens ('ROK-US', 'US-North Korea'), one of them an economy."""
    if start + 2 >= end or doc[start + 1].text != "-" or not glued(doc, start) or not glued(doc, start + 1):
        return False
    parts = [doc[start].text] + [doc[start + 2:e].text for e in range(start + 3, min(end, start + 5) + 1)]
    return any(p in lex.economy_names or p in lex.economy_adjectives for p in parts)


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
        if ordinal is None and not (meeting and (year or _attended(doc, start, end) or _occasion(doc, s, end))):
            continue
        found_acronym = acronym_after(doc, end)
        written = doc[start:end].text
        if not is_acronym(written) and written != acronym:
            name = written  # the name as written: "UN General Assembly"; an acronym alone gives the full name
        out.append(NamedSpan(first, end, "event", name, acronym=found_acronym or acronym, ordinal=ordinal,
                             year=year, acronym_follows=found_acronym is not None))
    return out


_OCCASIONS = {"occasion", "sidelines", "sideline", "margins", "margin", "eve"}


def _occasion(doc: Doc, start: int, end: int) -> bool:
    """A standing forum as the meeting something happens at: 'on the occasion of the UN General Assembly', 'on
    the sidelines of the ASEAN Regional Forum', 'the UN General Assembly session'."""
    if end < len(doc) and doc[end].lower_ in ("session", "meeting", "summit"):
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _OCCASIONS


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


# ------------------------------------------------------------------ one event under several names


def event_aliases(names: dict[str, str], text: str, lex: Lexicon) -> dict[str, str]:
    """event id -> the id of the same event under its fullest name, for the events of one document written
    in several ways: 'Mekong-ROK' / 'Mekong-Republic of Korea Foreign Ministers' Meeting' (an economy's forms),
    'EAS' / 'East Asia Summit Foreign Ministers' Meeting' (an acronym the text defines), 'the Cooperation Forum'
    / 'the ROK-Central Asia Cooperation Forum' (the tail of one longer name, no other event ending so).
    Events named alike only in part ('Japan-China Summit' and 'ROK-Japan-China Summit') stay apart."""
    if len(names) < 2:
        return {}
    keys = {eid: _event_key(name, text, lex) for eid, name in names.items()}
    groups: dict[tuple[str, ...], list[str]] = {}
    for eid, key in keys.items():
        if key:
            groups.setdefault(key, []).append(eid)
    parent = {key: key for key in groups}
    for key in groups:
        longer = [k for k in groups if len(k) > len(key) and k[-len(key):] == key]
        if len(key) >= 2 and len(longer) == 1:
            parent[key] = longer[0]
    out: dict[str, str] = {}
    for key, eids in groups.items():
        root = _root(parent, key)
        members = [e for k, es in groups.items() if _root(parent, k) == root for e in es]
        best = max(members, key=lambda e: (len(names[e]), -list(names).index(e)))
        for e in eids:
            if e != best:
                out[e] = best
    return out


def _root(parent: dict[tuple[str, ...], tuple[str, ...]], key: tuple[str, ...]) -> tuple[str, ...]:
    while parent[key] != key:
        key = parent[key]
    return key


_ECONOMY_RE: dict[int, re.Pattern[str]] = {}


def _economy_re(lex: Lexicon) -> re.Pattern[str]:
    """Every economy name and abbreviation, longest first, as whole words."""
    pattern = _ECONOMY_RE.get(id(lex.economy_names))
    if pattern is None:
        forms = sorted(lex.economy_names, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
        _ECONOMY_RE[id(lex.economy_names)] = pattern
    return pattern


def _event_key(name: str, text: str, lex: Lexicon) -> tuple[str, ...]:
    """The words of an event's name with each economy written as its code, each acronym the text defines
    written out, and without a leading ordinal or year and generic words ('Annual')."""
    name = name.replace("’", "'")
    name = _economy_re(lex).sub(lambda m: "@" + lex.economy_names[m.group(0)].lower(), name)
    words: list[str] = []
    for word in name.split():
        if is_acronym(word):
            words += _expansion(word, text) or [word]
        else:
            words.append(word)
    while words and (_ordinal(words[0]) or _YEAR.match(words[0]) or words[0].lower() == "the"):
        words = words[1:]
    generic = {w.lower().replace("’", "'") for w in lex.generic_name_words}
    return tuple(w.lower() for w in words if w.lower() not in generic)


def _expansion(acronym: str, text: str) -> list[str] | None:
    """'East Asia Summit' for 'EAS' when the text writes 'East Asia Summit (EAS)'."""
    for m in re.finditer(r"\(" + re.escape(acronym) + r"\)", text):
        before = [w for w in text[max(0, m.start() - 120):m.start()].replace("’", "'").split()
                  if w[:1].isupper()][-len(acronym):]
        if len(before) == len(acronym) and "".join(w[0] for w in before) == acronym:
            return before
    return None


def merge_events(events: dict[str, Event], found: list[Found], text: str,
                 lex: Lexicon) -> tuple[dict[str, Event], list[Found]]:
    """One row per event (see :func:`event_aliases`): the fullest name, each attribute from the first mention
    that states it; the mentions point to that row."""
    aliases = event_aliases({eid: e.name for eid, e in events.items()}, text, lex)
    if not aliases:
        return events, found
    merged: dict[str, Event] = {}
    for eid, e in events.items():  # in order of first mention
        target = aliases.get(eid, eid)
        old = merged.get(target)
        if old is None:
            merged[target] = events[target].model_copy(update={
                k: getattr(e, k) for k in _EVENT_FIELDS if getattr(e, k) is not None})
        else:
            merged[target] = old.model_copy(update={
                k: getattr(e, k) for k in _EVENT_FIELDS if getattr(old, k) is None and getattr(e, k) is not None})
    found = [Found(f.start, f.end, f.kind, aliases[f.entity_id]) if f.kind == "event" and f.entity_id in aliases
             else f for f in found]
    return {eid: merged[eid] for eid in events if eid in merged}, found


_EVENT_FIELDS = ("acronym", "ordinal", "date", "location", "economy_id")


def event_head(name: str, lex: Lexicon) -> str:
    """The meeting word of an event's name in lower case: its last event head ('session' of 'Policy Briefing
    Session for Year 2018'), else its last word."""
    words = name.split()
    for w in reversed(words):
        if lex.name_heads.get(w) == "event" or lex.name_heads.get(w.capitalize()) == "event":
            return w.lower()
    return words[-1].lower() if words else ""
