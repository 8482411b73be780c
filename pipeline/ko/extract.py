"""The Korean extraction entry: a Korean CleanDocument in, the same DocResult as the English path out.

:func:`extract_korean` is pure apart from the pipeline object (built once per process by :func:`get_ko_nlp`), so
the batch can call it per document exactly where it calls the English pipeline. Building the pipeline does not load
kiwi; the first Korean text does (see :mod:`pipeline.ko.tokenizer`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from confection import Config
from spacy.language import Language

import pipeline.components
import pipeline.ko.claims
import pipeline.ko.entities
import pipeline.ko.tokenizer  # noqa: F401  (registers mofa_kiwi_tokenizer.v1)
from pipeline.stages.extract import make_doc, to_result
from schemas.models import CleanDocument, DocResult

KO_CONFIG = Path(__file__).with_name("ko.cfg")
_NLP: Language | None = None
_LOCK = threading.Lock()


def build_ko_nlp(config_path: Path = KO_CONFIG) -> Language:
    """The Korean pipeline of ``ko.cfg`` (tokenizer and components from the registries, typed and validated)."""
    cfg = Config().from_disk(config_path)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)


def get_ko_nlp() -> Language:
    """One Korean pipeline per process, built on first use."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = build_ko_nlp()
    return _NLP


def extract_korean(cdoc: CleanDocument, nlp: Language | None = None) -> DocResult:
    """Extract one Korean document (its ``language`` is set to "ko")."""
    nlp = nlp or get_ko_nlp()
    if cdoc.language != "ko":
        cdoc = cdoc.model_copy(update={"language": "ko"})
    doc = make_doc(nlp, cdoc)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return to_result(cdoc, doc)


def extract_korean_all(cdocs: Iterable[CleanDocument], nlp: Language | None = None) -> Iterator[DocResult]:
    """Stream results, one Doc alive at a time (flat memory, as the English ``extract_all``)."""
    for cdoc in cdocs:
        yield extract_korean(cdoc, nlp)
