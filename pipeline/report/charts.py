"""Static SVG charts for the report, drawn at build time with matplotlib (no JavaScript, readable offline).

Deterministic output: no date in the SVG metadata, a fixed hash salt for element ids, text drawn as paths,
a layout computed from sorted input. Labels come from releases: '$' is escaped so that matplotlib never reads
it as mathtext, and the SVG is shown through <img>, where scripts never run.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

#: Colours per mention kind, shared with the page CSS (report/templates.py).
KIND_COLORS = {"person": "#f4a261", "economy": "#8ecae6", "organization": "#b5e48c", "initiative": "#cdb4db",
               "event": "#ffd166", "location": "#e9c46a", "date": "#d9d9d9"}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]
_RC = {"svg.hashsalt": "mofa-extract", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9,
       "axes.spines.top": False, "axes.spines.right": False}


def label(text: str, width: int = 38) -> str:
    """Short, mathtext-safe label."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("\\", "\\\\").replace("$", r"\$")


def _save(fig: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None, "Creator": "mofa-extract"}, bbox_inches="tight")


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def documents_by_month(months: list[str], categories: list[str], rows: list[list[int]], path: Path) -> None:
    """Stacked bars: documents per month, one colour per category."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(max(4.0, 0.5 * len(months) + 2.5), 3.2)
        ax = fig.add_subplot()
        bottom = [0] * len(months)
        for j, cat in enumerate(categories):
            values = [r[j] for r in rows]
            ax.bar(range(len(months)), values, bottom=bottom, color=PALETTE[j % len(PALETTE)], label=label(cat, 30))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(range(len(months)), [label(m) for m in months], rotation=45 if len(months) > 6 else 0,
                      ha="right" if len(months) > 6 else "center")
        ax.set_ylabel("documents")
        ax.yaxis.get_major_locator().set_params(integer=True)
        if categories:
            ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _save(fig, path)


def horizontal_bars(names: list[str], values: list[int], xlabel: str, path: Path, color: str = "#1f77b4") -> None:
    """Ranked horizontal bars, largest on top."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.0, max(1.6, 0.24 * len(names) + 0.8))
        ax = fig.add_subplot()
        ys = list(range(len(names)))[::-1]
        ax.barh(ys, values, color=color)
        ax.set_yticks(ys, [label(n) for n in names])
        ax.set_xlabel(xlabel)
        ax.xaxis.get_major_locator().set_params(integer=True)
        _save(fig, path)


def spring_layout(n: int, edges: list[tuple[int, int, float]], iterations: int = 300) -> list[tuple[float, float]]:
    """Fruchterman-Reingold layout from a circle (deterministic: no random start)."""
    if n == 0:
        return []
    pos = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
    if n == 1:
        return [(0.0, 0.0)]
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = max(math.hypot(dx, dy), 1e-3)
                f = k * k / d
                disp[i][0] += dx / d * f
                disp[i][1] += dy / d * f
                disp[j][0] -= dx / d * f
                disp[j][1] -= dy / d * f
        for i, j, w in edges:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = max(math.hypot(dx, dy), 1e-3)
            f = d * d / k * (1 + math.log1p(w))
            disp[i][0] -= dx / d * f
            disp[i][1] -= dy / d * f
            disp[j][0] += dx / d * f
            disp[j][1] += dy / d * f
        for i in range(n):
            dx, dy = disp[i]
            d = max(math.hypot(dx, dy), 1e-9)
            step = min(d, temp)
            pos[i][0] += dx / d * step - 0.01 * pos[i][0]  # gentle pull to the centre keeps components close
            pos[i][1] += dy / d * step - 0.01 * pos[i][1]
        temp *= 0.985
    return [(round(x, 6), round(y, 6)) for x, y in pos]


def network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], path: Path, max_nodes: int = 40) -> None:
    """Co-mention network of economies (blue) and initiatives (purple); width ~ sentences shared."""
    import matplotlib

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
    with matplotlib.rc_context(_RC):
        fig = _figure(8.0, 6.0)
        ax = fig.add_subplot()
        ax.set_axis_off()
        top = max((w for _, _, w in kept_edges), default=1.0)
        for i, j, w in kept_edges:
            ax.plot([pos[i][0], pos[j][0]], [pos[i][1], pos[j][1]], color="#888888", alpha=0.5,
                    linewidth=0.6 + 3.0 * w / top, zorder=1)
        for key, (x, y) in zip(keep, pos, strict=True):
            nd = info[key]
            color = KIND_COLORS["economy"] if key[0] == "economy" else KIND_COLORS["initiative"]
            size = 80 + 40 * math.sqrt(max(nd["mentions"], 1))
            marker = "o" if key[0] == "economy" else "s"
            ax.scatter([x], [y], s=size, color=color, edgecolors="#333333", linewidths=0.6, marker=marker, zorder=2)
            name = nd["id"] if key[0] == "economy" else nd["name"]
            ax.annotate(label(name, 28), (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                        fontsize=7, zorder=3)
        ax.scatter([], [], marker="o", color=KIND_COLORS["economy"], edgecolors="#333333", label="economy")
        ax.scatter([], [], marker="s", color=KIND_COLORS["initiative"], edgecolors="#333333", label="initiative")
        ax.legend(frameon=False, loc="lower right", fontsize=8)
        ax.margins(0.12)
        _save(fig, path)
