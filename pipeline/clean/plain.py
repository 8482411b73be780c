"""Plain English text (any press release or news article): first line is the title."""

from __future__ import annotations

from pipeline.clean.lexicon import Lexicon
from pipeline.clean.text import DATE_PATTERN, SUBTITLE, Draft, classify, group_blocks, is_korean_ui, norm, parse_date


def read_plain(text: str, lex: Lexicon) -> Draft:
    """Title = first non-empty line that is not page chrome; a date line right under it is the
    publication date; a '- ... -' line the subtitle; the rest are paragraphs (blank-line separated,
    or one per line when the file has single newlines only)."""
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
    # Metadata lines right under the title: a date, a '- subtitle -'.
    while True:
        i = next((k for k, x in enumerate(rest) if x), None)
        if i is None:
            break
        line = norm(rest[i])
        stripped = line.split(":", 1)[1].strip() if line.lower().startswith(("date:", "dated:")) else line
        if draft.published is None and len(stripped) <= 40 and DATE_PATTERN.match(stripped):
            draft.published = parse_date(stripped)
        elif draft.subtitle is None and SUBTITLE.match(line):
            draft.subtitle = SUBTITLE.match(line).group(1)  # type: ignore[union-attr]
        else:
            break
        rest = rest[i + 1:]
    draft.paragraphs = [classify(p) for p in group_blocks(rest)]
    return draft
