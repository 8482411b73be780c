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


@dataclass(frozen=True)
class Lexicon:
    boards: frozenset[str]
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

    def is_board(self, line: str) -> bool:
        return line_key(line) in self.boards

    def is_nav(self, line: str) -> bool:
        key = line_key(line)
        return key in self.nav_lines or any(p.match(key) for p in self.nav_patterns)

    def is_end(self, line: str) -> bool:
        return line_key(line) in self.end_lines

    def is_field_label(self, line: str) -> bool:
        return line_key(line).rstrip(" :：") in self.field_labels


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon data file (cached: it is immutable)."""
    raw = json.loads(resources.files("pipeline").joinpath("data", "clean_lexicon.json").read_text("utf-8"))
    flags = re.IGNORECASE
    return Lexicon(
        boards=frozenset(line_key(b) for b in raw["boards"]),
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
    )
