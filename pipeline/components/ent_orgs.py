"""Organisations: the gazetteer of international organisations first, the model's ORG for the rest.

"International Labour Organization (ILO)", "the ILO" and "ILO" become one organisation with its acronym.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline import ids
from pipeline.components.ent_common import Found, acronym_after, is_acronym, is_cap, overlaps
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


_ORG_REJECT_FIRST = {"Minister", "Secretary", "President", "Ambassador", "Spokesperson"}


def find_model_orgs(doc: Doc, taken: list[tuple[int, int]], lex: Lexicon, quoted: list[tuple[int, int]],
                    known_acronyms: set[str]) -> tuple[list[Found], dict[str, Organization]]:
    """The model's ORG entities that no gazetteer or other finder explains, filtered: single common
    words ("Trade"), quoted slogans, titles and named meetings are not organisations."""
    found: list[Found] = []
    records: dict[str, Organization] = {}
    acronyms: dict[str, str] = {}
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
        if any(overlaps((start, end), t) for t in taken + quoted):
            continue
        if span.text in known_acronyms or span[-1].text in lex.not_orgs or any(t.is_space for t in span):
            continue
        words = [t for t in span if t.is_alpha]
        if not words or any(not is_cap(t) for t in words if t.lower_ not in {"of", "and", "for", "the", "on"}):
            continue
        if span[0].text in _ORG_REJECT_FIRST or all(lex.is_title_word(t.text) for t in words):
            continue
        if len(words) == 1 and not is_acronym(span.text) and (span[0].is_sent_start or span[0].pos_ != "PROPN"):
            continue
        if len(words) == 1 and span.text in lex.name_heads:
            continue
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
    """Bare uses of an acronym defined or known in the document ("the ILO", later "FTAAP")."""
    out = []
    for tok in doc:
        if tok.text in acronyms and not any(overlaps((tok.i, tok.i + 1), t) for t in taken):
            kind, eid = acronyms[tok.text]
            out.append(Found(tok.i, tok.i + 1, kind, eid))
    return out
