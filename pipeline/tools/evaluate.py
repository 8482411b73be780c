"""Evaluation harness: score the tables of ``processed/`` against hand-annotated gold documents.

Usage::

    python -m pipeline evaluate --processed processed --gold tests/gold [--json scores.json] [--per-doc]

Researchers can score the pipeline on their own annotated releases: put one JSON file per release in a
folder (format of ``tests/gold/000_1ec2c721142b1f41.json``), run the pipeline on the raw releases and point
``--gold`` at the folder. Every ``*.json`` directly inside the folder is a gold document (sub-folders, such as
``raw/`` holding the inputs, are not read).

Gold format (all sections optional)
-----------------------------------
``source``
    The raw input's path relative to the raw folder, ``file.xml#seq-NNN`` for a feed item. A gold document is
    matched to the processed document whose ``documents.source`` equals it; failing that, whose basename (and
    ``#fragment``) equals the gold's basename, so ``tests/gold/raw/x.txt`` matches gold ``"x.txt"``. Gold
    documents with no processed match are reported and skipped (``--strict``: scored as empty, all misses).
``metadata``
    category, title, subtitle, published (ISO date), hits, language. Each field given is one check.
``body``
    starts_with, ends_with, must_not_contain (list), footnotes_start_with (list).
``people`` / ``organizations`` / ``initiatives`` / ``events`` / ``claims``
    ``core`` items count for recall; ``optional`` items are neither required nor penalised (a prediction that
    matches an optional item is not a false positive). ``people.must_not_be_people`` lists strings that must not
    be a person.
``economies``
    ``core`` / ``optional`` lists of ISO 3166-1 alpha-3 codes.

Matching rules (document level; one row per category)
-----------------------------------------------------
All text comparisons fold Unicode (NFKC), case, runs of whitespace, curly vs straight quotes and the dash
variants; names also drop a leading "the". Matching is one-to-one: a second prediction matching an
already-matched gold item (an entity split in two) is a false positive.

* ``metadata``: each gold field is tp when the prediction equals it (title and subtitle compared with
  whitespace folded, published as ISO date; a gold ``null`` predicted empty is right too), fn when missing,
  fn + fp when different; a gold ``null`` that is predicted non-empty is fp.
* ``body``: the body is the concatenation, in order, of the sentences whose section is body or footnote
  (``documents.text`` when there are no sentence rows). starts_with / ends_with compare with whitespace folded;
  every ``must_not_contain`` string absent from the body is a tp (present: fn); every
  ``footnotes_start_with`` string must be the start of a sentence of section ``footnote`` (leading ``*``/``※``
  ignored). When the gold lists footnotes, each predicted footnote paragraph whose first sentence matches none
  of them is a fp.
* ``people``: the document's people are the people whose person_id appears in the document's person
  mentions (plus person speakers of its claims), each as the document presents them (its row of the roles
  table: the name, titles and economy read in that document; the corpus-wide people row when there is no roles
  table); matched to gold by normalized name. Unmatched predictions are
  fp; each ``must_not_be_people`` string equal to a predicted person's name or to the text of a person mention
  is a fp (counted once).
* ``people_titles`` (on matched core people): each gold title found in the person's titles list is tp, else fn;
  a predicted title that is neither a gold title nor contained in one of the gold ``aliases_in_text`` (so
  "Foreign Minister" is tolerated for "Foreign Minister Cho") is fp.
* ``people_economy`` (on matched core people with an ``economy`` key): equal alpha-3 tp; missing fn; different
  fn + fp; gold ``null``: tp when none predicted, else fp.
* ``economies``: the alpha-3 set of the document's economy mentions against core (tp/fn); codes in neither core
  nor optional are fp.
* ``organizations`` / ``initiatives``: the document's mentions of that kind, through their entity_id, to the
  organizations / initiatives table. A prediction matches a gold item when any of {name, acronym, the entity's
  mention texts in the document} equals any of the gold's {name, acronym}: the table holds one canonical name per
  corpus ("United Nations Security Council") while the gold writes the form of the page ("UN Security
  Council"). Initiative names also ignore quotes and treat hyphens as spaces.
* ``initiative_links``: gold pairs (initiative, economy, role) from each initiative's ``lead`` and
  ``endorsed_by`` lists; predicted rows of the document, their initiative matched as above. Pairs from
  optional initiatives are optional.
* ``events``: the document's events rows, matched by name (a leading ordinal such as "35th" or a leading year
  such as "2025" ignored) or acronym.
* ``event_attributes`` (on matched core events): each of ordinal, date, location, economy that the gold item
  states is tp when equal, fn when missing, fn + fp when different; a key set to ``null`` in gold is tp when
  nothing is predicted and fp otherwise; a key absent from gold is not scored.
* ``claims``: a gold claim's ``sentence_contains`` is located in ``documents.text`` (whitespace folded); a
  predicted claim matches when its sent_id is a sentence overlapping that span and its speaker agrees:
  persons through ``people.name`` of the speaker_id (speaker_text when the id is unknown), economies by
  alpha-3, organisations by name or acronym, collectives by normalized phrase (speaker_id or speaker_text).
  ``speaker_kind`` defaults to person and must agree. Where several claims share a sentence, pairs whose cue
  also agrees are matched first. Unmatched core claims are fn; predicted claims matching neither core nor
  optional are fp.
* ``claims_cue`` (on matched core claims): cue lemma equal tp, else fn + fp.
* ``claims_addressees`` (on matched core claims whose gold has an ``addressees`` key): set comparison of
  alpha-3 / org ids (``[]`` in gold means "none expected").
* ``claims_type`` (on matched core claims whose gold has a ``claim_type`` key): equal tp, else fn + fp.
* ``claims_via_pronoun``: recall of the core claims flagged ``via_pronoun`` (fp always 0).

Scores: precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean; an empty denominator
gives 1.0 (nothing to find and nothing wrongly found is perfect), so rows with no items at all print "-".
The corpus score of a category is the micro-average: tp, fp and fn summed over the gold documents first.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported lazily: building the CLI parser must stay fast
    import pandas as pd

from schemas.models import TABLES
from schemas.tables import tables as registered_tables

#: Tables of processed/ the scorer reads: every table of the documents (not the run's manifest and rejects).
EVAL_TABLES: tuple[str, ...] = tuple(t.name for t in registered_tables() if t.scope != "run")

#: Rows of the score table, in print order.
CATEGORIES: tuple[str, ...] = (
    "metadata", "body", "people", "people_titles", "people_economy", "economies", "organizations",
    "initiatives", "initiative_links", "events", "event_attributes", "claims", "claims_cue",
    "claims_addressees", "claims_type", "claims_via_pronoun",
)

METADATA_FIELDS: tuple[str, ...] = ("category", "title", "subtitle", "published", "hits", "language")
EVENT_ATTRIBUTES: dict[str, str] = {"ordinal": "ordinal", "date": "date", "location": "location",
                                    "economy": "economy_id"}
FOOTNOTE_MARKERS = "*※ \t"


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ScoreRow:
    """Counts and scores of one category (for one document, or micro-averaged over a corpus)."""

    category: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, category: str, tp: int, fp: int, fn: int) -> ScoreRow:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(category, tp, fp, fn, precision, recall, f1)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0


@dataclass
class _Counts:
    """Counts of one category, with a short description of every miss (fn) and wrong prediction (fp)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def hit(self, n: int = 1) -> None:
        self.tp += n

    def miss(self, item: str) -> None:
        self.fn += 1
        self.missed.append(item)

    def spurious(self, item: str) -> None:
        self.fp += 1
        self.wrong.append(item)

    def check(self, ok: bool, item: str) -> None:
        """A pass/fail check: tp when ok, else a miss."""
        if ok:
            self.hit()
        else:
            self.miss(item)


