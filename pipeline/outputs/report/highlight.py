"""Render a document's text with its annotations (paragraphs, claim parts, mentions) as escaped HTML.

Annotations may overlap or cross (a claim's content holds mentions; a person mention can hold an economy);
HTML needs well-nested tags, so the text is cut at every span boundary and the open tags are diffed from one
piece to the next: a span crossing another is closed and re-opened, never mis-nested. Every piece of text
is escaped as ``markupsafe.escape`` would: markup in a release shows as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import NamedTuple

from markupsafe import Markup

#: Layers from outermost to innermost.
PARAGRAPH, CLAIM, MENTION = 0, 1, 2


class Span(NamedTuple):
    """One annotation to draw: ``tag`` with ``attrs`` over text[start:end]; ``label`` is appended where the span
    really ends, ``anchor`` (an element id) is put on its first piece only. A NamedTuple (immutable, hashable)
    because a page builds hundreds: a frozen dataclass costs several times more to create and hash."""

    start: int
    end: int
    layer: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    label: str | None = None
    anchor: str | None = None


def escape_text(text: str) -> str:
    """``markupsafe.escape(text)`` as a plain str (same five replacements, same entities), without building a
    Markup object per piece: a page has thousands of pieces."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    return text


def escaped_pieces(text: str, cuts: list[int]) -> list[str]:
    """``escape_text(text[a:b])`` for each pair of successive ``cuts``, escaped in one call over the pieces
    joined by a NUL (cleaned text has none; if it does, piece by piece): a page has hundreds of pieces."""
    pieces = [text[a:b] for a, b in itertools.pairwise(cuts)]
    if "\0" in text:
        return [escape_text(p) for p in pieces]
    return escape_text("\0".join(pieces)).split("\0")


def _open(span: Span, first: bool) -> str:
    attrs = "".join(f' {k}="{escape_text(v)}"' for k, v in span.attrs)
    if first and span.anchor:
        attrs += f' id="{escape_text(span.anchor)}"'
    return f"<{span.tag}{attrs}>"


def _close(span: Span, final: bool) -> str:
    label = f'<span class="label">{escape_text(span.label)}</span>' if final and span.label else ""
    return f"{label}</{span.tag}>"


def render(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with ``spans`` drawn as well-nested elements. Empty or out-of-range spans are skipped.

    One sweep over the cuts: the spans covering a piece are those started at or before its cut and not yet
    ended, kept as indices into the drawing order (so each piece costs its active spans, not all spans), with
    a fast path for the usual well-nested cut. Each span's tags are built once, not once per piece."""
    valid = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)},
                   key=lambda s: (s.layer, s.start, -s.end, s.tag, s.attrs, s.label or "", s.anchor or ""))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(valid):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    tags: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}  # one entity's mentions share their tag
    open_again = [tags.get((s.tag, s.attrs)) or tags.setdefault((s.tag, s.attrs), _open(s, False)) for s in valid]
    open_first = [_open(s, True) if s.anchor else open_again[i] for i, s in enumerate(valid)]
    close_final = [_close(s, True) for s in valid]
    close_cut = [f"</{s.tag}>" for s in valid]
    span_end = [s.end for s in valid]
    out: list[str] = []
    stack: list[int] = []  # the open spans, always sorted: the drawing order of the spans covering the piece
    opened = [False] * len(valid)
    none: list[int] = []
    pieces = escaped_pieces(text, cuts)
    for n, a in enumerate(cuts[:-1]):
        ending, starting = ends.get(a, none), starts.get(a, none)
        k = len(ending)
        if stack[len(stack) - k:] == ending and (not starting or len(stack) == k or starting[0] > stack[-k - 1]):
            # the common case: the spans ending here are the innermost open ones, the spans starting here go
            # inside every span still open; close and open just those (what the general diff below gives)
            for i in reversed(ending):
                out.append(close_final[i])
            del stack[len(stack) - k:]
            active_new: Iterable[int] = starting
        else:
            active = sorted(set(stack).difference(ending).union(starting))
            keep = 0
            limit = min(len(stack), len(active))
            while keep < limit and stack[keep] == active[keep]:
                keep += 1
            for i in reversed(stack[keep:]):
                out.append(close_final[i] if span_end[i] <= a else close_cut[i])
            del stack[keep:]
            active_new = active[keep:]
        for i in active_new:
            out.append(open_again[i] if opened[i] else open_first[i])
            opened[i] = True
            stack.append(i)
        out.append(pieces[n])
    for i in reversed(stack):
        out.append(close_final[i])
    return Markup("".join(out))
