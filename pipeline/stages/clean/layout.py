"""The MOFA board-view layout, read from lines of text.

A release on the ministry's site (as a text dump, or an HTML page rendered to lines) reads:
navigation, category, title, a metadata block (``Date``/``date`` and ``hit``/count labels with their
values, inline or on the next line, in any case), the title again, an optional subtitle framed by
``- ... -``, body paragraphs, and footnotes starting with ``*`` or ``※``. The metadata block is the
anchor: everything before the title is page chrome, so no navigation list has to be exhaustive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.stages.clean import news
from pipeline.stages.clean.lexicon import Lexicon, line_key
from pipeline.stages.clean.text import (
    DATE_PATTERN,
    Draft,
    classify,
    group_blocks,
    is_korean_ui,
    looks_like_body,
    norm,
    parse_date,
    read_lead,
    read_subtitle,
)

_NUMBER = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")
#: A list bullet before a metadata label ('• Date : 2018-06-14 16:38:17').
_BULLET = re.compile(r"^[•·◦▪▸►\-–]\s*")
#: A numbered breadcrumb item of the older site ('1. HOME', '3. Press Releases').
_CRUMB_ITEM = re.compile(r"^\d{1,2}\.\s+\S(?:.{0,40}\S)?$")
#: Non-blank lines before a board heading that may be page chrome.
_HEAD_LINES = 14
_CRUMB = re.compile(r"\s+[>›»]\s+")


@dataclass
class _Meta:
    start: int
    end: int  # index of the first line after the metadata block
    date_found: bool = False
    published: object = None
    hits: int | None = None


def _label_rx(labels: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(x) for x in labels)
    return re.compile(rf"^(?:{alternatives})(?![\w])\s*[:：.]?\s*(?P<rest>.*)$", re.IGNORECASE)


class LayoutReader:
    """Reads the MOFA layout from lines; built once per lexicon."""

    def __init__(self, lex: Lexicon, korean: bool = False) -> None:
        self.lex = lex
        #: A Korean page: short Hangul lines are titles, boards and prose; chrome is known by the lexicon's words.
        self.korean = korean
        self.date_rx = _label_rx(lex.date_labels)
        alternatives = "|".join(re.escape(x) for x in lex.hit_labels)
        self.hit_rx = _label_rx(lex.hit_labels)
        dates = "|".join(re.escape(x) for x in lex.date_labels)
        self.date_inline = re.compile(rf"(?<![\w])(?:{dates})(?![\w])\s*[:：]?\s*(?P<value>.{{6,40}})", re.IGNORECASE)
        self.hit_inline = re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])\s*[:：]?\s*(\d[\d,]*)", re.IGNORECASE)

    def _ui(self, line: str) -> bool:
        """Site chrome by language: on the English site any short Hangul line; on a Korean page its furniture."""
        return self.lex.is_ko_furniture(line) if self.korean else is_korean_ui(line)

    # -- metadata block -------------------------------------------------------------------------
    def _next_value(self, lines: list[str], i: int) -> int | None:
        """Index of the next non-blank line within two lines after ``i``."""
        for j in range(i + 1, min(i + 3, len(lines))):
            if lines[j]:
                return j
        return None

    def _meta_line(self, lines: list[str], i: int, meta: _Meta) -> int | None:
        """If line ``i`` is a date/hit label (value inline or on the next line), record it and return
        the index after it; else None."""
        line = _BULLET.sub("", lines[i])
        if self.korean and "|" in line and len(line) <= 160:
            # A mission mirror's fields on one line: '작성자 : 대사관 | 작성일 : 2031-03-14 | 조회수 : 12'.
            labels = [re.split(r"\s*[:：]\s*|\s+", part.strip(), maxsplit=1)[0] for part in line.split("|")]
            d = self.date_inline.search(line)
            if d and parse_date(d.group("value")) and all(
                    self.lex.is_field_label(x) or self.date_rx.match(x) or self.hit_rx.match(x) for x in labels if x):
                meta.date_found, meta.published = True, parse_date(d.group("value"))
                h = self.hit_inline.search(line)
                meta.hits = int(h.group(1).replace(",", "")) if h else meta.hits
                return i + 1
        m = self.date_rx.match(line)
        if m:
            rest = m.group("rest")
            if rest and DATE_PATTERN.match(rest):
                meta.date_found, meta.published = True, parse_date(rest)
                h = self.hit_inline.search(rest)
                if h:
                    meta.hits = int(h.group(1).replace(",", ""))
                return i + 1
            if not rest:
                j = self._next_value(lines, i)
                if j is not None and len(lines[j]) <= 40 and DATE_PATTERN.match(lines[j]):
                    meta.date_found, meta.published = True, parse_date(lines[j])
                    return j + 1
            return None
        m = self.hit_rx.match(line)
        if m:
            rest = m.group("rest")
            if rest and _NUMBER.match(rest.split()[0]):
                meta.hits = int(rest.split()[0].replace(",", "").replace(".", ""))
                d = self.date_inline.search(rest)
                if d and parse_date(d.group("value")):  # 'Views 98 | Date 2024.11.15'
                    meta.date_found, meta.published = True, parse_date(d.group("value"))
                return i + 1
            if not rest:
                j = self._next_value(lines, i)
                if j is not None and _NUMBER.match(lines[j]):
                    meta.hits = int(lines[j].replace(",", "").replace(".", ""))
                    return j + 1
        return None

    def _field_line(self, lines: list[str], i: int) -> int | None:
        """'Writer' / 'Department' style label with its value: skipped inside the metadata block."""
        line = _BULLET.sub("", lines[i]) if self.korean else lines[i]
        if self.lex.is_field_label(line):
            j = self._next_value(lines, i)
            return (j + 1) if j is not None else i + 1
        head = line.split(":", 1)[0] if ":" in line else None
        if head and self.lex.is_field_label(head) and line_key(head) not in ("title", "subject", "제목"):
            return i + 1
        return None

    def find_meta(self, lines: list[str]) -> _Meta | None:
        for i, line in enumerate(lines):
            if not line:
                continue
            meta = _Meta(start=i, end=i)
            nxt = self._meta_line(lines, i, meta)
            if nxt is None:
                continue
            j = nxt
            while j < len(lines):
                if not lines[j]:
                    j += 1
                    continue
                after = self._meta_line(lines, j, meta) or self._field_line(lines, j)
                if after is None:
                    break
                j = after
            meta.end = j
            return meta
        return None

    def _korean_meta(self, lines: list[str]) -> _Meta | None:
        """A Korean page's metadata without date labels, in its first lines: a date with the issuer after it
        ('2023.01.10 외교부', a republisher's view), or the department field alone ('부서명' / its value)."""
        seen = 0
        for i, line in enumerate(lines):
            if not line:
                continue
            seen += 1
            if seen > 2 * _HEAD_LINES:
                break
            rest = DATE_PATTERN.sub("", line, count=1).strip() if DATE_PATTERN.match(line) else None
            if rest and len(rest.split()) <= 2 and not re.search(r"[\d.!?다]", rest) and parse_date(line):
                return _Meta(start=i, end=i + 1, date_found=True, published=parse_date(line))
            after = self._field_line(lines, i)
            if after is not None and i > 0:
                return _Meta(start=i, end=after)
            if not self._ui(line) and (len(line) > 100 or re.search(r"다\.$", line)):
                break  # prose: the page's head is over, a field further down is the issuer's contact block
        return None

    # -- the release ----------------------------------------------------------------------------
    def _prev(self, lines: list[str], i: int, skip_labels: bool = True) -> int | None:
        j = i - 1
        while j >= 0 and (not lines[j] or (skip_labels and self.lex.is_field_label(lines[j]))):
            j -= 1
        if self.korean and skip_labels and j >= 0:
            # A Korean page writes its fields as a label line over a value line ('부서명' / '언론담당관실').
            k = self._prev(lines, j, skip_labels=False)
            if k is not None and self.lex.is_field_label(lines[k]) and len(lines[j]) <= 60 \
                    and line_key(lines[k]).rstrip(" :：") not in ("제목", "title", "subject"):
                return self._prev(lines, k)
        return j if j >= 0 else None

    def _korean_category(self, lines: list[str], c: int) -> str | None:
        """The board of a Korean page: the board heading over a breadcrumb, or the line over the title; only on the
        ministry's own pages (their chrome comes first), never a republisher's section name."""
        if _CRUMB.search(lines[c]):
            b = self._prev(lines, c, skip_labels=False)
            if b is not None and self.lex.is_board(lines[b]):
                return lines[b]
        if not self.lex.is_board(lines[c]) and not any(
                self.lex.is_ko_furniture(x) or self.lex.is_nav(x) for x in lines[:c] if x):
            return None
        return self._category(lines[c])

    def _is_crumb(self, line: str) -> bool:
        """'Home > Press > Press Releases': short parts, starting at home or ending on a board (a title
        holding '<b>' or ' > ' is not one)."""
        parts = [p.strip() for p in _CRUMB.split(line) if p.strip()]
        if len(parts) < 2 or any(len(p.split()) > 4 or "<" in p for p in parts):
            return False
        return parts[0].casefold() in ("home", "main", "홈") or self.lex.is_board_heading(parts[-1])

    def _category(self, line: str) -> str | None:
        if self._is_crumb(line):
            parts = [p for p in _CRUMB.split(line) if p.strip()]
            return self.lex.category_of(parts[-1]) if parts else None
        if self.lex.is_board(line):
            return line
        if self.lex.is_board_heading(line):
            return self.lex.category_of(line)
        if self.lex.is_nav(line) or self._ui(line) or parse_date(line) or line.endswith("."):
            return None
        if len(line) <= 50 and len(line.split()) <= 6 and not _NUMBER.match(line):
            return self.lex.category_of(line)
        return None

    def _chrome_line(self, line: str) -> bool:
        """A line of the page's head before the board's name: navigation, Korean UI, a breadcrumb (also as
        numbered items), the site's name, or a short label without a sentence in it."""
        return (self.lex.is_nav(line) or self._ui(line) or self._is_crumb(line) or self.lex.is_board_heading(line)
                or line_key(line) in self.lex.site_names or bool(_CRUMB_ITEM.match(line) and len(line.split()) <= 5
                                                                 and not line.endswith("."))
                or (len(line.split()) <= 4 and not re.search(r"[.!?,;:]$", line) and not _NUMBER.match(line)))

    def _board_anchor(self, lines: list[str]) -> int | None:
        """Index of the board's name heading the release (the last one in the page's head), when every
        line before it is page chrome; None when the page has no such head."""
        anchor, label, site_chrome, seen = None, None, False, 0
        for i, line in enumerate(lines):
            if not line:
                continue
            seen += 1
            if seen > _HEAD_LINES:
                break
            if self.lex.is_board_heading(line) or (self._is_crumb(line) and self._category(line)):
                anchor = i
                continue
            if not self._chrome_line(line):
                break
            if self.lex.is_nav(line) or self._ui(line):
                site_chrome = True
            elif not _CRUMB_ITEM.match(line) and line_key(line) not in self.lex.site_names:
                label = i  # a short label: a board the lexicon does not know yet
        # Without a known board, the last short label after the site's own chrome names the board.
        return anchor if anchor is not None else (label if site_chrome else None)

    def _read_body(self, draft: Draft, raw_lines: list[str], lines: list[str], cursor: int) -> Draft:
        """Skip the repeated title, read the subtitle, then paragraphs until the page's end marks."""
        while cursor < len(lines) and (not lines[cursor] or line_key(lines[cursor]) == line_key(draft.title)):
            cursor += 1
        draft.subtitle, cursor = read_subtitle(lines, cursor)
        if draft.subtitle is None:
            draft.subtitle, cursor = read_lead(lines, cursor)
        deck, cursor = news.header_lines(lines, cursor, self.lex.stopwords_en)
        draft.subtitle = draft.subtitle or deck
        body_lines: list[str] = []
        for raw, line in zip(raw_lines[cursor:], lines[cursor:], strict=True):
            if line and self.korean and not any(body_lines) and (self.lex.is_end(line) or self._ui(line)):
                continue  # a Korean view's '목록' button between its date line and the body
            if line and (self.lex.is_end(line) or (self.korean and self.lex.is_ko_end(line))):
                break
            if line and (self.lex.is_nav(line) or self._ui(line)):
                body_lines.append("")
                continue
            body_lines.append(raw.strip() if line else "")
        draft.paragraphs = [classify(p) for p in group_blocks(body_lines)]
        return draft

    def read_board_page(self, raw_lines: list[str]) -> Draft | None:
        """A page of the site's layout without date lines: chrome, the board's name, the title, the body."""
        lines = [norm(x) for x in raw_lines]
        anchor = self._board_anchor(lines)
        if anchor is None:
            return None
        draft = Draft(category=self._category(lines[anchor]))
        t = anchor + 1
        while t < len(lines):  # an issue's date line and share widgets may sit between board and title
            line = lines[t]
            if line and len(DATE_PATTERN.sub("", line).split()) <= 2 and parse_date(line):
                draft.published = draft.published or parse_date(line)
            elif line and not self.lex.is_boilerplate(line) and not self.lex.is_nav(line):
                break
            t += 1
        if t >= len(lines) or looks_like_body(lines[t]):
            return None
        draft.title = lines[t]
        return self._read_body(draft, raw_lines, lines, t + 1)

    def read(self, raw_lines: list[str]) -> Draft | None:
        """A Draft when the lines have the board-view metadata block, else None."""
        lines = [norm(x) for x in raw_lines]
        meta = self.find_meta(lines)
        if self.korean and (meta is None or (not meta.date_found and meta.hits is None)):
            meta = self._korean_meta(lines)
        if meta is None or (not meta.date_found and meta.hits is None and not self.korean):
            return None
        draft = Draft(published=meta.published, hits=meta.hits)
        cursor = meta.end
        t = self._prev(lines, meta.start)
        title_line = lines[t] if t is not None else ""
        if title_line and ":" in title_line and self.lex.is_field_label(title_line.split(":", 1)[0]):
            title_line = title_line.split(":", 1)[1].strip()
        if t is not None and (self.lex.is_board_heading(title_line) or self._is_crumb(title_line)):
            # Category right above the metadata: the title follows it.
            draft.category = self._category(title_line)
            t = None
            while cursor < len(lines) and not lines[cursor]:
                cursor += 1
            if cursor < len(lines):
                draft.title = lines[cursor]
                cursor += 1
        elif t is not None and not self.lex.is_nav(title_line) and not self._ui(title_line):
            draft.title = title_line
            c = self._prev(lines, t)
            if c is not None:
                draft.category = self._korean_category(lines, c) if self.korean else self._category(lines[c])
        return self._read_body(draft, raw_lines, lines, cursor)
