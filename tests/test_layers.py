"""The layout's layers, checked on the source (README "How it works"): which folder may import which.

schemas <- engine <- components <- stages, ko <- outputs <- tools, cli: each layer imports only the layers to
its left (and itself); the engine calls the stages and outputs only through ``pipeline/engine/steps.py``, and the
outputs use one name of the write stage (``arrow_schema``, the tables' Arrow types). Imports made when a module
is loaded form no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: layer -> the layers its modules may import (besides itself; the package root ``pipeline`` gives __version__)
ALLOWED = {
    "schemas": set(),
    "engine": {"schemas"},
    "components": {"engine", "schemas"},
    "stages": {"components", "ko", "engine", "schemas"},
    "ko": {"components", "stages", "engine", "schemas"},
    "outputs": {"engine", "schemas"},
    "tools": {"stages", "outputs", "components", "ko", "engine", "schemas"},
    "top": {"tools", "stages", "outputs", "components", "ko", "engine", "schemas"},
}
DOOR = "pipeline.engine.steps"  # the engine's one door to the stages and outputs


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for folder in ("pipeline", "schemas") for p in sorted((ROOT / folder).rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "schemas":
        return "schemas"
    return "top" if len(parts) == 1 or parts[1] in ("cli", "__main__") else parts[1]


def imports(module: str, load_time_only: bool = False) -> set[tuple[str, str | None]]:
    """(module, name) of every project import of ``module``: all of them, or only those run when it is loaded
    (the module body, not functions or ``if TYPE_CHECKING``)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[tuple[str, str | None]] = set()
    for node in (tree.body if load_time_only else ast.walk(tree)):
        if isinstance(node, ast.Import):
            found |= {(a.name, None) for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add((sub, None) if sub in MODULES else (node.module, a.name))
    return {(m, n) for m, n in found if m in MODULES and m != module}


def test_every_folder_is_a_layer():
    assert {layer(m) for m in MODULES} == set(ALLOWED)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module):
    mine = layer(module)
    wrong = []
    for target, name in sorted(imports(module), key=str):
        theirs = layer(target)
        if theirs in (mine, *ALLOWED[mine]) or target == "pipeline":
            continue
        if module == DOOR and theirs in ("stages", "outputs"):
            continue
        if mine == "outputs" and (target, name) == ("pipeline.stages.write", "arrow_schema"):
            continue
        wrong.append(f"{target}" + (f".{name}" if name else ""))
    assert not wrong, f"{module} ({mine}) imports {wrong}"


def test_the_door_names_entry_points_that_exist():
    from pipeline.engine import steps

    for name in steps.ENTRY_POINTS:
        assert getattr(steps, name) is not None
    with pytest.raises(AttributeError):
        _ = steps.no_such_step


def test_load_time_imports_have_no_cycle():
    graph = {m: {t for t, _ in imports(m, load_time_only=True)} for m in MODULES}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append([*path[path.index(t):], t])
            elif t not in state:
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles
