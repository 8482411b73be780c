"""Extract stage: CleanDocument -> DocResult through the spaCy pipeline.

The core (:func:`make_doc`, :func:`to_result`, :func:`extract_all`) is pure apart from the nlp object
it is handed; components do the linguistics and leave their results on the Doc (see
:mod:`pipeline.components`); here they are only gathered into typed records.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.structure import SentenceIndex, paragraph_at
from pipeline.engine import ids
from pipeline.ko import route
from schemas import tables as registry
from schemas.models import CleanDocument, DocResult, Mention, Sentence


def make_doc(nlp: Language, cdoc: CleanDocument) -> Doc:
    doc = nlp.make_doc(cdoc.text)
    doc._.mofa_doc_id = cdoc.doc_id
    doc._.mofa_paragraphs = list(cdoc.paragraphs)
    doc._.mofa_published = cdoc.published
    return doc


def to_result(cdoc: CleanDocument, doc: Doc) -> DocResult:
    """Gather the Doc's annotations into table rows (validation happens later, per record)."""
    index = SentenceIndex(doc)
    sentences = []
    for i, sent in enumerate(index.spans):
        para = paragraph_at(cdoc.paragraphs, sent.start_char)
        sentences.append(Sentence(
            doc_id=cdoc.doc_id, sent_id=ids.sent_id(cdoc.doc_id, i),
            paragraph_id=para.paragraph_id if para else 0,
            section=para.section if para else "body",
            start=sent.start_char, end=sent.end_char, text=sent.text,
        ))
    mentions = []
    if "mofa" in doc.spans:
        for span in sorted(doc.spans["mofa"], key=lambda s: (s.start_char, s.end_char, s.label_)):
            start, end = span.start, span.end
            while start < end and doc[start].is_space:  # a paragraph break is never part of a mention
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start == end:
                continue
            trimmed = doc[start:end]
            mentions.append(Mention(
                doc_id=cdoc.doc_id, sent_id=index.sent_id(trimmed.start_char),
                start=trimmed.start_char, end=trimmed.end_char, text=trimmed.text,
                kind=span.label_, entity_id=span.kb_id_,
            ))
    document = cdoc.to_document().model_copy(update={"n_sentences": len(sentences)})
    return registry.build_result(document, {"sentences": sentences, "mentions": mentions, **found_rows(doc)})


def found_rows(doc: Doc) -> dict[str, list]:
    """The finders' records on the Doc, by table (the registry says where each table's rows are left): entity
    records by kind in ``doc._.mofa_entities`` (sorted by id), other lists in their own extension. An entity kind
    without a table is an error, not a silent drop."""
    entities = doc._.mofa_entities or {}
    by_kind = registry.kinds()
    unknown = sorted(set(entities) - set(by_kind))
    if unknown:
        raise registry.UnknownTable(f"entity kind {', '.join(unknown)} has no table in schemas/tables.py")
    rows: dict[str, list] = {}
    for t in registry.stored():
        if t.kind is not None:
            rows[t.name] = sorted(entities.get(t.kind, {}).values(), key=_first_field)
        elif t.found_in is not None:
            rows[t.name] = list(getattr(doc._, t.found_in) or [])
    return rows


def _first_field(record: object) -> str:
    return str(next(iter(record.model_dump().values())))  # type: ignore[attr-defined]


def extract_all(nlp: Language, cdocs: Iterable[CleanDocument], batch_size: int = 32) -> Iterator[DocResult]:
    """Stream results in input order; Korean documents go to the Korean path (built, and kiwi loaded, only when
    one comes), every other to ``nlp``."""
    return route(cdocs, lambda run: _extract_english(nlp, run, batch_size))


def _extract_english(nlp: Language, cdocs: Iterable[CleanDocument], batch_size: int) -> Iterator[DocResult]:
    """Docs are dropped as soon as their records are built (flat memory)."""
    pending: deque[CleanDocument] = deque()

    def docs() -> Iterator[Doc]:
        for cdoc in cdocs:
            pending.append(cdoc)
            yield make_doc(nlp, cdoc)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_result(pending.popleft(), doc)
