from __future__ import annotations

from pipeline.stages.validate import validate_result
from schemas.models import DocResult, Document, Mention, Sentence

TEXT = "Minister Kim met Minister Lee."


def _result(mentions):
    doc = Document(doc_id="d1", source="a.txt", sha256="0" * 64, input_format="text", title="t",
                   language="en", text=TEXT)
    sent = Sentence(doc_id="d1", sent_id="d1:s0", paragraph_id=0, section="body", start=0, end=len(TEXT), text=TEXT)
    return DocResult(document=doc, sentences=[sent], mentions=mentions)


def test_good_mentions_pass_and_bad_ones_are_reported():
    good = Mention(doc_id="d1", sent_id="d1:s0", start=0, end=12, text="Minister Kim", kind="person",
                   entity_id="person:kim")
    wrong_text = good.model_copy(update={"text": "Minister Lee"})
    outside = good.model_copy(update={"start": 20, "end": 99})
    unknown_sent = good.model_copy(update={"sent_id": "d1:s7"})
    valid, rejects = validate_result(_result([good, wrong_text, outside, unknown_sent]))
    assert valid.mentions == [good]
    assert len(rejects) == 3
    reasons = " ".join(r.reason for r in rejects)
    assert "does not match" in reasons and "outside the text" in reasons and "unknown sent_id" in reasons
    assert all(r.stage == "validate" for r in rejects)


def test_model_violations_are_caught():
    bad = Mention.model_construct(doc_id="d1", sent_id="d1:s0", start=0, end=12, text="Minister Kim",
                                  kind="alien", entity_id="x")
    valid, rejects = validate_result(_result([bad]).model_copy(update={"mentions": [bad]}))
    assert valid.mentions == [] and "kind" in rejects[0].reason


def test_mention_crossing_its_sentence_end_is_rejected():
    text = "Talks with Kim. Hee-sang came."
    doc = Document(doc_id="d1", source="a.txt", sha256="0" * 64, input_format="text", title="t",
                   language="en", text=text)
    first = Sentence(doc_id="d1", sent_id="d1:s0", paragraph_id=0, section="body", start=0, end=15, text=text[:15])
    second = Sentence(doc_id="d1", sent_id="d1:s1", paragraph_id=0, section="body", start=16, end=len(text),
                      text=text[16:])
    crossing = Mention(doc_id="d1", sent_id="d1:s0", start=11, end=23, text=text[11:23], kind="person",
                       entity_id="person:kim-hee-sang")
    inside = Mention(doc_id="d1", sent_id="d1:s0", start=11, end=14, text="Kim", kind="person",
                     entity_id="person:kim")
    valid, rejects = validate_result(DocResult(document=doc, sentences=[first, second], mentions=[crossing, inside]))
    assert valid.mentions == [inside]
    assert len(rejects) == 1 and "crosses the bounds of its sentence" in rejects[0].reason
