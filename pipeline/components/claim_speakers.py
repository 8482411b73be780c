"""Who is speaking: resolve the noun phrase at a claim's subject (or after "according to") to a speaker.

Resolution of one noun phrase, in this order (the first that applies wins):

1. a relative pronoun ("who") stands for the noun its clause hangs on;
2. a personal pronoun ("he", "she") is the person in *discourse focus* (below); "they" is the last collective;
   "I" is the person the document speaks for (the one person of a briefing's header paragraph, else of the
   title) or, inside a quotation, the person the quotation is attributed to; "we" is the home economy only in
   the government's own statement (title with "Statement", not a joint one) and in a briefing of the home
   ministry's spokesperson (title with "Briefing", the header person of the home economy); "it" is the
   organisation or economy that was the subject of the previous main clause ("The WHO warned ... It also
   urged"), never a person;
3. a mention (``doc.spans["mofa"]``) covering the phrase's head: person, then organisation, then economy
   ("Foreign Minister Cho", "the ILO", "Korea suggested");
4. conjoined names ("Minister Kim and Secretary Smith agreed") -> a collective whose id joins the members' ids;
5. a person mention anywhere in the phrase ("Minister of Foreign Affairs Cho Tae-yul of Korea");
6. a plural or counted group noun -> a collective with the normalized phrase as id ("member economies",
   "the two ministers" -> "two ministers", "both sides");
7. a role description ("The Foreign Minister", "Korea's Trade Minister", "the Spokesperson") -> the person in
   focus when the description fits the titles and names the text gives that person, else the most recently
   mentioned person it fits; unresolved descriptions keep the person kind with no id;
8. a government noun ("the Korean government", "The Government of the Republic of Korea") -> the economy
   named in the phrase, or the home economy for an unqualified "the Government";
9. an organisation, then an economy, mentioned anywhere in the phrase.

Discourse focus (the person "the text is about at that point") follows a centering rule: it is the last
person who was the grammatical subject of a main clause (or the resolved speaker of a claim) in the body,
read in text order; subjects inside reported content do not move it, pronouns and descriptions keep it.
So a pronoun or description reaches back across sentences and paragraphs to the person last talked about,
and a new named subject ("In the third session, Trade Minister Cheong ...") takes over. Footnotes and
headlines read the focus but never change the body's: a footnote gets a private copy that is thrown away
when the body resumes. Before any person has been a subject, the focus is the last person mentioned.

After "according to" (:meth:`SpeakerResolver.resolve_source`) only a real speaker counts: a named person,
organisation or economy, a role, a government, a group, or a document an organisation owns ("the ILO's report",
"data from the WHO"); "according to the report" or "according to the agreement between A and B" has none.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from pipeline.components.claim_groups import Groups, document_groups
from pipeline.components.claim_lexicon import SpeakerWords
from pipeline.engine import ids
from schemas.models import Claim

_CUT_DEPS = {"relcl", "acl", "advcl"}
_DROP_DETS = {"the", "a", "an", "this", "these", "those", "that"}
_FLOATING = {"both", "all", "each"}
_WORD = re.compile(r"[a-z][a-z\-]*")
_CONTINUING_DETS = {"the", "these", "those", "both", "all"}
_TITLE_POS = {"NOUN", "PROPN", "ADJ"}
_NUMBER_CLOSERS = {".", ")"}


@dataclass(frozen=True)
class SpeakerNouns:
    """Words of ``pipeline/data/speaker_nouns.json`` (see its comment record)."""

    group_nouns: frozenset[str] = frozenset()
    organ_heads: frozenset[str] = frozenset()
    foreign_words: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    own_possessives: frozenset[str] = frozenset()
    home_ministry: str | None = None
    home_ministry_acronym: str | None = None
    role_synonyms: tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...] = ()

    @property
    def home_ministry_id(self) -> str | None:
        return ids.org_id(self.home_ministry) if self.home_ministry else None


def load_speaker_nouns(path: Path) -> SpeakerNouns:
    """File I/O: called once by the component factory."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    lists = {k: frozenset(v) for k, v in raw.items() if not k.startswith("#") and isinstance(v, list)}
    synonyms = tuple((frozenset(k.split()), tuple(frozenset(_WORD.findall(t.lower())) for t in v))
                     for k, v in raw.get("role_synonyms", {}).items())
    return SpeakerNouns(**lists, home_ministry=raw.get("home_ministry"),
                        home_ministry_acronym=raw.get("home_ministry_acronym"), role_synonyms=synonyms)


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets
    end: int
    kind: str
    entity_id: str
    text: str


