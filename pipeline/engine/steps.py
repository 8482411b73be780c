"""The engine's one door to the stages and the outputs: every entry point the engine calls, by name.

The engine (``run``, ``parallel``, ``settings``) sits under the stages (they import its ids, settings, cache and
atomic writes), yet it must call them; it does so only through this module, never by importing
``pipeline.stages.*`` or ``pipeline.outputs.*`` itself. Each name is imported from its stage when it is first
asked for (``from pipeline.engine.steps import CorpusWriter``), so that a no-change re-run never pays for spaCy
or pyarrow; a name is looked up in its stage's module on every import (a test that patches the stage is seen).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.outputs.publish import publish
    from pipeline.stages.clean import Rejected, clean_bytes
    from pipeline.stages.clean.registry import DEFAULT_MAX_BYTES, CleanSettings
    from pipeline.stages.extract import extract_all
    from pipeline.stages.nlp import build_nlp
    from pipeline.stages.read import HIDDEN_FILE, HIDDEN_FOLDER, RawInput, Unreadable, discover, read_input
    from pipeline.stages.validate import validate_result
    from pipeline.stages.write import CorpusWriter

#: name -> the module that defines it, in the order of a run
ENTRY_POINTS: dict[str, str] = {
    **dict.fromkeys(("HIDDEN_FILE", "HIDDEN_FOLDER", "RawInput", "Unreadable", "discover", "read_input"),
                    "pipeline.stages.read"),
    "Rejected": "pipeline.stages.clean",
    "clean_bytes": "pipeline.stages.clean",
    "CleanSettings": "pipeline.stages.clean.registry",
    "DEFAULT_MAX_BYTES": "pipeline.stages.clean.registry",
    "build_nlp": "pipeline.stages.nlp",
    "extract_all": "pipeline.stages.extract",
    "validate_result": "pipeline.stages.validate",
    "CorpusWriter": "pipeline.stages.write",
    "publish": "pipeline.outputs.publish",
}

__all__ = [  # the names of ENTRY_POINTS (a literal, so that tools see the imports above as used)
    "DEFAULT_MAX_BYTES",
    "HIDDEN_FILE",
    "HIDDEN_FOLDER",
    "CleanSettings",
    "CorpusWriter",
    "RawInput",
    "Rejected",
    "Unreadable",
    "build_nlp",
    "clean_bytes",
    "discover",
    "extract_all",
    "publish",
    "read_input",
    "validate_result",
]
assert set(__all__) == set(ENTRY_POINTS)


def __getattr__(name: str) -> Any:
    try:
        module = ENTRY_POINTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), name)