@dataclass(frozen=True)
class Report:
    """Scores of a corpus: per matched gold document and micro-averaged, plus the gold left unmatched."""

    per_document: dict[str, list[ScoreRow]]
    micro: list[ScoreRow]
    unmatched_gold: list[str]
    #: source -> category -> {"missed": [...], "wrong": [...]}: what each fn and fp was
    details: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "micro": [asdict(r) for r in self.micro],
            "per_document": {src: [asdict(r) for r in rows] for src, rows in self.per_document.items()},
            "details": self.details,
            "unmatched_gold": list(self.unmatched_gold),
        }


# ------------------------------------------------------------------------------------------ normalizing

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-"})
_WS = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_LEADING_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)\s+|(?:19|20)\d\d\s+)+")
_NAME_PUNCT = re.compile(r"[\"'`]")
_HYPHEN = re.compile(r"\s*-\s*")


def fold_ws(text: str) -> str:
    """Whitespace runs to one space, ends stripped; characters otherwise kept."""
    return _WS.sub(" ", text).strip()


def norm_text(text: str) -> str:
    """Case, Unicode form, quote and dash variants and whitespace folded."""
    return fold_ws(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold())


def norm_name(text: str) -> str:
    """norm_text without a leading 'the' (for entity names)."""
    return _LEADING_THE.sub("", norm_text(text))


def norm_initiative(text: str) -> str:
    """norm_name with quotes dropped and hyphens read as spaces: "Carbon-Free" == 'carbon free'."""
    name = _NAME_PUNCT.sub("", norm_name(text))
    return fold_ws(_HYPHEN.sub(" ", name))


def norm_event(text: str) -> str:
    """norm_name without a leading ordinal or year: '35th APEC Ministerial Meeting' and '2024 APEC Ministerial
    Meeting' -> 'apec ministerial meeting' (a year at the end, as in 'APEC 2025', is kept)."""
    return _LEADING_ORDINAL.sub("", norm_name(text))


def norm_phrase(text: str) -> str:
    """Collective speakers: lower-case words (and Hangul syllables) only, so 'the two ministers' ==
    'two-ministers' and '양 장관' keeps its words."""
    return fold_ws(re.sub(r"[^0-9a-z\uac00-\ud7a3]+", " ", norm_name(text)))


