"""Static SVG charts for the report, drawn at build time with matplotlib (no JavaScript, readable offline).

Deterministic output: no date in the SVG metadata, a fixed hash salt for element ids, a layout computed from
sorted input. Text stays text (``svg.fonttype: none``, XML-escaped by matplotlib): smaller, searchable files.
Labels come from releases: '$' is escaped so that matplotlib never reads it as mathtext, and the SVG is shown
through <img>, where scripts never run.
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
_RC = {"svg.hashsalt": "mofa-extract", "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9,
       "axes.spines.top": False, "axes.spines.right": False}


def label(text: str, width: int = 38) -> str:
    """Short, mathtext-safe label."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("$", r"\$")


def _save(fig: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None, "Creator": "mofa-extract"})


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


def network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], path: Path, max_nodes: int = 40) -> None:
    """Co-mention network of economies (blue) and initiatives (purple); width ~ sentences shared."""
    import matplotlib
    from matplotlib.collections import LineCollection

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
        ax.add_collection(LineCollection([[pos[i], pos[j]] for i, j, _ in kept_edges], colors="#888888", alpha=0.45,
                                         linewidths=[0.5 + 2.5 * w / top for _, _, w in kept_edges], zorder=1))
        for kind, marker in (("economy", "o"), ("initiative", "s")):
            idx = [n for n, key in enumerate(keep) if key[0] == kind]
            ax.scatter([pos[n][0] for n in idx], [pos[n][1] for n in idx], marker=marker, zorder=2,
                       s=[80 + 40 * math.sqrt(max(info[keep[n]]["mentions"], 1)) for n in idx],
                       color=KIND_COLORS[kind], edgecolors="#333333", linewidths=0.6, label=kind)
        for key, (x, y) in zip(keep, pos, strict=True):
            name = key[1] if key[0] == "economy" else info[key]["name"]
            ax.annotate(label(name, 28), (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                        fontsize=7, zorder=3)
        ax.legend(frameon=False, loc="lower right", fontsize=8, markerscale=0.6)
        ax.margins(0.12)
        _save(fig, path)
