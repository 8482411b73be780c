"""Build Docs for claim tests: real parse, hand-set mentions (so the tests do not depend on the entity
components), paragraphs split on blank lines (a paragraph starting with '*' or '※' is a footnote)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.engine import ids
from pipeline.stages.extract import make_doc
from schemas.models import CleanDocument, Paragraph, Person

SKIP = ("mofa_entities", "mofa_claims")


def clean_doc(text: str, sections: list[str] | None = None) -> CleanDocument:
    """``sections``: the section of each paragraph (default: body, or footnote after a note marker)."""
    paras, pos = [], 0
    for i, chunk in enumerate(text.split("\n\n")):
        section = "footnote" if chunk.lstrip().startswith(("*", "※")) else "body"
        if sections:
            section = sections[i]
        paras.append(Paragraph(paragraph_id=i, section=section, start=pos, end=pos + len(chunk)))
        pos += len(chunk) + 2
    return CleanDocument(doc_id=ids.doc_id(None, text), source="t.txt", sha256="0", input_format="text",
                         title="t", language="en", text=text, paragraphs=paras)


def parse(nlp: Language, text: str, mentions: dict[str, tuple[str, str]],
          people: dict[str, list[str]] | None = None, sections: list[str] | None = None) -> Doc:
    """``mentions``: surface text -> (kind, entity id), every occurrence (longest first, no overlaps);
    ``people``: person_id -> titles; ``sections``: see :func:`clean_doc`. Runs every pipe but the entity and
    claim components."""
    doc = make_doc(nlp, clean_doc(text, sections))
    for name, proc in nlp.pipeline:
        if name not in SKIP:
            doc = proc(doc)
    spans, taken = [], set()
    for surface in sorted(mentions, key=len, reverse=True):
        kind, eid = mentions[surface]
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), label=kind, kb_id=eid, alignment_mode="expand")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                spans.append(span)
    doc.spans["mofa"] = spans
    persons = {pid: Person(person_id=pid, name=pid.split(":", 1)[1].replace("-", " ").title(), titles=titles)
               for pid, titles in (people or {}).items()}
    doc._.mofa_entities = {"person": persons}
    return nlp.get_pipe("mofa_claims")(doc)


def show(doc: Doc) -> list[tuple[str, str | None, str, str, str]]:
    """(speaker_kind, speaker_id, speaker_text, cue, content) per claim, for readable assertions."""
    return [(c.speaker_kind, c.speaker_id, c.speaker_text, c.cue, c.content) for c in doc._.mofa_claims]
