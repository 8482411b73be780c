"""Dates written in releases ("on November 14", "Nov. 14", "from July 22 to 23", "in August 2024", "on Tuesday,
July 5", "in December this year", "next year", "last month"), resolved to ISO strings against the publication
date. Without a publication date a date that does not write its year stays unresolved: a wrong year is worse
than none. Pure functions over text."""

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
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# the year a month is put in relative to the release: "October 19 to 20 this year", "December of last year"
_REL_YEAR = r"\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b"
_REL_OFFSET = {"this": 0, "next": 1, "last": -1}
# a clock time or range before the date belongs to it: "20:00-22:30, August 4", "14:00~17:30, December 19"
_TIME = r"\d{1,2}:\d{2}(?:\s*[-–~]\s*\d{1,2}:\d{2})?,?\s+"
_MONTH_DAY = re.compile(
    rf"(?:\b{_TIME})?\b(?:(?P<wd>{'|'.join(_WEEKDAYS)}),?\s+)?(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"(?:\s*(?:-|–|to|and)\s*(?:(?P<m2>{_M})\s+)?{_DAY})?(?:,?\s+(?P<y>\d{{4}})|{_REL_YEAR})?")
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_M})(?:,?\s+(?P<y>\d{{4}})|{_REL_YEAR})?")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_M}),?\s+(?P<y>\d{{4}})\b")
# a month with no day or year, after a preposition: "scheduled for July", "since late June", "in May"
_MONTH_ALONE = re.compile(
    r"\b(?:in|for|since|until|till|by|during|from|through|of|before|after)\s+(?:(?:early|mid|late|mid-)\s*)?"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    rf"(?![\s,]*\d)(?:{_REL_YEAR})?")
_YEAR = re.compile(r"\b(?:in|since|until|by|from|through) (?P<y>(?:19|20)\d{2})\b(?![-–]\d)")
# "this year", "next month", "last year's": not "the last year" / "the next month" (a span of time, no date)
_RELATIVE = re.compile(r"(?<![Tt]he )(?<!past )\b(?P<rel>[Tt]his|[Nn]ext|[Ll]ast)\s+(?P<unit>year|month)\b")


# a weekday alone ("on Sunday"): news dates events by the weekday of the current week; a future form before it
# ("to open on Sunday", "will meet on Monday", "is scheduled for Friday") points forward, any other back
_WEEKDAY_ALONE = re.compile(rf"\b(?:on|for|this|next|last)\s+(?P<wd>{'|'.join(_WEEKDAYS)})\b(?!,?\s+{_M})")
_FUTURE = re.compile(r"\b(?:will|shall|to (?:be|open|begin|start|hold|meet|visit|attend|travel|host|take)|"
                     r"scheduled|slated|set|expected|due|planned|plans|upcoming|next)\b[^.;:!?]{0,60}$")


@dataclass(frozen=True)
class DateFound:
    start: int  # character offsets of the date expression
    end: int
    iso: str


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _year_for(month: int, day: int, published: dt.date | None, weekday: str | None = None,
              rel: str | None = None) -> int | None:
    """The year of a month/day written without one: the one a relative word names ("this year", "last year");
    else the publication year, unless the date falls within a quarter of the publication date in the year
    before or after ("on December 28" in a release of January 3); among the years whose calendar has the
    weekday written with it ("Tuesday, July 5") when there is one. Releases report the recent past and
    announce the coming months: "on October 7" in a release of March is this year's, not last year's."""
    if published is None:
        return None
    if rel:
        return published.year + _REL_OFFSET[rel.lower()]
    years = [published.year - 1, published.year, published.year + 1]
    if weekday:
        years = [y for y in years if _weekday_is(y, month, day, weekday)] or years
    distance = {y: d for y in years if (d := _distance(y, month, day, published)) is not None}
    if not distance:
        return None
    near = [y for y in distance if y != published.year and distance[y] <= _NEAR_DAYS]
    if published.year in distance:
        return min(near, key=distance.__getitem__) if near and min(distance[y] for y in near) < distance[
            published.year] else published.year
    return min(distance, key=distance.__getitem__)


_NEAR_DAYS = 92  # a quarter: how far into the year before or after a year-less date may reach


def _distance(year: int, month: int, day: int, published: dt.date) -> int | None:
    try:
        return abs((dt.date(year, month, day) - published).days)
    except ValueError:
        return None


def _weekday_is(year: int, month: int, day: int, weekday: str) -> bool:
    try:
        return dt.date(year, month, day).weekday() == _WEEKDAYS.index(weekday)
    except ValueError:
        return False


def _relative(rel: str, unit: str, published: dt.date) -> str:
    """'this/next/last year|month' against the publication date: '2026', '2026-04'."""
    offset = _REL_OFFSET[rel.lower()]
    if unit == "year":
        return f"{published.year + offset:04d}"
    index = published.year * 12 + published.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


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
        year = int(m["y"]) if m["y"] else _year_for(month, day, published, m["wd"], m["rel"])
        add(m.start(), m.end(), _iso(year, month, day))
    for m in _DAY_MONTH.finditer(text):
        month, day = _month(m["m"]), int(m["d"])
        year = int(m["y"]) if m["y"] else _year_for(month, day, published, rel=m["rel"])
        add(m.start(), m.end(), _iso(year, month, day))
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), f"{int(m['y']):04d}-{_month(m['m']):02d}")
    for m in _MONTH_ALONE.finditer(text):
        month = _month(m["m"])
        year = _year_for(month, 15, published, rel=m["rel"])
        if year is not None:
            add(m.start("m"), m.end(), f"{year:04d}-{month:02d}")
    for m in _YEAR.finditer(text):
        add(m.start("y"), m.end("y"), m["y"])
    if published is not None:
        for m in _RELATIVE.finditer(text):
            add(m.start(), m.end(), _relative(m["rel"], m["unit"], published))
        for m in _WEEKDAY_ALONE.finditer(text):
            add(m.start("wd"), m.end("wd"), _weekday_date(m, text, published))
    return sorted(found, key=lambda d: d.start)


def _weekday_date(m: re.Match[str], text: str, published: dt.date) -> str:
    """The date of a weekday written alone, within the week around the publication date: the next one when
    the clause before it speaks of the future ('to open on Sunday', 'next Monday'), else the last one on or
    before the publication date ('said on Tuesday')."""
    wd = _WEEKDAYS.index(m["wd"])
    clause = text[max(0, m.start() - 80):m.start() + len(m[0].split()[0])]
    ahead = _FUTURE.search(clause) is not None
    days = ((wd - published.weekday()) % 7 or 7) if ahead else -((published.weekday() - wd) % 7)
    return (published + dt.timedelta(days=days)).isoformat()


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
