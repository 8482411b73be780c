"""Gazetteers and lexicons for entity extraction, read from the data files in ``pipeline/data/``.

Loaded once per component instance (never at import time); the :class:`Lexicon` is immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pycountry
from spacy.language import Language

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class OrgEntry:
    name: str
    acronym: str | None
    aliases: tuple[str, ...] = ()
    source: str = ""  # the gazetteer file's stem: international_organizations, groupings, media_outlets...


@dataclass(frozen=True)
class Lexicon:
    """Everything the entity components look up; built by :func:`load_lexicon`."""

    economy_names: dict[str, str]  # surface form -> alpha-3 (names and abbreviations)
    economy_adjectives: dict[str, str]  # "Korean" -> KOR
    economy_display: dict[str, str]  # alpha-3 -> display name
    apec: frozenset[str]
    state_nouns: frozenset[str]
    locations: dict[str, str | None]  # place name -> alpha-3 of the economy it lies in
    orgs: tuple[OrgEntry, ...]
    family_names: frozenset[str]
    title_roles: dict[str, frozenset[str]]  # word -> {head, rank, modifier, domain}
    title_economies: dict[str, str]
    name_heads: dict[str, str] = field(default_factory=dict)  # head word(s) -> initiative | event
    not_orgs: frozenset[str] = frozenset()
    generic_name_words: frozenset[str] = frozenset()  # "Joint", "Press": "Joint Statement" alone names nothing
    place_heads: frozenset[str] = frozenset()  # "Sea", "Strait", "region": a name ending so is a place
    directions: frozenset[str] = frozenset()  # "South", "East": may open such a place name
    common_words: frozenset[str] = frozenset()  # "Assistance", "Diplomacy": topic words, never a name alone
    expert_heads: frozenset[str] = frozenset()  # "fellow", "professor": lower-case titles outside government
    expert_mods: frozenset[str] = frozenset()  # "senior", "visiting": may stand before an expert head
    org_heads: frozenset[str] = frozenset()  # "Corporation", "Agency": a name ending so is an organisation
    state_org_heads: frozenset[str] = frozenset()  # "Ministry", "Guard": a state's own organs
    org_kind_nouns: frozenset[str] = frozenset()  # "newspaper", "think tank": a name after one is an organisation
    initiatives: tuple[tuple[str, str | None], ...] = ()  # headless initiative names and acronyms
    initiative_heads: dict[str, str] = field(default_factory=dict)  # "FTA" -> acronym, "plan" -> lower
    economy_short: dict[str, str] = field(default_factory=dict)  # "North" -> PRK, only as "the North" in context
    headline_verbs: frozenset[str] = frozenset()  # "Presents", "Launches": end a name in a Title Case headline
    base_verbs: frozenset[str] = frozenset()  # "abandon", "return": verbs that are never adjectives (the model's)
    venue_heads: frozenset[str] = frozenset()  # "Room", "Hall": "Conference Room" is a place, not a conference
    korean_family_names: frozenset[str] = frozenset()  # the Korean census names among family_names

    def roles(self, word: str) -> frozenset[str]:
        """A title word's roles; "President-elect" has those of the office its holder is about to take."""
        return self.title_roles.get(word.removesuffix("-elect"), frozenset())

    def is_title_word(self, word: str) -> bool:
        return word.removesuffix("-elect") in self.title_roles

    def is_common(self, word: str) -> bool:
        """A topic/title word that alone or with others of its kind names no person."""
        return word in self.common_words and word not in self.family_names

    def display(self, alpha3: str) -> str:
        return self.economy_display.get(alpha3, alpha3)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(value, code)
        display[code] = getattr(country, "common_name", None) or country.name
    first_name_seen: set[str] = set()
    short: dict[str, str] = {}
    for code, kind, text in _rows(data_dir / "economy_aliases.tsv"):
        if kind == "adj":
            adjectives[text] = code
        elif kind == "short":
            short[text] = code
        else:
            names[text] = code
            if kind == "name" and code not in first_name_seen:
                first_name_seen.add(code)
                display[code] = text
    apec = set()
    for code, name in _rows(data_dir / "apec_members.tsv"):
        apec.add(code)
        display[code] = name
    locations: dict[str, str | None] = {}
    for row in _rows(data_dir / "locations.tsv"):
        locations[row[0]] = row[1] if len(row) > 1 and row[1] else None
    orgs = tuple(
        OrgEntry(row[0], row[1] if len(row) > 1 and row[1] else None,
                 tuple(a for a in (row[2].split("|") if len(row) > 2 else []) if a), file.removesuffix(".tsv"))
        for file in ("international_organizations.tsv", "groupings.tsv", "media_outlets.tsv", "state_bodies.tsv")
        for row in _rows(data_dir / file)
    )
    experts = [r[0] for r in _rows(data_dir / "expert_titles.txt")]
    roles: dict[str, set[str]] = {}
    for word, role in _rows(data_dir / "title_lexicon.tsv"):
        roles.setdefault(word, set()).add(role)
    return Lexicon(
        economy_names=names,
        economy_adjectives=adjectives,
        economy_display=display,
        apec=frozenset(apec),
        state_nouns=frozenset(r[0] for r in _rows(data_dir / "state_nouns.txt")),
        locations=locations,
        orgs=orgs,
        family_names=frozenset(r[0] for r in _rows(data_dir / "east_asian_family_names.txt")),
        korean_family_names=frozenset(r[0] for r in _rows(data_dir / "east_asian_family_names.txt")
                                      if r[1:] == ["KOR"]),
        title_roles={w: frozenset(r) for w, r in roles.items()},
        title_economies={r[0]: r[1] for r in _rows(data_dir / "title_economies.tsv")},
        name_heads={r[0]: r[1] for r in _rows(data_dir / "name_heads.tsv") if r[1] != "generic"},
        generic_name_words=frozenset(r[0] for r in _rows(data_dir / "name_heads.tsv") if r[1] == "generic"),
        not_orgs=frozenset(r[0] for r in _rows(data_dir / "not_organizations.txt")),
        place_heads=frozenset(r[0] for r in _rows(data_dir / "place_heads.txt") if not r[0].startswith("dir:")),
        directions=frozenset(r[0][4:] for r in _rows(data_dir / "place_heads.txt") if r[0].startswith("dir:")),
        common_words=frozenset(r[0] for r in _rows(data_dir / "common_words.txt")),
        expert_heads=frozenset(w for w in experts if not w.startswith("mod:")),
        expert_mods=frozenset(w[4:] for w in experts if w.startswith("mod:")),
        org_heads=frozenset(r[0].removeprefix("state:") for r in _rows(data_dir / "org_heads.txt")
                            if not r[0].startswith("kind:")),
        org_kind_nouns=frozenset(r[0][5:] for r in _rows(data_dir / "org_heads.txt") if r[0].startswith("kind:")),
        state_org_heads=frozenset(r[0][6:] for r in _rows(data_dir / "org_heads.txt") if r[0].startswith("state:")),
        initiatives=tuple((r[0], r[1] if len(r) > 1 and r[1] else None) for r in _rows(data_dir / "initiatives.tsv")),
        initiative_heads={r[0]: r[1] for r in _rows(data_dir / "initiative_heads.tsv")},
        economy_short=short,
        headline_verbs=frozenset(r[0] for r in _rows(data_dir / "headline_verbs.txt")),
        venue_heads=frozenset(r[0] for r in _rows(data_dir / "venue_heads.txt")),
    )


def with_model_words(lex: Lexicon, nlp: Language) -> Lexicon:
    """The lexicon plus the base verbs of the pipeline's lemmatizer tables that are no adjectives ('abandon',
    not 'open'): a quoted or capitalised phrase opening with one is a slogan, not a name."""
    if "lemmatizer" not in nlp.pipe_names:
        return lex
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return lex
    index = lookups.get_table("lemma_index")
    verbs = set(index.get("verb", [])) - set(index.get("adj", []))
    return replace(lex, base_verbs=frozenset(verbs))
