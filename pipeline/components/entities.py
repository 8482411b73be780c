"""The entity component: people, economies, organisations, initiatives, events, locations and dates.

Runs after the model's ``ner`` (and the gazetteer ruler before it) and fills the contract of
:mod:`pipeline.components`: ``doc.spans["mofa"]``, ``doc._.mofa_entities`` and ``doc._.mofa_links``.
The finders run in an order where each later one respects what the earlier ones took: places,
gazetteer organisations, people, named initiatives/events, dates, the model's other organisations.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline import ids
from pipeline.components.ent_common import (
    DocView,
    Found,
    TokenSpans,
    acronym_after,
    in_headline,
    is_cap,
    org_head_after,
    overlaps,
)
from pipeline.components.ent_dates import find_dates
from pipeline.components.ent_lexicon import DATA_DIR, load_lexicon, with_model_words
from pipeline.components.ent_links import MentionIndex, event_details, initiative_links, parse_details
from pipeline.components.ent_named import event_head, find_named, merge_events, org_sessions, to_found
from pipeline.components.ent_orgs import (
    acronym_mentions,
    find_defined_orgs,
    find_gazetteer_orgs,
    find_headed_orgs,
    find_model_orgs,
)
from pipeline.components.ent_people import PeopleFinder
from pipeline.components.ent_places import build_gazetteer_matcher, find_places, gazetteer_matches
from pipeline.components.ent_ruler import DEFAULT_LABELS  # importing it also registers "mofa_entity_ruler"
from schemas.models import Economy, Event, Initiative, Organization


@Language.factory("mofa_entities", default_config={"data_dir": "", "set_ents": True, "labels": DEFAULT_LABELS})
def make_entities(nlp: Language, name: str, data_dir: str, set_ents: bool, labels: dict[str, str]) -> EntityFinder:
    return EntityFinder(nlp, Path(data_dir) if data_dir else DATA_DIR, set_ents, labels)


class EntityFinder:
    def __init__(self, nlp: Language, data_dir: Path, set_ents: bool = True,
                 labels: dict[str, str] | None = None) -> None:
        self.lex = with_model_words(load_lexicon(data_dir), nlp)
        self.matcher = build_gazetteer_matcher(nlp, self.lex)
        self.people = PeopleFinder(self.lex)
        self.set_ents = set_ents
        self.labels = {**DEFAULT_LABELS, **(labels or {})}

    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc)
        found, entities, links = self.find(view)  # type: ignore[arg-type]
        doc.spans["mofa"] = [f.span(doc) for f in found]
        doc._.mofa_entities = entities
        doc._.mofa_links = links
        if self.set_ents:
            self.sync_ents(doc, found, view.ents)  # the entities find() read: none were set since
        return doc

    def sync_ents(self, doc: Doc, found: list[Found], ents: tuple[Span, ...] | None = None) -> None:
        """doc.ents agree with doc.spans["mofa"]: every mention with its OntoNotes label; the model's own
        entities of the kinds the project decides (people, places, organisations, events, laws, dates) are
        dropped when no mention confirms them; its other entities (numbers, money, NORP) stay where free."""
        ents = doc.ents if ents is None else ents  # rebuilt on every access: read once
        model_gpe = {(e.start, e.end) for e in ents if e.label_ == self.labels["city"]}
        mine = [Span(doc, f.start, f.end, label=self._label(doc, f, model_gpe), kb_id=f.entity_id) for f in found]
        mine = filter_spans(mine)
        decided = set(self.labels.values())
        occupied = TokenSpans((m.start, m.end) for m in mine)
        rest = [e for e in ents if e.label_ not in decided and not occupied.any_overlap(e.start, e.end)]
        doc.set_ents(sorted(mine + rest, key=lambda s: s.start), default="outside")

    def find(self, doc: Doc) -> tuple[list[Found], dict[str, dict], list]:
        lex = self.lex
        matches = gazetteer_matches(doc, self.matcher)
        places, place_tokens = find_places(doc, matches, lex)
        # "Korea Institute for Defense Analyses", "Japan Foundation": the economy's name opens a body's name
        places = [f for f in places if not (
            f.kind == "economy" and doc[f.start:f.end].text in lex.economy_names and f.end < len(doc)
            and is_cap(doc[f.end]) and (h := org_head_after(doc, f.start, lex.org_heads)) is not None
            and h >= f.end and doc[h].text not in lex.state_org_heads)]
        economies = {f.entity_id: Economy(economy_id=f.entity_id, name=lex.display(f.entity_id),
                                          apec_member=f.entity_id in lex.apec)
                     for f in places if f.kind == "economy"}
        orgs_found, orgs = find_gazetteer_orgs(doc, matches, lex)
        orgs_found = self._offices_before_names(doc, orgs_found, orgs)
        sessions = org_sessions(doc, [(f.start, f.end, orgs[f.entity_id].name, orgs[f.entity_id].acronym)
                                      for f in orgs_found],
                                frozenset(h for h, kind in lex.name_heads.items() if kind == "event"))
        if sessions:
            gone = {(n.start, n.end) for n in sessions} | {(n.end + 1, n.end + 2) for n in sessions
                                                           if acronym_after(doc, n.end)}
            gone |= {(f.start, f.end) for f in orgs_found for n in sessions if n.start <= f.start and f.end <= n.end}
            orgs_found = [f for f in orgs_found if (f.start, f.end) not in gone]
            orgs = {oid: o for oid, o in orgs.items() if any(f.entity_id == oid for f in orgs_found)}
        defined_found, defined, _ = find_defined_orgs(
            doc, [(f.start, f.end) for f in orgs_found + places if f.kind != "economy"], lex)
        orgs_found += defined_found
        orgs_found += acronym_mentions(doc, {o.acronym: ("organization", oid) for oid, o in defined.items()
                                             if o.acronym}, [(f.start, f.end) for f in orgs_found])
        orgs.update(defined)
        econ_at = {f.start: (f.end, f.entity_id) for f in places if f.kind == "economy"}
        org_tokens = {i for f in orgs_found for i in range(f.start, f.end)}
        org_at = {f.start: f.end for f in orgs_found}
        cands = self.people.candidates(doc, econ_at, org_tokens | place_tokens, org_at)
        people_found, people = self.people.resolve(doc, cands)
        person_tokens = {i for f in people_found for i in range(f.start, f.end)}
        # a region named in an office's title ("Minister for Europe and Foreign Affairs") is no place mention
        places = [f for f in places if f.kind == "economy" or not any(
            c.title is not None and c.title.start <= f.start and f.end <= c.title.end for c in cands)]
        # titles without a resolved person still block named-entity scans
        title_tokens = {i for c in cands for i in range(c.start, c.end)}

        # organisations named by their shape (a head noun), never over a person, a title or a known body
        headed_found, headed = find_headed_orgs(
            doc, person_tokens | title_tokens | {i for f in orgs_found for i in range(f.start, f.end)}, econ_at, lex,
            orgs)
        orgs_found += headed_found
        orgs.update({oid: o for oid, o in headed.items() if oid not in orgs})
        named = find_named(doc, lex, person_tokens | title_tokens,
                           {(f.start, f.end) for f in orgs_found})
        named = _dedupe_named(sessions + named)
        named_found, acronyms = to_found(named, doc._.mofa_doc_id)

        dates_found = []
        for d in find_dates(doc.text, doc._.mofa_published):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                dates_found.append(Found(span.start, span.end, "date", d.iso))

        taken = [(f.start, f.end) for f in places + orgs_found + people_found + named_found + dates_found]
        taken += [(c.start, c.end) for c in cands]
        quoted = [(n.start, n.end) for n in named if n.kind == "initiative"]
        known = set(acronyms) | {o.acronym for o in orgs.values() if o.acronym}
        model_found, model_orgs = find_model_orgs(doc, taken, lex, quoted, known, orgs)
        orgs.update(model_orgs)
        for oid, org in orgs.items():
            if org.acronym:
                acronyms.setdefault(org.acronym, ("organization", oid))
        found = places + orgs_found + people_found + named_found + dates_found + model_found
        found += acronym_mentions(doc, acronyms, [(f.start, f.end) for f in found])
        found = sorted(set(found), key=lambda f: (f.start, f.end, f.kind))
        found = _drop_duplicate_spans(found)

        initiatives: dict[str, Initiative] = {}
        events: dict[str, Event] = {}
        locations = dict(lex.locations)
        index = MentionIndex.of(found, {pid: p.economy for pid, p in people.items() if p.economy})
        for n in named:
            if n.kind == "initiative":
                iid = ids.initiative_id(n.name)
                old = initiatives.get(iid)
                initiatives[iid] = Initiative(initiative_id=iid, name=n.name,
                                              acronym=n.acronym or (old.acronym if old else None))
        for f in found:
            if f.kind != "event":
                continue
            n = next((x for x in named if x.kind == "event" and (x.start, x.end) == (f.start, f.end)), None)
            details = event_details(doc, f, found, locations, index)
            name = n.name if n else next(x.name for x in named if ids.event_id(doc._.mofa_doc_id, x.name)
                                         == f.entity_id)
            old = events.get(f.entity_id)
            date = _in_year(details["date"], n.year if n else None) or (n.year if n else None)
            merged = {
                "acronym": (n.acronym if n else None) or (old.acronym if old else None),
                # the first numbered mention is the meeting the release is about ("the 15th X ... the 16th X")
                "ordinal": (old.ordinal if old else None) or (n.ordinal if n else None),
                "date": _better_date(old.date if old else None, date),
                "location": (old.location if old else None) or details["location"],
                "economy_id": (old.economy_id if old else None) or details["economy_id"],
            }
            events[f.entity_id] = Event(event_id=f.entity_id, doc_id=doc._.mofa_doc_id, name=name, **merged)
        events, found = merge_events(events, found, doc.text, lex)
        self._details_from_common_noun(doc, events, found, locations, index)
        for e in events.values():
            if e.economy_id and e.economy_id not in economies:
                economies[e.economy_id] = Economy(economy_id=e.economy_id, name=lex.display(e.economy_id),
                                                  apec_member=e.economy_id in lex.apec)
        links = initiative_links(doc, found, {i.initiative_id: i.name for i in initiatives.values()})
        entities = {"person": people, "economy": economies, "organization": orgs,
                    "initiative": initiatives, "event": events}
        return found, entities, links

    def _offices_before_names(self, doc: Doc, orgs_found: list[Found], orgs: dict) -> list[Found]:
        """'United Nations High Commissioner for Refugees Anders Holmqvist': a gazetteer body whose name is also
        an office (the UNHCR and its High Commissioner), directly followed by a person's name, is that person's
        title there. The tail that reads as a title is given back to the people finder; only a leading body that
        is itself in the gazetteer ('United Nations') stays an organisation mention."""
        by_name = {e.name: e for e in self.lex.orgs} | {e.acronym: e for e in self.lex.orgs if e.acronym}
        out: list[Found] = []
        for f in orgs_found:
            split = None
            if f.end < len(doc) and is_cap(doc[f.end]):
                for k in range(f.start, f.end):
                    title = self.people.parse_title(doc, k, {}, {})
                    if title is not None and title.end == f.end:
                        name_end, words = self.people.parse_name(doc, f.end, {}, set())
                        if words and name_end > f.end:
                            split = k
                        break
            if split is None:
                out.append(f)
                continue
            entry = by_name.get(doc[f.start:split].text)
            if entry is not None:
                oid = ids.org_id(entry.name)
                out.append(Found(f.start, split, "organization", oid))
                orgs[oid] = Organization(org_id=oid, name=entry.name, acronym=entry.acronym)
            if not any(g.entity_id == f.entity_id for g in orgs_found if g is not f):
                orgs.pop(f.entity_id, None)
        return out

    def _details_from_common_noun(self, doc: DocView, events: dict[str, Event], found: list[Found],
                                  locations: dict[str, str | None], index: MentionIndex) -> None:
        """A named event stated only in the headline ("Outcome of Korea-Viet Nam Foreign Ministers' Talks") takes
        its date and place from the body's common noun of the same head ("held talks ... in Seoul on June 20"),
        when no other named event shares that head."""
        covered = {i for f in found for i in range(f.start, f.end)}
        heads = [event_head(e.name, self.lex) for e in events.values()]
        for eid, e in list(events.items()):
            if e.date and e.location:
                continue
            word = event_head(e.name, self.lex)
            if heads.count(word) != 1:
                continue
            # the common noun first ("In the meeting, ..."), then the verb of a meeting ("met with X on June 20")
            verbs = ("met", "meets") if word in ("meeting", "talks") else ()
            hits = [i for i, (lower, text) in enumerate(zip(doc.lowers, doc.texts, strict=True))
                    if lower == word and text == word] + ([i for i, lower in enumerate(doc.lowers) if lower in verbs]
                                                          if verbs else [])
            for i in hits:  # columns of the DocView
                if i in covered or in_headline(doc, i) or (doc.lowers[i] in verbs and doc[i].pos_ != "VERB"):
                    continue
                d = parse_details(doc, i, found, locations, index)
                if any(d.values()):
                    events[eid] = e.model_copy(update={
                        "date": e.date or d["date"], "location": e.location or d["location"],
                        "economy_id": e.economy_id or d["economy_id"] if not e.location else e.economy_id})
                    break

    def _label(self, doc: Doc, f: Found, model_gpe: set[tuple[int, int]]) -> str:
        if f.kind == "location" and ((f.start, f.end) in model_gpe or self.lex.locations.get(doc[f.start:f.end].text)):
            return self.labels["city"]
        return self.labels[f.kind]


def _in_year(date: str | None, year: str | None) -> str | None:
    """'The 2026 G20 Summit ... on December 14': the name's year decides the date's year."""
    if date and year and len(date) > 4 and not date.startswith(year):
        return year + date[4:]
    return date


def _better_date(old: str | None, new: str | None) -> str | None:
    if not old:
        return new
    if not new:
        return old
    return new if len(new) > len(old) else old


def _dedupe_named(named: list) -> list:
    """Keep the longest of overlapping named spans of the same kind."""
    named = sorted(named, key=lambda n: (n.start, -(n.end - n.start)))
    out = []
    for n in named:
        if any(o.kind == n.kind and overlaps((o.start, o.end), (n.start, n.end)) for o in out):
            continue
        out.append(n)
    return out


def _drop_duplicate_spans(found: list[Found]) -> list[Found]:
    """One mention per span: an exact span claimed twice keeps the first finder's kind."""
    seen: dict[tuple[int, int], Found] = {}
    for f in found:
        seen.setdefault((f.start, f.end), f)
    return sorted(seen.values(), key=lambda f: (f.start, f.end))
