"""Relations read around named mentions: an event's date, place and host; an initiative's lead and
endorsing economies."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.ent_common import Found, view_of
from pipeline.components.structure import SentenceIndex
from schemas.models import InitiativeLink

_LEAD_VERBS = {"lead", "launch", "establish", "initiate", "propose", "suggest", "found", "spearhead", "host",
               "announce", "unveil", "introduce", "create", "inaugurate", "pioneer", "champion"}
_ENDORSE_VERBS = {"endorse", "support", "join", "co-sponsor", "cosponsor", "welcome", "back"}
_ANAPHORS = {"initiative", "proposal", "fund", "programme", "program", "project", "framework", "plan"}


@dataclass(frozen=True)
class MentionIndex:
    """Lookups over a document's mentions that every event reads: built once per document, not once per event."""

    details_at: dict[int, Found]  # token -> the first date, location or economy mention covering it
    non_org_at: dict[int, Found]  # start token -> the last mention (not an organisation) starting there
    economy_at: dict[int, str]  # start token -> economy id
    person_economy: dict[int, str]  # token of a person's mention -> that person's economy

    @classmethod
    def of(cls, mentions: list[Found], economies: dict[str, str] | None = None) -> MentionIndex:
        """``economies``: person id -> alpha-3, for hosts that are people ('Deputy Minister Kim hosted X')."""
        details_at: dict[int, Found] = {}
        for m in mentions:
            if m.kind in ("date", "location", "economy"):
                for i in range(m.start, m.end):
                    details_at.setdefault(i, m)
        people = {i: economies[m.entity_id] for m in mentions if m.kind == "person" and economies
                  and economies.get(m.entity_id) for i in range(m.start, m.end)}
        return cls(details_at, {m.start: m for m in mentions if m.kind != "organization"},
                   {m.start: m.entity_id for m in mentions if m.kind == "economy"}, people)


def event_details(doc: Doc, mention: Found, mentions: list[Found], locations: dict[str, str | None],
                  index: MentionIndex | None = None) -> dict[str, str | None]:
    """Date, location and economy stated right after an event mention in its sentence:
    '... Meeting (AMM) in Lima, Peru, on November 14', '... Meeting in August 2024'. ``index``: the
    :class:`MentionIndex` of ``mentions`` when the caller has it."""
    index = index or MentionIndex.of(mentions)
    out: dict[str, str | None] = {"date": None, "location": None, "economy_id": None}
    sent_end = doc[mention.start].sent.end
    limit = min(sent_end, mention.end + 14)
    starts = index.non_org_at  # read only from mention.end to limit
    k = mention.end
    copula = doc[_span_head(doc, mention.start, mention.end)].head
    copula = copula.i if copula.lemma_ == "be" and copula.i >= mention.end else -1
    while k < limit:
        m = starts.get(k)
        if m is not None and m.kind == "event":
            break
        if k == copula:
            break  # "the X Forum is the mechanism between the ROK and ... in Central Asia": not the event's place
        prev = doc[k - 1].lower_ if k > 0 else ""
        if m is not None and m.kind == "date" and out["date"] is None and (
                prev in ("on", "from", "in", "of") or (prev == "(" and k == mention.end + 1)):
            out["date"] = m.entity_id  # "... Meeting on June 20", "the Summit for Democracy (March 18)"
        elif m is not None and m.kind == "location" and prev in ("in", "at") and out["location"] is None:
            out["location"] = doc[m.start:m.end].text
            out["economy_id"] = locations.get(out["location"])
            limit = max(limit, min(sent_end, m.end + 8))  # "... in The Hague, the Netherlands, on April 16"
        elif m is not None and m.kind == "economy" and out["economy_id"] is None and (
                prev in ("in",) or (prev == "," and out["location"])
                or (prev == "the" and k > 1 and doc[k - 2].lower_ == "in")):  # "in the Lao capital"
            out["economy_id"] = m.entity_id
            if m.entity_id in _CITY_STATES and out["location"] is None and prev == "in":
                out["location"] = doc[m.start:m.end].text
        if doc[k].text in (";",):
            break
        k = m.end if m is not None else k + 1
    if out["economy_id"] is None:
        out["economy_id"] = _host(doc, mention, index.economy_at, index.person_economy)
    parsed = parse_details(doc, _span_head(doc, mention.start, mention.end), mentions, locations, index)
    for key, value in parsed.items():
        if out[key] is None:
            out[key] = value
    if out["location"] is None:  # "the Munich Security Conference": a name that opens with its city
        start = mention.start + (doc[mention.start].lower_ == "the")
        for end in range(start + 1, min(start + 3, mention.end - 1) + 1):
            city = doc[start:end].text
            if locations.get(city):  # a place of the gazetteer that lies in one economy (no region)
                out["location"] = city
                out["economy_id"] = out["economy_id"] or locations[city]
                break
    return out


