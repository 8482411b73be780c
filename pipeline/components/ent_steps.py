"""The finder steps of :class:`pipeline.components.entities.EntityFinder`, in the one order they run.

Each step has one job and writes its results into the document's :class:`Taken` record; a later step reads
what the earlier ones took and respects it (places first, then gazetteer organisations, people, named
initiatives and events, dates, the model's other organisations, then the entity records and links built from
all mentions). The order is declared once (:data:`ORDER`); a name in it that no step registered, or a
registered step left out of it, is an error when the finder is built, never a silently skipped finder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.components.ent_common import (
    DocView,
    Found,
    acronym_after,
    in_headline,
    is_cap,
    org_head_after,
    overlaps,
)
from pipeline.components.ent_dates import find_dates
from pipeline.components.ent_lexicon import Lexicon
from pipeline.components.ent_links import MentionIndex, event_details, initiative_links, parse_details
from pipeline.components.ent_named import NamedSpan, event_head, find_named, merge_events, org_sessions, to_found
from pipeline.components.ent_orgs import (
    acronym_mentions,
    find_defined_orgs,
    find_gazetteer_orgs,
    find_headed_orgs,
    find_model_orgs,
)
from pipeline.components.ent_people import Candidate, PeopleFinder
from pipeline.components.ent_places import find_places, gazetteer_matches
from pipeline.engine import ids
from schemas.models import Economy, Event, Initiative, InitiativeLink, Organization, Person


@dataclass(frozen=True)
class Tools:
    """What every step may use and no step changes: built once per pipeline, shared by all documents."""

    lex: Lexicon
    matcher: PhraseMatcher
    people: PeopleFinder


@dataclass
class Taken:
    """One document's record of what the steps have taken so far: each step fills its own fields and reads the
    earlier steps' (the tokens they cover are what later finders must not claim again)."""

    doc: Doc  # the DocView of the release (columns read once)
    matches: list = field(default_factory=list)  # gazetteer phrase matches (spaCy Spans)
    places: list[Found] = field(default_factory=list)
    place_tokens: set[int] = field(default_factory=set)
    economies: dict[str, Economy] = field(default_factory=dict)
    orgs_found: list[Found] = field(default_factory=list)
    orgs: dict[str, Organization] = field(default_factory=dict)
    sessions: list[NamedSpan] = field(default_factory=list)
    econ_at: dict[int, tuple[int, str]] = field(default_factory=dict)  # economy mention start -> (end, code)
    cands: list[Candidate] = field(default_factory=list)
    people_found: list[Found] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    person_tokens: set[int] = field(default_factory=set)
    title_tokens: set[int] = field(default_factory=set)  # titles, with or without a resolved person
    named: list[NamedSpan] = field(default_factory=list)
    named_found: list[Found] = field(default_factory=list)
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> (kind, entity id)
    dates_found: list[Found] = field(default_factory=list)
    model_found: list[Found] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)  # every mention, sorted, one per span
    initiatives: dict[str, Initiative] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    links: list[InitiativeLink] = field(default_factory=list)

    def entities(self) -> dict[str, dict]:
        """The entity records by kind, as the component contract's ``doc._.mofa_entities``."""
        return {"person": self.people, "economy": self.economies, "organization": self.orgs,
                "initiative": self.initiatives, "event": self.events}


Step = Callable[[Tools, Taken], None]

#: The steps in the order they run: the one place that order is written.
ORDER: tuple[str, ...] = ("places", "gazetteer_orgs", "org_sessions", "defined_orgs", "people", "headed_orgs",
                          "named", "dates", "model_orgs", "mentions", "initiatives", "events", "links")

_REGISTRY: dict[str, Step] = {}


def step(name: str) -> Callable[[Step], Step]:
    """Register a finder step under ``name`` (the name :data:`ORDER` uses); a name registered twice is an error."""
    def register(fn: Step) -> Step:
        if name in _REGISTRY:
            raise ValueError(f"finder step {name!r} is registered twice")
        _REGISTRY[name] = fn
        return fn
    return register


