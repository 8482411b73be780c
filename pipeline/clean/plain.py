"""Plain English text (any press release or news article): first line is the title."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.clean import news
from pipeline.clean.lexicon import Lexicon, line_key
from pipeline.clean.text import (
    DATE_PATTERN,
    Draft,
    classify,
    group_blocks,
    is_korean_ui,
    looks_like_body,
    norm,
    parse_date,
    read_subtitle,
    title_date,
)


def _slash_date(value: str) -> dt.date | None:
    """'07/01/2022' as a republisher writes it (month first); ISO forms through parse_date."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not m:
        return parse_date(value)
    month, day, year = (int(g) for g in m.groups())
    if month > 12:
        month, day = day, month
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_plain(text: str, lex: Lexicon) -> Draft:
    """Title = first non-empty line that is not page chrome. Right under it, metadata lines (a date, a
    '- subtitle -', a byline, 'Published: ... Updated: ...' stamps, a dateline alone on its line) are read and
    left out; a dateline glued to the first paragraph is cut off it; the rest are paragraphs (blank-line
    separated, or one per line when the file has single newlines only)."""
    stamp_match = lex.archive_stamp.match(text)
    if stamp_match:  # a stored copy's own date stamp, not the page's: gone, with a date repeated after it
        text = text[stamp_match.end():]
        first, _, after = text.partition("\n")
        text = after if news.is_date_line(norm(first)) else text
    lines = text.split("\n")
    kept: list[str] = []
    for raw in lines:
        line = norm(raw)
        if line and (lex.is_nav(line) or is_korean_ui(line) or line_key(line) in lex.site_names):
            kept.append("")
            continue
        kept.append(raw.strip() if line else "")
    draft = Draft()
    republished = None  # a republisher's header date: used when the release itself shows none
    while True:
        start = next((i for i, x in enumerate(kept) if x), None)
        if start is None:
            return draft
        header = lex.republisher_header.match(norm(kept[start]))
        if header is None:
            break
        republished = republished or _slash_date(header.group("date"))
        kept = kept[start + 1:]
    if looks_like_body(kept[start]) or (news.dateline(norm(kept[start])) or (None, ""))[1]:
        rest = kept[start:]  # a body-only copy: no title line
    else:
        draft.title = kept[start]
        rest = kept[start + 1:]
    stamped = None  # the date of a 'Published:' stamp wins over a dateline
    while draft.title:
        i = next((k for k, x in enumerate(rest) if x), None)
        if i is None:
            break
        line = norm(rest[i])
        if lex.is_source_line(line):
            rest = rest[i + 1:]
            continue
        stripped = line.split(":", 1)[1].strip() if line.lower().startswith(("date:", "dated:")) else line
        stamp = news.stamp(line)
        alone = news.dateline(line)
        if draft.published is None and ((len(stripped) <= 40 and DATE_PATTERN.match(stripped))
                                        or news.is_date_line(stripped)):
            draft.published = parse_date(stripped)
        elif draft.subtitle is None and read_subtitle([norm(x) for x in rest], i)[0]:
            draft.subtitle, after = read_subtitle([norm(x) for x in rest], i)
            rest = rest[after:]
            continue
        elif news.is_byline(line, lex.stopwords_en):
            pass
        elif stamp is not None:
            if stamp[0] == "published" and stamp[1] and stamped is None:
                stamped = stamp[1]
        elif alone is not None and not alone[1]:
            draft.published = draft.published or alone[0]
        else:
            break
        rest = rest[i + 1:]
    blocks = group_blocks(rest)
    if blocks:
        glued = news.dateline(norm(blocks[0]))
        if glued is not None and glued[1]:
            draft.published = draft.published or glued[0]
            blocks[0] = glued[1]
    draft.published = stamped or draft.published or title_date(draft.title) or republished
    draft.paragraphs = [classify(p) for p in blocks if not news.is_credits(norm(p))]
    return draft
