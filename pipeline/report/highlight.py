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
    """``text`` as HTML with ``spans`` drawn as well-nested elements. Empty or out-of-range spans are skipped.

    One sweep over the cuts: the spans covering a piece are those started at or before its cut and not yet
    ended, kept as indices into the drawing order (so each piece costs its active spans, not all spans)."""
    valid = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)},
                   key=lambda s: (s.layer, s.start, -s.end, s.tag, s.attrs, s.label or "", s.anchor or ""))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(valid):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    out: list[str] = []
    stack: list[int] = []
    current: set[int] = set()
    opened: set[int] = set()
    for a, b in itertools.pairwise(cuts):
        current.difference_update(ends.get(a, ()))
        current.update(starts.get(a, ()))
        active = sorted(current)  # outermost first: the drawing order
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            out.append(_close(valid[i], final=valid[i].end <= a))
        stack = stack[:keep]
        for i in active[keep:]:
            out.append(_open(valid[i], first=i not in opened))
            opened.add(i)
            stack.append(i)
        out.append(str(escape(text[a:b])))
    for i in reversed(stack):
        out.append(_close(valid[i], final=True))
    return Markup("".join(out))