def ordered_steps(order: Sequence[str] = ORDER, registry: Mapping[str, Step] | None = None) -> list[Step]:
    """The steps to run, in ``order``: a name nobody registered, or a registered step the order leaves out, is an
    error (a finder silently skipped would drop its mentions with no sign)."""
    registry = _REGISTRY if registry is None else registry
    missing = [n for n in order if n not in registry]
    if missing:
        raise ValueError(f"finder steps in the order that nobody registered: {', '.join(missing)}")
    left_out = [n for n in registry if n not in order]
    if left_out:
        raise ValueError(f"registered finder steps missing from the order: {', '.join(left_out)}")
    if len(set(order)) != len(order):
        raise ValueError("a finder step is named twice in the order")
    return [registry[n] for n in order]


def _tokens(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}


def _economy(code: str, lex: Lexicon) -> Economy:
    return Economy(economy_id=code, name=lex.display(code), apec_member=code in lex.apec)


@step("places")
def places_step(tools: Tools, t: Taken) -> None:
    """Economies and other places from the gazetteers; an economy's name opening a body's name is no place."""
    doc, lex = t.doc, tools.lex
    t.matches = gazetteer_matches(doc, tools.matcher)
    places, t.place_tokens = find_places(doc, t.matches, lex)
    # "Korea Institute for Defense Analyses", "Japan Foundation": the economy's name opens a body's name
    t.places = [f for f in places if not (
        f.kind == "economy" and doc[f.start:f.end].text in lex.economy_names and f.end < len(doc)
        and is_cap(doc[f.end]) and (h := org_head_after(doc, f.start, lex.org_heads)) is not None
        and h >= f.end and doc[h].text not in lex.state_org_heads)]
    t.economies = {f.entity_id: _economy(f.entity_id, lex) for f in t.places if f.kind == "economy"}


@step("gazetteer_orgs")
def gazetteer_orgs_step(tools: Tools, t: Taken) -> None:
    """Organisations of the gazetteers, less the offices that title a person's name right after them."""
    t.orgs_found, t.orgs = find_gazetteer_orgs(t.doc, t.matches, tools.lex)
    t.orgs_found = _offices_before_names(t.doc, t.orgs_found, t.orgs, tools)


@step("org_sessions")
def org_sessions_step(tools: Tools, t: Taken) -> None:
    """A body's session ('the 80th UNGA') is an event: the organisation mentions inside it are given up."""
    doc, orgs = t.doc, t.orgs
    t.sessions = org_sessions(doc, [(f.start, f.end, orgs[f.entity_id].name, orgs[f.entity_id].acronym)
                                    for f in t.orgs_found],
                              frozenset(h for h, kind in tools.lex.name_heads.items() if kind == "event"))
    if t.sessions:
        sessions = t.sessions
        gone = {(n.start, n.end) for n in sessions} | {(n.end + 1, n.end + 2) for n in sessions
                                                       if acronym_after(doc, n.end)}
        gone |= {(f.start, f.end) for f in t.orgs_found for n in sessions if n.start <= f.start and f.end <= n.end}
        t.orgs_found = [f for f in t.orgs_found if (f.start, f.end) not in gone]
        t.orgs = {oid: o for oid, o in orgs.items() if any(f.entity_id == oid for f in t.orgs_found)}


@step("defined_orgs")
def defined_orgs_step(tools: Tools, t: Taken) -> None:
    """Organisations the release defines with an acronym, and the acronym's later mentions."""
    doc = t.doc
    defined_found, defined, _ = find_defined_orgs(
        doc, [(f.start, f.end) for f in t.orgs_found + t.places if f.kind != "economy"], tools.lex)
    t.orgs_found += defined_found
    t.orgs_found += acronym_mentions(doc, {o.acronym: ("organization", oid) for oid, o in defined.items()
                                           if o.acronym}, [(f.start, f.end) for f in t.orgs_found])
    t.orgs.update(defined)


