"""Dates written in releases ("on November 14", "Nov. 14", "from July 22 to 23", "in August 2024"),
resolved to ISO strings against the publication date. Pure functions over text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"(?:\s*(?:-|–|to|and)\s*(?:(?P<m2>{_M})\s+)?{_DAY})?(?:,?\s+(?P<y>\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_M})(?:,?\s+(?P<y>\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_M}),?\s+(?P<y>\d{{4}})\b")
# a month with no day or year, after a preposition: "scheduled for July", "since late June", "in May"
_MONTH_ALONE = re.compile(
    r"\b(?:in|for|since|until|till|by|during|from|through|of|before|after)\s+(?:(?:early|mid|late|mid-)\s*)?"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?![\s,]*\d)")
_YEAR = re.compile(r"\b(?:in|since|until|by|from|through) (?P<y>(?:19|20)\d{2})\b(?![-–]\d)")


@dataclass(frozen=True)
class DateFound:
    start: int  # character offsets of the date expression
    end: int
    iso: str


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    """The year that puts month/day closest to the publication date (releases look back and ahead)."""
    if published is None:
        return None
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def find_dates(text: str, published: dt.date | None) -> list[DateFound]:
    """Every resolvable date expression in ``text``, non-overlapping, earliest first."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, iso: str | None) -> None:
        if iso and not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            found.append(DateFound(start, end, iso))

    for m in _MONTH_DAY.finditer(text):
        month, day = _month(m["m"]), int(m["d"])
        year = int(m["y"]) if m["y"] else _year_for(month, day, published)
        add(m.start(), m.end(), _iso(year, month, day))
    for m in _DAY_MONTH.finditer(text):
        month, day = _month(m["m"]), int(m["d"])
        year = int(m["y"]) if m["y"] else _year_for(month, day, published)
        add(m.start(), m.end(), _iso(year, month, day))
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), f"{int(m['y']):04d}-{_month(m['m']):02d}")
    for m in _MONTH_ALONE.finditer(text):
        month = _month(m["m"])
        year = _year_for(month, 15, published)
        if year is not None:
            add(m.start("m"), m.end("m"), f"{year:04d}-{month:02d}")
    for m in _YEAR.finditer(text):
        add(m.start("y"), m.end("y"), m["y"])
    return sorted(found, key=lambda d: d.start)


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