@dataclass(frozen=True)
class Speaker:
    kind: str  # a SpeakerKind value
    entity_id: str | None
    text: str
    start: int
    end: int
    via: str  # name, pronoun, description, collective, government, unnamed (an official nobody names)


@dataclass
class Focus:
    """Discourse state carried through the document (one instance per Doc)."""

    person: str | None = None
    collective: Speaker | None = None
    agent: Speaker | None = None  # organisation/economy subject of the last main clause ("it")
    quotes: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, person) of quotations
    groups: dict[str, Speaker] = field(default_factory=dict)  # last collective per head word ("ministers")
    unnamed: Speaker | None = None  # an unnamed official as the last subject: "he" is them

    def copy(self) -> Focus:
        return replace(self, quotes=list(self.quotes), groups=dict(self.groups))


@dataclass
class DocContext:
    """What the resolver knows about the document: mentions (sorted) and words describing each person."""

    mentions: list[Mention]
    person_words: dict[str, set[str]] = field(default_factory=dict)
    person_economy: dict[str, str | None] = field(default_factory=dict)
    home_economy: str | None = None
    text: str = ""
    first_person: str | None = None  # who "I" is outside quotations
    we_economy: str | None = None  # who "we" is (the government's own statement or briefing only)
    gender: dict[str, str] = field(default_factory=dict)  # person -> "m"/"f" where the text shows it
    groups: Groups = field(default_factory=Groups)
    person_names: dict[str, set[str]] = field(default_factory=dict)  # words of each person's name
    alias: dict[str, str] = field(default_factory=dict)  # a one-word person ("Yun") -> the full one
    # the mentions' starts, and the mentions of each kind, for bisecting instead of scanning from the start
    _starts: list[int] = field(init=False, repr=False, default_factory=list)
    _by_kind: dict[str, tuple[list[int], list[Mention]]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]
        for m in self.mentions:
            starts, ms = self._by_kind.setdefault(m.kind, ([], []))
            starts.append(m.start)
            ms.append(m)

    @classmethod
    def from_doc(cls, doc: Doc, home_economy: str | None, words: SpeakerWords | None = None,
                 nouns: SpeakerNouns | None = None) -> DocContext:
        text = doc.text
        mofa = list(doc.spans.get("mofa", []))
        spans = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in mofa]
        mentions = sorted(  # a span's text is the document's text between its offsets
            (Mention(start, end, label, kb_id, text[start:end]) for start, end, label, kb_id in spans if kb_id),
            key=lambda m: (m.start, -m.end),
        )
        words_by_person: dict[str, set[str]] = {}
        economy: dict[str, str | None] = {}
        for m in mentions:
            if m.kind == "person":
                words_by_person.setdefault(m.entity_id, set()).update(_WORD.findall(m.text.lower()))
        for s in mofa:  # "ministry spokesman Noh Kyu-duk": lower-case title words before the name
            if s.label_ == "person" and s.kb_id_:
                words_by_person.setdefault(s.kb_id_, set()).update(_title_words_before(doc, s.start))
        names: dict[str, set[str]] = {}
        for pid, person in ((doc._.mofa_entities or {}).get("person") or {}).items():
            bag = words_by_person.setdefault(pid, set())
            for title in getattr(person, "titles", []) or []:
                bag.update(_WORD.findall(title.lower()))
            names[pid] = set(_WORD.findall((getattr(person, "name", "") or "").lower()))
            bag.update(names[pid])
            economy[pid] = getattr(person, "economy", None)
        paragraphs = doc._.mofa_paragraphs or []

        def people_in(section: str) -> list[str]:
            found = [m.entity_id for p in paragraphs if p.section == section
                     for m in mentions if m.kind == "person" and p.start <= m.start and m.end <= p.end]
            return list(dict.fromkeys(found))

        header, title = people_in("header"), people_in("title")
        first = header[0] if len(header) == 1 else (title[0] if len(title) == 1 and not header else None)
        title_words = set(_WORD.findall(" ".join(text[p.start:p.end] for p in paragraphs
                                                 if p.section == "title").lower()))
        own_statement = bool(words and title_words & words.statement_title_words
                             and not title_words & words.joint_title_words)
        # a briefing of the home ministry's spokesperson: "we" is the government the spokesperson speaks for
        own_briefing = bool(words and title_words & words.briefing_title_words and first is not None
                            and home_economy is not None and economy.get(first) == home_economy)
        econ = [(m.start, m.end, m.entity_id) for m in mentions if m.kind == "economy"]
        we = home_economy if own_briefing else None
        if own_statement:  # "Statement by the Government of Mexico": "we" is Mexico, not the home state
            we = _title_state(doc, paragraphs, econ, words) or economy.get(first or "") or home_economy
        return cls(mentions=mentions, person_words=words_by_person, person_economy=economy,
                   home_economy=home_economy, text=text, first_person=first,
                   we_economy=we, gender=_genders(doc, mofa),
                   groups=document_groups(doc, econ, text),
                   person_names=names, alias=_aliases(names))

    def within(self, start: int, end: int, kinds: tuple[str, ...]) -> list[Mention]:
        """Mentions of the given kinds lying inside [start, end) (character offsets)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= end and m.kind in kinds:
                out.append(m)
        return out

    def covering(self, token: Token, kind: str) -> Mention | None:
        """The first mention of ``kind`` (in start order) that covers the token's first character."""
        starts, ms = self._by_kind.get(kind, ((), ()))
        idx = token.idx
        for m in ms[:bisect.bisect_right(starts, idx)]:
            if idx < m.end:
                return m
        return None

    def last_person_before(self, char: int, fits: set[str] | None = None) -> str | None:
        best = None
        for m in self.mentions:
            if m.start >= char:
                break
            if m.kind == "person" and (fits is None or m.entity_id in fits):
                best = m.entity_id
        return best


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_HONORIFIC = re.compile(r"\b(?:(Mr|Sir)|(Ms|Mrs|Madam|Madame))\.?\s*$")


