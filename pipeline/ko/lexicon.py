"""Korean gazetteers (``pipeline/data/ko/``) loaded into one immutable lexicon, and the ids they share with English.

Every id is computed as the English path computes it (:mod:`pipeline.engine.ids`), from the English canonical name a
data file gives, so that 미국 is ``USA``, 유엔 is the org id of "United Nations" and 조태열 the person id of
"Cho Tae-yul". Nothing here imports kiwipiepy: the lexicon is plain data.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.components.ent_lexicon import load_lexicon
from pipeline.engine import ids

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KO_DIR = DATA_DIR / "ko"
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class OrgEntry:
    org_id: str
    name: str
    acronym: str | None


@dataclass(frozen=True)
class Title:
    text: str
    office: str
    economy: str | None
    english: str


@dataclass(frozen=True)
class Official:
    hangul: tuple[str, ...]
    latin: str
    economy: str
    office: str
    start: str
    end: str

    @property
    def family_hangul(self) -> str:
        """Family name in Hangul: the first syllable of a Korean name, the first word of a spaced foreign one."""
        full = self.hangul[0]
        return full.split()[0] if " " in full else (full[0] if self.economy == "KOR" else full)


@dataclass(frozen=True)
class Cue:
    stem: str
    claim_type: str
    lemma: str


@dataclass(frozen=True)
class KoLexicon:
    economy_names: dict[str, str]  # Korean name -> alpha-3
    economy_abbr: dict[str, str]  # one-syllable short form -> alpha-3 (compounds only)
    economy_common: frozenset[str]  # names that are also common words: only when tagged a proper noun
    economy_display: dict[str, str]  # alpha-3 -> English display name (as the English path writes it)
    apec: frozenset[str]
    orgs: dict[str, OrgEntry]  # Korean name -> entry
    titles: dict[str, Title]
    officials: tuple[Official, ...]
    cues: dict[str, Cue]
    collectives: dict[str, str]
    family_names_latin: frozenset[str]
    initiatives: dict[str, tuple[str, str | None]]  # Korean name -> (English name, acronym)
    org_heads: dict[str, str] = field(default_factory=dict)  # head -> kind (org_heads.tsv)
    cities: dict[str, str] = field(default_factory=dict)  # Korean city name -> alpha-3 (cities.tsv)
    regions: frozenset[str] = frozenset()  # world regions (regions.tsv): no state, no person
    groups: dict[str, tuple[int, str, tuple[str, ...]]] = field(default_factory=dict)  # group_members.tsv
    initiative_heads: dict[str, str] = field(default_factory=dict)  # head -> acronym | name | owned
    initiative_owners: dict[str, str] = field(default_factory=dict)  # English name -> alpha-3 (initiatives.tsv)

    @functools.cached_property
    def place_or_body(self) -> frozenset[str]:
        """Words that name a state, a region, a city or an organisation: never a person's name (one syllable is too
        little to tell: 빈 is Vienna and the 빈 of 팜 빈 밍)."""
        names = frozenset(self.economy_names) | frozenset(self.orgs) | self.regions | frozenset(self.cities)
        return frozenset(n for n in names if len(n) > 1)

    @functools.cached_property
    def org_heads_longest_first(self) -> list[str]:
        """Organisation heads, longest first (a word takes its longest head: 대사관 before 관), sorted once."""
        return sorted(self.org_heads, key=len, reverse=True)

    @functools.cached_property
    def initiative_heads_longest_first(self) -> list[str]:
        """Initiative heads, longest first, sorted once."""
        return sorted(self.initiative_heads, key=len, reverse=True)

    @functools.cached_property
    def multiword_cues(self) -> list[str]:
        """Cues of several words ("의견을 같이"), longest first: matched on the token sequence, not one token."""
        return sorted((c for c in self.cues if " " in c), key=len, reverse=True)

    def official_by_name(self, hangul: str) -> list[Official]:
        return [o for o in self.officials if hangul in o.hangul]

    def holder(self, office: str, family: str | None, day: dt.date | None) -> Official | None:
        """The one holder of ``office`` at ``day`` (with that Hangul family name when given); None if not one."""
        month = day.strftime("%Y-%m") if day else None
        found = {o.latin: o for o in self.officials
                 if o.office == office and (family is None or o.family_hangul == family or family in o.hangul)
                 and (month is None or (o.start <= month and (not o.end or month <= o.end)))}
        return next(iter(found.values())) if len(found) == 1 else None


def doc_text(doc: Doc) -> str:
    """``doc.text`` once per Doc: spaCy joins every token on each access, which the finders would pay hundreds of
    times per release."""
    text = doc.user_data.get("mofa_ko_text")
    if text is None:
        text = doc.user_data["mofa_ko_text"] = doc.text
    return text


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


def english_person_id(latin: str, family_names: frozenset[str]) -> str:
    """The English people finder's id of a Latin name: initials dropped ("Antony J. Blinken" = "Antony Blinken")
    and a known East Asian family name written last moved first ("Yoko Kamikawa" -> kamikawa-yoko)."""
    words = [w for w in latin.split() if not _INITIAL.match(w)] or latin.split()
    words = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in words]  # WANG Xiao, Wang YI
    if len(words) == 2 and words[-1] in family_names and words[0] not in family_names:
        words = [words[-1], words[0]]
    return ids.person_id(" ".join(words))


def org_entry_id(name: str, economy: str | None) -> str:
    """Id of an organisation as the English finder builds it: a state's organ carries the state's code."""
    return ids.org_id(f"{name} {economy}" if economy else name)


@lru_cache(maxsize=1)
def load_ko_lexicon(ko_dir: Path = KO_DIR, data_dir: Path = DATA_DIR) -> KoLexicon:
    names: dict[str, str] = {}
    abbr: dict[str, str] = {}
    common = set()
    for code, kind, text in _rows(ko_dir / "economies.tsv"):
        (abbr if kind == "abbr" else names)[text] = code
        if kind == "common":
            common.add(text)
    # display names and APEC membership are the English lexicon's (one place): "Poland", never the adjective
    english = load_lexicon(data_dir)
    display, apec = dict(english.economy_display), english.apec
    orgs: dict[str, OrgEntry] = {}
    for row in _rows(ko_dir / "organizations.tsv"):
        row += [""] * (4 - len(row))
        entry = OrgEntry(org_entry_id(row[1], row[3] or None), row[1], row[2] or None)
        for ko in row[0].split("|"):
            orgs[ko] = entry
    # the English gazetteers' acronyms as a Korean text writes them (NATO, KBS, IAEA): the same organisation
    for file in ("international_organizations.tsv", "groupings.tsv", "media_outlets.tsv", "state_bodies.tsv"):
        for row in _rows(data_dir / file):
            acronym = row[1] if len(row) > 1 else ""
            if len(acronym) >= 2 and acronym.isupper() and acronym not in orgs and file != "state_bodies.tsv":
                orgs[acronym] = OrgEntry(ids.org_id(row[0]), row[0], acronym)
    titles = {r[0]: Title(r[0], r[1], r[2] or None, r[3]) for r in _rows(ko_dir / "titles.tsv")}
    officials = tuple(Official(tuple(r[0].split("|")), r[1], r[2], r[3], r[4], r[5] if len(r) > 5 else "")
                      for r in _rows(ko_dir / "officials.tsv"))
    cues = {r[0]: Cue(r[0], r[1], r[2]) for r in _rows(ko_dir / "cues.tsv")}
    collectives = {r[0]: r[1] for r in _rows(ko_dir / "collectives.tsv")}
    family = frozenset(r[0] for r in _rows(data_dir / "east_asian_family_names.txt"))
    initiative_rows = _rows(ko_dir / "initiatives.tsv")
    initiatives = {ko: (r[1], r[2] if len(r) > 2 and r[2] else None) for r in initiative_rows for ko in r[0].split("|")}
    owners = {r[1]: r[3] for r in initiative_rows if len(r) > 3 and r[3]}  # the one government whose policy it is
    initiative_heads = {r[0]: r[1] for r in _rows(ko_dir / "initiative_heads.tsv")} \
        if (ko_dir / "initiative_heads.tsv").exists() else {}
    heads = {r[0]: r[1] for r in _rows(ko_dir / "org_heads.tsv")}
    cities = {ko: r[1] for r in _rows(ko_dir / "cities.tsv") for ko in r[0].split("|")} \
        if (ko_dir / "cities.tsv").exists() else {}
    regions = frozenset(r[0] for r in _rows(ko_dir / "regions.tsv")) if (ko_dir / "regions.tsv").exists() \
        else frozenset()
    groups = {r[0]: (int(r[1]), r[2], tuple(t for t in (r[3] if len(r) > 3 else "").split("|") if t))
              for r in _rows(ko_dir / "group_members.tsv")} if (ko_dir / "group_members.tsv").exists() else {}
    unknown = set(groups) - set(collectives.values())
    if unknown:  # a group nobody can name is a data error, not a silent row
        raise ValueError(f"group_members.tsv: {sorted(unknown)} are not ids of collectives.tsv")
    return KoLexicon(names, abbr, frozenset(common), display, frozenset(apec), orgs, titles, officials, cues,
                     collectives, family, initiatives, heads, cities, regions, groups, initiative_heads, owners)


def display_name(lex: KoLexicon, code: str) -> str:
    """English display name of an economy (the English path's economies table), the code when unknown."""
    return lex.economy_display.get(code, code)


# Revised Romanization, for Korean names no data file gives in Latin letters: a stable id, "Family Given-name".
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
            "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]
def _family_names(ko_dir: Path = KO_DIR) -> dict[str, str]:
    """Hangul family syllable -> Latin spelling ('' when the plain romanization is used)."""
    return {r[0]: (r[1] if len(r) > 1 else "") for r in _rows(ko_dir / "family_names.tsv")}


#: Family names as Korean officials romanise them (the ministry's English site), not by the plain rules.
_FAMILY = {k: v for k, v in _family_names().items() if v}
#: Hangul syllables that open a Korean family name (for names the analyser splits).
FAMILY_SYLLABLES = frozenset(_family_names())


def _jamo(ch: str) -> tuple[int, int, int] | None:
    """(initial, medial, final) indexes of a precomposed Hangul syllable; None for any other character."""
    code = ord(ch) - 0xAC00
    return (code // 588, (code % 588) // 28, code % 28) if 0 <= code < 11172 else None


def initial_of(ch: str) -> str | None:
    """The romanized initial consonant of a Hangul syllable ("" for the silent ㅇ: 아 -> ""), else None."""
    parts = _jamo(ch)
    return _INITIALS[parts[0]] if parts else None


def romanize_syllable(ch: str) -> str:
    parts = _jamo(ch)
    if parts is None:
        return ch
    return _INITIALS[parts[0]] + _MEDIALS[parts[1]] + _FINALS[parts[2]]


def romanize_name(hangul: str) -> str:
    """'이태호' -> 'Lee Tae-ho' (family name by usage, given name by syllable, hyphenated)."""
    if " " in hangul or len(hangul) < 2:
        return " ".join(romanize_syllable_word(w) for w in hangul.split())
    family, given = hangul[0], hangul[1:]
    fam = _FAMILY.get(family) or romanize_syllable(family).capitalize()
    return f"{fam} {'-'.join(romanize_syllable(c) for c in given).capitalize()}"


def romanize_syllable_word(word: str) -> str:
    return "".join(romanize_syllable(c) for c in word).capitalize()