@step("people")
def people_step(tools: Tools, t: Taken) -> None:
    """People with their titles, never over a place or an organisation; a region inside an office's title is
    no place mention."""
    doc = t.doc
    t.econ_at = {f.start: (f.end, f.entity_id) for f in t.places if f.kind == "economy"}
    org_at = {f.start: f.end for f in t.orgs_found}
    t.cands = tools.people.candidates(doc, t.econ_at, _tokens(t.orgs_found) | t.place_tokens, org_at)
    t.people_found, t.people = tools.people.resolve(doc, t.cands)
    t.person_tokens = _tokens(t.people_found)
    # a region named in an office's title ("Minister for Europe and Foreign Affairs") is no place mention
    t.places = [f for f in t.places if f.kind == "economy" or not any(
        c.title is not None and c.title.start <= f.start and f.end <= c.title.end for c in t.cands)]
    # titles without a resolved person still block named-entity scans
    t.title_tokens = {i for c in t.cands for i in range(c.start, c.end)}


@step("headed_orgs")
def headed_orgs_step(tools: Tools, t: Taken) -> None:
    """Organisations named by their shape (a head noun), never over a person, a title or a known body."""
    headed_found, headed = find_headed_orgs(
        t.doc, t.person_tokens | t.title_tokens | _tokens(t.orgs_found), t.econ_at, tools.lex, t.orgs)
    t.orgs_found += headed_found
    t.orgs.update({oid: o for oid, o in headed.items() if oid not in t.orgs})


@step("named")
def named_step(tools: Tools, t: Taken) -> None:
    """Named initiatives and events (with the bodies' sessions), the longest of overlapping names of a kind."""
    named = find_named(t.doc, tools.lex, t.person_tokens | t.title_tokens, {(f.start, f.end) for f in t.orgs_found})
    t.named = _dedupe_named(t.sessions + named)
    t.named_found, t.acronyms = to_found(t.named, t.doc._.mofa_doc_id)


@step("dates")
def dates_step(tools: Tools, t: Taken) -> None:
    """Dates of the text, the relative ones against the publication date."""
    doc = t.doc
    for d in find_dates(doc.text, doc._.mofa_published):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            t.dates_found.append(Found(span.start, span.end, "date", d.iso))


@step("model_orgs")
def model_orgs_step(tools: Tools, t: Taken) -> None:
    """The model's organisations where no finder took the tokens; every body's acronym becomes known."""
    taken = [(f.start, f.end) for f in t.places + t.orgs_found + t.people_found + t.named_found + t.dates_found]
    taken += [(c.start, c.end) for c in t.cands]
    quoted = [(n.start, n.end) for n in t.named if n.kind == "initiative"]
    known = set(t.acronyms) | {o.acronym for o in t.orgs.values() if o.acronym}
    t.model_found, model_orgs = find_model_orgs(t.doc, taken, tools.lex, quoted, known, t.orgs)
    t.orgs.update(model_orgs)
    for oid, org in t.orgs.items():
        if org.acronym:
            t.acronyms.setdefault(org.acronym, ("organization", oid))


@step("mentions")
def mentions_step(tools: Tools, t: Taken) -> None:
    """All mentions plus the free acronyms of known bodies and names, one per span, in text order."""
    found = t.places + t.orgs_found + t.people_found + t.named_found + t.dates_found + t.model_found
    found += acronym_mentions(t.doc, t.acronyms, [(f.start, f.end) for f in found])
    found = sorted(set(found), key=lambda f: (f.start, f.end, f.kind))
    t.found = _drop_duplicate_spans(found)