# Verbs whose prepositional phrases place and date the event they govern ("held talks in Seoul on June 20",
# "attended the Meeting in Lima"); not "agreed"/"discussed", whose time is the release's, not the event's.
_EVENT_VERBS = {"hold", "attend", "host", "convene", "chair", "co-chair", "cochair", "participate", "open", "take",
                "organize", "organise", "join", "have", "schedule", "plan", "launch", "kick"}
# Travel verbs an attendance is the purpose of ("will visit New York ... to attend the 80th UNGA").
_TRAVEL_VERBS = {"visit", "travel", "go", "arrive", "fly", "head", "leave", "depart", "make"}
_DATE_PREPS = {"on", "from", "in", "for", "during", "of", "at"}  # "at 20:00-22:30, August 4"
_OCCASIONS = {"occasion", "sideline", "sidelines", "margin", "margins", "eve"}
_PLACE_PREPS = {"in", "at"}
# States that are one city: "held in Singapore" names the place as well as the host economy
_CITY_STATES = {"SGP", "MCO", "VAT", "HKG", "MAC"}


def _span_head(doc: Doc, start: int, end: int) -> int:
    """The syntactic head of tokens [start, end): the one whose head lies outside."""
    for i in range(end - 1, start - 1, -1):
        if not (start <= doc[i].head.i < end) or doc[i].head.i == i:
            return i
    return end - 1