def _genders(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """A person's gender where the document shows it, so that "she" does not go to the man in focus: an honorific
    before the name (Mr., Ms., Madam) or, when the name is a subject, the first he/his/she/her in its clause
    before any other person is named ("Minister Kang talked to ... after her call with ..."). Conflicting
    evidence: unknown."""
    votes: dict[str, set[str]] = {}
    people = sorted((s for s in spans if s.label_ == "person" and s.kb_id_), key=lambda s: s.start)
    text = doc.text
    for k, span in enumerate(people):
        hon = _HONORIFIC.search(text, max(0, span.start_char - 8), span.start_char) or _HONORIFIC.match(
            span.text.split(" ")[0])
        if hon:
            votes.setdefault(span.kb_id_, set()).add("m" if hon.group(1) else "f")
        if span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        stop = people[k + 1].start if k + 1 < len(people) else len(doc)
        pron = next((t for t in span.root.head.subtree if span.end <= t.i < stop and t.tag_ in ("PRP", "PRP$")
                     and t.lower_ in _PRONOUN_GENDER), None)
        if pron is not None:
            votes.setdefault(span.kb_id_, set()).add(_PRONOUN_GENDER[pron.lower_])
    return {pid: next(iter(v)) for pid, v in votes.items() if len(v) == 1}


def _title_state(doc: Doc, paragraphs: list, econ: list[tuple[int, int, str]],
                 words: SpeakerWords | None) -> str | None:
    """The state whose statement the title announces, so that its "we" is that state whichever state it is: the
    economy in the title's government phrase ("Statement by the Government of Chile on ...", "Statement by the
    Kenyan Government") or the economy the statement's own "by" names ("Statement by Chile on ..."). None when
    the title names no speaking state ("Statement by the Spokesperson on the DPRK's launch": the DPRK is the
    topic)."""
    if words is None:
        return None
    for p in paragraphs:
        if p.section != "title":
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        for t in span if span is not None else ():
            phrase = None
            if t.lemma_.lower() in words.government_heads:
                phrase = np_tokens(t, _CUT_DEPS | {"conj", "cc"})
            elif t.lower_ == "by" and t.head.lemma_.lower() in words.statement_title_words:
                phrase = [g for c in t.children if c.dep_ == "pobj" for g in _owner_phrase(c)]
                if not phrase:
                    return None  # the first "by" names the speaker; a later one ("Launch by X") does not
            if not phrase:
                continue
            lo, hi = min(x.idx for x in phrase), max(x.idx + len(x) for x in phrase)
            found = [e for s, end, e in econ if lo <= s and end <= hi]
            if found or t.lower_ == "by":
                return found[0] if found else None
    return None


def _owner_phrase(head: Token) -> list[Token]:
    """A name with its modifiers and "of" complements only ("the Permanent Mission of Chile", "the Kenyan
    Delegation"), not what it is about ("the Spokesperson on the launch by X")."""
    out = [head]
    for c in head.children:
        if c.dep_ in ("det", "amod", "compound", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ == "of"):
            out += list(c.subtree)
    return out


def _title_words_before(doc: Doc, start: int) -> set[str]:
    """Lower-case words of the title written just before a name ("ministry spokesman" of "ministry spokesman Noh
    Kyu-duk"; "Foreign Ministry spokesman" of "Seoul's Foreign Ministry spokesman Cho"), at most four."""
    out: set[str] = set()
    k = start - 1
    while k >= 0 and start - k <= 4:
        t = doc[k]
        if not (t.is_alpha and t.pos_ in _TITLE_POS) or t.lower_ == "the":
            break
        out.add(t.lower_)
        k -= 1
    return out


def _aliases(names: dict[str, set[str]]) -> dict[str, str]:
    """A person known by one word only ("Yun") is the one other person of the document with that word in a longer
    name ("Yun Byung-se"), when there is exactly one."""
    out = {}
    for pid, words in names.items():
        if len(words) != 1:
            continue
        word = next(iter(words))
        fuller = [q for q, w in names.items() if q != pid and len(w) > 1 and word in w]
        if len(fuller) == 1:
            out[pid] = fuller[0]
    return out


def _numbering(toks: list[Token]) -> bool:
    """A paragraph number opening the phrase ("3." of "3. The two sides", "2)" of "(2)")."""
    return len(toks) > 1 and toks[0].like_num and toks[1].text in _NUMBER_CLOSERS


def np_tokens(head: Token, cut_deps: frozenset[str] | set[str] = _CUT_DEPS) -> list[Token]:
    """The noun phrase of ``head`` without relative/adverbial clauses (``cut_deps``) and edge punctuation."""
    cut: set[int] = set()
    subtree = list(head.subtree)  # walked once (each walk builds new Token objects)
    for t in subtree:
        if t.i != head.i and t.dep_ in cut_deps:
            cut.update(x.i for x in t.subtree)
    toks = [t for t in subtree if t.i not in cut]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("also",) or _numbering(toks)):
        toks.pop(0)
    while toks and toks[-1].is_punct and not (toks[-1].is_right_punct and any(t.is_left_punct for t in toks)):
        toks.pop()
    # keep the contiguous stretch around the head (a cut clause in the middle ends the phrase)
    lo = hi = next((k for k, t in enumerate(toks) if t.i == head.i), 0)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi < len(toks) - 1 and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    toks = _unfloat(toks[lo:hi + 1], head)
    while toks and toks[-1].is_punct and not (toks[-1].is_right_punct and any(t.is_left_punct for t in toks)):
        toks.pop()
    return toks or [head]


