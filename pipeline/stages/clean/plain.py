"""Plain English text (any press release or news article): first line is the title."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.stages.clean import news
from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.layout import LayoutReader
from pipeline.stages.clean.lexicon import Lexicon, line_key
from pipeline.stages.clean.registry import Head, Input
from pipeline.stages.clean.text import (
    DATE_PATTERN,
    IMAGE_NAME,
    Draft,
    assemble,
    classify,
    group_blocks,
    is_end_mark,
    is_korean_page,
    is_korean_ui,
    looks_like_body,
    norm,
    parse_date,
    read_subtitle,
    title_date,
)
from schemas.models import CleanDocument


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


def _source_and_date(line: str) -> bool:
    """'Arirang News 2018-08-03', 'Xinhua) 08:37, August 10, 2022': a short stamp of an outlet, a time and a date."""
    rest = DATE_PATTERN.sub("", line)
    return bool(parse_date(line)) and len(rest.split()) <= 4 and not rest.rstrip().endswith(".")


_DASH_ITEM = re.compile(r"^[-–]\s+(?=\S)")


def _deck(line: str, after: list[str], lex: Lexicon, after_stamp: bool) -> bool:
    """A news deck: one line of summary under the headline, right before the byline or the page's facts, or
    (without a sentence end) right after the stamps."""
    nxt = next((norm(x) for x in after if x.strip()), "")
    words = len(line.split())
    if not 6 <= words <= 45 or not nxt or news.is_byline(line, lex.stopwords_en) or news.stamp(line) is not None:
        return False
    meta = news.is_byline(nxt, lex.stopwords_en) or news.stamp(_DASH_ITEM.sub("", nxt)) is not None \
        or news.dated_byline(nxt)[0] or bool(_DASH_ITEM.match(nxt) and len(nxt.split()) <= 5)
    return meta or (after_stamp and not line.endswith((".", "!", "?")))


#: An image standing for a button or an icon of the page ('btn_textview.gif', 'icon_logo.gif'), not a photo.
_UI_IMAGE = re.compile(r"^(?:btn|button|icon?|ico|bu|bullet|arrow|logo)[_\-.]", re.IGNORECASE)
#: A Korean sentence's end (a final ending and its stop, or a stop).
_KO_SENTENCE_END = re.compile(r"[.!?。][”’\"')\]]*$")
#: A marker opening a Korean release's paragraph: □, ㅇ, ○, -, ※, a number.
_KO_MARKER = re.compile(r"^\s*(?:[□■○◦ㅇ●◆◇▶※*\-–·]|\d{1,2}[.)])")


def _after_widget(lines: list[str], lex: Lexicon) -> list[str]:
    """A republisher's page whose head lists other stories: the release's title is the line right above its
    font/print widget, so the lines before that title go (with the widget)."""
    filled = [i for i, x in enumerate(lines[:80]) if x.strip()]
    for n, i in enumerate(filled):
        if lex.is_ko_widget(norm(lines[i])) and n > 0:
            title = filled[n - 1]
            return [lines[title], *lines[i + 1:]]
    return lines


def _korean_head(rest: list[str], title: str, lex: Lexicon) -> tuple[dt.date | None, str | None, list[str]]:
    """(date, subtitle, body lines) of a plain Korean release under its title: the republisher's page facts
    (a section word, counters, a date and time) and a news copy's stamps and byline are read and left out,
    and a lead line written without a sentence end, right before the first paragraph, is the subtitle."""
    published, subtitle = None, None
    i = 0
    while i < len(rest):
        line = norm(rest[i])
        if not line or line_key(line) == line_key(title):
            i += 1
            continue
        stripped = DATE_PATTERN.sub("", line, count=1).strip() if DATE_PATTERN.match(line) else None
        if stripped is not None and len(stripped.split()) <= 2 and not _KO_SENTENCE_END.search(stripped):
            published = published or parse_date(line)
            i += 1
            continue
        if len(line.split()) <= 1 and len(line) <= 12 and not _KO_SENTENCE_END.search(line):
            i += 1  # a counter or a section word of the republisher's page
            continue
        stamped = news.stamp(line)
        if stamped is not None:  # '입력 2031.03.14 09:12 수정 ...'
            published = published or stamped[1] if stamped[0] == "published" else published
            i += 1
            continue
        if lex.ko_byline is not None and lex.ko_byline.match(line):
            i += 1
            continue
        break
    nxt = next((norm(x) for x in rest[i + 1:] if x.strip()), "")
    if i < len(rest):
        line = norm(rest[i])
        if len(line.split()) >= 8 and not _KO_SENTENCE_END.search(line) and not _KO_MARKER.match(line) \
                and nxt and not news.dateline(line):
            subtitle, i = line, i + 1
    return published, subtitle, rest[i:]


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
    korean = is_korean_page(text)
    if korean:
        lines = _after_widget(lines, lex)
    kept: list[str] = []
    caption_next = False
    for raw in lines:
        line = norm(raw)
        if line and (is_end_mark(line) or (korean and lex.is_ko_end(line))) and any(kept):
            break  # the story's end mark: related links and other stories follow
        if line and caption_next:
            caption_next = False
            if len(line.split()) <= 60:  # the caption under a photo's file name
                kept.append("")
                continue
        if line and IMAGE_NAME.match(line):
            caption_next = not (korean and _UI_IMAGE.match(line))  # a button's icon has no caption
            kept.append("")
            continue
        chrome = lex.is_ko_furniture(line) if korean else is_korean_ui(line)
        if line and (lex.is_nav(line) or chrome or line_key(line) in lex.site_names
                     or lex.is_boilerplate(line)):
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
        if header is None and not lex.is_caption(norm(kept[start])):
            break
        if header is not None:  # a caption above the headline goes with its photo
            republished = republished or _slash_date(header.group("date"))
        kept = kept[start + 1:]
    if looks_like_body(kept[start]) or (news.dateline(norm(kept[start])) or (None, ""))[1]:
        rest = kept[start:]  # a body-only copy: no title line
    else:
        draft.title = kept[start]
        rest = kept[start + 1:]
    if korean and draft.title:
        draft.published, draft.subtitle, rest = _korean_head(rest, draft.title, lex)
    stamped = None  # the date of a 'Published:' stamp wins over a dateline
    after_stamp = False  # a deck may follow the stamps
    while draft.title and not korean:
        i = next((k for k, x in enumerate(rest) if x), None)
        if i is None:
            break
        line = norm(rest[i])
        if _DASH_ITEM.match(line) and not read_subtitle([norm(x) for x in rest], i)[0]:
            line = _DASH_ITEM.sub("", line)  # '- Anadolu Agency', '- Published Date: ...': a list of page facts
            if len(line.split()) <= 4 and news.stamp(line) is None:
                rest = rest[i + 1:]
                continue
        if lex.is_source_line(line):
            rest = rest[i + 1:]
            continue
        is_dated_byline, by_date = news.dated_byline(line)
        if is_dated_byline or _source_and_date(line):
            draft.published = draft.published or by_date or parse_date(line)
            rest = rest[i + 1:]
            continue
        if draft.subtitle is None and _deck(line, rest[i + 1:], lex, after_stamp):
            draft.subtitle = line
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
            after_stamp = True
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


class TextReader:
    """Text: a dump of a MOFA page ('mofa_text', read by its layout) or any other English text ('text'). It takes
    any input no other reader is surer of."""

    name = "text"

    def sniff(self, head: Head) -> int | None:
        return 0

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        lines = inp.text.split("\n")
        korean = is_korean_page(inp.text)
        if korean:
            lines = _after_widget(lines, inp.lex)
        layout = LayoutReader(inp.lex, korean=korean)
        draft = layout.read(lines) or layout.read_board_page(lines)
        if draft is not None and draft.title:
            return [assemble(draft, source=inp.source, data=inp.data, input_format="mofa_text", lex=inp.lex)]
        return [assemble(read_plain(inp.text, inp.lex), source=inp.source, data=inp.data, input_format="text",
                         lex=inp.lex)]
