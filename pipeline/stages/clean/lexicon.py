"""Chrome strings, labels and boards of the MOFA site, read from ``pipeline/data/clean_lexicon.json``.

Kept as data (not code) so a new board or a new piece of page chrome is a one-line change; loaded
once per process into an immutable record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def line_key(line: str) -> str:
    """Comparison key of a line: whitespace collapsed, case folded, curly apostrophe straightened."""
    return " ".join(line.split()).casefold().replace("\u2019", "'")


_CATEGORY_SEPARATORS = re.compile(r"\s+[|>›»:\-–—/]\s+|\s*[|>›»]\s*")


@dataclass(frozen=True)
class Lexicon:
    boards: frozenset[str]
    #: Board names as spelled in the data file, longest first (a contained board is looked up in this order).
    board_names: tuple[str, ...]
    #: UI words a board heading or page title carries after the board's name ('view', 'list', 'View Details').
    ui_suffixes: tuple[str, ...]
    #: Names of the site itself: never a category.
    site_names: frozenset[str]
    nav_lines: frozenset[str]
    nav_patterns: tuple[re.Pattern[str], ...]
    end_lines: frozenset[str]
    date_labels: tuple[str, ...]
    hit_labels: tuple[str, ...]
    field_labels: frozenset[str]
    chrome_tags: frozenset[str]
    chrome_attr: re.Pattern[str]
    breadcrumb_attr: re.Pattern[str]
    mofa_hosts: tuple[str, ...]
    mofa_signals: tuple[str, ...]
    title_suffix: re.Pattern[str]
    briefing_header: re.Pattern[str]
    footnote_continuations: tuple[str, ...]
    abbreviations: frozenset[str]
    stopwords_en: frozenset[str]
    boilerplate: tuple[re.Pattern[str], ...]
    signature: re.Pattern[str]
    archive_stamp: re.Pattern[str]
    republisher_header: re.Pattern[str]
    source_lines: frozenset[str]
    source_line: re.Pattern[str]
    caption_credit: re.Pattern[str]
    #: Korean pages (see ``_korean`` in the data file): furniture lines, title widgets, end lines, dropped lines.
    ko_furniture: tuple[re.Pattern[str], ...] = ()
    ko_widgets: tuple[re.Pattern[str], ...] = ()
    ko_end: tuple[re.Pattern[str], ...] = ()
    ko_drop: tuple[re.Pattern[str], ...] = ()
    ko_end_mark: re.Pattern[str] | None = None
    ko_greeting: re.Pattern[str] | None = None
    ko_section_heading: re.Pattern[str] | None = None
    ko_title_prefix: re.Pattern[str] | None = None
    ko_opening: re.Pattern[str] | None = None
    ko_closing: re.Pattern[str] | None = None
    ko_byline: re.Pattern[str] | None = None
    ko_news_dateline: re.Pattern[str] | None = None

    def is_ko_furniture(self, line: str) -> bool:
        """A line of a Korean page's chrome (skip link, banner, widget, attachment, board button)."""
        key = line_key(line)
        return bool(key) and len(key) <= 240 and any(p.match(key) for p in self.ko_furniture)

    def is_ko_widget(self, line: str) -> bool:
        """A font-size or print widget: on a republisher's page it sits right under the release's title."""
        key = line_key(line)
        return bool(key) and any(p.match(key) for p in self.ko_widgets)

    def is_ko_end(self, line: str) -> bool:
        """A Korean page's line after which only links, a republisher's notes or the issuer's profile follow."""
        key = line_key(line)
        return bool(key) and len(key) <= 200 and any(p.match(key) for p in self.ko_end)

    def is_ko_drop(self, line: str) -> bool:
        """A Korean release's closing note inside the body ('붙임 : 사진', '끝.'): not text of the release."""
        key = line_key(line)
        return bool(key) and len(key) <= 80 and any(p.match(key) for p in self.ko_drop)

    def is_board(self, line: str) -> bool:
        return line_key(line) in self.boards

    def board_in(self, text: str) -> str | None:
        """The longest known board name contained in ``text`` (on word boundaries), spelled as in ``text``."""
        flat = " ".join(text.split())
        key = line_key(flat)
        for name in self.board_names:
            k = line_key(name)
            i = key.find(k)
            while i >= 0:
                before = key[i - 1] if i > 0 else " "
                after = key[i + len(k)] if i + len(k) < len(key) else " "
                if not (before.isalnum() or after.isalnum()):
                    return flat[i:i + len(k)] if len(key) == len(flat) else name
                i = key.find(k, i + 1)
        return None

    def strip_ui(self, text: str) -> str:
        """``text`` without trailing UI words ('Ministry News view' -> 'Ministry News'), repeated."""
        out = " ".join(text.split())
        changed = True
        while changed and out:
            changed = False
            for suffix in self.ui_suffixes:
                low = out.casefold()
                if low.endswith(" " + suffix) or (low.endswith(suffix) and not suffix.isascii()
                                                   and len(out) > len(suffix)):
                    out = out[: len(out) - len(suffix)].rstrip(" -–—|:")
                    changed = True
                    break
        return out

    def category_of(self, text: str | None) -> str | None:
        """A category from a board heading, breadcrumb or page <title>: site names and UI words dropped, a
        contained known board preferred. None when only chrome is left."""
        if not text:
            return None
        parts = [p.strip() for p in _CATEGORY_SEPARATORS.split(" ".join(text.split())) if p and p.strip()]
        parts = [p for p in parts if line_key(p) not in self.site_names]
        parts = [self.strip_ui(p) for p in parts]
        parts = [p for p in parts if p and line_key(p) not in self.site_names and line_key(p) not in ("home", "main")
                 and line_key(p) not in self.ui_suffixes]
        for part in reversed(parts):
            board = self.board_in(part)
            if board:
                # Chrome around a board ('[Press Releases] detailed view') goes; a qualifier before it
                # ('Consular Notices') makes another board, kept whole.
                before, _, after = line_key(part).partition(line_key(board))
                if not any(c.isalpha() for c in before) and len(after.split()) <= 3:
                    return board
                return part
        return parts[-1] if parts else None

    def is_board_heading(self, line: str) -> bool:
        """A board's name, alone or with UI words / the site's name around it ('Press Releases View | MOFA')."""
        parts = [p for p in _CATEGORY_SEPARATORS.split(" ".join(line.split())) if p and p.strip()]
        parts = [self.strip_ui(p.strip()) for p in parts if line_key(p) not in self.site_names]
        parts = [p for p in parts if p and line_key(p) not in self.site_names]
        return bool(parts) and all(self.is_board(p) or line_key(p) in ("home", "main") for p in parts) \
            and self.is_board(parts[-1])

    def is_nav(self, line: str) -> bool:
        key = line_key(line)
        return key in self.nav_lines or any(p.match(key) for p in self.nav_patterns)

    def is_boilerplate(self, paragraph: str) -> bool:
        """Page furniture inside a body (translation note, end mark, image placeholder, widget)."""
        key = line_key(paragraph)
        return len(key) <= 400 and any(p.match(key) for p in self.boilerplate)

    def is_signature(self, paragraph: str) -> bool:
        """A closing line naming the issuing office, short and without a sentence in it."""
        flat = " ".join(paragraph.split())
        return len(flat.split()) <= 18 and bool(self.signature.match(flat))

    def is_caption(self, paragraph: str) -> bool:
        """A photo caption: a short paragraph that ends with a photo credit ('... in Seoul on Monday. (Yonhap)')."""
        flat = " ".join(paragraph.split())
        return len(flat.split()) <= 70 and bool(self.caption_credit.search(flat))

    def is_source_line(self, line: str) -> bool:
        """A republisher's attribution line under the title ('Report', 'from Government of X')."""
        flat = " ".join(line.split())
        return line_key(flat) in self.source_lines or (len(flat.split()) <= 12 and flat[:1].islower()
                                                        and bool(self.source_line.match(flat)))

    def is_end(self, line: str) -> bool:
        return line_key(line) in self.end_lines

    def is_field_label(self, line: str) -> bool:
        return line_key(line).rstrip(" :：") in self.field_labels


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon data file (cached: it is immutable)."""
    raw = json.loads(resources.files("pipeline").joinpath("data", "clean_lexicon.json").read_text("utf-8"))
    flags = re.IGNORECASE
    ko = raw["korean"]
    return Lexicon(
        boards=frozenset(line_key(b) for b in raw["boards"]),
        board_names=tuple(sorted(dict.fromkeys(raw["boards"]), key=len, reverse=True)),
        ui_suffixes=tuple(sorted((line_key(x) for x in raw["ui_suffixes"]), key=len, reverse=True)),
        site_names=frozenset(line_key(x) for x in raw["site_names"]),
        nav_lines=frozenset(line_key(x) for x in raw["nav_lines"]),
        nav_patterns=tuple(re.compile(p, flags) for p in raw["nav_patterns"]),
        end_lines=frozenset(line_key(x) for x in raw["end_lines"]),
        date_labels=tuple(sorted((line_key(x) for x in raw["date_labels"]), key=len, reverse=True)),
        hit_labels=tuple(sorted((line_key(x) for x in raw["hit_labels"]), key=len, reverse=True)),
        field_labels=frozenset(line_key(x) for x in raw["field_labels"]),
        chrome_tags=frozenset(raw["chrome_tags"]),
        chrome_attr=re.compile(raw["chrome_attr_pattern"], flags),
        breadcrumb_attr=re.compile(raw["breadcrumb_attr_pattern"], flags),
        mofa_hosts=tuple(raw["mofa_hosts"]),
        mofa_signals=tuple(raw["mofa_signals"]),
        title_suffix=re.compile(raw["title_suffix_pattern"], flags),
        briefing_header=re.compile(raw["briefing_header_pattern"], flags | re.DOTALL),
        footnote_continuations=tuple(raw["footnote_continuations"]),
        abbreviations=frozenset(raw["abbreviations"]),
        stopwords_en=frozenset(raw["stopwords_en"]),
        boilerplate=tuple(re.compile(p, flags) for p in raw["boilerplate_patterns"]),
        signature=re.compile(raw["signature_pattern"], flags),
        archive_stamp=re.compile(raw["archive_stamp_pattern"]),
        republisher_header=re.compile(raw["republisher_header_pattern"]),
        source_lines=frozenset(line_key(x) for x in raw["source_lines"]),
        source_line=re.compile(raw["source_line_pattern"]),
        caption_credit=re.compile(raw["caption_credit_pattern"], flags),
        ko_furniture=tuple(re.compile(p, flags) for p in ko["furniture_patterns"]),
        ko_widgets=tuple(re.compile(p, flags) for p in ko["widget_patterns"]),
        ko_end=tuple(re.compile(p, flags) for p in ko["end_patterns"]),
        ko_drop=tuple(re.compile(p, flags) for p in ko["drop_patterns"]),
        ko_end_mark=re.compile(ko["end_mark_pattern"]),
        ko_greeting=re.compile(ko["greeting_pattern"]),
        ko_section_heading=re.compile(ko["section_heading_pattern"]),
        ko_title_prefix=re.compile(ko["title_prefix_pattern"]),
        ko_opening=re.compile(ko["opening_pattern"]),
        ko_closing=re.compile(ko["closing_pattern"]),
        ko_byline=re.compile(ko["byline_pattern"]),
        ko_news_dateline=re.compile(ko["news_dateline_pattern"]),
    )
