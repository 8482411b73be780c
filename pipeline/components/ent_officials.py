"""The public record of office holders (``officials_record.tsv``, ``official_titles.tsv``): who held an office on a
date, so that a release naming only "Minister Kang" or "Secretary Pompeo" gives the same person, with the same
person_id, as one naming the full name; a corpus of twenty years then has one id per official."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.components.ent_lexicon import DATA_DIR


@dataclass(frozen=True)
class Official:
    office: str
    economy: str
    name: str
    family: str
    start: str  # YYYY-MM or YYYY-MM-DD
    end: str  # "" while in office

    def holds_on(self, day: dt.date) -> bool:
        """In office on ``day``; a month-precise bound includes its whole month."""
        iso = day.isoformat()
        return self.start <= iso[: len(self.start)] and (not self.end or iso[: len(self.end)] <= self.end)


@dataclass(frozen=True)
class Record:
    officials: tuple[Official, ...]
    titles: dict[str, frozenset[str]]  # office -> title forms

    def holder(self, family: str, titles: list[str], day: dt.date | None,
               economy: str | None = None) -> Official | None:
        """The one official of that family name holding, on ``day``, an office one of ``titles`` names (``economy``
        when given must agree); None when there is none or more than one person fits. A release with no date
        ("US Secretary of State Kerry" on an undated copy) takes the one person of the whole record who fits."""
        if not titles:
            return None
        plain = {t.removeprefix("former ").strip() for t in titles}
        if any(t.startswith("former ") for t in titles):
            return None  # a former holder is not the one in office at the release's date
        fits = {o.name: o for o in self.officials
                if o.family == family and (economy is None or o.economy == economy)
                and (day is None or o.holds_on(day))
                and plain & self.titles.get(o.office, frozenset())}
        return next(iter(fits.values())) if len(fits) == 1 else None


    def economy_of(self, name: str) -> str | None:
        """The economy of the office holder of this full name, whatever the date (one full name of the record is one
        person); None when the record has no such name or the name has holders of several economies."""
        codes = {o.economy for o in self.officials if o.name == name}
        return next(iter(codes)) if len(codes) == 1 else None


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=8)
def load_words(name: str, data_dir: Path = DATA_DIR) -> frozenset[str]:
    """A one-word-a-line list of ``pipeline/data/`` (comments and blank lines skipped)."""
    return frozenset(row[0].strip() for row in _rows(data_dir / name))


@lru_cache(maxsize=4)
def load_record(data_dir: Path = DATA_DIR) -> Record:
    titles = {row[0]: frozenset(row[1].split("|")) for row in _rows(data_dir / "official_titles.tsv")}
    rows = _rows(data_dir / "officials_record.tsv")
    officials = tuple(Official(office, economy, name, family, start, end)
                      for office, economy, name, family, start, end, *_source in rows)
    unknown = {o.office for o in officials} - set(titles)
    if unknown:
        raise ValueError(f"officials_record.tsv: offices without title forms in official_titles.tsv: {sorted(unknown)}")
    return Record(officials, titles)
