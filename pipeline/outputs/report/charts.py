"""Static SVG charts for the report, written as plain SVG text at build time (no JavaScript, readable offline).

Why not a plotting library: the charts are three simple kinds (stacked bars, ranked bars, a node-link drawing),
and matplotlib cost about a second per cold build (0.5 s to import, ~0.1-0.3 s a chart) against a few
milliseconds here. Output is deterministic (coordinates rounded to 0.01, input order fixed by the caller) and
every label is XML-escaped text (searchable, never markup; the SVG is shown through <img>, where scripts never
run). Text widths are estimated from per-character classes of DejaVu Sans, enough to size margins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Colours per mention kind, shared with the page CSS (report/templates.py).
KIND_COLORS = {"person": "#f4a261", "economy": "#8ecae6", "organization": "#b5e48c", "initiative": "#cdb4db",
               "event": "#ffd166", "location": "#e9c46a", "date": "#d9d9d9"}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]
FONT = "'DejaVu Sans', Verdana, Arial, sans-serif"
#: Font size of tick labels and axis labels, in SVG user units (1 unit = 1 pt at the natural size).
SIZE = 9.0
AXIS = "#333333"

_NARROW = set("ijlI.,:;'|!()[]{} -/`\\")
_SMALL = set("frt\"*")
_WIDE = set("mwMW@%&")


def label(text: str, width: int = 38) -> str:
    """Short one-line label (whitespace folded, cut to ``width`` characters with an ellipsis)."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text


def text_width(text: str, size: float = SIZE) -> float:
    """Estimated rendered width of ``text`` at ``size`` (DejaVu Sans-like proportions)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.32
        elif ch in _SMALL:
            em += 0.42
        elif ch in _WIDE:
            em += 0.92
        elif ch.isupper() or ch.isdigit():
            em += 0.68
        else:
            em += 0.6
    return em * size


def esc(text: str) -> str:
    """XML-escaped text or attribute value."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def num(x: float) -> str:
    """A coordinate as short, deterministic text."""
    out = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def nice_ticks(top: float, most: int = 6) -> list[int]:
    """Integer axis ticks from 0 covering ``top`` with a 1/2/5 x 10^k step, at most ``most`` + 1 of them."""
    top = max(float(top), 1.0)
    step = 1
    while True:
        for m in (1, 2, 5):
            s = m * step
            if math.ceil(top / s) <= most:
                return list(range(0, s * math.ceil(top / s) + 1, s))
        step *= 10


def _text(x: float, y: float, text: str, size: float = SIZE, anchor: str = "start", extra: str = "") -> str:
    a = "" if anchor == "start" else f' text-anchor="{anchor}"'
    s = "" if size == SIZE else f' font-size="{num(size)}"'
    return f'<text x="{num(x)}" y="{num(y)}"{a}{s}{extra}>{esc(text)}</text>'


def _document(width: float, height: float, title: str, body: Sequence[str]) -> str:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{num(width)}pt" height="{num(height)}pt" '
            f'viewBox="0 0 {num(width)} {num(height)}" font-family="{esc(FONT)}" font-size="{num(SIZE)}" '
            f'fill="{AXIS}">\n<title>{esc(title)}</title>\n'
            f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>\n')
    return head + "\n".join(body) + "\n</svg>\n"