@step("initiatives")
def initiatives_step(tools: Tools, t: Taken) -> None:
    """One initiative per id; a later mention without its acronym keeps the earlier one's."""
    for n in t.named:
        if n.kind == "initiative":
            iid = ids.initiative_id(n.name)
            old = t.initiatives.get(iid)
            t.initiatives[iid] = Initiative(initiative_id=iid, name=n.name,
                                            acronym=n.acronym or (old.acronym if old else None))


@step("events")
def events_step(tools: Tools, t: Taken) -> None:
    """Events with their details (ordinal, date, place, host economy) merged over their mentions; a host
    economy no mention named still gets its economy record."""
    doc, lex, named = t.doc, tools.lex, t.named
    locations = dict(lex.locations)
    index = MentionIndex.of(t.found, {pid: p.economy for pid, p in t.people.items() if p.economy})
    events = t.events
    for f in t.found:
        if f.kind != "event":
            continue
        n = next((x for x in named if x.kind == "event" and (x.start, x.end) == (f.start, f.end)), None)
        details = event_details(doc, f, t.found, locations, index)
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
    t.events, t.found = merge_events(events, t.found, doc.text, lex)
    _details_from_common_noun(doc, t.events, t.found, locations, index, lex)
    for e in t.events.values():
        if e.economy_id and e.economy_id not in t.economies:
            t.economies[e.economy_id] = _economy(e.economy_id, lex)


@step("links")
def links_step(tools: Tools, t: Taken) -> None:
    """Economies leading or endorsing an initiative, sentence by sentence."""
    t.links = initiative_links(t.doc, t.found, {i.initiative_id: i.name for i in t.initiatives.values()})


def _offices_before_names(doc: Doc, orgs_found: list[Found], orgs: dict[str, Organization],
                          tools: Tools) -> list[Found]:
    """'United Nations High Commissioner for Refugees Anders Holmqvist': a gazetteer body whose name is also
    an office (the UNHCR and its High Commissioner), directly followed by a person's name, is that person's
    title there. The tail that reads as a title is given back to the people finder; only a leading body that
    is itself in the gazetteer ('United Nations') stays an organisation mention."""
    lex, people = tools.lex, tools.people
    by_name = {e.name: e for e in lex.orgs} | {e.acronym: e for e in lex.orgs if e.acronym}
    out: list[Found] = []
    for f in orgs_found:
        split = None
        if f.end < len(doc) and is_cap(doc[f.end]):
            for k in range(f.start, f.end):
                title = people.titles.parse_title(doc, k, {}, {})
                if title is not None and title.end == f.end:
                    name_end, words = people.parse_name(doc, f.end, {}, set())
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


def _details_from_common_noun(doc: DocView, events: dict[str, Event], found: list[Found],
                              locations: dict[str, str | None], index: MentionIndex, lex: Lexicon) -> None:
    """A named event stated only in the headline ("Outcome of Korea-Viet Nam Foreign Ministers' Talks") takes
    its date and place from the body's common noun of the same head ("held talks ... in Seoul on June 20"),
    when no other named event shares that head."""
    covered = {i for f in found for i in range(f.start, f.end)}
    heads = [event_head(e.name, lex) for e in events.values()]
    for eid, e in list(events.items()):
        if e.date and e.location:
            continue
        word = event_head(e.name, lex)
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


def _in_year(date: str | None, year: str | None) -> str | None:
    """'The 2026 G20 Summit ... on December 14': the name's year decides the date's year."""
    if date and year and len(date) > 4 and not date.startswith(year):
        return year + date[4:]
    return date


def _better_date(old: str | None, new: str | None) -> str | None:
    """Of two dates read for one event, the more precise (a day over a month over a year)."""
    if not old:
        return new
    if not new:
        return old
    return new if len(new) > len(old) else old


def _dedupe_named(named: list[NamedSpan]) -> list[NamedSpan]:
    """Keep the longest of overlapping named spans of the same kind."""
    named = sorted(named, key=lambda n: (n.start, -(n.end - n.start)))
    out: list[NamedSpan] = []
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