def parse_details(doc: Doc, head: int, mentions: list[Found], locations: dict[str, str | None],
                  index: MentionIndex | None = None) -> dict[str, str | None]:
    """Date, place and economy read from the dependency parse around an event's head noun: its own
    prepositional phrases and participles ("the Summit held in Seoul in June 2024", "the Meeting scheduled
    for July"), those of the verb that holds or attends it ("held talks ... in Seoul on June 20") and of
    the travel that the attendance is the purpose of ("will visit New York from September 22 to attend X")."""
    at = (index or MentionIndex.of(mentions)).details_at
    out: dict[str, str | None] = {"date": None, "location": None, "economy_id": None}
    tok = doc[head]
    # "held the A and the B in Lima": coordinated events share the phrases of either and of the verb
    # (a later conjunct's phrases close the whole coordination; an earlier one's are its own)
    nodes = _with_participles([tok] + [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > tok.i])
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    gov = tok.head
    prep = ""
    if tok.dep_ == "pobj" and gov.dep_ == "prep":
        prep = gov.lower_
        gov = gov.head
    verbs = _EVENT_VERBS
    if prep == "for":  # "arrived in Singapore for the X Meeting": the trip's destination is the event's place
        verbs = _EVENT_VERBS | _TRAVEL_VERBS | {"come"}
    occasion = False
    # "visited Brussels on April 3 on the occasion of X", "met in Seoul on the sidelines of X"
    if gov.lemma_.lower() in _OCCASIONS and gov.dep_ == "pobj" and gov.head.dep_ == "prep":
        gov = gov.head.head
        verbs = _EVENT_VERBS | _TRAVEL_VERBS | {"meet", "sign", "deliver", "speak", "announce"}
        occasion = True
    if gov.i != tok.i and gov.pos_ in ("VERB", "AUX") and (gov.lemma_.lower() in verbs or prep == "at") and (
            tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "nsubj")):  # "a speech at the X Forum in Bogota"
        nodes.append(gov)
        if gov.dep_ in ("xcomp", "advcl") and gov.head.lemma_.lower() in _TRAVEL_VERBS:
            nodes.append(gov.head)
        clause = gov
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            _take(doc, clause.head, "in", at, out)  # "travel to Bogota, where he will call on X and hold the Y"
        if occasion:  # the place of the meeting held on the occasion of X is X's place too
            nodes += [c for c in gov.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
            if gov.dep_ == "acl":  # "talks in Tokyo, held on the sidelines of X"
                nodes.append(gov.head)
    for node in nodes:
        _read_node(doc, node, at, out, locations, depth=0)
    if gov in nodes and tok.i == head and (out["date"] is None or out["location"] is None):
        _read_clause(doc, gov, at, out, {c.i for c in doc[head].conjuncts})  # not for a coordinated event
    if out["economy_id"] is None and out["location"]:
        out["economy_id"] = locations.get(out["location"])
    return out


def _read_clause(doc: Doc, verb, at: dict[int, Found], out: dict[str, str | None], others: set[int]) -> None:
    """Dates and places anywhere in the verb's own clause, however deep the parser hung them ("held the X
    Meeting with the Minister of A and the Secretary of B in Brussels, Belgium, on April 3"); not inside another
    clause ("with the Minister, who visited Seoul on May 2") nor under ``others`` (the tokens of the events
    coordinated with this one: "attend the A in Oslo and the B")."""
    stack = [c for c in verb.children if c.dep_ not in ("relcl", "advcl", "ccomp", "xcomp", "conj", "acl")]
    objects = []
    while stack:
        node = stack.pop()
        if node.pos_ in ("VERB", "AUX") or node.i in others:
            continue
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            objects.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp"))
    for node in sorted(objects, key=lambda t: t.i):  # the first date and place in reading order
        _take(doc, node, node.head.lower_, at, out)


def _with_participles(nouns: list) -> list:
    """The nouns and the participles and relative clauses that describe them ("the Summit held in Seoul", "the
    Conference set to take place in The Hague", "the Forum scheduled to be held in Busan")."""
    out = list(nouns)
    for tok in nouns:
        verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl", "amod") and c.pos_ == "VERB"]
        out += verbs + [x for c in verbs for x in c.children if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")]
    return out


def _read_node(doc: Doc, node, at: dict[int, Found], out: dict[str, str | None],
               locations: dict[str, str | None], depth: int) -> None:
    for child in node.children:
        if child.dep_ == "prep":
            prep = child.lower_
            for obj in [c for c in child.children if c.dep_ == "pobj"]:
                _take(doc, obj, prep, at, out)
                if depth == 0:
                    _read_node(doc, obj, at, out, locations, depth=1)
        elif child.dep_ in ("dobj", "npadvmod") and node.lemma_.lower() in _TRAVEL_VERBS and depth == 0:
            _take(doc, child, "in", at, out)
        elif child.dep_ == "npadvmod" and node.pos_ in ("VERB", "AUX") and depth == 0 and out["date"] is None:
            m = at.get(child.i)  # "will take place in Seoul next year": a bare time phrase of the event's verb
            if m is not None and m.kind == "date":
                out["date"] = m.entity_id
    if node.lemma_.lower() in _TRAVEL_VERBS and depth == 0:  # "travel to New York"
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                for obj in [c for c in child.children if c.dep_ == "pobj"]:
                    _take(doc, obj, "in", at, out)


def _take(doc: Doc, obj, prep: str, at: dict[int, Found], out: dict[str, str | None]) -> None:
    m = at.get(obj.i)
    if m is None:
        return
    if m.kind == "date" and prep in _DATE_PREPS and out["date"] is None:
        out["date"] = m.entity_id
    elif m.kind == "location" and prep in _PLACE_PREPS and out["location"] is None:
        out["location"] = doc[m.start:m.end].text
        for c in obj.children:  # "in Phnom Penh, Cambodia"
            e = at.get(c.i)
            if c.dep_ in ("appos", "conj", "npadvmod") and e is not None and e.kind == "economy":
                out["economy_id"] = out["economy_id"] or e.entity_id
    elif m.kind == "economy" and prep in _PLACE_PREPS and out["economy_id"] is None:
        out["economy_id"] = m.entity_id
        if m.entity_id in _CITY_STATES and out["location"] is None:
            out["location"] = doc[m.start:m.end].text  # "in Singapore": the state is the city too


def _host(doc: Doc, mention: Found, econ_at: dict[int, str],
          person_economy: dict[int, str] | None = None) -> str | None:
    """'Korea will host EVENT', 'Korea's hosting of EVENT', 'Peru, the host of EVENT', 'the ROK-hosted EVENT',
    'Deputy Minister Kim (a Korean) hosted EVENT', 'the ROK government held EVENT' (``econ_at``: the economy
    mentions by start token; ``person_economy``: the economy of the person whose mention covers a token)."""
    if mention.start >= 3 and doc[mention.start - 1].lower_ == "hosted" and doc[mention.start - 2].text == "-" \
            and not doc[mention.start - 2].whitespace_:
        for k in range(mention.start - 3, max(mention.start - 6, -1), -1):  # "the ROK-hosted Summit"
            if k in econ_at:
                return econ_at[k]
    head = doc[mention.end - 1]
    node = head.head if head.dep_ == "pobj" else head
    if node.lower_ == "of":
        node = node.head
    if node.lemma_ in ("host", "hosting"):
        for child in node.children:
            if child.dep_ in ("nsubj", "poss", "nsubjpass") and child.i in econ_at:
                return econ_at[child.i]
        if node.dep_ == "appos" and node.head.i in econ_at:
            return econ_at[node.head.i]
        for anc in node.ancestors:
            if anc.i in econ_at:
                return econ_at[anc.i]
            if anc.pos_ == "VERB":
                break
    if head.dep_ in ("dobj", "attr") and head.head.lemma_ in ("host", "hold", "organize", "organise", "convene"):
        verb = head.head
        for child in verb.children:
            if child.dep_ != "nsubj":
                continue
            if child.i in econ_at and verb.lemma_ == "host":
                return econ_at[child.i]
            owner = _owner(child, econ_at)
            if owner and child.lower_ in _STATE_HEADS:  # "the ROK government held an Indo-Pacific Forum"
                return owner
            if verb.lemma_ == "host" and person_economy and child.i in person_economy:
                return person_economy[child.i]
    return None


def initiative_links(doc: Doc, mentions: list[Found], initiative_names: dict[str, str]) -> list[InitiativeLink]:
    """Lead and endorse links, one row per economy and role (first stating sentence)."""
    index = SentenceIndex(doc)
    doc_id = doc._.mofa_doc_id
    econ_by_start = {m.start: m for m in mentions if m.kind == "economy"}
    inits = sorted((m for m in mentions if m.kind == "initiative"), key=lambda m: m.start)
    rows: dict[tuple[str, str, str], InitiativeLink] = {}

    def add(init_id: str, econ: str, role: str, token: int) -> None:
        key = (init_id, econ, role)
        if key not in rows:
            rows[key] = InitiativeLink(doc_id=doc_id, sent_id=index.sent_id(doc[token].idx),
                                       initiative_id=init_id, economy_id=econ, role=role)

    for m in inits:
        sent = doc[m.start].sent
        end = m.end + (3 if m.end < len(doc) and doc[m.end].text == "(" else 0)
        # "X led by the Korean government"
        window = doc[end:min(sent.end, end + 6)]
        for t in window:
            if t.lemma_ in _LEAD_VERBS | _ENDORSE_VERBS and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "by":
                role = "lead" if t.lemma_ in _LEAD_VERBS else "endorse"
                for econ in _econ_list(doc, t.i + 2, sent.end, econ_by_start, single=role == "lead"):
                    add(m.entity_id, econ, role, t.i)
                break
            if t.lower_ == "which" and t.i + 2 < sent.end:  # "X, which (the) Korea launched"
                e = econ_by_start.get(t.i + 1) or (econ_by_start.get(t.i + 2) if doc[t.i + 1].lower_ == "the" else None)
                if e is not None and e.end < sent.end and doc[e.end].lemma_ in _LEAD_VERBS:
                    add(m.entity_id, e.entity_id, "lead", e.start)
        # "Action Plan for X Strategy of Republic of Korea": the economy after "of" owns it
        k = m.end + 1 + (m.end + 1 < sent.end and doc[m.end + 1].lower_ == "the")
        if m.end < sent.end and doc[m.end].lower_ == "of" and k in econ_by_start:
            add(m.entity_id, econ_by_start[k].entity_id, "lead", k)
        # "Korea's X" / "its X" (its = the nearest economy before, in the sentence)
        k = m.start - (1 if m.start > 0 and doc[m.start - 1].text in ("“", '"') else 0)
        if k > 0 and doc[k - 1].text in ("’s", "'s") and (k - 2) in {e.end - 1 for e in econ_by_start.values()}:
            e = next(e for e in econ_by_start.values() if e.end == k - 1)
            add(m.entity_id, e.entity_id, "lead", m.start)
        elif k > 0 and doc[k - 1].lower_ == "its":
            before = [e for e in econ_by_start.values() if sent.start <= e.start < k - 1]
            others = [x for x in mentions if x.kind == "organization" and sent.start <= x.start < k - 1]
            if before and not (others and max(o.start for o in others) > max(e.start for e in before)):
                add(m.entity_id, max(before, key=lambda e: e.start).entity_id, "lead", m.start)
    groups = _defined_groups(doc, econ_by_start) if inits else {}
    for m in inits:
        pair = _bilateral_leads(doc, m, econ_by_start)
        for econ in pair:
            add(m.entity_id, econ, "lead", m.start)
        if not pair:
            for econ, role, tok in _joint_links(doc, m, econ_by_start, groups):
                add(m.entity_id, econ, role, tok)
    # read from the parse: "the Korean government's X", "X is Korea's roadmap", "Korea launched X"
    econ_tok = {i: m.entity_id for m in mentions if m.kind == "economy" for i in range(m.start, m.end)}
    for m in inits:
        head = doc[_span_head(doc, m.start, m.end)]
        if head.dep_ == "appos" and m.end - m.start == 1:
            continue  # the acronym in parentheses: its name already linked
        if head.dep_ in ("compound", "amod", "nmod") and m.end <= head.head.i < m.end + 4:
            head = head.head  # "Korea's Blue and Green Strategies": the first name shares the later head
        for econ, role, tok in _parse_links(doc, head, econ_tok):
            add(m.entity_id, econ, role, tok)
    # "Kenya Vision 2030": a name that opens with one economy (not "Korea-Japan ...") is that economy's, unless
    # the text names its lead ("Korea's Ukraine Peace Initiative": Ukraine is its topic, not its lead)
    stated = {init_id for init_id, _, role in rows if role == "lead"}
    for m in inits:
        e = econ_by_start.get(m.start)
        if m.entity_id not in stated and e is not None and e.end < m.end and doc[e.end].text != "-" and not (
                e.end < len(doc) and doc[e.end].text in ("’s", "'s")):
            add(m.entity_id, e.entity_id, "lead", m.start)
    # "Korea suggested ... This initiative was endorsed by ..."
    sents = index.spans
    lowers = view_of(doc).lowers
    for sent in sents:
        for i in range(sent.start, sent.end):  # a column of strings: no Token per word
            if lowers[i] in ("this", "the") and i + 1 < sent.end and lowers[i + 1] in _ANAPHORS \
                    and not is_named(doc, i + 1, inits):
                t = doc[i]
                init_id = _antecedent(doc, sents, sent, inits, initiative_names)
                if init_id is None:
                    continue
                prev = _previous_sentence(sents, sent)
                if prev is not None:
                    for tok in (doc[i] for i in range(prev.start, prev.end)):
                        if tok.lemma_ in _LEAD_VERBS and tok.pos_ == "VERB":
                            for child in tok.children:
                                if child.dep_ == "nsubj" and child.i in econ_by_start:
                                    add(init_id, econ_by_start[child.i].entity_id, "lead", tok.i)
                noun = doc[t.i + 1]
                if noun.dep_ == "dobj" and noun.head.lemma_ in _ENDORSE_VERBS | _LEAD_VERBS:
                    role = "endorse" if noun.head.lemma_ in _ENDORSE_VERBS else "lead"
                    for subj in _subjects(noun.head):  # "Indonesia and Thailand endorsed the fund"
                        econ = _owner(subj, econ_tok)
                        if econ:
                            add(init_id, econ, role, noun.head.i)
                for v in sent:
                    if v.lemma_ in _ENDORSE_VERBS | _LEAD_VERBS and v.i + 1 < sent.end and doc[v.i + 1].lower_ == "by":
                        role = "endorse" if v.lemma_ in _ENDORSE_VERBS else "lead"
                        for econ in _econ_list(doc, v.i + 2, sent.end, econ_by_start, single=False):
                            add(init_id, econ, role, v.i)
    return list(rows.values())


_STATE_HEADS = {"government", "administration", "side"}
# "the two countries agreed to launch X", "both sides launched X": the pair of the name's economies
_PAIR_NOUNS = {"countries", "sides", "governments", "leaders", "ministers", "nations", "partners", "states"}
_JOINT_VERBS = _LEAD_VERBS | {"agree", "adopt", "sign", "set", "conclude"}


def _bilateral_leads(doc: Doc, m: Found, econ_by_start: dict[int, Found]) -> list[str]:
    """'Korea-Japan X Partnership' launched or agreed on by both: lead both economies of the name, when the
    subject of the launching verb is the pair ('the two countries', 'both sides') or the two economies."""
    a = econ_by_start.get(m.start)
    if a is None or a.end + 1 >= m.end or doc[a.end].text != "-" or (a.end + 1) not in econ_by_start:
        return []
    b = econ_by_start[a.end + 1]
    pair = {a.entity_id, b.entity_id}
    head = doc[_span_head(doc, m.start, m.end)]
    if head.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return []
    verb = head.head.head if head.dep_ == "pobj" else head.head
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj", "advcl") and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)
    if not any(v.lemma_.lower() in _JOINT_VERBS for v in chain):
        return []
    econ_tok = {i: e.entity_id for e in econ_by_start.values() for i in range(e.start, e.end)}
    for v in chain:
        subjects = _subjects(v) + [c for c in v.children if c.dep_ == "agent" for c in c.children]
        owners = {_owner(s, econ_tok) for s in subjects}
        if pair <= owners:
            return sorted(pair)
        for s in subjects:
            if s.lower_ == "both" or (s.lower_ in _PAIR_NOUNS and any(c.lower_ in ("two", "both")
                                                                      for c in s.children)):
                return sorted(pair)
    return []


# "the ratification of X by both countries", "the adoption of X by the two sides": the act of the parties
_NOMINAL_ROLES = {"ratification": "lead", "signing": "lead", "conclusion": "lead", "launch": "lead",
                  "adoption": "endorse", "endorsement": "endorse"}
# "the two sides adopted X": parties who sign, conclude or launch a programme lead it; adopting or endorsing one
# supports it
_JOINT_ROLES = {"sign": "lead", "ratify": "lead", "conclude": "lead", "launch": "lead", "establish": "lead",
                "adopt": "endorse", "endorse": "endorse", "approve": "endorse"}
_GROUP_NOUNS = {"countries", "nations", "states", "economies"}


def _defined_groups(doc: Doc, econ_by_start: dict[int, Found]) -> dict[str, list[str]]:
    """Groups the text defines by their members: 'Mekong countries (Cambodia, Laos, Myanmar, Viet Nam and
    Thailand)' -> {'Mekong': [KHM, LAO, MMR, VNM, THA]}."""
    out: dict[str, list[str]] = {}
    lowers = view_of(doc).lowers
    for i in range(1, len(doc) - 3):
        if lowers[i] not in _GROUP_NOUNS or doc[i + 1].text != "(" or not doc[i - 1].text[:1].isupper():
            continue
        members: list[str] = []
        k = i + 2
        while k < len(doc) and k - i < 30 and doc[k].text != ")":
            e = econ_by_start.get(k)
            if e is not None:
                members.append(e.entity_id)
                k = e.end
            elif doc[k].text in (",", "and"):
                k += 1
            else:
                break
        if k < len(doc) and doc[k].text == ")" and len(members) >= 2:
            out[doc[i - 1].text] = members
    return out


def _joint_links(doc: Doc, m: Found, econ_by_start: dict[int, Found],
                 groups: dict[str, list[str]]) -> list[tuple[str, str, int]]:
    """(economy, role, token) for a programme the pair of parties acts on: 'the two sides adopted the second
    ROK-Mekong action plan' (the parties of the name's compound, a group by the members the text gives it),
    'the ratification of the KORUS FTA by both countries' (without a compound: the sentence's two economies)."""
    head = doc[_span_head(doc, m.start, m.end)]
    role, subjects, verb = None, [], head.head
    if head.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
        role = _JOINT_ROLES.get(verb.lemma_.lower())
        subjects = _subjects(verb) + [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    elif head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _NOMINAL_ROLES:
        verb = verb.head
        role = _NOMINAL_ROLES[verb.lemma_.lower()]
        subjects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
                    if o.dep_ == "pobj"]
    if role is None or not any(_is_pair(s) for s in subjects):
        return []
    parties = _compound_parties(doc, m, econ_by_start, groups)
    if not parties:
        sent = doc[m.start].sent
        found = list(dict.fromkeys(e.entity_id for e in econ_by_start.values() if sent.start <= e.start < sent.end))
        parties = found if len(found) == 2 else []
    return [(e, role, verb.i) for e in parties]


def _is_pair(tok) -> bool:
    """'both', 'both countries', 'the two sides', 'the Foreign Ministers of the two sides'."""
    if tok.lower_ == "both" or (tok.lower_ in _PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in tok.children)):
        return True
    return tok.lower_ in _SPEAKER_NOUNS and any(_is_pair(o) for c in tok.children if c.dep_ == "prep"
                                                and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")


def _compound_parties(doc: Doc, m: Found, econ_by_start: dict[int, Found],
                      groups: dict[str, list[str]]) -> list[str]:
    """Economies of the compound that opens a name ('ROK-Mekong' with Mekong a defined group), after an ordinal;
    empty unless every part is an economy or a group."""
    k = m.start + (1 if doc[m.start].lower_ in ("first", "second", "third", "fourth", "fifth")
                   or doc[m.start].text[:1].isdigit() else 0)
    out: list[str] = []
    for _ in range(3):
        e = econ_by_start.get(k)
        if e is not None:
            out.append(e.entity_id)
            k = e.end
        elif doc[k].text in groups:
            out += groups[doc[k].text]
            k += 1
        else:
            return []
        if k + 1 >= m.end or doc[k].text != "-":
            break
        k += 1
    return list(dict.fromkeys(out)) if len(out) >= 2 else []


def _owner(tok, econ_tok: dict[int, str]) -> str | None:
    """The economy a possessor or subject stands for: 'Korea', 'the Korean government', 'Korea's government'."""
    if tok.i in econ_tok:
        return econ_tok[tok.i]
    if tok.lower_ in _STATE_HEADS:
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in econ_tok:
                return econ_tok[c.i]
        for c in tok.children:  # "the Government of the Republic of Korea"
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and o.i in econ_tok:
                        return econ_tok[o.i]
    return None


def _subjects(verb) -> list:
    subj = [c for c in verb.children if c.dep_ in ("nsubj",)]
    if not subj and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    out = []
    for s in subj:
        out.append(s)
        out.extend(c for c in s.conjuncts)
    return out


def _parse_links(doc: Doc, head, econ_tok: dict[int, str]) -> list[tuple[str, str, int]]:
    """(economy, role, token) links stated by the parse around an initiative's head noun."""
    out: list[tuple[str, str, int]] = []
    for c in head.children:  # "the Korean government's X", "Korea's X"
        if c.dep_ == "poss":
            econ = _owner(c, econ_tok)
            if econ:
                out.append((econ, "lead", c.i))
    verb = head.head
    # "X is the Korean government's roadmap" / "X, the Korean government's initiative to ..."
    nouns = []
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
        nouns = [c for c in verb.children if c.dep_ == "attr"]
    nouns += [c for c in head.children if c.dep_ == "appos"]
    for n in nouns:
        for c in n.children:
            if c.dep_ == "poss":
                econ = _owner(c, econ_tok)
                if econ:
                    out.append((econ, "lead", c.i))
    # "Korea launched X", "the United States and Japan endorsed X", "the foreign ministers of A and B welcomed X"
    role = None
    if head.dep_ == "dobj" and verb.pos_ == "VERB":
        role = "lead" if verb.lemma_ in _LEAD_VERBS else "endorse" if verb.lemma_ in _ENDORSE_VERBS else None
    elif head.dep_ == "pobj" and verb.lower_ in ("for", "to") and verb.head.lemma_.lower() in _SUPPORT_NOUNS \
            and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
        verb = verb.head.head  # "A and B expressed (their) support for X"
        role = "endorse"
    if role:
        for s in _subjects(verb):
            for econ in _owners(s, econ_tok):
                out.append((econ, role, verb.i))
                if role == "lead":
                    return out
    return out


_SUPPORT_NOUNS = {"support", "backing", "endorsement", "welcome"}
# "the foreign ministers of Cambodia and Lao PDR": people who speak for the economies after "of"
_SPEAKER_NOUNS = {"minister", "ministers", "leader", "leaders", "delegation", "delegations", "representative",
                  "representatives", "government", "governments", "member", "members", "head", "heads"}


def _owners(tok, econ_tok: dict[int, str]) -> list[str]:
    """The economies a subject stands for: its own (see :func:`_owner`) or, for 'the ministers of A and B', each
    economy named after 'of' (with its conjuncts)."""
    one = _owner(tok, econ_tok)
    if one:
        return [one]
    out: list[str] = []
    if tok.lower_ in _SPEAKER_NOUNS:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for o in [obj, *obj.conjuncts]:
                    if o.i in econ_tok:
                        out.append(econ_tok[o.i])
    return out


def is_named(doc: Doc, i: int, inits: list[Found]) -> bool:
    return any(m.start <= i < m.end for m in inits)


def _econ_list(doc: Doc, i: int, end: int, econ_by_start: dict[int, Found], single: bool) -> list[str]:
    """Economies listed from token i: 'the United States, Indonesia, ..., etc.'"""
    out = []
    while i < end:
        if i in econ_by_start:
            e = econ_by_start[i]
            out.append(e.entity_id)
            if single:
                break
            i = e.end
            continue
        if doc[i].lower_ in ("the", ",", "and", "etc", ".", "as", "well") or doc[i].lower_ in ("government", "people"):
            i += 1
            continue
        break
    return list(dict.fromkeys(out))


def _previous_sentence(sents, sent):
    for a, b in itertools.pairwise(sents):
        if b.start <= sent.start < b.end:
            return a
    return None


def _antecedent(doc: Doc, sents, sent, inits: list[Found], names: dict[str, str]) -> str | None:
    """The initiative 'this initiative' refers to: the one whose name shares most words with the previous
    sentence, else the latest one mentioned before."""
    prev = _previous_sentence(sents, sent)
    context = {t.lower_ for t in (prev if prev is not None else sent) if t.is_alpha and not t.is_stop}
    best, score = None, 0
    for init_id, name in names.items():
        words = {w.lower() for w in name.replace("-", " ").split() if len(w) > 2}
        s = len(words & context)
        if s > score:
            best, score = init_id, s
    if best is not None and score >= 2:
        return best
    earlier = [m for m in inits if m.start < sent.start]
    return earlier[-1].entity_id if earlier else None
