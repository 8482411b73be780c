"""Claims component: who stated, urged, proposed or committed what, to whom.

A claim is a statement attributed to a speaker through a cue. The component works in three steps:

1. *match* (:meth:`ClaimFinder.match`): the cue lexicon (``pipeline/data/cues.jsonl``) is looked up per token
   (single verbs by lemma or form, phrases by their first word; see ``claim_lexicon``); overlapping matches keep
   the longest ("iterated the need for" over "iterated"). The cue's *anchor* is its syntactic head ("went" in
   "went on to suggest", "According" in "according to"). "and hopes that" where the tagger read the verb as a
   noun is still a cue, conjoined to the verb above it: a separate claim with that verb's speaker, whose own
   content then stops before "and".
2. *read* (:meth:`ClaimFinder.candidates`): the parse gives the content (the complement clause or object
   after the cue, or a quotation before it: '"...," said X'), the claim type (lexicon, refined by the object
   noun: "expressed concern" is criticism; "agreed to V" is a commitment), the future flag (an auxiliary
   "will"/"shall" on the cue or on the verb it hangs on) and the addressees of calls (the object of "urge",
   "ask", "call on X to": "urged the DPRK and Russia" -> PRK, RUS). A cue inside another claim's content is
   part of that claim ("He added that the government is committed to ...": one claim, by him). Verbs of
   meeting and travel are not claims, nor is a cue that is only their purpose or complement ("will visit
   Tokyo to discuss", "invited him to visit Seoul"), nor an agentless passive ("It was noted that"; in "are
   expected to discuss" the cue is "discuss", announced for the future), nor negated or refused speech ("did
   not say how much", "never said", "declined to comment": ``cue_refusals.csv``). A neutral cue takes its type
   from the clause it reports: a cue inside it ("said that X hopes to": expectation), "must"/"should" (call),
   a criticism noun as its object ("pointed out that X poses a threat"). Addressees that name a group the
   document defines ("the Central Asian countries*" with a footnote listing them) are its member economies
   (:mod:`pipeline.components.claim_groups`). The cue reported is the verb's own
   lemma for single verbs ("stressed" -> stress), the entry's name for phrases ("took note" -> take note).
3. *attribute* (:meth:`ClaimFinder.attribute`): sentences are read in order and the speaker is the subject
   of the cue (climbing conjoined verbs, "went on to", participles "..., adding that") or the object of
   "according to", resolved by :mod:`pipeline.components.claim_speakers` (pronouns and role descriptions go to
   the person in discourse focus; "I", "we" and "it" too; the rules are explained there). Claims with no
   resolvable speaker are dropped.

``set_annotations`` writes ``doc._.mofa_claims`` (list of :class:`schemas.models.Claim`). Claims are not read
from the title and subtitle, which repeat the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.claim_content import open_quote, segment, sentence_breaks
from pipeline.components.claim_lexicon import (
    CueEntry,
    Lexicon,
    build_phrase_index,
    build_verb_index,
    load_lexicon,
)
from pipeline.components.claim_speakers import (
    DocContext,
    Focus,
    Speaker,
    SpeakerNouns,
    SpeakerResolver,
    load_speaker_nouns,
    np_tokens,
    unify_indefinite,
)
from pipeline.components.ent_common import DocView, view_of
from pipeline.components.structure import SentenceIndex, paragraph_at
from pipeline.engine import ids
from schemas.models import Claim, Organization, Paragraph

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_NOT_CONTENT = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "cc", "conj", "punct", "mark", "agent",
                "expl", "prt", "dep"}
_LEAD_TRIM = {"that", ",", ":", ";", "-", "—", "–", '"', "“", "”", "'", "‘", "’"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_FUTURE_HEADS = {"plan", "intend", "schedule", "expect", "aim"}
_FOOTNOTE_MARKS = ("*", "※")
_CONTRAST = {"while", "whereas"}
_CALL_MODALS = {"must", "should"}
_NO_COMMITMENT = {"be", "have"}  # "it will be an honour", "it will have no effect": no undertaking
_QUOTED = {"quote", "cite"}  # "X was quoted as saying": X speaks
_DASHES = {"--", "—", "–", "-"}
_REPORTING = {"say", "add", "tell", "report", "according to", "state", "announce", "brief"}  # cue names
_STATE_SPEECH = _REPORTING | {"explain"}  # a state's speech act reported inside a statement: its claim too
_QUESTION_WORDS = {"how", "whether"}
_ADVERBIAL_MARKS = {"as", "while", "whereas"}  # "urged X as he proposed Y": a second claim, not content
#: A briefing's question or answer turn: "Q:", "Q1:", "Question:", "A:", "Answer:" opening a paragraph.
_QA_TURN = re.compile(r"\s*(Q|Question|A|Answer)\s*\d{0,2}\s*[:：]", re.IGNORECASE)


@Language.factory(
    "mofa_claims",
    default_config={
        "cues_path": "data/cues.jsonl",
        "object_types_path": "data/cue_object_types.csv",
        "noncues_path": "data/cue_noncues.csv",
        "speakers_path": "data/cue_speakers.json",
        "forms_path": "data/cue_forms.csv",
        "refusals_path": "data/cue_refusals.csv",
        "request_nouns_path": "data/cue_request_nouns.csv",
        "evidence_nouns_path": "data/cue_evidence_nouns.csv",
        "criticism_verbs_path": "data/cue_criticism_verbs.csv",
        "home_economy": "KOR",
        "speaker_nouns_path": "data/speaker_nouns.json",
    },
)
def make_claims(nlp: Language, name: str, cues_path: str, object_types_path: str, noncues_path: str,
                speakers_path: str, forms_path: str, refusals_path: str, request_nouns_path: str,
                home_economy: str, evidence_nouns_path: str = "data/cue_evidence_nouns.csv",
                speaker_nouns_path: str = "data/speaker_nouns.json",
                criticism_verbs_path: str = "data/cue_criticism_verbs.csv") -> ClaimFinder:
    """Paths are relative to the ``pipeline`` package; ``home_economy`` is who "the Government" is."""
    base = DATA_DIR.parent
    lexicon = load_lexicon(base / cues_path, base / object_types_path, base / noncues_path, base / speakers_path,
                           base / forms_path, base / refusals_path, base / request_nouns_path,
                           base / evidence_nouns_path, base / criticism_verbs_path)
    return ClaimFinder(nlp, lexicon, home_economy or None, load_speaker_nouns(base / speaker_nouns_path))


@dataclass(frozen=True)
class CueMatch:
    entry: CueEntry
    start: int  # token indices, end exclusive
    end: int
    anchor: int
    coordinated: bool = False  # "... and hopes that", the tagger having missed the verb
    segment: tuple[int, int] | None = None  # the cue's stretch of its sentence between breaks (claim_content)
    governor: int | None = None  # the reporting cue a participle or coordinated cue belongs to ("..., saying")


@dataclass(frozen=True)
class Candidate:
    cue: CueMatch
    content: tuple[int, int]  # token indices, end exclusive
    claim_type: str
    future: bool
    addressee_heads: tuple[int, ...]
    modal_subject: int | None = None  # subject of the "must"/"should" clause that made the claim a call
    future_subject: int | None = None  # subject of a "will" clause: a commitment when it is the speaker's side
    reporter: int | None = None  # anchor of the reporting cue whose content holds this claim ("X said Y stressed")


class ClaimFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon, home_economy: str | None,
                 nouns: SpeakerNouns | None = None) -> None:
        self.lexicon = lexicon
        self.nouns = nouns or SpeakerNouns()
        self.phrases = build_phrase_index(lexicon)
        self.verbs = build_verb_index(lexicon)
        self.forms = {lemma: frozenset(lexicon.forms(lemma)) for e in lexicon.entries for lemma in e.lemmas}
        self.home_economy = home_economy

    def __call__(self, doc: Doc) -> Doc:
        view: Doc = DocView(doc)  # type: ignore[assignment]  # tokens and text read once per release
        cues = self.match(view)
        claims = self.attribute(view, self.candidates(view, cues))
        self.set_annotations(doc, claims)
        return doc

    # -- 1. matching -------------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[CueMatch]:
        doc = view_of(doc)  # type: ignore[assignment]
        found = []
        entries = self.lexicon.entries
        lowers: list[str] = doc.lowers  # type: ignore[attr-defined]
        tags = [t.pos_ for t in doc]
        n = len(doc)
        for i, (lower, tag) in enumerate(zip(lowers, tags, strict=True)):
            if lower in self.phrases.by_first:  # phrases are looked up by their first word
                for k, end in self.phrases.longest_at(lowers, tags, i):
                    found.append((i, end, entries[k], False))
            if tag == "VERB":  # single-verb cues are verbs
                for k in self.verbs.entries_at(doc[i].lemma_, lower, tag):
                    found.append((i, i + 1, entries[k], False))
            elif (tag != "AUX" and lower in self.verbs.finite and 0 < i < n - 1
                    and lowers[i - 1] == "and" and lowers[i + 1] == "that"):
                # "expresses condolences to X and hopes that": the tagger missed the conjoined verb
                found += [(i, i + 1, entries[k], True) for k in self.verbs.finite[lower]]
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: set[int] = set()
        out = []
        for start, end, entry, coordinated in found:
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            out.append(CueMatch(entry, start, end, _anchor(doc, start, end), coordinated))
        return sorted(out, key=lambda c: c.start)

    # -- 2. reading the parse ----------------------------------------------------------------------------
    def candidates(self, doc: Doc, cues: list[CueMatch]) -> list[Candidate]:
        cands = []
        anchors = frozenset(c.anchor for c in cues)
        by_anchor = {c.anchor: c for c in cues}
        breaks = sentence_breaks(view_of(doc).texts) if cues else []
        for cue in cues:
            if self._vetoed(doc, cue):
                continue
            sent = doc[cue.anchor].sent
            seg = segment(breaks, cue.anchor, sent.start, sent.end)
            cue = replace(cue, segment=seg, governor=_governor(doc, cue, anchors, seg))
            if _frame(doc, cue, anchors):
                continue  # "responded by saying that X": the claim is the one of "saying"
            content = _content(doc, cue, anchors, seg)
            if cue.entry.requires == "quote":  # '"...," X continued': a speech verb only after a quotation
                content = _quote_before(doc, cue, (max(0, cue.start - 200), seg[1]))  # may open sentences before
            if content is None and (second := by_anchor.get(cue.end + 1)) is not None and _shares(doc, cue, second):
                content = _content(doc, second, anchors, seg)  # "welcomes and supports X": X for both
            if content is None:
                content = _quote_before(doc, cue, seg)
            if content is not None:
                content = _within(doc, content, seg, sent)
            if content is not None:
                content = _after_dateline(doc, content)
            if content is None or _only_date(doc, content):
                continue  # "which the ROK announced on December 28": a date is no statement
            if cue.entry.requires == "complement_verb" and not _has_clause(doc, content):
                continue
            if cue.entry.requires == "clause" and not any(c.dep_ == "ccomp" for c in doc[cue.anchor].children):
                continue
            if cue.entry.requires == "purpose" and not _has_purpose(doc, content):
                continue  # "discussed regional security": a topic, not a position
            if cue.entry.requires in ("object_type", "as", "evidence", "predicate") and not self._required(doc, cue):
                continue  # "extended the deadline", "described the plan", "the minister showed the way"
            ctype = self._claim_type(doc, cue)
            cands.append(Candidate(cue, content, ctype, _is_future(doc[cue.anchor]),
                                   _addressees_of(doc, cue, ctype, self.lexicon.request_nouns)))
        cands = _split_adverbial(doc, _split_coordinated(doc, _split_governed(doc, _merge_shared(doc, cands))))
        typed: list[Candidate] = []  # innermost first, so that a claim reads the types of the cues it reports
        for c in sorted(cands, key=lambda c: c.content[1] - c.content[0]):
            typed.append(self._content_type(doc, c, typed))
        by_cue = {c.cue: c for c in typed}
        cands = [by_cue[c.cue] for c in cands]
        words = self.lexicon.speakers
        first = frozenset(words.first_person_singular | words.first_person_plural) if words else frozenset()
        kept = []
        for c in cands:
            outer = next((o for o in cands if o is not c and _nested(doc, c, o)), None)
            if outer is not None and not _reported(doc, c, outer):
                continue
            if not _quoted_self(doc, c, first):  # typed the claim quoting it: now gone
                kept.append(c if outer is None else replace(c, reporter=outer.cue.anchor))
        return kept

    def _content_type(self, doc: Doc, cand: Candidate, inner: list[Candidate]) -> Candidate:
        """A neutral cue takes its type from the reported clause: "said that X hopes to" (expectation), "added
        that the government would continue to" / "will spare no effort" (commitment: a cue inside, also below
        "would like to"), "underscored that the commitment ... is ironclad" (commitment: a commitment noun or
        adjective of cue_object_types.csv as the clause's subject, object or complement), "stressed that X must"
        (call, unless X turns out to be the speaker's own side: see :meth:`attribute`), "pointed out that X
        poses a threat" (criticism: only criticism nouns as object), "said the plan would undermine X"
        (criticism: a verb of harm, cue_criticism_verbs.csv), "stated that it will make efforts" (commitment,
        when the subject of "will" turns out to be the speaker: see :meth:`attribute`; not "it will be",
        nor a meeting or travel plan: "said he will visit Lima")."""
        if cand.claim_type != "statement" or cand.cue.entry.speaker == "object":
            return cand
        lo, hi = cand.content
        roots = [t for t in (doc[i] for i in range(lo, hi))  # doc[i]: cached tokens of a DocView
                 if ((h := t.head.i) < lo or h >= hi or h == t.i) and t.pos_ in ("VERB", "AUX")]
        if not roots:
            return cand
        # conjuncts inside the content only: "highlighted that X is Y, and voiced concern" (the parse hanging
        # "voiced" on "is") is no criticism of "highlighted", whose content ends before "and"
        verbs = [roots[0], *(v for v in roots[0].conjuncts if lo <= v.i < hi)]
        for v in list(verbs):  # "I would like to emphasize that ...": the verb below "like to"
            verbs += [x for x in v.children if x.dep_ == "xcomp" and lo <= x.i < hi]
        for verb in verbs:
            for c in inner:
                if (c.cue.start <= verb.i < c.cue.end or c.cue.anchor == verb.i) and c.claim_type != "statement":
                    return replace(cand, claim_type=c.claim_type)
        otypes = self.lexicon.object_types
        for v in verbs:
            for arg in v.children:
                if arg.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp") and otypes.get(
                        arg.lemma_.lower(), otypes.get(arg.lower_)) == "commitment":
                    return replace(cand, claim_type="commitment")
        for v in verbs:
            if any(a.dep_ == "aux" and a.lower_ in _CALL_MODALS for a in v.children):
                subj = next((c.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return replace(cand, claim_type="call", modal_subject=subj)
        for v in verbs:
            for obj in v.children:
                if obj.dep_ in ("dobj", "attr") and otypes.get(obj.lemma_.lower()) == "criticism":
                    return replace(cand, claim_type="criticism")
        harm = self.lexicon.criticism_verbs
        for v in verbs:  # "said the deployment will jeopardize trust", "relations could be destroyed", "will
            # adversely affect X", "will put its security in jeopardy"
            if _negated(v):
                continue
            if v.lemma_.lower() in harm or any(
                    (a.dep_ == "advmod" and a.lower_ in harm) or (a.dep_ == "prep" and a.lower_ == "in" and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in harm for g in a.children)) for a in v.children):
                return replace(cand, claim_type="criticism")
        for v in verbs:  # "stated that it will make efforts": a commitment if "it" is the speaker (see attribute)
            lemma = v.lemma_.lower()
            if (lemma not in _NO_COMMITMENT and lemma not in self.lexicon.noncues
                    and any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX | {"would"} for a in v.children)):
                subj = next((c.i for c in v.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return replace(cand, future_subject=subj)
        return cand

    def _required(self, doc: Doc, cue: CueMatch) -> bool:
        """The complement a cue needs to report a position: an object noun of cue_object_types.csv or an
        infinitive ("extended condolences", "offered to help"), an 'as' complement ("described it as"), a poll or
        study as its subject ("a survey found that")."""
        anchor = doc[cue.anchor]
        need = cue.entry.requires
        if need == "as":  # "as" on the verb, or hung on its object ("described the ties as strategic")
            return any(c.dep_ == "prep" and c.lower_ == "as" for t in (anchor, *(
                c for c in anchor.children if c.dep_ == "dobj")) for c in t.children)
        if need == "predicate":  # "called it a provocation"; "condemned X, calling it Y" elaborates the condemnation
            if anchor.tag_ == "VBG" and any(t.pos_ == "VERB" and t.lemma_.lower() in self.forms
                                            for t in doc[anchor.sent.start:anchor.i]):
                return False  # the participle belongs to the sentence's earlier cue
            return any(c.dep_ == "oprd" for c in anchor.children) and any(c.dep_ == "dobj" for c in anchor.children)
        if need == "evidence":
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.lexicon.evidence_nouns
                       for c in anchor.children)
        if cue.entry.xcomp_type and any(c.dep_ == "xcomp" for c in anchor.children):
            return True
        otypes = self.lexicon.object_types
        return any(n.lemma_.lower() in otypes or n.lower_ in otypes
                   for c in _objects(anchor) for n in (c, *c.conjuncts))

    def _vetoed(self, doc: Doc, cue: CueMatch) -> bool:
        """Agentless passives; meeting/travel verbs: "invited X to visit", "will visit Tokyo to discuss";
        negated or refused speech: "did not say how much", "never said", "declined to comment"."""
        anchor = doc[cue.anchor]
        non = self.lexicon.noncues
        tok = anchor
        for _ in range(4):  # the cue, then the verbs it is the infinitive of ("did not want to comment")
            if _negated(tok) or (tok.i != anchor.i and tok.lemma_.lower() in self.lexicon.refusals):
                return True
            if tok.dep_ != "xcomp" or tok.head.i == tok.i:
                break
            tok = tok.head
        if not cue.entry.is_phrase and any(c.dep_ == "auxpass" for c in anchor.children) and not any(
                c.dep_ == "agent" for c in anchor.children):
            return True  # "It was noted that", "are expected to discuss": no speaker behind the verb
        if not cue.entry.travel_complement and any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in non
                                                   for c in anchor.children):
            return True
        if not any(c.dep_ == "dobj" for c in anchor.children) and any(
                c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children)
                and any(g.dep_ == "auxpass" for g in c.children) for c in anchor.children):
            return True  # "asking not to be named": a source's wish for anonymity, no position
        if anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in anchor.children) and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in anchor.children):
            return True  # "As I said before, we believe": a pointer to earlier speech; the clause after is the claim
        has_subject = any(c.dep_ in _SUBJ for c in anchor.children)
        return (anchor.dep_ in ("xcomp", "advcl", "acl", "relcl") and not has_subject
                and anchor.head.lemma_.lower() in non)

    def _claim_type(self, doc: Doc, cue: CueMatch) -> str:
        entry = cue.entry
        anchor = doc[cue.anchor]
        if entry.xcomp_type and any(c.dep_ == "xcomp" for c in anchor.children):
            return entry.xcomp_type
        if entry.clause_type and any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ == "to"
                                                                    for a in c.children) for c in anchor.children):
            return entry.clause_type  # "expects that X will": a belief about X, not a hope for it
        if entry.claim_type != "statement":
            return entry.claim_type
        misread = _misread_amod(anchor)
        objects = [misread[1]] if misread is not None else [
            obj for i in range(cue.start, cue.end) for obj in doc[i].children
            if (obj.dep_ in ("dobj", "pobj") or (obj.dep_ == "conj" and obj.pos_ == "NOUN"))
            and not cue.start <= obj.i < cue.end]  # ("expressed understanding on and support for X": a noun
        # the parser conjoined to the verb is a second object)
        for obj in objects:
            for noun in [obj, *obj.conjuncts]:
                if entry.speaker == "object" and noun.lemma_.lower() in self.lexicon.evidence_nouns:
                    return "belief"  # "according to a survey": a finding, not a position
                mapped = self.lexicon.object_types.get(noun.lemma_.lower())
                if mapped:
                    return mapped
        return entry.claim_type

    # -- 3. attribution ----------------------------------------------------------------------------------
    def attribute(self, doc: Doc, cands: list[Candidate]) -> list[Claim]:
        ctx = DocContext.from_doc(doc, self.home_economy, self.lexicon.speakers, self.nouns)
        resolver = SpeakerResolver(self.lexicon.speakers, ctx, self.nouns)  # type: ignore[arg-type]
        index = SentenceIndex(doc)
        sents = index.spans
        paragraphs = doc._.mofa_paragraphs or []
        by_sent: dict[int, list[Candidate]] = {}
        starts = [s.start for s in sents]
        for c in cands:
            k = max(0, bisect.bisect_right(starts, c.cue.anchor) - 1)
            by_sent.setdefault(k, []).append(c)
        text = ctx.text  # doc.text joins every token: read it once
        deps = [t.dep_ for t in doc]
        body = Focus()
        side, side_para = Focus(), -1
        claims: list[Claim] = []
        reports: list[tuple[int, int | None, Claim]] = []  # (cue anchor, reporter's anchor, claim)
        asking, last_para = False, None  # inside a journalist's question of a briefing ("Q: ...")
        for k, sent in enumerate(sents):
            para = paragraph_at(paragraphs, sent.start_char)
            section = para.section if para else "body"
            if para is not None and para is not last_para:
                last_para = para
                turn = _QA_TURN.match(text, para.start, min(para.end, para.start + 16))
                if turn:
                    asking = turn.group(1).lower().startswith("q")
            if section == "body" and (_para_text(text, para, sent).lstrip().startswith(_FOOTNOTE_MARKS)
                                      or text.startswith(_FOOTNOTE_MARKS, sent.start_char)):  # feeds inline notes
                section = "footnote"
            if section == "body":
                focus = body
            else:  # footnotes and headlines read the body's focus through a private copy
                para_id = para.paragraph_id if para else k
                if para_id != side_para:
                    side, side_para = body.copy(), para_id
                focus = side
            events: list[tuple[int, int, Candidate | Token]] = []
            for c in by_sent.get(k, []):
                events.append((_speaker_position(doc, c), 1, c))
            for i in range(sent.start, sent.end):  # a column of labels: no Token per word
                if deps[i] in _SUBJ and _main_clause((tok := doc[i]).head):
                    events.append((i, 0, tok))
            for _, _, ev in sorted(events, key=lambda e: (e[0], e[1])):
                if isinstance(ev, Token):
                    if ev.pos_ != "PRON":  # pronouns keep the focus
                        _update(focus, resolver.resolve(ev, focus, allow_pronoun=False), subject=True)
                    continue
                if section in ("title", "subtitle") or asking:
                    continue  # a reporter's question is no claim ("I am asking this for clarification")
                speaker = self._speaker(doc, ev, resolver, focus)
                if speaker is None:
                    continue
                _update(focus, speaker)
                if ev.modal_subject is not None and self._own_side(doc[ev.modal_subject], speaker, ctx):
                    ev = replace(ev, claim_type="statement", addressee_heads=())
                if ev.future_subject is not None and self._speaks_for(doc[ev.future_subject], speaker, ctx):
                    ev = replace(ev, claim_type="commitment")
                claim = self._record(doc, ev, speaker, ctx, index)
                claims.append(claim)
                reports.append((ev.cue.anchor, ev.reporter, claim))
                if claim.speaker_kind == "person" and claim.speaker_id:
                    quote = _quotation(text, claim.content_start, claim.content_end)
                    if quote:
                        focus.quotes.append((*quote, claim.speaker_id))
        return unify_indefinite(_drop_self_reports(claims, reports))

    def _own_side(self, subj: Token, speaker: Speaker, ctx: DocContext) -> bool:
        """Whether the subject of a must/should clause is the speaker's own side, so that the clause states the
        speaker's position rather than calls on someone else: "we"; a counted group that includes the speaker
        ("the three countries", "both sides", "our two countries"); the speaker's economy or government
        ("the Korean government must" or "Korea and the U.S. must" said by a Korean minister; an unqualified "the
        government"; "Korea and Japan should" agreed by the two ministers)."""
        words = self.lexicon.speakers
        if words is None:
            return False
        low, lemma = subj.lower_, subj.lemma_.lower()
        if low in words.first_person_plural or low == "us":
            return True
        mods = {c.lower_ for c in subj.children if c.dep_ in ("det", "nummod", "poss", "predet")}
        if (lemma in words.collective_heads and subj.tag_ in ("NNS", "NNPS")
                and mods & (words.collective_determiners - {"all"} | {"our"})):
            return True
        toks = np_tokens(subj)
        own = speaker.entity_id if speaker.kind == "economy" else ctx.person_economy.get(speaker.entity_id or "")
        named = {m.entity_id for m in ctx.within(toks[0].idx, toks[-1].idx + len(toks[-1]), ("economy",))}
        if named:  # a collective speaker's clause about several economies is about its members
            return (bool(own) and own in named) or (speaker.kind == "collective" and len(named) >= 2)
        return lemma in words.government_heads and not any(t.pos_ == "PROPN" for t in toks)

    def _speaks_for(self, subj: Token, speaker: Speaker, ctx: DocContext) -> bool:
        """Whether the subject of a reported "will" clause is the speaker, so that the clause commits the speaker:
        "I"/"we"; "he"/"she" said by a person, "it" by an organisation, a state or a group ("the delegation"),
        "they" by a group; the
        speaker's own side (:meth:`_own_side`: "the government", "Korea" said by a Korean minister), when the
        subject is a party itself (a state, a government, a group), not a thing named after states."""
        words = self.lexicon.speakers
        if words is None:
            return False
        low = subj.lower_
        if low in words.first_person_singular | words.first_person_plural:
            return True
        if subj.pos_ == "PRON":
            return ((low in words.person_pronouns and speaker.kind == "person")
                    or (low in words.impersonal_pronouns and speaker.kind != "person")  # "the delegation ... it"
                    or (low in words.group_pronouns and speaker.kind == "collective"))
        lemma = subj.lemma_.lower()
        party = (lemma in words.government_heads or lemma in words.collective_heads
                 or bool(ctx.within(subj.idx, subj.idx + len(subj), ("economy",))))
        return party and self._own_side(subj, speaker, ctx)  # not "the Korea-EU FTA will increase trade"

    def _speaker(self, doc: Doc, cand: Candidate, resolver: SpeakerResolver, focus: Focus) -> Speaker | None:
        head = _speaker_head(doc, cand.cue)
        if head is None:
            head = self._message_author(doc[cand.cue.anchor])
        if head is None and cand.cue.entry.speaker != "object" and self.lexicon.speakers is not None:
            head = _clause_opener_object(doc[cand.cue.anchor], self.lexicon.speakers.clause_prepositions)
        if head is None:
            return None
        if cand.cue.entry.speaker == "object":
            return resolver.resolve_source(head, focus)
        return resolver.resolve(head, focus)

    def _message_author(self, anchor: Token) -> Token | None:
        """The author of a message a participle describes ("X issued a statement condemning Y", "sent a letter
        expressing gratitude"): the subject of the verb that made the message, when that verb is no cue itself
        ("welcomed the statement condemning Y" is the welcome only)."""
        noun = anchor.head
        if anchor.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            noun = next((c for c in anchor.head.children if c.dep_ == "dobj"), anchor)  # "delivered a speech to
            # relay X": the purpose of delivering a message
        elif not (anchor.dep_ == "acl" and anchor.tag_ == "VBG"):
            return None
        if not (noun.dep_ == "dobj" and noun.lemma_.lower() in self.nouns.message_nouns
                and noun.head.lemma_.lower() not in self.forms):
            return None
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)

    def _record(self, doc: Doc, cand: Candidate, speaker: Speaker, ctx: DocContext, index: SentenceIndex) -> Claim:
        cue = cand.cue
        doc_id = doc._.mofa_doc_id
        cue_span = doc[cue.start:cue.end]
        content = doc[cand.content[0]:cand.content[1]]
        c_start, c_end = content.start_char, content.end_char
        inside = ctx.within(c_start, c_end, ("economy", "initiative"))
        addressees: list[str] = []
        for i in cand.addressee_heads:
            toks = [t for t in doc[i].subtree if t.dep_ not in ("relcl", "acl")]
            a_start, a_end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
            named = [m.entity_id for m in ctx.within(a_start, a_end, ("economy", "organization"))]
            # a group the document defined ("the Central Asian countries*" + a footnote listing them)
            addressees += named or list(ctx.groups.members(np_tokens(doc[i]) + [t for t in toks if t.is_punct]))
        own = speaker.entity_id if speaker.kind == "economy" else ctx.person_economy.get(speaker.entity_id or "")
        addressees = [a for a in addressees if a != own]  # "called for Korea's interest", said by Korea
        return Claim(
            claim_id=ids.claim_id(doc_id, cue_span.start_char), doc_id=doc_id,
            sent_id=index.sent_id(cue_span.start_char),
            speaker_kind=speaker.kind, speaker_id=speaker.entity_id, speaker_text=speaker.text,
            cue=self._cue_lemma(doc, cue), claim_type=cand.claim_type, future=cand.future,
            content=ctx.text[c_start:c_end],  # the span's text, without joining its tokens again
            addressee_ids=list(dict.fromkeys(addressees)),
            economy_ids=list(dict.fromkeys(m.entity_id for m in inside if m.kind == "economy")),
            initiative_ids=list(dict.fromkeys(m.entity_id for m in inside if m.kind == "initiative")),
            speaker_start=speaker.start, speaker_end=speaker.end,
            cue_start=cue_span.start_char, cue_end=cue_span.end_char,
            content_start=c_start, content_end=c_end,
        )

    def _cue_lemma(self, doc: Doc, cue: CueMatch) -> str:
        """The verb's own lemma for single-verb entries ('stressed' -> stress, 'responded' -> respond)."""
        if cue.entry.is_phrase:
            return cue.entry.cue
        tok = doc[cue.start]
        for lemma in cue.entry.lemmas:
            if tok.lemma_.lower() == lemma or tok.lower_ in self.forms[lemma]:
                return lemma
        return cue.entry.cue

    def set_annotations(self, doc: Doc, claims: list[Claim]) -> None:
        doc._.mofa_claims = claims
        home = self.nouns.home_ministry_id
        if home and any(c.speaker_kind == "organization" and c.speaker_id == home for c in claims):
            # "the foreign ministry said" with no mention of it: the organisations table still names the speaker
            entities = doc._.mofa_entities if doc._.mofa_entities is not None else {}
            orgs = entities.setdefault("organization", {})
            if home not in orgs:
                orgs[home] = Organization(org_id=home, name=self.nouns.home_ministry or "",
                                          acronym=self.nouns.home_ministry_acronym)
            doc._.mofa_entities = entities


# -- parse helpers (pure functions of the parse) ----------------------------------------------------------
def _anchor(doc: Doc, start: int, end: int) -> int:
    """The match token whose head lies outside the match (the first such, if several)."""
    for i in range(start, end):
        h = doc[i].head
        if h.i == i or not (start <= h.i < end):
            return i
    return start


def _para_text(text: str, para: object, sent: Span) -> str:
    if para is None:
        return sent.text
    return text[para.start:para.end]  # type: ignore[attr-defined]


def _main_clause(verb: Token) -> bool:
    """True for the root verb and verbs conjoined to it (not reported content, not relative clauses)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _update(focus: Focus, speaker: Speaker | None, subject: bool = False) -> None:
    """Move the focus to a named speaker; a main-clause subject (``subject``) also sets or clears the
    organisation/economy that "it" can stand for."""
    if subject or (speaker is not None and speaker.via != "pronoun"):
        focus.agent = speaker if speaker is not None and speaker.kind in ("organization", "economy") else None
    if speaker is None or speaker.via == "pronoun":
        return
    if speaker.kind == "person" and speaker.entity_id:
        focus.person = speaker.entity_id
        focus.unnamed = None
    elif speaker.via == "unnamed":  # "a foreign ministry official": "he" and "the official" from now on
        focus.unnamed = speaker
        focus.groups[speaker.entity_id.split()[-1].lower() if speaker.entity_id else ""] = speaker
    elif speaker.kind == "collective":
        focus.collective = speaker
        if speaker.via == "collective" and speaker.entity_id:  # "the three ministers": head word "ministers"
            focus.groups[speaker.entity_id.split(" of ")[0].split()[-1].lower()] = speaker


def _speaker_head(doc: Doc, cue: CueMatch) -> Token | None:
    """Subject of the cue, climbing conjoined verbs, 'went on to', participles and 'be committed'."""
    anchor = doc[cue.anchor]
    if cue.entry.speaker == "object":
        objs = [c for t in doc[cue.start:cue.end] for c in t.children
                if c.dep_ == "pobj" and not (cue.start <= c.i < cue.end)]
        return objs[0] if objs else None
    tok = anchor
    if cue.coordinated and anchor.pos_ not in ("VERB", "AUX"):
        verb = _governing_verb(anchor)  # the verb it was meant to be conjoined to
        if verb is None:
            return None
        tok = verb
    if cue.governor is not None:  # "..., saying", "..., and suggested": the reporting cue's speaker
        tok = doc[cue.governor]
    misread = _misread_amod(anchor)
    if misread is not None:
        return misread[0]
    for _ in range(8):
        subj = [c for c in tok.children if c.dep_ in _SUBJ and any(ch.isalpha() for ch in c.text)]
        if subj:
            return subj[0]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        stranded = _stranded_subject(doc, cue, tok.head) if tok.head.i != tok.i else None
        if stranded is None:
            stranded = _fronted_subject(tok) or _inverted_subject(tok)
        if stranded is not None:
            return stranded
        climb = tok.dep_ in ("conj", "xcomp", "acomp") or (tok.dep_ == "advcl" and (
            tok.tag_ == "VBG" or tok.head.lemma_ == "go"))  # "went on to reaffirm" read as a purpose
        if tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i and (tok.head.lower_ == "by" or (
                tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in _QUOTED)):
            tok = tok.head  # "responded by saying", "was quoted as saying": the subject of the verb before
            climb = True
        if climb:
            tok = _finite_conjunct(tok) or tok.head
            continue
        if tok.dep_ == "relcl" or _misread_acl(tok):
            return tok.head
        return None
    return None


def _clause_opener_object(anchor: Token, openers: frozenset[str]) -> Token | None:
    """The subject of a cue the parser read as the object of the word opening its clause ("... hours after the
    Council, in its meeting of May 3, strongly condemned X": "Council" the object of "after", the cue a subjectless
    root): the noun phrase ending right before the cue's own fronted modifiers, as the object of such a word."""
    verb = anchor
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    i = verb.i - 1
    for c in sorted((c for c in verb.lefts), key=lambda c: -c.i):
        if c.right_edge.i != i or c.dep_ not in ("advmod", "punct", "prep", "npadvmod"):
            break
        i = c.left_edge.i - 1
    if i < 0 or i == verb.i - 1:
        return None
    noun = verb.doc[i]
    if not (noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ in openers):
        return None
    host = noun.head.head  # the clause "after" hangs on: the cue's own head, or a clause fronted before the cue
    if (verb.dep_ in ("advcl", "ccomp") and verb.head.i == host.i) or any(
            host.i == t.i for c in verb.lefts if c.dep_ in ("ccomp", "advcl") for t in c.subtree):
        return noun
    return None


def _stranded_subject(doc: Doc, cue: CueMatch, head: Token) -> Token | None:
    """The subject of a cue whose sentence the parser joined to the previous one: climbing to ``head`` would leave
    the cue's segment, so the noun of the segment attached outside it is the speaker ("... in the region. Deputy
    Secretary Blinken, noting X, proposed Y" with "Blinken" read as an object of the previous verb)."""
    seg = cue.segment
    if seg is None or seg[0] <= head.i < seg[1]:
        return None
    for t in doc[seg[0]:cue.anchor]:
        if not (seg[0] <= t.head.i < seg[1]) and t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in (
                "dobj", "nsubj", "npadvmod", "appos", "attr", "conj", "pobj", "dep"):
            return t
    return None


def _fronted_subject(verb: Token) -> Token | None:
    """The subject the parser hung on a participle fronted before the verb ("X, commending Y, presented his view
    that ...": "X" read as the subject of "commending"); the verb has no subject of its own."""
    for c in verb.lefts:
        if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN"):
            subj = [s for s in c.lefts if s.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return subj[0]
    return None


def _finite_conjunct(verb: Token) -> Token | None:
    """The clause a present-tense verb was really conjoined to when the parser joined it to a participle of an
    embedded clause ("X is concerned that people were killed ..., and strongly condemns the attacks"): the
    nearest 3rd-person present verb above with a subject of its own."""
    head = verb.head
    if not (verb.dep_ == "conj" and verb.tag_ == "VBZ" and head.tag_ in ("VBN", "VBG", "VB")
            and any(c.dep_ in _SUBJ for c in head.children)):
        return None
    for anc in head.ancestors:
        present = anc.tag_ == "VBZ" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in anc.children)
        if present and any(c.dep_ in _SUBJ for c in anc.children):
            return anc
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb closing its sentence after the reported clause ("..., X, the ministry
    spokesman, said.") when the parser hung the speaker inside that clause: the noun just before the verb."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text == ",":
        i -= 1
    prev = verb.doc[i]
    if not (i < verb.i - 1 and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("attr", "conj", "appos", "npadvmod")):
        return None
    left = prev.left_edge.i  # "X, the ministry spokesman, said": the name before the apposed title
    if prev.pos_ == "NOUN" and left >= 2 and verb.doc[left - 1].text == "," and verb.doc[left - 2].pos_ == "PROPN":
        return verb.doc[left - 2]
    return prev


def _misread_acl(tok: Token) -> bool:
    """'The three ministers called on X to ...' read as a noun phrase with a reduced relative clause: the noun
    is the sentence's root, so the 'acl' verb is the main verb and the noun its subject."""
    return tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.dep_ == "ROOT" and tok.head.pos_ in (
        "NOUN", "PROPN") and tok.head.i < tok.i


def _misread_amod(tok: Token) -> tuple[Token, Token] | None:
    """(subject, object) of a cue verb the parser read as an adjective inside one noun phrase ("Minister Kim
    extended appreciation to X" as "Kim extended appreciation", "extended" an amod of "appreciation"): the name
    right before the verb, a modifier of the same noun, is the subject and that noun the object."""
    if tok.dep_ != "amod" or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ") or tok.i == 0:
        return None
    noun, prev = tok.head, tok.doc[tok.i - 1]
    if (noun.i > tok.i and noun.pos_ == "NOUN" and prev.head.i == noun.i and prev.pos_ == "PROPN"
            and prev.dep_ in ("nmod", "compound")):
        return prev, noun
    return None


def _objects(anchor: Token) -> list[Token]:
    """The direct objects of a cue verb, or the noun a misread one modifies (:func:`_misread_amod`)."""
    misread = _misread_amod(anchor)
    if misread is not None:
        return [misread[1]]
    return [c for c in anchor.children if c.dep_ == "dobj"]


def _negated(tok: Token) -> bool:
    """'did not say', 'never said' (but not 'not only')."""
    for c in tok.children:
        if c.dep_ == "neg" and c.lower_ in ("not", "n't", "never") and not (
                c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ == "only"):
            return True
    return False


def _governing_verb(tok: Token) -> Token | None:
    """Nearest verb above a token (for a cue the tagger read as a noun)."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _split_coordinated(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A cue conjoined to another ("expresses condolences to X and hopes that Y") is a separate claim with the
    same speaker: the first claim's content ends before "and", and the second is not nested in it."""
    out = list(cands)
    for c in cands:
        if not c.cue.coordinated:
            continue
        for k, other in enumerate(out):
            lo, hi = other.content
            if other is not c and lo <= c.cue.start < hi and other.cue.anchor < c.cue.start:
                cut = _trim(doc, lo, c.cue.start - 1)
                if cut is not None:
                    out[k] = replace(other, content=cut)
    return out


def _split_adverbial(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A cue in an adverbial clause with a subject of its own that closes another claim's content ("urged X to
    return to talks as he proposed Y", "welcomed X while she stressed Y") is a claim of its own, not part of the
    other: that content ends before the clause (a clause inside the content, "said that, as Peru stressed, Y",
    stays part of it)."""
    out = list(cands)
    for c in cands:
        a = doc[c.cue.anchor]
        if a.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in _ADVERBIAL_MARKS for m in a.children) \
                or not any(s.dep_ in ("nsubj", "nsubjpass") for s in a.children):
            continue
        start, end = a.left_edge.i, a.right_edge.i + 1
        for k, other in enumerate(out):
            lo, hi = other.content
            if other.cue.anchor == c.cue.anchor or not (lo <= start and end >= hi) or start <= other.cue.anchor:
                continue
            if doc[other.cue.anchor] in a.ancestors and (cut := _trim(doc, lo, start)) is not None:
                out[k] = replace(other, content=cut)
    return out


def _governor(doc: Doc, cue: CueMatch, anchors: frozenset[int], seg: tuple[int, int]) -> int | None:
    """The reporting cue a subjectless cue inside its content belongs to: a participle after a comma ("stressed
    that X will not help, saying what matters is Y") or a finite verb coordinated to a verb of the content whose
    tense it does not share, but the reporting cue's ("emphasized that the ROK supports X, and suggested Y")."""
    a = doc[cue.anchor]
    if cue.entry.is_phrase or any(c.dep_ in _SUBJ for c in a.children):
        return None
    participle = a.dep_ == "advcl" and a.tag_ == "VBG" and a.i > 0 and doc[a.left_edge.i - 1].lower_ == ","
    coordinated = a.dep_ == "conj" and a.tag_ in ("VBD", "VBZ") and a.head.tag_ != a.tag_ and not (
        a.head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in a.head.children))
    # ("North Korea has rejected X and declared Y": the tagger's VBD shares the perfect of the verb before it)
    if not (participle or coordinated):
        return None
    found = None
    for anc in a.ancestors:
        if not (seg[0] <= anc.i < seg[1]):
            break
        if anc.i in anchors and (participle or anc.tag_ == a.tag_):
            found = anc.i
            if not participle:
                break
    # a participle belongs to the outermost cue of its segment: "told Yonhap that he had stated X, adding Y"
    return found


def _frame(doc: Doc, cue: CueMatch, anchors: frozenset[int]) -> bool:
    """'responded by saying that X', 'answered by stating': the cue only frames the cue of its 'by' phrase."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.i in anchors for g in c.children)
               for c in doc[cue.anchor].children)


def _quoted(text: str, paragraphs: list[Paragraph], char: int) -> bool:
    """Whether a character lies inside a quotation opened in its paragraph ('"' closes a '“' too: writers mix
    them)."""
    para = paragraph_at(paragraphs, char)
    if para is None:
        return False
    inside = False
    for ch in text[para.start:char]:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def _quoted_self(doc: Doc, cand: Candidate, first_person: frozenset[str]) -> bool:
    """A first-person cue inside a quotation ('"... and we hope that ...," he said'): part of the quoted speech, one
    claim by its speaker, never a claim of its own (a quoted third-person report, '"X expressed ...," an official
    said', stays X's claim)."""
    head = _speaker_head(doc, cand.cue)
    if head is None or head.lower_ not in first_person:
        return False
    paragraphs = doc._.mofa_paragraphs or []
    return _quoted(view_of(doc).text, paragraphs, doc[cand.cue.start].idx)


def _only_date(doc: Doc, content: tuple[int, int]) -> bool:
    """Content that is only a date or time ("announced on December 28", "protested Friday")."""
    words = [t for t in doc[content[0]:content[1]] if not t.is_punct]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _merge_shared(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Two cue verbs sharing one object ("welcomes and supports the adoption of X"): one claim, of the first verb,
    with the shared content; the first verb's own complements, if any, were not a content of their own."""
    by_anchor = {c.cue.anchor: c for c in cands}
    merged: dict[int, Candidate] = {}  # anchor of the first verb -> its claim with the shared content
    dropped: set[int] = set()
    for first in cands:
        second = by_anchor.get(first.cue.end + 1)
        if second is None or not _shares(doc, first.cue, second.cue):
            continue
        merged[first.cue.anchor] = replace(first, content=second.content, addressee_heads=second.addressee_heads)
        dropped.add(second.cue.anchor)
    return [merged.get(c.cue.anchor, c) for c in cands if c.cue.anchor not in dropped]


_OPEN_QUOTES = {"“", '"'}
_CLOSE_QUOTES = {"”", '"'}
_SUBJECT_POS = {"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM", "PUNCT"}


def _quote_before(doc: Doc, cue: CueMatch, seg: tuple[int, int]) -> tuple[int, int] | None:
    """The quotation closing just before a speech cue and its subject ('"...," the ministry spokesman added') when
    the parser hung the quote elsewhere (on its opening mark): the quote is the content."""
    if cue.entry.is_phrase or cue.entry.speaker == "object":
        return None
    q = cue.start - 1
    while q >= max(seg[0], cue.start - 8) and doc[q].text not in _CLOSE_QUOTES:
        if doc[q].pos_ not in _SUBJECT_POS:
            return None  # only the speaker may stand between the quote and the cue
        q -= 1
    if q < seg[0] or doc[q].text not in _CLOSE_QUOTES:
        return None
    for o in range(q - 1, max(seg[0] - 1, q - 200), -1):
        if doc[o].text in _OPEN_QUOTES:
            return _trim(doc, o + 1, q)
    return None


def _shares(doc: Doc, first: CueMatch, second: CueMatch) -> bool:
    """Whether ``second`` is a single cue verb right after ``first`` + "and", conjoined to it ("welcomes and
    supports")."""
    end = first.end
    return (not first.entry.is_phrase and second.start == end + 1 and doc[end].lower_ == "and"
            and doc[second.anchor].dep_ == "conj" and doc[second.anchor].head.i == first.anchor)


def _split_governed(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The content of a reporting cue ends before a participle or coordinated cue that it governs (its own
    claim, by the same speaker: see :func:`_governor`)."""
    out = list(cands)
    for c in cands:
        gov = c.cue.governor
        if gov is None:
            continue
        for k, other in enumerate(out):
            lo, hi = other.content
            if other.cue.anchor == gov and lo <= c.cue.anchor < hi:
                cut = doc[c.cue.anchor].left_edge.i
                while cut > lo and doc[cut - 1].lower_ in (",", "and", ";", "as", "while"):
                    cut -= 1
                cut_range = _trim(doc, lo, cut)
                if cut_range is not None:
                    out[k] = replace(other, content=cut_range)
    return out


def _quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Character span of the quotation a claim's content opens or closes, if it is quoted."""
    before = text[max(0, start - 2):start]
    opening = next((q for q in ("“", '"') if q in before), None)
    if opening is None:
        return None
    q_start = start - 2 + before.rindex(opening)
    closing = "”" if opening == "“" else '"'
    q_end = text.find(closing, end)
    return (q_start, q_end + 1) if q_end >= 0 else None


def _speaker_position(doc: Doc, cand: Candidate) -> int:
    head = _speaker_head(doc, cand.cue)
    return head.i if head is not None else cand.cue.anchor


def _content(doc: Doc, cue: CueMatch, anchors: frozenset[int] = frozenset(),
             seg: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Token range of the attributed statement (see the module docstring); ``seg``: the cue's segment of its
    sentence (:mod:`pipeline.components.claim_content`), whose complements alone are read."""
    anchor = doc[cue.anchor]
    sent = anchor.sent
    s_lo, s_hi = seg or (sent.start, sent.end)
    if cue.entry.speaker == "object":
        phrase_lo, phrase_hi = anchor.left_edge.i, anchor.right_edge.i
        if phrase_lo - s_lo <= s_hi - phrase_hi:
            lo, hi = phrase_hi + 1, s_hi
        else:
            lo, hi = s_lo, phrase_lo
        return _trim(doc, lo, hi)
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not _misread_acl(anchor):  # "the plan announced by X"
        if cue.entry.claim_type not in ("statement", "proposal"):
            return None  # "the project supported by X" reports funding, not a position
        toks = np_tokens(anchor.head)
        return _trim(doc, toks[0].i, toks[-1].i + 1)
    misread = _misread_amod(anchor) if not cue.entry.is_phrase else None
    if misread is not None:  # "Minister Kim extended appreciation to X": the noun phrase after the verb
        return _trim(doc, misread[1].i, misread[1].right_edge.i + 1)
    cue_toks = range(cue.start, cue.end)
    last = doc[cue.end - 1]
    if cue.entry.is_phrase and cue.entry.claim_type == "call" and last.pos_ == "NOUN" and last.dep_ == "dobj":
        # "sought the support of X for Y": what is asked for is the content, its noun being part of the cue
        return _trim(doc, max(cue.start + 1, last.left_edge.i), last.right_edge.i + 1)
    kids = [c for i in cue_toks for c in doc[i].children
            if c.i not in cue_toks and c.dep_ not in _NOT_CONTENT and s_lo <= c.i < s_hi
            and not (c.dep_ == "prep" and c.i in anchors)]  # ", according to the official": the source
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    if clauses:  # "said at a briefing that X", '"X," he said at the meeting', "told reporters: X"
        return _trim(doc, clauses[0].left_edge.i, clauses[0].right_edge.i + 1)
    right = [c for c in kids if c.i >= cue.end and not (c.dep_ == "advcl" and (
        c.tag_ == "VBG" or (c.i in anchors and any(g.lower_ in _CONTRAST for g in c.children))))]
    # ("..., adding that", "..., while X noted that": separate claims)
    partners = [c for c in right if c.dep_ == "prep" and c.lower_ == "with"]
    if partners and len(partners) < len(right) and min(c.i for c in right) in {p.i for p in partners}:
        right = [c for c in right if c not in partners]  # "discussed with X ways to": X is no content
    if right:
        first = min(right, key=lambda c: c.i)
        lo, hi = max(cue.end, first.left_edge.i), max(c.right_edge.i for c in right) + 1
        if first.dep_ == "prep" and len(right) == 1 and first.i == lo:
            lo += 1  # "asked for X", "exchanged views on X": the content is X
            j = lo
            while j < hi - 1 and doc[j].dep_ == "compound" and doc[j].pos_ == "PROPN":
                j += 1
            if first.lower_ == "with" and j > lo and doc[j].pos_ == "NOUN":
                lo = j  # "discussed with Peru ways to" read as one noun "Peru ways": the partner is no content
        if first.dep_ in ("prep", "npadvmod", "advmod"):
            # "said at a briefing that X": the parser may read 'that' as a relative pronoun of 'briefing'
            for t in doc[lo:hi]:
                if t.pos_ in ("VERB", "AUX"):
                    break
                if t.lower_ == "that":
                    lo = t.i + 1
                    break
        return _trim(doc, lo, hi)
    return None


def _within(doc: Doc, content: tuple[int, int], seg: tuple[int, int], sent: Span) -> tuple[int, int] | None:
    """Content cut to its cue's segment, unless a quotation runs over the sentence break."""
    lo, hi = content
    text = view_of(doc).text
    if hi > seg[1] and not open_quote(text, doc[lo].idx, doc[seg[1] - 1].idx):
        hi = seg[1]
    if lo < seg[0] and not open_quote(text, sent.start_char, doc[seg[0] - 1].idx):
        lo = seg[0]
    return _trim(doc, lo, hi) if (lo, hi) != content else content


def _after_dateline(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """A news story's dateline is no part of what was said: 'May 3 (Yonhap) -- X agreed ..., the ministry
    said' -> 'X agreed ...' (a dash right after a closing bracket near the content's start)."""
    lo, hi = content
    for i in range(lo + 1, min(hi - 1, lo + 12)):
        if doc[i].text in _DASHES and doc[i - 1].text == ")":
            return _trim(doc, i + 1, hi) or content
    return content


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and (doc[lo].lower_ in _LEAD_TRIM or doc[lo].is_space or doc[lo].is_punct
                       or (doc[lo].lower_ == "to" and doc[lo].dep_ == "aux")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].lower_ in _LEAD_TRIM
                       or doc[hi - 1].pos_ == "CCONJ"):  # "welcomed X and | pledged": no trailing "and"
        if _closes(doc, lo, hi - 1):
            break  # "(local time)", 'the "Audacious Initiative"': the closing bracket or quote stays
        hi -= 1
    while lo < hi < len(doc) and _closes(doc, lo, hi):  # the parse left the closing bracket outside
        hi += 1
    if lo < hi < len(doc) - 1 and doc[hi].text in _STOPS and _closes(doc, lo, hi + 1):
        hi += 2  # 'called the attack "a crime against humanity."': the quote closes after the full stop
    return (lo, hi) if hi > lo else None


_CLOSERS = {")": "(", "]": "[", "”": "“", "’": "‘", '"': '"'}
_STOPS = {".", ",", "!", "?"}


def _closes(doc: Doc, lo: int, i: int) -> bool:
    """Whether token ``i`` closes a bracket or quotation opened inside doc[lo:i]."""
    opener = _CLOSERS.get(doc[i].text)
    if opener is None:
        return False
    inside = [doc[k].text for k in range(lo, i)]
    if opener == '"':
        return inside.count('"') % 2 == 1
    return inside.count(opener) > inside.count(doc[i].text)


def _has_purpose(doc: Doc, content: tuple[int, int]) -> bool:
    """A that-clause, an infinitive ('ways to', 'measures to') or a question ('how', 'whether') in the content."""
    for t in doc[content[0]:content[1]]:
        if t.lower_ in _QUESTION_WORDS:
            return True
        if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ccomp" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
            return True
    return False


def _has_clause(doc: Doc, content: tuple[int, int]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("xcomp", "ccomp", "acl", "relcl", "advcl")
               for t in doc[content[0]:content[1]])


def _is_future(anchor: Token) -> bool:
    tok = anchor
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
            return True
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _FUTURE_HEADS:
                return True
            tok = tok.head
            continue
        return False
    return False


def _addressees_of(doc: Doc, cue: CueMatch, ctype: str, request_nouns: frozenset[str]) -> tuple[int, ...]:
    """Whom a claim is directed at: the addressees of a call; the target of a criticism ("condemns the North
    Korean provocation", "warns that North Korea will face"); whom support is extended to ("extended
    condolences to the people of X")."""
    if ctype in ("call", "criticism"):
        return _addressee_heads(doc, cue, request_nouns)
    if ctype == "support":
        return tuple(g.i for i in range(cue.start, cue.end) for c in doc[i].children
                     if c.i >= cue.end and c.dep_ in ("prep", "dative") and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj")
    return ()


def _addressee_heads(doc: Doc, cue: CueMatch, request_nouns: frozenset[str] = frozenset()) -> tuple[int, ...]:
    """Noun phrases a call is directed at: 'urged X to', 'called on X to', 'asked for X's support', and the
    'of' phrase of what is asked ('asked for the understanding and cooperation of X and Y', 'sought the support
    of X': ``request_nouns``)."""
    heads: list[int] = []
    asked: list[Token] = []  # nouns naming what is asked for
    for i in range(cue.start, cue.end):
        tok = doc[i]
        for c in tok.children:
            if cue.start <= c.i < cue.end and c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                heads += [g.i for g in c.children if g.dep_ == "pobj"]
            elif c.i >= cue.end and c.dep_ in ("dobj", "dative"):
                heads.append(c.i)
                heads += [g.i for g in c.children if g.dep_ == "poss"]
                asked.append(c)
            elif c.i >= cue.end and c.dep_ in ("ccomp", "xcomp"):
                heads += [g.i for g in c.children if g.dep_ == "nsubj"]
            elif c.dep_ == "prep" and c.i >= cue.end:  # "appeal to X"; "ask for X's support"
                pobjs = [g for g in c.children if g.dep_ == "pobj"]
                if c.lower_ in ("on", "upon", "to"):
                    heads += [g.i for g in pobjs]
                heads += [p.i for g in pobjs for p in g.children if p.dep_ == "poss"]
                asked += pobjs
            elif c.dep_ == "pobj" and c.i >= cue.end:
                heads += [g.i for g in c.children if g.dep_ == "poss"]
        if tok.dep_ == "prep" and cue.start <= tok.i < cue.end:
            for g in tok.children:
                if g.dep_ == "pobj" and g.i >= cue.end:
                    heads += [p.i for p in g.children if p.dep_ == "poss"]
                    asked.append(g)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in request_nouns:  # "sought the support of X", "sought
            asked.append(tok)  # X's support": the noun is part of the cue
            heads += [g.i for g in tok.children if g.dep_ == "poss"]
    for noun in asked:
        for n in [noun, *noun.conjuncts]:
            if n.lemma_.lower() not in request_nouns:
                continue
            heads += [g.i for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
    return tuple(dict.fromkeys(heads))


def _reported(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """Nested reporting ("the ministry said the minister stressed that ...", "X expressed hope ..., the ministry
    said"): a cue with a subject of its own, not a pronoun, inside the content of a verb of reporting is a claim of
    that subject as well; other cues inside a claim's content are part of it ("He added that he hopes ...")."""
    if outer.cue.entry.cue not in _REPORTING or inner.cue.entry.speaker == "object":
        return False
    anchor = doc[inner.cue.anchor]
    if any(c.tag_ in ("WP", "WDT") and c.lower_ != "that" for c in anchor.children):  # ("said in a release that")
        return False  # "to discuss what Qiu had said about it": the speech referred to, not reported
    subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
        # "X met in Lima and agreed to ..., an official said": the subject of the first conjunct speaks
        subj = next((c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ in ("PROPN", "NOUN")


def _drop_self_reports(claims: list[Claim], reports: list[tuple[int, int | None, Claim]]) -> list[Claim]:
    """A reported claim stays when a person, an organisation or a group of people speaks in it ("the ministry said
    Park asked ...", "the ministers agreed to ..., an official said": news report both); a state inside someone's
    statement is what the statement says ("She said Canada supports ..."), unless the state speaks in it ('"Japan
    explained to us that ...," an official said'), and a reported claim of the reporter itself ("the ministry said
    the ministry will") repeats the reporter's: only the reporter's claim stays."""
    by_anchor = {anchor: claim for anchor, _, claim in reports}
    drop = set()
    for _, reporter, claim in reports:
        if reporter is None:
            continue
        outer = by_anchor.get(reporter)
        speaks = claim.speaker_kind in ("person", "organization", "collective") or (
            claim.speaker_kind == "economy" and claim.cue in _STATE_SPEECH)
        if not speaks or (outer is not None and (outer.speaker_kind, outer.speaker_id)
                         == (claim.speaker_kind, claim.speaker_id)):
            drop.add(claim.claim_id)
    return [c for c in claims if c.claim_id not in drop]


def _nested(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """True when ``inner``'s cue lies in ``outer``'s content and hangs below ``outer``'s cue."""
    lo, hi = outer.content
    if not (lo <= inner.cue.anchor < hi):
        return False
    if inner.cue.entry.speaker == "object" and doc[inner.cue.anchor].head.i == outer.cue.anchor:
        return False  # "X stressed Y, according to the official": the source of X's claim, not part of Y
    gov = _governing_verb(doc[inner.cue.anchor]) if inner.cue.coordinated else None
    if (gov is not None and gov.i == outer.cue.anchor) or inner.cue.governor == outer.cue.anchor:
        return False
    return doc[outer.cue.anchor] in doc[inner.cue.anchor].ancestors