def _save(path: Path, svg: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")


def documents_by_month_svg(months: list[str], categories: list[str], rows: list[list[int]]) -> str:
    """Stacked bars: documents per month, one colour per category (legend on the right)."""
    rotate = len(months) > 6
    xlabels = [label(m) for m in months]
    cats = [label(c, 30) for c in categories]
    totals = [sum(r) for r in rows]
    ticks = nice_ticks(max(totals, default=1))
    tick_w = max((text_width(str(t)) for t in ticks), default=0.0)
    left = tick_w + 30.0  # tick labels, tick marks and the rotated axis label
    legend_w = (max((text_width(c, 8.0) for c in cats), default=0.0) + 26.0) if cats else 0.0
    longest = max((text_width(x) for x in xlabels), default=0.0)
    bottom = (longest * 0.71 + 16.0) if rotate else 22.0
    width = max(4.0 * 72, (0.5 * len(months) + 2.5) * 72, left + legend_w + 24.0 * max(len(months), 1) + 10.0)
    legend_h = 14.0 * len(cats) + 10.0
    height = max(3.2 * 72, legend_h + 10.0)
    top_y, bottom_y = 10.0, height - bottom
    x0, x1 = left, width - legend_w - 8.0
    slot = (x1 - x0) / max(len(months), 1)
    scale = (bottom_y - top_y) / ticks[-1]
    body: list[str] = []
    for t in ticks:
        y = bottom_y - t * scale
        body.append(f'<line x1="{num(x0 - 3.5)}" y1="{num(y)}" x2="{num(x0)}" y2="{num(y)}" stroke="{AXIS}" '
                    'stroke-width="0.8"/>')
        body.append(_text(x0 - 6.0, y + 3.2, str(t), anchor="end"))
    for j, cat in enumerate(categories):
        color = PALETTE[j % len(PALETTE)]
        bars = []
        for i, r in enumerate(rows):
            if not r[j]:
                continue
            below = sum(r[:j])
            y, h = bottom_y - (below + r[j]) * scale, r[j] * scale
            bars.append(f'<rect x="{num(x0 + slot * (i + 0.1))}" y="{num(y)}" width="{num(slot * 0.8)}" '
                        f'height="{num(h)}"><title>{esc(months[i])} · {esc(cat)}: {r[j]}</title></rect>')
        if bars:
            body.append(f'<g fill="{color}">' + "".join(bars) + "</g>")
    for i, x in enumerate(xlabels):
        cx = x0 + slot * (i + 0.5)
        body.append(f'<line x1="{num(cx)}" y1="{num(bottom_y)}" x2="{num(cx)}" y2="{num(bottom_y + 3.5)}" '
                    f'stroke="{AXIS}" stroke-width="0.8"/>')
        if rotate:
            y = bottom_y + 12.0
            body.append(_text(cx + 3.0, y, x, anchor="end", extra=f' transform="rotate(-45 {num(cx + 3.0)} {num(y)})"'))
        else:
            body.append(_text(cx, bottom_y + 14.0, x, anchor="middle"))
    body.append(f'<path d="M{num(x0)} {num(top_y)}V{num(bottom_y)}H{num(x1)}" fill="none" stroke="{AXIS}" '
                'stroke-width="0.8"/>')
    cy = (top_y + bottom_y) / 2
    body.append(_text(10.0, cy, "documents", anchor="middle", extra=f' transform="rotate(-90 10 {num(cy)})"'))
    for j, cat in enumerate(cats):
        y = top_y + 14.0 * j
        body.append(f'<rect x="{num(x1 + 10.0)}" y="{num(y)}" width="10" height="7" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"/>')
        body.append(_text(x1 + 24.0, y + 7.0, cat, size=8.0))
    return _document(width, height, "Documents by month and category", body)


def documents_by_month(months: list[str], categories: list[str], rows: list[list[int]], path: Path) -> None:
    """Write :func:`documents_by_month_svg` to ``path``."""
    _save(path, documents_by_month_svg(months, categories, rows))


def horizontal_bars_svg(names: list[str], values: list[int], xlabel: str, color: str = "#1f77b4") -> str:
    """Ranked horizontal bars, first name on top, each bar with its value at its end."""
    labels = [label(n) for n in names]
    ticks = nice_ticks(max(values, default=1))
    width = 6.0 * 72
    height = max(1.6, 0.24 * len(names) + 0.8) * 72
    left = max((text_width(t) for t in labels), default=0.0) + 12.0
    top_y, bottom_y = 6.0, height - 32.0
    x0 = left
    x1 = width - 10.0 - text_width(str(ticks[-1])) / 2
    row = (bottom_y - top_y) / max(len(names), 1)
    scale = (x1 - x0) / ticks[-1]
    body: list[str] = []
    bars = []
    for i, (name, v) in enumerate(zip(labels, values, strict=True)):
        y = top_y + row * (i + 0.1)
        bars.append(f'<rect x="{num(x0)}" y="{num(y)}" width="{num(v * scale)}" height="{num(row * 0.8)}">'
                    f"<title>{esc(name)}: {v}</title></rect>")
    body.append(f'<g fill="{esc(color)}">' + "".join(bars) + "</g>")
    for i, (name, v) in enumerate(zip(labels, values, strict=True)):
        cy = top_y + row * (i + 0.5)
        body.append(_text(x0 - 6.0, cy + 3.2, name, anchor="end"))
        inside = v * scale > text_width(str(v), 7.5) + 6.0
        vx = x0 + v * scale + (-3.0 if inside else 3.0)
        body.append(_text(vx, cy + 2.7, str(v), size=7.5, anchor="end" if inside else "start",
                          extra=' fill="#ffffff"' if inside else ""))
    for t in ticks:
        x = x0 + t * scale
        body.append(f'<line x1="{num(x)}" y1="{num(bottom_y)}" x2="{num(x)}" y2="{num(bottom_y + 3.5)}" '
                    f'stroke="{AXIS}" stroke-width="0.8"/>')
        body.append(_text(x, bottom_y + 13.0, str(t), anchor="middle"))
    body.append(f'<path d="M{num(x0)} {num(top_y)}V{num(bottom_y)}H{num(x1)}" fill="none" stroke="{AXIS}" '
                'stroke-width="0.8"/>')
    body.append(_text((x0 + x1) / 2, bottom_y + 26.0, xlabel, anchor="middle"))
    return _document(width, height, f"{xlabel} by name", body)


def horizontal_bars(names: list[str], values: list[int], xlabel: str, path: Path, color: str = "#1f77b4") -> None:
    """Write :func:`horizontal_bars_svg` to ``path``."""
    _save(path, horizontal_bars_svg(names, values, xlabel, color))


def spring_layout(n: int, edges: list[tuple[int, int, float]], iterations: int = 300) -> list[tuple[float, float]]:
    """Fruchterman-Reingold layout from a circle (deterministic: no random start), vectorised with numpy."""
    import numpy as np

    if n == 0:
        return []
    if n == 1:
        return [(0.0, 0.0)]
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    weight = np.zeros((n, n))
    for i, j, w in edges:
        weight[i, j] = weight[j, i] = 1 + np.log1p(w)
    k = np.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 1e-3)
        force = k * k / dist - weight * dist * dist / k  # repulsion between all, attraction along edges
        np.fill_diagonal(force, 0.0)
        disp = (delta / dist[..., None] * force[..., None]).sum(axis=1)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None] - 0.01 * pos  # pull keeps parts close
        temp *= 0.985
    return [(round(float(x), 6), round(float(y), 6)) for x, y in pos]


