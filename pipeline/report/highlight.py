"""Render a document's text with its annotations (paragraphs, claim parts, mentions) as escaped HTML.

Annotations may overlap or cross (a claim's content holds mentions; a person mention can hold an economy);
HTML needs well-nested tags, so the text is cut at every span boundary and the open tags are diffed from one
piece to the next: a span crossing another is closed and re-opened, never mis-nested. Every piece of text
goes through ``markupsafe.escape``: markup in a release shows as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Layers from outermost to innermost.
PARAGRAPH, CLAIM, MENTION = 0, 1, 2


@dataclass(frozen=True)
class Span:
    """One annotation to draw: ``tag`` with ``attrs`` over text[start:end]; ``label`` is appended where the span
    really ends, ``anchor`` (an element id) is put on its first piece only."""

    start: int
    end: int
    layer: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    label: str | None = None
    anchor: str | None = None


def _open(span: Span, first: bool) -> str:
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in span.attrs)
    if first and span.anchor:
        attrs += f' id="{escape(span.anchor)}"'
    return f"<{span.tag}{attrs}>"


def _close(span: Span, final: bool) -> str:
    label = f'<span class="label">{escape(span.label)}</span>' if final and span.label else ""
    return f"{label}</{span.tag}>"


def render(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with ``spans`` drawn as well-nested elements. Empty or out-of-range spans are skipped."""
    valid = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)},
                   key=lambda s: (s.layer, s.start, -s.end, s.tag, s.attrs, s.label or "", s.anchor or ""))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for a, b in itertools.pairwise(cuts):
        active = [s for s in valid if s.start <= a and b <= s.end]  # already ordered outermost first
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            out.append(_close(s, final=s.end <= a))
        stack = stack[:keep]
        for s in active[keep:]:
            out.append(_open(s, first=s not in opened))
            opened.add(s)
            stack.append(s)
        out.append(str(escape(text[a:b])))
    for s in reversed(stack):
        out.append(_close(s, final=True))
    return Markup("".join(out))
