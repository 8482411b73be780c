"""Economies and locations: gazetteer names, abbreviations and state-standing adjectives; regions and cities.

Matching (the PhraseMatcher built by :func:`build_gazetteer_matcher`) is kept apart from the decisions in
:func:`find_places`, which read the matches and the model's GPE/LOC entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.ent_common import Found, TokenSpans, is_cap, real_doc, view_of
from pipeline.components.ent_lexicon import Lexicon
from pipeline.engine import ids

ECON, ADJ, LOC, ORG = "economy", "adj", "location", "organization"


def build_gazetteer_matcher(nlp: Language, lex: Lexicon) -> PhraseMatcher:
    """One case-sensitive PhraseMatcher over every gazetteer; match keys are 'kind\\tvalue'."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[str, list[str]] = {}
    for text, code in lex.economy_names.items():
        groups.setdefault(f"{ECON}\t{code}", []).append(text)
    for text, code in lex.economy_adjectives.items():
        groups.setdefault(f"{ADJ}\t{code}", []).append(text)
    for text in lex.locations:
        groups.setdefault(f"{LOC}\t{text}", []).append(text)
    for i, org in enumerate(lex.orgs):
        forms = [org.name, *org.aliases] + ([org.acronym] if org.acronym else [])
        groups.setdefault(f"{ORG}\t{i}", []).extend(forms)
    for key, texts in groups.items():
        matcher.add(key, [nlp.make_doc(t) for t in texts])
    return matcher


def gazetteer_matches(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
    """All matches as spans labelled 'kind\\tvalue' (overlapping; callers choose)."""
    doc = real_doc(doc)
    return [Span(doc, s, e, label=mid) for mid, s, e in matcher(doc)]


def geographic_spans(doc: Doc, spans: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """Places whose name holds an economy's name or adjective: '[South] China Sea', 'Taiwan Strait',
    'Philippine Sea', 'Gulf of Mexico', 'the Mekong region' (heads and directions from ``place_heads.txt``)."""
    doc = view_of(doc)
    texts, spaced = doc.texts, doc.spaced
    out = []
    for start, end in spans:
        s, e = start, None
        j = end
        while j < len(doc) and j - end <= 2:
            if texts[j] in lex.place_heads and spaced[j - 1] and not (
                    j + 1 < len(doc) and texts[j + 1] in lex.org_heads):  # "Japan Coast Guard" is a body
                e = j + 1
                break
            if not doc.caps[j] or not spaced[j - 1] or texts[j] in lex.economy_names:
                break
            j += 1
        if e is None and start >= 2 and doc.lowers[start - 1] == "of" and texts[start - 2] in lex.place_heads \
                and texts[start - 2][0].isupper():
            s, e = start - 2, end  # "Gulf of Mexico"
        if e is None:
            continue
        while s > 0 and texts[s - 1] in lex.directions and spaced[s - 1]:
            s -= 1
        out.append((s, e))
    for i, text in enumerate(texts):  # other proper names ending in a place head: "the Sahel region", "the East Sea"
        if text not in lex.place_heads or i == 0 or (i + 1 < len(doc) and texts[i + 1] in lex.org_heads):
            continue
        tok = doc[i]
        s = tok.i
        while s > tok.sent.start and tok.i - s < 3 and is_cap(doc[s - 1]) and doc[s - 1].pos_ == "PROPN" \
                and doc[s - 1].whitespace_ and doc[s - 1].text not in lex.place_heads:
            s -= 1
        if s < tok.i and doc[s:tok.i + 1].text not in lex.economy_names:
            out.append((s, tok.i + 1))
    return out


def _adjective_stands_for_state(doc: Doc, end: int, lex: Lexicon) -> bool:
    """'the Korean government', 'Chinese and Japanese counterparts', 'the Japanese Foreign Minister', 'Chinese
    Premier Li', 'the Japanese emperor': any office's head after the adjective makes it the state's."""
    j = end
    while j < len(doc) and j - end < 6:
        tok = doc[j]
        if tok.lower_ in lex.state_nouns or "head" in lex.roles(tok.text) or "head" in lex.roles(tok.text.title()):
            return True
        if tok.text in {",", "and", "-", "or"} or tok.text in lex.economy_adjectives or lex.is_title_word(tok.text):
            j += 1
            continue
        break
    return doc[end - 1].head.lower_ in lex.state_nouns and doc[end - 1].dep_ == "amod"


def find_places(doc: Doc, matches: list[Span], lex: Lexicon) -> tuple[list[Found], set[int]]:
    """Economy and location mentions: the longest gazetteer match wins; then the model's GPE/LOC for
    places the gazetteers do not know (cities), never over an economy or organisation. Also returns the
    tokens of places the gazetteers and place heads vouch for (no person may be read there)."""
    rank = {ECON: 0, LOC: 1, ADJ: 2}  # on equal length a name beats a place beats an adjective
    candidates = sorted((m for m in matches if m.label_.split("\t")[0] in rank),
                        key=lambda m: rank[m.label_.split("\t")[0]])
    geo = geographic_spans(doc, [(m.start, m.end) for m in candidates if m.label_.split("\t")[0] in (ECON, ADJ)],
                           lex)
    candidates = [Span(real_doc(doc), s, e, label=f"{LOC}\t{doc[s:e].text}") for s, e in geo] + candidates
    found: list[Found] = []
    for span in filter_spans(candidates):
        kind, value = span.label_.split("\t")
        if kind == ADJ:
            if _adjective_stands_for_state(doc, span.end, lex):
                found.append(Found(span.start, span.end, ECON, value))
        elif kind == ECON:
            found.append(Found(span.start, span.end, ECON, value))
        else:
            found.append(Found(span.start, span.end, LOC, ids.slug(value)))
    found += _short_names(doc, found, lex)
    firm = {i for f in found if f.kind == LOC for i in range(f.start, f.end)}
    taken = TokenSpans([(f.start, f.end) for f in found] + [
        (m.start, m.end) for m in matches if m.label_.startswith(ORG) or m.label_.startswith(ADJ)])
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if start >= ent.end or taken.any_overlap(start, ent.end):
            continue
        if not all(t.text[:1].isupper() or not t.is_alpha for t in doc[start:ent.end]):
            continue
        found.append(Found(start, ent.end, LOC, ids.slug(doc[start:ent.end].text)))
    return found, firm


def _short_names(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    """'the North' for North Korea: a short name after "the", not opening a longer name ("the North Pacific"), in a
    document that names that state otherwise."""
    named = {f.entity_id for f in found if f.kind == ECON}
    covered = {i for f in found for i in range(f.start, f.end)}
    out = []
    for i, text in enumerate(view_of(doc).texts):
        code = lex.economy_short.get(text)
        if code is None or code not in named or i == 0 or doc[i - 1].lower_ != "the" or i in covered:
            continue
        tok = doc[i]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (is_cap(nxt) or (nxt.text == "-" and not tok.whitespace_)):
            continue
        out.append(Found(tok.i, tok.i + 1, ECON, code))
    return out
