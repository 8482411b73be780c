"""The claim cue lexicon: data files in, typed lexicon and spaCy Matcher out.

The words live in ``pipeline/data/cue*`` so that a researcher can extend them without touching code:
``cues.jsonl`` (speech verbs and phrasal cues with their claim type), ``cue_object_types.csv`` (object
nouns that make a generic cue more specific: "expressed concern" is criticism), ``cue_noncues.csv`` (verbs
of meeting and travel, never claims), ``cue_refusals.csv`` (verbs that deny the cue in their infinitive:
"declined to comment"), ``cue_request_nouns.csv`` (what a call asks of someone: "the support of X" makes X an
addressee), ``cue_evidence_nouns.csv`` (polls and studies: "a survey found that" is a belief) and
``cue_criticism_verbs.csv`` (verbs of harm: "said the plan would undermine X" is criticism) and
``cue_speakers.json`` (pronouns, role nouns, collective nouns, document nouns).
Loading does file I/O and is called once by the component factory; everything else here is pure.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from schemas.models import ClaimType

REQUIREMENTS = (None, "complement_verb", "clause", "purpose", "object_type", "as", "evidence", "quote", "predicate")
_POS_TAGS = {"ADJ", "ADV", "ADP", "DET", "NOUN", "PROPN", "VERB", "AUX", "PART", "PRON", "NUM"}


@dataclass(frozen=True)
class CueEntry:
    """One line of ``cues.jsonl``."""

    cue: str
    claim_type: str
    lemmas: tuple[str, ...] = ()
    phrase: str | None = None
    speaker: str = "subject"  # or "object" (according to X)
    requires: str | None = None  # one of REQUIREMENTS (see cues.jsonl)
    xcomp_type: str | None = None  # claim type when an infinitive complement follows
    clause_type: str | None = None  # claim type when a that-clause follows ("expects that X": belief)
    travel_complement: bool = True  # False: no claim when the infinitive is a meeting/travel verb

    @property
    def is_phrase(self) -> bool:
        return self.phrase is not None


@dataclass(frozen=True)
class SpeakerWords:
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    role_heads: frozenset[str]
    collective_heads: frozenset[str]
    collective_determiners: frozenset[str]
    government_heads: frozenset[str]
    first_person_singular: frozenset[str] = frozenset()
    first_person_plural: frozenset[str] = frozenset()
    first_person_plural_possessive: frozenset[str] = frozenset()
    impersonal_pronouns: frozenset[str] = frozenset()
    document_heads: frozenset[str] = frozenset()
    statement_title_words: frozenset[str] = frozenset()
    joint_title_words: frozenset[str] = frozenset()
    briefing_title_words: frozenset[str] = frozenset()
    clause_prepositions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[CueEntry, ...]
    object_types: dict[str, str] = field(default_factory=dict)
    noncues: frozenset[str] = frozenset()
    speakers: SpeakerWords | None = None
    irregular: dict[str, tuple[str, ...]] = field(default_factory=dict)
    refusals: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    evidence_nouns: frozenset[str] = frozenset()
    criticism_verbs: frozenset[str] = frozenset()

    def forms(self, lemma: str) -> list[str]:
        """Lower-case surface forms of a lemma: irregular ones from the data, regular ones generated."""
        return sorted(set(inflections(lemma)) | set(self.irregular.get(lemma, ())))


_VOWELS = set("aeiou")


def inflections(lemma: str) -> list[str]:
    """Regular English verb forms ('hope' -> hopes, hoped, hoping; 'regret' -> regretted): a safety net for
    the lemmatizer, which sometimes gets them wrong ('hoped' -> 'hop')."""
    w = lemma.lower()
    out = [w]
    if " " in w or not w.isalpha():
        return out
    if w.endswith("e"):
        out += [w + "s", w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        out += [w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        out += [w + "es", w + "ed", w + "ing"]
    else:
        out += [w + "s", w + "ed", w + "ing"]
        if len(w) >= 3 and w[-1] not in _VOWELS | set("wxy") and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return out


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def parse_entry(raw: dict[str, Any]) -> CueEntry:
    """Validate one lexicon line (fails loudly on unknown claim types or empty cues)."""
    claim_type = ClaimType(raw["type"]).value
    xcomp_type = ClaimType(raw["xcomp_type"]).value if raw.get("xcomp_type") else None
    clause_type = ClaimType(raw["clause_type"]).value if raw.get("clause_type") else None
    lemmas = tuple(raw.get("lemmas", ()))
    phrase = raw.get("phrase")
    if not lemmas and not phrase:
        raise ValueError(f"cue {raw.get('cue')!r} has neither lemmas nor phrase")
    if raw.get("requires") not in REQUIREMENTS:
        raise ValueError(f"cue {raw.get('cue')!r}: unknown requirement {raw.get('requires')!r}")
    return CueEntry(cue=raw["cue"], claim_type=claim_type, lemmas=lemmas, phrase=phrase,
                    speaker=raw.get("speaker", "subject"), requires=raw.get("requires"), xcomp_type=xcomp_type,
                    clause_type=clause_type,
                    travel_complement=bool(raw.get("travel_complement", True)))


def load_lexicon(cues: Path, object_types: Path, noncues: Path, speakers: Path, forms: Path,
                 refusals: Path | None = None, request_nouns: Path | None = None,
                 evidence_nouns: Path | None = None, criticism_verbs: Path | None = None) -> Lexicon:
    entries = []
    for line in cues.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            if "cue" in raw:  # the first line is a comment record
                entries.append(parse_entry(raw))
    otypes = {row["lemma"]: ClaimType(row["claim_type"]).value for row in _read_csv(object_types)}
    non = frozenset(row["lemma"] for row in _read_csv(noncues))
    sp = json.loads(speakers.read_text(encoding="utf-8"))
    words = SpeakerWords(**{k: frozenset(v) for k, v in sp.items() if not k.startswith("#")})
    irregular = {row["lemma"]: tuple(row["forms"].split("|")) for row in _read_csv(forms)}
    refuse = frozenset(row["lemma"] for row in _read_csv(refusals)) if refusals else frozenset()
    requests = frozenset(row["lemma"] for row in _read_csv(request_nouns)) if request_nouns else frozenset()
    evidence = frozenset(row["lemma"] for row in _read_csv(evidence_nouns)) if evidence_nouns else frozenset()
    harm = frozenset(row["lemma"] for row in _read_csv(criticism_verbs)) if criticism_verbs else frozenset()
    return Lexicon(entries=tuple(entries), object_types=otypes, noncues=non, speakers=words, irregular=irregular,
                   refusals=refuse, request_nouns=requests, evidence_nouns=evidence, criticism_verbs=harm)


def phrase_pattern(phrase: str, lexicon: Lexicon) -> list[dict[str, Any]]:
    """'bring ADJ* attention to' -> Matcher token patterns (items are lemmas, see cues.jsonl)."""
    pattern: list[dict[str, Any]] = []
    for item in phrase.split():
        op = None
        if item[-1] in "?*":
            item, op = item[:-1], item[-1]
        if item in _POS_TAGS:
            tok: dict[str, Any] = {"POS": item}
        else:
            tok = {"LOWER": {"IN": sorted({f for alt in item.split("|") for f in lexicon.forms(alt)})}}
        if op:
            tok["OP"] = op
        pattern.append(tok)
    return pattern


@dataclass(frozen=True)
class VerbIndex:
    """Single-verb cues looked up per token (a dict scan is ~50x faster than Matcher 'IN' predicates, which
    spaCy evaluates in Python for every token and pattern). Values are entry indices in ``lexicon.entries``."""

    by_lemma: dict[str, tuple[int, ...]]
    by_form: dict[str, tuple[int, ...]]
    finite: dict[str, tuple[int, ...]]  # -s/-ed forms, for "and hopes that" when the tagger missed the verb

    def entries_at(self, lemma: str, lower: str, pos: str) -> tuple[int, ...]:
        if pos != "VERB":
            return ()
        found = self.by_lemma.get(lemma.lower(), ()) + self.by_form.get(lower, ())
        return tuple(dict.fromkeys(found))


def build_verb_index(lexicon: Lexicon) -> VerbIndex:
    by_lemma: dict[str, list[int]] = {}
    by_form: dict[str, list[int]] = {}
    finite: dict[str, list[int]] = {}
    for i, entry in enumerate(lexicon.entries):
        if entry.phrase:
            continue
        for lemma in entry.lemmas:
            by_lemma.setdefault(lemma, []).append(i)
            for form in lexicon.forms(lemma):
                by_form.setdefault(form, []).append(i)
                if form not in entry.lemmas and not form.endswith("ing"):
                    finite.setdefault(form, []).append(i)

    def freeze(d: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
        return {k: tuple(dict.fromkeys(v)) for k, v in d.items()}

    return VerbIndex(freeze(by_lemma), freeze(by_form), freeze(finite))


@dataclass(frozen=True)
class PhraseItem:
    words: frozenset[str] = frozenset()  # lower-case forms; empty when the item is a POS tag
    pos: str | None = None
    op: str | None = None  # None, "?" or "*"

    def fits(self, lower: str, pos: str) -> bool:
        return pos == self.pos if self.pos else lower in self.words


@dataclass(frozen=True)
class PhraseIndex:
    """Phrasal cues by the forms of their first word, matched only where that word occurs (the spaCy Matcher
    spends most of its time evaluating 'IN' predicates in Python on every token)."""

    by_first: dict[str, tuple[tuple[int, tuple[PhraseItem, ...]], ...]]

    def longest_at(self, lowers: list[str], tags: list[str], i: int) -> list[tuple[int, int]]:
        """(entry index, end) of the longest match of each phrase starting at token ``i``."""
        out = []
        for k, items in self.by_first.get(lowers[i], ()):
            end = _match_items(items, lowers, tags, i)
            if end is not None:
                out.append((k, end))
        return out


def _match_items(items: tuple[PhraseItem, ...], lowers: list[str], tags: list[str], i: int) -> int | None:
    """End of the longest match of ``items`` from token ``i`` (backtracking over '?' and '*'), or None."""
    if not items:
        return i
    head, rest = items[0], items[1:]
    if head.op is None:
        if i < len(lowers) and head.fits(lowers[i], tags[i]):
            return _match_items(rest, lowers, tags, i + 1)
        return None
    best = _match_items(rest, lowers, tags, i)  # zero occurrences
    j = i
    while j < len(lowers) and head.fits(lowers[j], tags[j]):
        j += 1
        end = _match_items(rest, lowers, tags, j)
        if end is not None and (best is None or end > best):
            best = end
        if head.op == "?":
            break
    return best


def build_phrase_index(lexicon: Lexicon) -> PhraseIndex:
    by_first: dict[str, list[tuple[int, tuple[PhraseItem, ...]]]] = {}
    for k, entry in enumerate(lexicon.entries):
        if not entry.phrase:
            continue
        items = []
        for tok in phrase_pattern(entry.phrase, lexicon):
            op = tok.get("OP")
            if "POS" in tok:
                items.append(PhraseItem(pos=tok["POS"], op=op))
            else:
                items.append(PhraseItem(words=frozenset(tok["LOWER"]["IN"]), op=op))
        if items[0].op or items[0].pos:
            raise ValueError(f"phrasal cue {entry.phrase!r} must start with a required word")
        for form in items[0].words:
            by_first.setdefault(form, []).append((k, tuple(items)))
    return PhraseIndex({f: tuple(v) for f, v in by_first.items()})


def build_matcher(vocab: Vocab, lexicon: Lexicon) -> Matcher:
    """The phrasal cues as a spaCy Matcher (one key per entry: its index in ``lexicon.entries``); the
    component uses the faster :class:`PhraseIndex`, this one serves to check it."""
    matcher = Matcher(vocab)
    for i, entry in enumerate(lexicon.entries):
        if entry.phrase:
            matcher.add(str(i), [phrase_pattern(entry.phrase, lexicon)])
    return matcher
