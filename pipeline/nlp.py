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
    for name in cfg["nlp"]["components"]:
        section: dict[str, Any] = dict(cfg["components"][name])
        factory = section.pop("factory")
        placement = {k: section.pop(k) for k in ("before", "after", "first", "last") if k in section}
        for key in ("before", "after"):
            if key in placement and placement[key] not in nlp.pipe_names:
                placement.pop(key)
        nlp.add_pipe(factory, name=name, config=section, **placement)
    return nlp
