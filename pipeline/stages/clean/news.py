"""News-article metadata written into the text: datelines, bylines and 'Published: ... Updated: ...' lines.

A wire or newspaper article opens with a dateline ("TOKYO, March 22, 2025", "SEOUL, Nov. 3 (Yonhap) --",
"WASHINGTON (AP) —", "Geneva, 5 June 2024 –"), alone on a line or glued to the first paragraph, and often a
byline ("By NAME") and publication stamps. They are metadata: the date (when the dateline has a year) is the
publication date, and the body starts after the dateline's dash. The patterns are the genre's grammar, not
facts of any one article, so they live here rather than in the lexicon.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.stages.clean.text import parse_date

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE = (rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
         rf"|{_YEAR}[-./]\d{{1,2}}[-./]\d{{1,2}}\.?)")
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
_AGENCY = r"(?:\((?P<agency>[A-Z][\w.&'’ -]{0,30})\)|/(?P<wire>[A-Z][\w.&'’ -]{0,30})/)"
#: Words that open a sentence, never a place name of a dateline ('In Seoul, March 3 – ...').
_NOT_PLACE = frozenset(("in", "on", "at", "the", "by", "for", "from", "as", "after", "before", "during", "since",
                        "until", "with", "of", "to", "a", "an", "this", "that", "when", "while", "on"))
_DASH = r"(?:--|[–—―-]|:)"
#: A dateline at the start of a paragraph, ending at its dash (or at the end of the line).
DATELINE = re.compile(
    rf"^(?P<place>(?P<caps>{_CAPS_PLACE})(?![a-z])|{_TITLE_PLACE}){_REGION}"
    rf"(?:,\s*(?P<date>{_DATE}))?\s*(?:{_AGENCY})?\s*(?:{_DASH}\s+(?=\S)|{_DASH}?\s*$)")
#: A line that is only a date with a place before it ("TOKYO, March 22, 2025").
_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[\w.'’\-&,]+){0,9})\s*(?:[|•·]\s*(?P<rest>.*))?$")
_NAME_JOINERS = frozenset(("and", "&", "de", "van", "von", "da", "del", "der", "bin", "al", "le", "la"))
_STAMP = re.compile(r"^(?P<label>(?:first\s+)?published(?:\s+(?:on|date))?|posted(?:\s+on)?|date\s+published|"
                    r"write|written|입력|(?:last\s+)?updated(?:\s+on)?|(?:last\s+)?modified|update)\b\s*[:：]?\s*(?P<value>.*)$",
                    re.IGNORECASE)
_CREDITS = re.compile(r"^\(?\s*(?:(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b"
                      r"|(?:web\s+)?editors?\s*:).*\)?$", re.IGNORECASE)
#: A date (and time) with the byline after it, on one line: 'Aug. 26, 2015 - 15:41 By NAME'.
_DATED_BYLINE = re.compile(rf"^(?P<date>{_DATE})(?:\s*[-–|,]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*[-–|]?\s*"
                           r"(?:By|BY)\s+\S.{0,60}$")


def dateline(paragraph: str) -> tuple[dt.date | None, str] | None:
    """(date or None, paragraph without the dateline) when ``paragraph`` opens with a dateline, else None.

    A place in capitals, a date or a news agency in brackets must be there, so an ordinary sentence
    ("Korea – Japan relations ...") is never taken for one."""
    m = DATELINE.match(paragraph)
    if not m or not (m.group("caps") or m.group("date") or m.group("agency") or m.group("wire")):
        return None
    if m.group("place").split()[0].casefold() in _NOT_PLACE:
        return None
    rest = paragraph[m.end():]
    # Capitals alone: 'NEW YORK — The ...' (dash and a sentence after it), not 'APEC: ...' headings.
    if m.group("caps") and not (m.group("date") or m.group("agency") or m.group("wire")) and (
            not rest or not re.match(r"\s*[–—―]|--", paragraph[m.end("place"):]) or len(m.group("caps")) < 3):
        return None
    date = parse_date(m.group("date")) if m.group("date") else None
    return date, rest.strip()


def is_byline(line: str, stopwords: frozenset[str]) -> bool:
    """'By Jane Doe', 'By JOHN SMITH and MARY LEE, Staff Writers', 'By Kim Min-ji | Reuters': a name, not a
    sentence ('By the end of the year, ...')."""
    m = _BYLINE.match(line)
    sentence_end = line.rstrip().endswith((".", "?", "!")) and not re.search(r"\b[A-Z][a-z]?\.$", line)
    if not m or len(line) > 120 or sentence_end:
        return False
    name, _, role = m.group("name").partition(",")
    if role and len(role.split()) <= 6 and all(w[:1].islower() or w in _NAME_JOINERS for w in role.split()):
        return is_byline(f"By {name}", stopwords)  # 'By NAME, senior staff writer'
    words = [w.strip(",") for w in m.group("name").split() if w.strip(",")]
    if not words or words[0].casefold() in stopwords:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    others = [w for w in words if not w[0].isupper() and w.casefold() not in _NAME_JOINERS]
    return capitalised >= 1 and len(others) <= 1


def stamp(line: str) -> tuple[str, dt.date | None] | None:
    """('published' or 'updated', date) of a 'Published: ... Updated: ...' line, else None."""
    m = _STAMP.match(line)
    if not m or len(line) > 160:
        return None
    value = m.group("value")
    if not re.search(r"\d", value):
        return None
    kind = "updated" if re.match(r"(?:last\s+)?(?:updated|modified)", m.group("label"), re.IGNORECASE) else "published"
    return kind, parse_date(value)


def dated_byline(line: str) -> tuple[bool, dt.date | None]:
    """(is it one, its date) for a 'DATE - TIME By NAME' line: a date stamp and a byline in one."""
    m = _DATED_BYLINE.match(line.strip())
    return (True, parse_date(m.group("date"))) if m else (False, None)


def header_lines(lines: list[str], i: int, stopwords: frozenset[str]) -> tuple[str | None, int]:
    """(deck, index after) for the bylines and the deck (one summary line right before a byline) that open an
    article's body in a page layout: 'Summons made due to ...' / 'By NAME, senior staff writer'."""
    j = next((k for k in range(i, len(lines)) if lines[k]), len(lines))
    deck = None
    if j < len(lines) and 6 <= len(lines[j].split()) <= 45 and not is_byline(lines[j], stopwords) \
            and is_byline(next((x for x in lines[j + 1:] if x), ""), stopwords):
        deck, j = lines[j], j + 1
    k = j
    while k < len(lines) and (not lines[k] or is_byline(lines[k], stopwords)):
        k += 1
    return (deck, k) if deck is not None or any(lines[j:k]) else (None, i)