# ------------------------------------------------------------------------------------------- scalars


def _scalar(value: Any) -> Any:
    """None for every flavour of missing (None, NaN, pd.NA, NaT); the value otherwise."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _str(value: Any) -> str | None:
    value = _scalar(value)
    return None if value is None else str(value)


def _as_list(value: Any) -> list[Any]:
    """List columns come back from Parquet as numpy arrays, from CSV as strings; normalise to a list."""
    value = _scalar(value) if not hasattr(value, "__len__") or isinstance(value, str) else value
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                return list(json.loads(text))
            except json.JSONDecodeError:
                return [text]
        return [text] if text else []
    return list(value)


def _date_str(value: Any) -> str | None:
    value = _scalar(value)
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10]


def _int(value: Any) -> int | None:
    value = _scalar(value)
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------- doc view


def _rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.to_dict(orient="records")


def _doc_rows(tables: dict[str, pd.DataFrame], table: str, doc_id: str) -> list[dict[str, Any]]:
    frame = tables.get(table)
    if frame is None or frame.empty or "doc_id" not in frame.columns:
        return []
    return _rows(frame[frame["doc_id"] == doc_id])


def _index(tables: dict[str, pd.DataFrame], table: str, key: str) -> dict[str, dict[str, Any]]:
    return {str(r[key]): r for r in _rows(tables.get(table)) if key in r}


@dataclass
class _DocView:
    """The rows of one processed document, with the global entity tables as lookups."""

    document: dict[str, Any]
    sentences: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    links: list[dict[str, Any]]
    events: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    people: dict[str, dict[str, Any]]
    organizations: dict[str, dict[str, Any]]
    initiatives: dict[str, dict[str, Any]]
    #: person_id -> the person as this document presents them (roles table; empty for older outputs).
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)

    def person(self, pid: str) -> dict[str, Any] | None:
        """The person as this document presents them when the roles table has them, else the corpus row."""
        if pid in self.roles:
            return {**self.people.get(pid, {}), **self.roles[pid]}
        return self.people.get(pid)

    def mention_ids(self, kind: str) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            if m.get("kind") == kind and _str(m.get("entity_id")):
                seen.setdefault(str(m["entity_id"]), None)
        return list(seen)


def _view(tables: dict[str, pd.DataFrame], document: dict[str, Any] | None) -> _DocView:
    if document is None:
        return _DocView({}, [], [], [], [], [], {}, {}, {})
    doc_id = document["doc_id"]
    sentences = sorted(_doc_rows(tables, "sentences", doc_id), key=lambda r: (_int(r.get("start")) or 0))
    return _DocView(
        document=document, sentences=sentences, mentions=_doc_rows(tables, "mentions", doc_id),
        links=_doc_rows(tables, "initiative_links", doc_id), events=_doc_rows(tables, "events", doc_id),
        claims=_doc_rows(tables, "claims", doc_id), people=_index(tables, "people", "person_id"),
        organizations=_index(tables, "organizations", "org_id"),
        initiatives=_index(tables, "initiatives", "initiative_id"),
        roles={str(r["person_id"]): r for r in _doc_rows(tables, "roles", doc_id)},
    )


def _basename_key(source: str) -> tuple[str, str]:
    path, _, fragment = source.replace("\\", "/").partition("#")
    return PurePosixPath(path).name, fragment


def find_document(documents: pd.DataFrame | None, source: str) -> dict[str, Any] | None:
    """The processed document of a gold source: exact source first, then by basename (and #fragment)."""
    rows = _rows(documents)
    for row in rows:
        if _str(row.get("source")) == source:
            return row
    key = _basename_key(source)
    for row in rows:
        src = _str(row.get("source"))
        if src and _basename_key(src) == key:
            return row
    return None


# ------------------------------------------------------------------------------------------ matching


def _one_to_one(gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Greedy one-to-one matching in order: gold index -> pred index."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def _match_core_optional(core: Sequence[Any], optional: Sequence[Any], pred: Sequence[Any],
                         same: Callable[[Any, Any], bool]) -> tuple[dict[int, int], set[int]]:
    """Match core first, then optional on the remaining predictions.
    Returns core matches (gold index -> pred index) and the set of pred indices matched to anything."""
    core_pairs = _one_to_one(core, pred, same)
    used = set(core_pairs.values())
    rest = [i for i in range(len(pred)) if i not in used]
    opt_pairs = _one_to_one(optional, [pred[i] for i in rest], same)
    used |= {rest[pi] for pi in opt_pairs.values()}
    # a prediction duplicating an optional item is tolerated, never one duplicating a core item
    for pi, p in enumerate(pred):
        if pi not in used and any(same(o, p) for o in optional):
            used.add(pi)
    return core_pairs, used


def _counts_from_match(core: Sequence[Any], pred: Sequence[Any], core_pairs: dict[int, int], used: set[int],
                       describe: Callable[[Any], str]) -> _Counts:
    counts = _Counts(tp=len(core_pairs))
    for gi, g in enumerate(core):
        if gi not in core_pairs:
            counts.miss(describe(g))
    for pi, p in enumerate(pred):
        if pi not in used:
            counts.spurious(describe(p))
    return counts


def _compare_value(counts: _Counts, gold_value: Any, pred_value: Any, label: str = "") -> None:
    """One attribute check: equal tp (both None included); missing fn; different fn + fp; gold None but
    predicted fp."""
    prefix = f"{label}: " if label else ""
    if gold_value is None:
        if pred_value is None:
            counts.hit()
        else:
            counts.spurious(f"{prefix}{pred_value!r} (gold: none)")
        return
    if pred_value is None:
        counts.miss(f"{prefix}{gold_value!r} (predicted: none)")
    elif pred_value == gold_value:
        counts.hit()
    else:
        counts.miss(f"{prefix}{gold_value!r}")
        counts.spurious(f"{prefix}{pred_value!r}")


def _describe(item: Any) -> str:
    """Short label of a gold or predicted item for the explain listing."""
    if isinstance(item, tuple):
        return " / ".join(_describe(x) for x in item)
    if isinstance(item, dict):
        name = fold_ws(_str(item.get("name")) or _str(item.get("speaker")) or "")
        acronym = _str(item.get("acronym"))
        return f"{name} ({acronym})" if acronym and acronym != name else name
    return str(item)


def _core(section: Any) -> list[Any]:
    return list(section.get("core", [])) if isinstance(section, dict) else []


def _optional(section: Any) -> list[Any]:
    return list(section.get("optional", [])) if isinstance(section, dict) else []


# ------------------------------------------------------------------------------------------ categories


def _score_metadata(view: _DocView, gold: dict[str, Any]) -> _Counts:
    counts = _Counts()
    doc = view.document
    for name in METADATA_FIELDS:
        if name not in gold:
            continue
        g, p = gold[name], doc.get(name)
        if name == "published":
            g, p = _date_str(g), _date_str(p)
        elif name == "hits":
            g, p = _int(g), _int(p)
        elif name == "language":
            g = None if g is None else str(g).casefold()
            p = None if _str(p) is None else str(p).casefold()
        else:
            g = None if g is None else fold_ws(str(g))
            p = None if _str(p) is None else fold_ws(str(p)) or None
        _compare_value(counts, g, p, name)
    return counts


def _body_sentences(view: _DocView) -> list[dict[str, Any]]:
    return [s for s in view.sentences if s.get("section") in ("body", "footnote")]


def _score_body(view: _DocView, gold: dict[str, Any]) -> _Counts:
    counts = _Counts()
    text = _str(view.document.get("text")) or ""
    body_sents = _body_sentences(view)
    body = fold_ws(" ".join(str(s.get("text", "")) for s in body_sents)) if body_sents else fold_ws(text)
    if gold.get("starts_with"):
        counts.check(bool(body) and body.startswith(fold_ws(gold["starts_with"])),
                     f"starts_with {gold['starts_with']!r} (body starts {body[:60]!r})")
    if gold.get("ends_with"):
        counts.check(bool(body) and body.endswith(fold_ws(gold["ends_with"])),
                     f"ends_with {gold['ends_with']!r} (body ends {body[-60:]!r})")
    body_raw = "\n\n".join(str(s.get("text", "")) for s in body_sents) if body_sents else text
    for needle in gold.get("must_not_contain", []) or []:
        present = needle in body_raw or (fold_ws(needle) and fold_ws(needle) in fold_ws(body_raw))
        counts.check(bool(view.document) and not present, f"must_not_contain {needle!r}")
    if "footnotes_start_with" in gold:
        wanted = [fold_ws(f) for f in gold.get("footnotes_start_with") or []]
        footnotes = [s for s in view.sentences if s.get("section") == "footnote"]
        starts = [fold_ws(str(s.get("text", ""))).lstrip(FOOTNOTE_MARKERS) for s in footnotes]
        for w in wanted:
            counts.check(any(s.startswith(w.lstrip(FOOTNOTE_MARKERS)) for s in starts), f"footnote {w!r}")
        first_of_paragraph: dict[Any, str] = {}
        for s, start in zip(footnotes, starts, strict=True):
            first_of_paragraph.setdefault(s.get("paragraph_id"), start)
        for start in first_of_paragraph.values():
            if not any(start.startswith(w.lstrip(FOOTNOTE_MARKERS)) for w in wanted):
                counts.spurious(f"footnote {start[:60]!r}")
    return counts


def _doc_people(view: _DocView) -> list[dict[str, Any]]:
    ids = view.mention_ids("person")
    ids += [str(c["speaker_id"]) for c in view.claims
            if c.get("speaker_kind") == "person" and _str(c.get("speaker_id")) and str(c["speaker_id"]) not in ids]
    people = []
    for pid in ids:
        person = view.person(pid)
        if person is not None:
            people.append(person)
        else:  # a mention pointing to no people row still names someone
            text = next((m.get("text") for m in view.mentions if str(m.get("entity_id")) == pid), pid)
            people.append({"person_id": pid, "name": text, "titles": [], "economy": None})
    return people


def _score_people(view: _DocView, gold: dict[str, Any]) -> dict[str, _Counts]:
    core, optional = _core(gold), _optional(gold)
    pred = _doc_people(view)

    def same(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return norm_name(g["name"]) == norm_name(str(p.get("name", "")))

    core_pairs, used = _match_core_optional(core, optional, pred, same)
    people = _counts_from_match(core, pred, core_pairs, used, _describe)
    # a must-not-be-person string is one more fp unless the entity it names is already an unmatched fp
    already_wrong = {str(p.get("person_id")) for i, p in enumerate(pred) if i not in used}
    named: dict[str, set[str]] = {}
    for p in pred:
        named.setdefault(norm_name(str(p.get("name", ""))), set()).add(str(p.get("person_id")))
    for m in view.mentions:
        if m.get("kind") == "person":
            named.setdefault(norm_name(str(m.get("text", ""))), set()).add(str(m.get("entity_id")))
    for bad in gold.get("must_not_be_people", []) or []:
        ids = named.get(norm_name(bad), set())
        if ids and not ids & already_wrong:
            people.spurious(f"{bad} (must not be a person)")

    titles, economy = _Counts(), _Counts()
    for gi, pi in core_pairs.items():
        g, p = core[gi], pred[pi]
        pred_titles = {norm_text(str(t)): str(t) for t in _as_list(p.get("titles"))}
        gold_titles = {norm_text(t): t for t in g.get("titles", []) or []}
        aliases = [norm_text(a) for a in g.get("aliases_in_text", []) or []] + [norm_text(g["name"])]
        for key, title in gold_titles.items():
            titles.check(key in pred_titles, f"{g['name']}: {title}")
        for key, title in pred_titles.items():
            if key not in gold_titles and not any(key in a for a in aliases):
                titles.spurious(f"{g['name']}: {title}")
        if "economy" in g:
            _compare_value(economy, g["economy"], _str(p.get("economy")), g["name"])
    return {"people": people, "people_titles": titles, "people_economy": economy}


def _score_economies(view: _DocView, gold: Any) -> _Counts:
    core = {str(c).upper() for c in _core(gold)}
    optional = {str(c).upper() for c in _optional(gold)}
    pred = {e.upper() for e in view.mention_ids("economy")}
    counts = _Counts(tp=len(core & pred))
    for code in sorted(core - pred):
        counts.miss(code)
    for code in sorted(pred - core - optional):
        counts.spurious(code)
    return counts


def _keys(item: dict[str, Any], norm: Callable[[str], str]) -> set[str]:
    keys = {norm(str(v)) for k in ("name", "acronym") if (v := _scalar(item.get(k)))}
    return (keys | {norm(str(t)) for t in item.get("_texts", ())}) - {""}


def _mention_texts(view: _DocView, eid: str) -> list[str]:
    """The forms this document writes an entity in (matched beside the table's one canonical name)."""
    return sorted({str(m.get("text")) for m in view.mentions if str(m.get("entity_id")) == eid})


def _entity_rows(view: _DocView, kind: str, table: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for eid in view.mention_ids(kind):
        if eid in table:  # with the forms written in this document (see the module docstring)
            rows.append({**table[eid], "_texts": _mention_texts(view, eid)})
        else:
            text = next((m.get("text") for m in view.mentions if str(m.get("entity_id")) == eid), eid)
            rows.append({"name": text, "acronym": None})
    return rows


def _score_named(gold: Any, pred: list[dict[str, Any]], norm: Callable[[str], str]) -> _Counts:
    core, optional = _core(gold), _optional(gold)

    def same(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return bool(_keys(g, norm) & _keys(p, norm))

    core_pairs, used = _match_core_optional(core, optional, pred, same)
    return _counts_from_match(core, pred, core_pairs, used, _describe)


def _gold_links(items: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], str, str]]:
    pairs = []
    for item in items:
        for role, key in (("lead", "lead"), ("endorse", "endorsed_by"), ("endorse", "endorse")):
            for eco in item.get(key, []) or []:
                pairs.append((item, str(eco).upper(), role))
    return pairs


def _score_links(view: _DocView, gold: Any) -> _Counts:
    core, optional = _gold_links(_core(gold)), _gold_links(_optional(gold))
    pred = []
    seen: set[tuple[str, str, str]] = set()
    for link in view.links:  # the same link stated twice is one link
        iid = str(link.get("initiative_id"))
        key = (iid, str(link.get("economy_id", "")).upper(), str(link.get("role", "")))
        if key in seen:
            continue
        seen.add(key)
        initiative = view.initiatives.get(iid, {"name": iid.removeprefix("initiative:").replace("-", " ")})
        pred.append(({**initiative, "_texts": _mention_texts(view, iid)}, key[1], key[2]))  # as initiatives are

    def same(g: tuple[dict[str, Any], str, str], p: tuple[dict[str, Any], str, str]) -> bool:
        return g[1] == p[1] and g[2] == p[2] and bool(_keys(g[0], norm_initiative) & _keys(p[0], norm_initiative))

    core_pairs, used = _match_core_optional(core, optional, pred, same)
    return _counts_from_match(core, pred, core_pairs, used, _describe)


def _score_events(view: _DocView, gold: Any) -> dict[str, _Counts]:
    core, optional = _core(gold), _optional(gold)
    pred = view.events

    def same(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if norm_event(str(g.get("name", ""))) == norm_event(str(p.get("name", ""))):
            return True
        g_acr, p_acr = _str(g.get("acronym")), _str(p.get("acronym"))
        return bool(g_acr and p_acr and norm_text(g_acr) == norm_text(p_acr))

    core_pairs, used = _match_core_optional(core, optional, pred, same)
    events = _counts_from_match(core, pred, core_pairs, used, _describe)
    attributes = _Counts()
    for gi, pi in core_pairs.items():
        g, p = core[gi], pred[pi]
        for gkey, pkey in EVENT_ATTRIBUTES.items():
            if gkey not in g:
                continue
            gv, pv = g[gkey], _scalar(p.get(pkey))
            if gkey == "ordinal":
                gv, pv = _int(gv), _int(pv)
            elif gkey == "location":
                gv = None if gv is None else norm_name(str(gv))
                pv = None if pv is None else norm_name(str(pv))
            elif gkey == "economy":
                gv = None if gv is None else str(gv).upper()
                pv = None if pv is None else str(pv).upper()
            else:
                gv = None if gv is None else str(gv)
                pv = None if pv is None else str(pv)
            _compare_value(attributes, gv, pv, f"{g.get('name')} {gkey}")
    return {"events": events, "event_attributes": attributes}


def _find_span(text: str, needle: str) -> tuple[int, int] | None:
    """Locate needle in text with whitespace runs and quote/dash variants folded."""
    words = fold_ws(needle.translate(_QUOTES)).split(" ")
    if not words or words == [""]:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text.translate(_QUOTES), flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _speaker_keys(view: _DocView, claim: dict[str, Any]) -> set[str]:
    """Every normalized form under which a predicted claim's speaker may match a gold speaker."""
    kind = claim.get("speaker_kind")
    sid, stext = _str(claim.get("speaker_id")), _str(claim.get("speaker_text"))
    keys: set[str] = set()
    if kind == "person":
        person = view.person(sid or "")
        if person is not None:
            keys.add(norm_name(str(person.get("name", ""))))
            keys.add(norm_name(str(view.people.get(sid or "", {}).get("name", ""))))
        elif stext:
            keys.add(norm_name(stext))
    elif kind == "economy":
        if sid:
            keys.add(sid.upper())
    elif kind == "organization":
        org = view.organizations.get(sid or "")
        if org is not None:
            keys |= _keys(org, norm_name)
        if stext:
            keys.add(norm_name(stext))
    else:
        keys |= {norm_phrase(v) for v in (sid, stext) if v}
    return keys - {""}


def _gold_speaker_key(g: dict[str, Any]) -> str:
    kind = g.get("speaker_kind", "person")
    speaker = str(g.get("speaker", ""))
    if kind == "economy":
        return speaker.upper()
    if kind == "collective":
        return norm_phrase(speaker)
    return norm_name(speaker)


def _score_claims(view: _DocView, gold: Any) -> dict[str, _Counts]:
    core, optional = _core(gold), _optional(gold)
    text = _str(view.document.get("text")) or ""
    pred = view.claims
    pred_keys = [_speaker_keys(view, c) for c in pred]

    def sentence_ids(g: dict[str, Any]) -> set[str]:
        span = _find_span(text, str(g.get("sentence_contains", "")))
        if span is None:
            return set()
        return {str(s["sent_id"]) for s in view.sentences
                if (_int(s.get("start")) or 0) < span[1] and (_int(s.get("end")) or 0) > span[0]}

    gold_all = [(g, sentence_ids(g)) for g in core + optional]

    def base(gi: int, pi: int) -> bool:
        g, sids = gold_all[gi]
        c = pred[pi]
        return (str(c.get("sent_id")) in sids and c.get("speaker_kind") == g.get("speaker_kind", "person")
                and _gold_speaker_key(g) in pred_keys[pi])

    def with_cue(gi: int, pi: int) -> bool:
        return base(gi, pi) and norm_text(str(gold_all[gi][0].get("cue", ""))) == norm_text(str(pred[pi].get("cue")))

    n_core = len(core)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for rule in (with_cue, base):  # cue-agreeing pairs first, core before optional within each pass
        for gi in range(len(gold_all)):
            if gi in pairs:
                continue
            for pi in range(len(pred)):
                if pi not in used and rule(gi, pi):
                    pairs[gi] = pi
                    used.add(pi)
                    break
    core_pairs = {gi: pi for gi, pi in pairs.items() if gi < n_core}

    def gold_label(gi: int) -> str:
        g, sids = gold_all[gi]
        found = "" if sids else " [sentence not found in text]"
        return f"{g.get('speaker')} {g.get('cue')}: {g.get('sentence_contains')!r}{found}"

    def pred_label(c: dict[str, Any]) -> str:
        return f"{c.get('speaker_text')} [{c.get('speaker_kind')} {c.get('speaker_id')}] {c.get('cue')}: " \
               f"{str(c.get('content', ''))[:70]!r}"

    claims = _Counts(tp=len(core_pairs))
    for gi in range(n_core):
        if gi not in core_pairs:
            claims.miss(gold_label(gi))
    for pi, c in enumerate(pred):
        if pi not in used and not any(base(gi, pi) for gi in range(n_core, len(gold_all))):
            claims.spurious(pred_label(c))

    cue, addressees, ctype, pronoun = _Counts(), _Counts(), _Counts(), _Counts()
    for gi, g in enumerate(core):
        if g.get("via_pronoun"):
            pronoun.check(gi in core_pairs, gold_label(gi))
        if gi not in core_pairs:
            continue
        p = pred[core_pairs[gi]]
        label = f"{g.get('speaker')} {g.get('sentence_contains')!r}"
        if g.get("cue"):
            _compare_value(cue, norm_text(str(g["cue"])), _str(p.get("cue")) and norm_text(str(p["cue"])), label)
        if "addressees" in g:
            want = {str(a).upper() for a in g.get("addressees") or []}
            got = {str(a).upper() for a in _as_list(p.get("addressee_ids"))}
            addressees.hit(len(want & got))
            for a in sorted(want - got):
                addressees.miss(f"{label}: {a}")
            for a in sorted(got - want):
                addressees.spurious(f"{label}: {a}")
        if "claim_type" in g:
            _compare_value(ctype, str(g["claim_type"]), _str(p.get("claim_type")), label)
    return {"claims": claims, "claims_cue": cue, "claims_addressees": addressees, "claims_type": ctype,
            "claims_via_pronoun": pronoun}


# ------------------------------------------------------------------------------------------ core API


def score(tables: dict[str, pd.DataFrame], gold: dict[str, Any]) -> list[ScoreRow]:
    """Score one gold document against the processed tables (pure: no I/O).

    The processed document is found by the gold's ``source`` (see :func:`find_document`); when there is
    none, every gold item is a miss.
    """
    return _rows_from_counts(_score_counts(tables, gold))


def _score_counts(tables: dict[str, pd.DataFrame], gold: dict[str, Any]) -> dict[str, _Counts]:
    document = find_document(tables.get("documents"), str(gold.get("source", "")))
    view = _view(tables, document)
    counts: dict[str, _Counts] = {c: _Counts() for c in CATEGORIES}
    if "metadata" in gold:
        counts["metadata"] = _score_metadata(view, gold["metadata"] or {})
    if "body" in gold:
        counts["body"] = _score_body(view, gold["body"] or {})
    if "people" in gold:
        counts.update(_score_people(view, gold["people"] or {}))
    if "economies" in gold:
        counts["economies"] = _score_economies(view, gold["economies"])
    if "organizations" in gold:
        counts["organizations"] = _score_named(
            gold["organizations"], _entity_rows(view, "organization", view.organizations), norm_name)
    if "initiatives" in gold:
        counts["initiatives"] = _score_named(
            gold["initiatives"], _entity_rows(view, "initiative", view.initiatives), norm_initiative)
        counts["initiative_links"] = _score_links(view, gold["initiatives"])
    if "events" in gold:
        counts.update(_score_events(view, gold["events"]))
    if "claims" in gold:
        counts.update(_score_claims(view, gold["claims"]))
    return counts


def _rows_from_counts(counts: dict[str, _Counts]) -> list[ScoreRow]:
    return [ScoreRow.from_counts(c, counts[c].tp, counts[c].fp, counts[c].fn) for c in CATEGORIES]


def explain(tables: dict[str, pd.DataFrame], gold: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """What each false negative ("missed") and false positive ("wrong") of one gold document was."""
    return _details(_score_counts(tables, gold))


def _details(counts: dict[str, _Counts]) -> dict[str, dict[str, list[str]]]:
    return {c: {"missed": list(k.missed), "wrong": list(k.wrong)} for c, k in counts.items() if k.missed or k.wrong}


def micro_average(per_document: Iterable[list[ScoreRow]]) -> list[ScoreRow]:
    """Corpus score per category: tp, fp and fn summed over documents, then P/R/F1."""
    totals: dict[str, _Counts] = {c: _Counts() for c in CATEGORIES}
    for rows in per_document:
        for row in rows:
            totals.setdefault(row.category, _Counts()).add(row.tp, row.fp, row.fn)
    return [ScoreRow.from_counts(c, t.tp, t.fp, t.fn) for c, t in totals.items()]


def evaluate(tables: dict[str, pd.DataFrame], golds: Sequence[dict[str, Any]], strict: bool = False) -> Report:
    """Score every gold document; those with no processed match are skipped (strict: scored as misses)."""
    per_document: dict[str, list[ScoreRow]] = {}
    details: dict[str, dict[str, dict[str, list[str]]]] = {}
    unmatched: list[str] = []
    for gold in golds:
        source = str(gold.get("source", ""))
        if find_document(tables.get("documents"), source) is None:
            unmatched.append(source)
            if not strict:
                continue
        counts = _score_counts(tables, gold)
        per_document[source] = _rows_from_counts(counts)
        details[source] = _details(counts)
    return Report(per_document=per_document, micro=micro_average(per_document.values()), unmatched_gold=unmatched,
                  details=details)


# ------------------------------------------------------------------------------------------------ I/O


def _empty_frame(table: str) -> pd.DataFrame:
    import pandas as pd

    model = TABLES.get(table)
    return pd.DataFrame(columns=list(model.model_fields) if model else [])


def load_tables(processed_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read processed/<table>.parquet for every scored table (a missing file is an empty table)."""
    import pandas as pd

    folder = Path(processed_dir)
    tables: dict[str, pd.DataFrame] = {}
    for table in EVAL_TABLES:
        path = folder / f"{table}.parquet"
        tables[table] = pd.read_parquet(path) if path.exists() else _empty_frame(table)
    return tables


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every *.json directly in the folder, sorted by file name; ``source`` defaults to the file's stem + .txt."""
    golds = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold.setdefault("source", path.stem + ".txt")
        golds.append(gold)
    return golds


def format_table(rows: Sequence[ScoreRow], title: str | None = None) -> str:
    """Fixed-width table; a row without any items shows '-' for its scores."""
    lines = [title] if title else []
    header = f"{'category':<20} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"
    lines += [header, "-" * len(header)]
    for r in rows:
        values = ("-", "-", "-") if r.empty else tuple(f"{v:.3f}" for v in (r.precision, r.recall, r.f1))
        scores = " ".join(f"{v:>6}" for v in values)
        lines.append(f"{r.category:<20} {r.tp:>5} {r.fp:>5} {r.fn:>5} {scores}")
    return "\n".join(lines)


def format_details(details: dict[str, dict[str, dict[str, list[str]]]]) -> str:
    """Listing of misses (-) and wrong predictions (+) per document and category."""
    lines = []
    for source, categories in details.items():
        lines.append(f"== {source}")
        if not categories:
            lines.append("  (no errors)")
        for category, items in categories.items():
            lines.append(f"  {category}")
            lines += [f"    - missed: {item}" for item in items["missed"]]
            lines += [f"    + wrong:  {item}" for item in items["wrong"]]
        lines.append("")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The evaluate command's options (for a sub-parser of the pipeline's CLI, or standalone)."""
    parser.add_argument("--processed", default="processed", type=Path,
                        help="Folder with the pipeline's Parquet tables (default: processed).")
    parser.add_argument("--gold", default="tests/gold", type=Path,
                        help="Folder of gold JSON files, one per release (default: tests/gold).")
    parser.add_argument("--json", dest="json_out", default=None, type=Path,
                        help="Also write the scores (micro and per document) as JSON to this file.")
    parser.add_argument("--per-doc", action="store_true", help="Also print the table of every document.")
    parser.add_argument("--explain", action="store_true",
                        help="Also list, per document and category, every missed gold item and wrong prediction.")
    parser.add_argument("--strict", action="store_true",
                        help="Score gold documents with no processed match as complete misses instead of "
                             "skipping them.")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline evaluate",
        description="Score processed/ against gold documents: document-level precision, recall and F1 per "
                    "category, micro-averaged over the gold documents. Matching rules: pipeline/tools/evaluate.py.")
    return add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the evaluation for parsed arguments; 0 when scores were printed, 1 when nothing could be scored."""
    golds = load_gold(args.gold)
    if not golds:
        print(f"evaluate: no gold *.json in {args.gold}", file=sys.stderr)
        return 1
    tables = load_tables(args.processed)
    report = evaluate(tables, golds, strict=getattr(args, "strict", False))
    for source in report.unmatched_gold:
        action = "scored as misses" if getattr(args, "strict", False) else "skipped"
        print(f"evaluate: warning: no processed document for gold '{source}' ({action})", file=sys.stderr)
    if getattr(args, "per_doc", False):
        for source, rows in report.per_document.items():
            print(format_table(rows, title=f"== {source}"))
            print()
    if getattr(args, "explain", False):
        print(format_details(report.details))
    n = len(report.per_document)
    print(format_table(report.micro, title=f"== micro-average over {n} of {len(golds)} gold documents"))
    json_out = getattr(args, "json_out", None) or getattr(args, "json", None)  # dest differs in pipeline.cli
    if json_out:
        out = Path(json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if n else 1


def main(argv: list[str] | argparse.Namespace | None = None) -> int:
    """Entry point: argv list (None = sys.argv[1:]) or an already parsed Namespace from the pipeline CLI
    (attributes processed, gold, and optionally json_out or json, per_doc, explain, strict)."""
    args = argv if isinstance(argv, argparse.Namespace) else build_parser().parse_args(argv)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
