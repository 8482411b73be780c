"""Validate stage: every record through its pydantic model, plus the cross-record checks a model
cannot make alone (offsets inside the text and matching it, sentence ids that exist).

A record that fails is dropped and reported as a Reject row; the rest of the document is kept.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from schemas import tables as registry
from schemas.models import DocResult, Reject
from schemas.tables import Table


def validate_result(result: DocResult) -> tuple[DocResult, list[Reject]]:
    """Return the result with only valid records, and a Reject per dropped record."""
    doc = result.document
    text = doc.text
    rejects: list[Reject] = []
    sent_ids = {s.sent_id: (s.start, s.end) for s in result.sentences}
    kept: dict[str, list[BaseModel]] = {}
    registry.check_result(result)
    for t in registry.stored():
        table = t.name
        kept[table] = []
        for i, record in enumerate(t.rows(result)):
            try:
                checked = t.model.model_validate(record.model_dump())
                problem = _cross_check(t, checked, text, sent_ids, doc.doc_id)
            except ValidationError as err:
                problem = _short(err)
            if problem:
                rejects.append(Reject(source=f"{doc.source}#{table}-{i}", stage="validate",
                                      reason=f"{table} record dropped: {problem}"))
            else:
                kept[table].append(checked)
    document = doc.model_copy(update={"n_sentences": len(kept["sentences"])})
    return registry.build_result(document, kept), rejects


def _cross_check(table: Table, record: BaseModel, text: str, sent_ids: dict[str, tuple[int, int]],
                 doc_id: str) -> str | None:
    """The checks the registry entry asks for: the document's id, a sentence id that exists, offsets in the
    text, text equal to the document's at its offsets, a mention inside its sentence."""
    data = vars(record)  # the validated field values (no dump: this runs for every record of the corpus)
    if "doc_id" in data and data["doc_id"] != doc_id:
        return f"doc_id {data['doc_id']} is not the document's {doc_id}"
    if table.name != "sentences" and "sent_id" in data and data["sent_id"] not in sent_ids:
        return f"unknown sent_id {data['sent_id']}"
    for a, b in table.spans:
        if data[a] is None:
            continue
        if data[b] is None or not 0 <= data[a] <= data[b] <= len(text):
            return f"offsets {a}={data[a]} {b}={data[b]} outside the text (length {len(text)})"
    if table.quotes_text and text[data["start"]:data["end"]] != data["text"]:
        return f"text {data['text']!r} does not match the document at {data['start']}-{data['end']}"
    if table.in_sentence:
        sent_start, sent_end = sent_ids[data["sent_id"]]
        if data["start"] < sent_start or data["end"] > sent_end:
            return (f"mention {data['text']!r} at {data['start']}-{data['end']} crosses the bounds of its sentence "
                    f"{data['sent_id']} ({sent_start}-{sent_end})")
    return None


def _short(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(x) for x in first["loc"])
    return f"{loc}: {first['msg']}" + (f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else "")