def _unfloat(toks: list[Token], head: Token) -> list[Token]:
    """Without a quantifier floated after the phrase ("the Blue House and the ministry both objected")."""
    while len(toks) > 1 and toks[-1].i > head.i and toks[-1].lower_ in _FLOATING:
        toks = toks[:-1]
    return toks


def _span_of(toks: list[Token]) -> tuple[int, int, str]:
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return start, end, toks[0].doc[toks[0].i:toks[-1].i + 1].text


class SpeakerResolver:
    """Resolves noun phrases to speakers against one document's context and a :class:`Focus`."""

    def __init__(self, words: SpeakerWords, ctx: DocContext, nouns: SpeakerNouns | None = None) -> None:
        self.words = words
        self.ctx = ctx
        self.nouns = nouns or SpeakerNouns()

    def resolve(self, head: Token, focus: Focus, allow_pronoun: bool = True, group: bool = True) -> Speaker | None:
        if head.tag_ in ("WP", "WDT") or (head.lower_ == "that" and head.head.dep_ == "relcl"):
            rel = head.head
            while rel.dep_ != "relcl" and rel.head.i != rel.i:  # tokens are new objects: compare positions
                rel = rel.head
            return self.resolve(rel.head, focus, allow_pronoun) if rel.dep_ == "relcl" else None
        low = head.lower_
        if head.pos_ == "PRON":
            if not allow_pronoun:
                return None
            s, e = head.idx, head.idx + len(head)
            if low in self.words.person_pronouns:
                if focus.unnamed is not None:  # "a foreign ministry official said ... He added"
                    return replace(focus.unnamed, text=head.text, start=s, end=e, via="pronoun")
                pid = focus.person or self.ctx.last_person_before(head.idx)
                want = _PRONOUN_GENDER.get(low)
                if pid and want and self.ctx.gender.get(pid, want) != want:  # "Pompeo explained ... She stressed"
                    known = self.ctx.gender
                    pid = self.ctx.last_person_before(head.idx, {p for p, g in known.items() if g == want}) or (
                        self.ctx.last_person_before(head.idx, {m.entity_id for m in self.ctx.mentions
                                                               if m.kind == "person" and m.entity_id not in known}))
                return Speaker("person", pid, head.text, s, e, "pronoun") if pid else None
            if low in self.words.group_pronouns and focus.collective is not None:
                c = focus.collective
                return Speaker(c.kind, c.entity_id, head.text, s, e, "pronoun")
            if low in self.words.first_person_singular:
                quoted = [pid for qs, qe, pid in focus.quotes if qs <= head.idx < qe]
                pid = quoted[-1] if quoted else self.ctx.first_person
                return Speaker("person", pid, head.text, s, e, "pronoun") if pid else None
            if low in self.words.first_person_plural and not any(qs <= head.idx < qe for qs, qe, _ in focus.quotes):
                we = self.ctx.we_economy  # the government's statement, or a government's statement read out
                if we is None and focus.agent is not None and focus.agent.kind == "economy" and (
                        focus.agent.entity_id == self.ctx.home_economy):  # ("The ROK government condemns ... We offer")
                    we = focus.agent.entity_id
                if we is not None:
                    return Speaker("economy", we, head.text, s, e, "pronoun")
            if low in self.words.impersonal_pronouns and focus.agent is not None:
                a = focus.agent
                return Speaker(a.kind, a.entity_id, head.text, s, e, "pronoun")
            return None
        if self._possessed_thing(head):
            return None  # "the Embassy's donation will support", "X's summons of Y": the owner is not speaking
        toks = np_tokens(head) if group else np_tokens(head, _CUT_DEPS | {"conj", "cc"})  # one member of "A and B"
        start, end, text = self._extend(toks)
        conj = [c for c in head.children if c.dep_ == "conj"]
        if conj and group and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children):
            members = [self.resolve(t, focus, allow_pronoun=False, group=False) for t in [head, *conj]]
            ids = list(dict.fromkeys(m.entity_id for m in members if m is not None and m.entity_id
                                     and (m.via == "name" or (m.kind == "person" and m.via == "description"))))
            distinct = {(m.kind, m.entity_id) for m in members if m is not None}
            if len(distinct) >= 2:  # not "Spokesperson and Deputy Minister X": one person's two titles
                full_toks = _unfloat([t for t in head.subtree if toks[0].i <= t.i] or toks, head)
                full = self._extend(full_toks)
                # "Minister Kim and Secretary Clinton": their ids; "the Minister and the Secretary": the phrase
                gid = "|".join(ids) if len(ids) >= 2 else self._normalize(full_toks)
                return Speaker("collective", gid, full[2], full[0], full[1], "collective")
        lemma = head.lemma_.lower()

        def quoted_at(char: int) -> bool:
            return any(qs <= char < qe for qs, qe, _ in focus.quotes)

        for kind in ("person", "organization", "economy"):
            m = self.ctx.covering(head, kind)
            if m is not None and not self._is_group(head):
                eid = self.ctx.alias.get(m.entity_id, m.entity_id) if kind == "person" else m.entity_id
                if kind == "organization" and lemma in self.nouns.organ_heads:
                    eid = self._ministry_of(toks, m) or eid
                return Speaker(kind, eid, text, start, end, "name")
        if (lemma in self.nouns.group_nouns and self.ctx.we_economy and not quoted_at(head.idx)
                and any(c.dep_ == "poss" and c.lower_ in self.nouns.own_possessives for c in head.children)):
            return Speaker("economy", self.ctx.we_economy, text, start, end, "government")  # "My delegation"
        if lemma in self.nouns.group_nouns and head.pos_ == "NOUN":  # "Trump's team": a group, not its owner
            return Speaker("collective", self._group_id(toks, head, focus), text, start, end, "collective")
        people = self.ctx.within(start, end, ("person",))
        if people:
            pid = people[0].entity_id
            return Speaker("person", self.ctx.alias.get(pid, pid), text, start, end, "name")
        if head.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.is_punct for t in toks):
            pid = self._by_name_word(head, focus)  # "Wang said": the surname of the document's Wang Yi
            if pid is not None:
                return Speaker("person", pid, text, start, end, "name")
        if self._is_group(head):
            return Speaker("collective", self._group_id(toks, head, focus), text, start, end, "collective")
        if lemma in self.words.role_heads:
            pid = self._description(toks, head, focus)
            if pid is None:
                return self._unnamed(toks, head, focus, (start, end, text))
            return Speaker("person", pid, text, start, end, "description")
        economies = self.ctx.within(start, end, ("economy",))
        if lemma in self.nouns.organ_heads:
            organ = self._organ(toks, head, economies)
            if organ is not None:
                return Speaker("organization", organ, text, start, end, "name")
        if lemma in self.words.government_heads:
            if economies:
                return Speaker("economy", economies[0].entity_id, text, start, end, "government")
            quoted = any(qs <= head.idx < qe for qs, qe, _ in focus.quotes)
            if self.ctx.home_economy and all(t.i == head.i or t.dep_ == "det" for t in toks):
                we = self._last_government(head) or self.ctx.we_economy or self.ctx.home_economy
                return Speaker("economy", we, text, start, end, "government")
            if self.ctx.home_economy and all(t.i == head.i or t.dep_ == "det" or (
                    t.dep_ == "poss" and t.lower_ in self.words.first_person_plural_possessive and not quoted)
                                             for t in toks):  # "Our government protests", read out by the ministry
                return Speaker("economy", self.ctx.home_economy, text, start, end, "government")
            return None
        orgs = self.ctx.within(start, end, ("organization",))
        if orgs:
            return Speaker("organization", orgs[0].entity_id, text, start, end, "name")
        if economies:
            return Speaker("economy", economies[0].entity_id, text, start, end, "name")
        if lemma in self.words.collective_heads and any(
                t.dep_ in ("amod", "compound", "nmod") for t in head.children):
            return Speaker("collective", self._normalize(toks), text, start, end, "collective")  # "the Mekong side"
        if (lemma in self.words.document_heads and focus.agent is not None and focus.agent.kind == "organization"
                and [t.lower_ for t in toks] == ["the", head.lower_]):  # "Kyodo reported ... The report said"
            return Speaker("organization", focus.agent.entity_id, text, start, end, "pronoun")
        if lemma in self.nouns.message_nouns and all(t.i == head.i or t.dep_ in ("det", "amod") for t in toks):
            issuer = self._issuer(head, focus)  # "The statement also called on ...": who issued it
            if issuer is not None:
                return replace(issuer, text=text, start=start, end=end, via="document")
        return None

    def _issuer(self, head: Token, focus: Focus) -> Speaker | None:
        """Who issued the document a bare "the (joint) statement" speaks for: the subject of the last verb before it
        that made or spoke through the same noun ("X issued a statement", "the two leaders adopted a joint
        statement", "the ministry said in a statement") or its possessor ("Norway's statement")."""
        doc, lemma = head.doc, head.lemma_.lower()
        for i in range(head.i - 1, -1, -1):  # only when a document speaks: a short walk back
            t = doc[i]
            if t.lemma_.lower() != lemma:
                continue
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            verb = t.head if t.dep_ == "dobj" else (
                t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "through", "via") else None)
            if owner is None and verb is not None:
                while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    verb = verb.head  # "met ... and adopted a joint statement": the first verb's subject
                owner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if owner is not None and owner.pos_ != "PRON":
                return self.resolve(owner, focus, allow_pronoun=False)
        return None

    def _last_government(self, head: Token) -> str | None:
        """The state of the last government named as a subject before ``head`` ("The Japanese government protested
        ... The government said": Japan), so that a bare "the government" continues the government the text is
        talking about; None when no named government was a subject (then the home state, the ministry's own)."""
        doc = head.doc
        starts = self.ctx._by_kind.get("economy", ([], []))
        for m in reversed(starts[1][:bisect.bisect_left(starts[0], head.idx)]):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            for _ in range(3):  # "the Japanese government", "the Government of Japan": up to the government noun
                if t.lemma_.lower() in self.words.government_heads:
                    if t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i:
                        return m.entity_id
                    break
                t = t.head
        return None

    def _by_name_word(self, head: Token, focus: Focus) -> str | None:
        """The person of the document one of whose names the word is (the one in focus, else the last mentioned)."""
        word = head.lower_
        fits = {pid for pid, names in self.ctx.person_names.items() if word in names and pid not in self.ctx.alias}
        if not fits:
            return None
        if focus.person in fits:
            return focus.person
        return self.ctx.last_person_before(head.idx, fits) or (next(iter(fits)) if len(fits) == 1 else None)

    def _unnamed(self, toks: list[Token], head: Token, focus: Focus, span: tuple[int, int, str]) -> Speaker:
        """An official nobody names ("a foreign ministry official", "the ministry spokesman"): a collective speaker
        with the phrase; a bare "the official" later is the same one."""
        start, end, text = span
        prev = focus.groups.get(head.lower_)
        mods = [t for t in toks if t.i != head.i]
        if prev is not None and prev.via == "unnamed" and all(
                t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in mods):
            return replace(prev, text=text, start=start, end=end)
        kept = [t for t in toks if not (t.dep_ == "det" and t.lower_ in ("the", "this", "that"))]
        ident = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in kept) or head.lower_
        return Speaker("collective", ident, text, start, end, "unnamed")

    def _organ(self, toks: list[Token], head: Token, economies: list[Mention]) -> str | None:
        """A ministry no mention names: "the foreign ministry", "Seoul's Foreign Ministry", "the Foreign Ministry in
        Seoul" (the home ministry, unless another state is named: "Japan's foreign ministry" stays Japan); a bare
        "the ministry" is the last ministry the text named (its state read from its phrase), else the home
        ministry."""
        if any(m.entity_id != self.ctx.home_economy for m in economies):
            return None
        if not all(t.dep_ == "det" for t in toks if t.i != head.i):
            return self._ministry_of(toks, None)  # None for "the unification ministry": not the foreign ministry
        doc = head.doc
        for m in reversed(self.ctx._by_kind.get("organization", ([], []))[1]):
            if m.start >= toks[0].idx or not set(_WORD.findall(m.text.lower())) & self.nouns.organ_heads:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:  # the last ministry named, its state read from its own phrase
                return self._ministry_of(np_tokens(span.root), m) or m.entity_id
        return self.nouns.home_ministry_id

    def _ministry_of(self, toks: list[Token], mention: Mention | None) -> str | None:
        """Which state's ministry a ministry phrase is, read from the phrase itself with its possessor: another
        state named ("Japan's Foreign Ministry", "the Chinese foreign ministry") makes it that state's (the
        mention's id, else the id the entity component gives a state's foreign ministry); a foreign ministry
        naming no other state ("Seoul's Foreign Ministry", "the South Korean Foreign Ministry") is the home
        ministry whatever id the mention got; any other ministry is its mention's, or None."""
        home = self.ctx.home_economy
        econs = self.ctx.within(toks[0].idx, toks[-1].idx + len(toks[-1]), ("economy",))
        other = [m.entity_id for m in econs if m.entity_id != home]
        foreign = any(t.lower_ in self.nouns.foreign_words for t in toks)
        if other:
            if mention is not None:
                return mention.entity_id
            return ids.org_id(f"Foreign Ministry {other[0]}") if foreign else None
        if foreign and home is not None:
            return self.nouns.home_ministry_id
        return mention.entity_id if mention is not None else None

    def resolve_source(self, head: Token, focus: Focus) -> Speaker | None:
        """The source after "according to": a real speaker only (see the module docstring)."""
        if head.pos_ == "PRON" or any(self.ctx.covering(head, k) for k in ("person", "organization", "economy")):
            return self.resolve(head, focus)
        lemma = head.lemma_.lower()
        if (lemma in self.words.role_heads or lemma in self.words.government_heads or self._is_group(head)
                or lemma in self.nouns.organ_heads):
            return self.resolve(head, focus)
        if lemma not in self.words.document_heads:
            return None
        owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nmod")]
        owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                   for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            if self.ctx.covering(owner, "organization") is not None or (
                    owner.lemma_.lower() in self.words.government_heads):
                spk = self.resolve(owner, focus, allow_pronoun=False)
                if spk is not None and spk.kind in ("organization", "economy"):
                    start, end, text = self._extend(np_tokens(head))
                    return replace(spk, text=text, start=start, end=end)
        return None

    def _extend(self, toks: list[Token]) -> tuple[int, int, str]:
        """Offsets and text of a phrase, widened to whole mentions it cuts ("Lee Ha" of "Lee Ha-na" when the parse
        split the name)."""
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        for m in self.ctx.mentions:
            if m.start >= end:
                break
            if m.end > start and (m.start < start or m.end > end):
                start, end = min(start, m.start), max(end, m.end)
        return start, end, self.ctx.text[start:end] if self.ctx.text else _span_of(toks)[2]

    def _possessed_thing(self, head: Token) -> bool:
        """A common noun owned by a name ("the Korean Embassy's donation") that names no speaker: no role, group,
        government, ministry or document (a "ministry's statement" or "Xinhua's report" does speak)."""
        if head.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in head.children):
            return False
        lemma, w = head.lemma_.lower(), self.words
        return not (lemma in w.role_heads or lemma in w.collective_heads or lemma in w.government_heads
                    or lemma in w.document_heads or lemma in self.nouns.organ_heads or self._is_group(head)
                    or lemma in w.statement_title_words)

    def _is_group(self, head: Token) -> bool:
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN" and lemma == head.lower_ and lemma.endswith("s") and lemma[:-1] in (
                self.words.collective_heads):
            return True  # "the three Foreign Ministers": a capitalised plural the tagger read as a name
        if lemma in self.nouns.group_nouns:
            return True  # "the US delegation"
        if head.pos_ == "NUM" and head.lower_ in self.words.collective_determiners and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return True  # "The two agreed": a number standing for the people just named
        if lemma not in self.words.collective_heads:
            return False
        if head.tag_ in ("NNS", "NNPS"):
            return True
        return any(c.lower_ in self.words.collective_determiners for c in head.children
                   if c.dep_ in ("nummod", "det", "predet", "amod"))

    def _group_id(self, toks: list[Token], head: Token, focus: Focus) -> str:
        """A bare definite plural ("the ministers", "both sides", "all the participants") is the group last
        named with the same head word ("the three ministers", "the two sides"): one id for one group."""
        prev = focus.groups.get(head.lower_)
        mods = [t for t in toks if t.i != head.i]
        bare = all(t.dep_ in ("det", "predet") and t.lower_ in _CONTINUING_DETS for t in mods)
        if prev is not None and prev.entity_id and bare and (
                not any(t.lower_ == "both" for t in mods) or prev.entity_id.split()[0] in ("two", "both")):
            return prev.entity_id
        return self._normalize(toks)

    def _normalize(self, toks: list[Token]) -> str:
        kept = [t for t in toks if not (t.dep_ in ("det", "poss") and t.lower_ in _DROP_DETS)]
        return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in kept) or toks[-1].lower_

    def _description(self, toks: list[Token], head: Token, focus: Focus) -> str | None:
        """Person a role description refers to (see the module docstring, rule 7)."""
        if any(t.lower_ in ("a", "an") for t in toks if t.dep_ == "det"):
            return None  # "a senior official": nobody in particular
        found = self.ctx.within(toks[0].idx, toks[-1].idx + len(toks[-1]), ("economy",))
        economies = {m.entity_id for m in found}
        econ_chars = {i for m in found for i in range(m.start, m.end)}
        wanted = {t.lower_ for t in toks
                  if (t.dep_ not in ("det", "poss", "case", "punct") and t.idx not in econ_chars and t.is_alpha)
                  or t.i == head.i}
        wanted = {w for w in wanted if _WORD.fullmatch(w)}
        titles = [alts for words, alts in self.nouns.role_synonyms if words == wanted] or [(frozenset(wanted),)]
        fits = {pid for pid, bag in self.ctx.person_words.items()
                if any(t <= bag for t in titles[0])
                and (not economies or self.ctx.person_economy.get(pid) in economies | {None})}
        if focus.person in fits:
            return focus.person
        if fits:
            return self.ctx.last_person_before(head.idx, fits) or sorted(fits)[0]
        if not any(bag & self.words.role_heads for bag in self.ctx.person_words.values()):
            return focus.person  # no titles known at all: trust the focus
        return None


def unify_indefinite(claims: list[Claim]) -> list[Claim]:
    """News introduces an anonymous source indefinitely and names it definitely afterwards ("..., an official
    said." then "the Foreign Ministry official told reporters"): a singular "a/an ... <noun>" collective takes
    the identity of the one definite collective with the same head noun that follows it. With two definite
    candidates, or none after it, it stays as it is."""
    out = list(claims)
    for i, claim in enumerate(out):
        words = (claim.speaker_text or "").lower().split()
        if claim.speaker_kind != "collective" or len(words) < 2 or words[0] not in ("a", "an"):
            continue
        later = {(c.speaker_id, c.speaker_text) for c in out[i + 1:] if c.speaker_kind == "collective"
                 and c.speaker_id and (c.speaker_text or "").lower().split()[:1] == ["the"]
                 and c.speaker_id.lower().split()[-1] == words[-1] and c.speaker_id != claim.speaker_id}
        ids_ = {sid for sid, _ in later}
        if len(ids_) == 1:
            out[i] = claim.model_copy(update={"speaker_id": ids_.pop()})
    return out