def network_svg(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], max_nodes: int = 40) -> str:
    """Co-mention network of economies (blue circles) and initiatives (purple squares); line width grows with
    the sentences shared, node area with mentions. The ``max_nodes`` most connected nodes are drawn."""
    degree: dict[tuple[str, str], int] = {}
    for e in edges:
        for end in (e["a"], e["b"]):
            degree[tuple(end)] = degree.get(tuple(end), 0) + e["weight"]
    ranked = sorted(nodes, key=lambda nd: (-degree.get((nd["kind"], nd["id"]), 0), -nd["mentions"], nd["kind"],
                                            nd["id"]))[:max_nodes]
    keep = sorted((nd["kind"], nd["id"]) for nd in ranked)
    where = {key: i for i, key in enumerate(keep)}
    info = {(nd["kind"], nd["id"]): nd for nd in nodes}
    kept_edges = [(where[tuple(e["a"])], where[tuple(e["b"])], float(e["weight"])) for e in edges
                  if tuple(e["a"]) in where and tuple(e["b"]) in where]
    pos = spring_layout(len(keep), kept_edges)
    width, height = 8.0 * 72, 6.0 * 72
    pad_x, pad_top, pad_bottom = 60.0, 26.0, 20.0
    xs, ys = [p[0] for p in pos] or [0.0], [p[1] for p in pos] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def at(p: tuple[float, float]) -> tuple[float, float]:
        x = pad_x + (p[0] - min(xs)) / span_x * (width - 2 * pad_x) if max(xs) > min(xs) else width / 2
        y = pad_top + (max(ys) - p[1]) / span_y * (height - pad_top - pad_bottom) if max(ys) > min(ys) else height / 2
        return x, y

    xy = [at(p) for p in pos]
    top = max((w for _, _, w in kept_edges), default=1.0)
    body = ['<g stroke="#888888" stroke-opacity="0.45" stroke-linecap="round">']
    for i, j, w in kept_edges:
        body.append(f'<line x1="{num(xy[i][0])}" y1="{num(xy[i][1])}" x2="{num(xy[j][0])}" y2="{num(xy[j][1])}" '
                    f'stroke-width="{num(0.5 + 2.5 * w / top)}"/>')
    body.append("</g>")
    # marker area grows with the square root of mentions (as matplotlib's scatter sizes, in pt^2)
    sides = [math.sqrt(80 + 40 * math.sqrt(max(info[key]["mentions"], 1))) for key in keep]
    body.append('<g stroke="#333333" stroke-width="0.6">')
    for n, key in enumerate(keep):
        x, y = xy[n]
        side = sides[n]
        name = key[1] if key[0] == "economy" else info[key]["name"]
        tip = f"<title>{esc(name)}: {info[key]['mentions']} mentions</title>"
        if key[0] == "economy":
            body.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(side / 2)}" '
                        f'fill="{KIND_COLORS["economy"]}">{tip}</circle>')
        else:
            body.append(f'<rect x="{num(x - side / 2)}" y="{num(y - side / 2)}" width="{num(side)}" '
                        f'height="{num(side)}" fill="{KIND_COLORS["initiative"]}">{tip}</rect>')
    body.append("</g>")
    for n, key in enumerate(keep):
        x, y = xy[n]
        name = key[1] if key[0] == "economy" else info[key]["name"]
        body.append(_text(x, y - sides[n] / 2 - 2.5, label(name, 28), size=7.0, anchor="middle"))
    lx, ly = width - 80.0, height - 30.0
    body.append(f'<circle cx="{num(lx)}" cy="{num(ly)}" r="4.5" fill="{KIND_COLORS["economy"]}" stroke="#333333" '
                'stroke-width="0.6"/>')
    body.append(_text(lx + 10.0, ly + 3.0, "economy", size=8.0))
    body.append(f'<rect x="{num(lx - 4.5)}" y="{num(ly + 9.5)}" width="9" height="9" '
                f'fill="{KIND_COLORS["initiative"]}" stroke="#333333" stroke-width="0.6"/>')
    body.append(_text(lx + 10.0, ly + 17.0, "initiative", size=8.0))
    return _document(width, height, "Co-mention network of economies and initiatives", body)


def network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], path: Path, max_nodes: int = 40) -> None:
    """Write :func:`network_svg` to ``path``."""
    _save(path, network_svg(nodes, edges, max_nodes))
