"""Plain English text (any press release or news article): first line is the title."""

from __future__ import annotations

from pipeline.clean import news
from pipeline.clean.lexicon import Lexicon
from pipeline.clean.text import (
    DATE_PATTERN,
    Draft,
    classify,
    group_blocks,
    is_korean_ui,
    norm,
    parse_date,
    read_subtitle,
)


def read_plain(text: str, lex: Lexicon) -> Draft:
    """Title = first non-empty line that is not page chrome. Right under it, metadata lines (a date, a
    '- subtitle -', a byline, 'Published: ... Updated: ...' stamps, a dateline alone on its line) are read and
    left out; a dateline glued to the first paragraph is cut off it; the rest are paragraphs (blank-line
    separated, or one per line when the file has single newlines only)."""
    lines = text.split("\n")
    kept: list[str] = []
    for raw in lines:
        line = norm(raw)
        if line and (lex.is_nav(line) or is_korean_ui(line)):
            kept.append("")
            continue
        kept.append(raw.strip() if line else "")
    start = next((i for i, x in enumerate(kept) if x), None)
    draft = Draft()
    if start is None:
        return draft
    draft.title = kept[start]
    rest = kept[start + 1:]
    stamped = None  # the date of a 'Published:' stamp wins over a dateline
    while True:
        i = next((k for k, x in enumerate(rest) if x), None)
        if i is None:
            break
        line = norm(rest[i])
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
    draft.published = stamped or draft.published
    draft.paragraphs = [classify(p) for p in blocks if not news.is_credits(norm(p))]
    return draft
