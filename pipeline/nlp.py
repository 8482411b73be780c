"""Build the spaCy pipeline from ``pipeline.cfg``: the trained model plus the project's components."""

from __future__ import annotations

from typing import Any

import spacy
from confection import Config
from spacy.language import Language

import pipeline.components  # noqa: F401  (registers factories and Doc extensions)
from pipeline.config import load_config


def build_nlp(model: str | None = None, config: Config | None = None) -> Language:
    """Load ``model`` (default: the config's) and add the project's components as configured.

    Placement keys ``before``/``after``/``first``/``last`` fall back to the end of the pipeline when the
    named trained component is absent (e.g. a model without a parser)."""
    cfg = config or load_config()
    nlp = spacy.load(model or cfg["nlp"]["model"], exclude=list(cfg["nlp"].get("exclude", [])))
    if cfg["nlp"].get("fast_attribute_ruler", False):
        use_fast_attribute_ruler(nlp)
    for name in cfg["nlp"]["components"]:
        section: dict[str, Any] = dict(cfg["components"][name])
        factory = section.pop("factory")
        placement = {k: section.pop(k) for k in ("before", "after", "first", "last") if k in section}
        for key in ("before", "after"):
            if key in placement and placement[key] not in nlp.pipe_names:
                placement.pop(key)
        nlp.add_pipe(factory, name=name, config=section, **placement)
    return nlp


def use_fast_attribute_ruler(nlp: Language) -> None:
    """Swap the trained ``attribute_ruler`` for :class:`FastAttributeRuler` holding the same patterns (same
    annotations, a fraction of the cost); a model without an attribute ruler is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names or nlp.get_pipe_meta("attribute_ruler").factory != "attribute_ruler":
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    fast = nlp.replace_pipe("attribute_ruler", "mofa_attribute_ruler")
    fast.add_patterns(patterns)