def is_credits(line: str) -> bool:
    """'(Reporting by ...; Editing by ...)' at the end of a wire story."""
    return len(line) <= 200 and bool(_CREDITS.match(line.strip()))


def is_date_line(line: str) -> bool:
    """A line that is only a date (weekday and time allowed): 'Tuesday, March 3, 2025', '15 November 2024'."""
    return len(line) <= 60 and bool(re.fullmatch(rf"{_DATE}(?:[,\s]+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?"
                                                  rf"(?:\s*\(?[A-Z]{{2,4}}\)?)?)?", line.strip()))


def strip_news_metadata(paragraphs: list[str], stopwords: frozenset[str]) -> tuple[dt.date | None, list[str]]:
    """(publication date or None, paragraphs) with leading bylines, stamps, date-only lines and a dateline
    (alone or glued to the first paragraph) removed, and wire credits dropped; for extracted web articles."""
    published = stamped = None
    out = list(paragraphs)
    while out:
        first = " ".join(out[0].split())
        s = stamp(first)
        alone = dateline(first)
        if is_byline(first, stopwords) or is_date_line(first):
            published = published or (parse_date(first) if is_date_line(first) else None)
        elif s is not None:
            stamped = stamped or (s[1] if s[0] == "published" else None)
        elif alone is not None and not alone[1]:
            published = published or alone[0]
        else:
            break
        out.pop(0)
    if out:
        glued = dateline(" ".join(out[0].split()))
        if glued is not None and glued[1]:
            published = published or glued[0]
            out[0] = glued[1]
    return stamped or published, [p for p in out if not is_credits(" ".join(p.split()))]
