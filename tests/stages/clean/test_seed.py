"""The seed text dump: exact metadata and body checks from the gold file."""

from __future__ import annotations

import json

from pipeline.stages.clean import clean_bytes
from schemas.models import CleanDocument
from tests.conftest import GOLD_DIR, SEED


def _seed() -> CleanDocument:
    (doc,) = clean_bytes(SEED.name, SEED.read_bytes())
    assert isinstance(doc, CleanDocument)
    return doc


def test_seed_metadata_exact() -> None:
    doc = _seed()
    gold = json.loads((GOLD_DIR / "000_1ec2c721142b1f41.json").read_text("utf-8"))["metadata"]
    assert doc.input_format == "mofa_text"
    assert doc.category == "Ministry News" == gold["category"]
    assert doc.title == "2024 APEC Ministerial Meeting (AMM) Outcomes" == gold["title"]
    assert doc.subtitle == ("Foreign Minister Cho and Trade Minister Cheong Attend AMM Held in Lima, Peru, on Nov. 14 "
                            "ahead of APEC Economic Leaders’ Meeting") == gold["subtitle"]
    assert doc.published.isoformat() == "2024-11-15" == gold["published"]
    assert doc.hits == 2162 == gold["hits"]
    assert doc.language == "en" == gold["language"]
    assert doc.source == SEED.name and doc.url is None


def test_seed_body_and_footnotes() -> None:
    doc = _seed()
    gold = json.loads((GOLD_DIR / "000_1ec2c721142b1f41.json").read_text("utf-8"))["body"]
    paras = [(p.section, doc.text[p.start:p.end]) for p in doc.paragraphs]
    assert paras[0] == ("title", doc.title)
    assert paras[1] == ("subtitle", doc.subtitle)
    body = [t for s, t in paras if s == "body"]
    assert body[0].startswith(gold["starts_with"])
    assert body[-1].endswith(gold["ends_with"])
    notes = [t for s, t in paras if s == "footnote"]
    assert len(notes) == 3
    for note, start in zip(notes, gold["footnotes_start_with"], strict=True):
        assert note.startswith(start)
    for bad in gold["must_not_contain"]:
        assert bad not in doc.text
    assert "※" not in doc.text and "\n* " not in doc.text
    # Offsets, layout and whitespace contract.
    assert doc.text == "\n\n".join(t for _, t in paras)
    assert all("  " not in t and "\n" not in t and "\xa0" not in t for _, t in paras)
    assert "Leaders’ Meeting" in doc.text and "Desilú León" in doc.text  # characters kept
    assert [p.paragraph_id for p in doc.paragraphs] == list(range(len(doc.paragraphs)))


def test_seed_ids_stable() -> None:
    from pipeline.engine import ids

    a, b = _seed(), _seed()
    assert a.doc_id == b.doc_id == ids.doc_id(None, a.text)
    assert a.sha256 == ids.sha256_bytes(SEED.read_bytes())


def test_dump_variant_labels_inline_and_upper_case() -> None:
    """Another release of the same layout: inline labels, other case, another board, no subtitle."""
    dump = ("바로가기\nSCREEN SIZE\nKOR\n\nPress Releases\n\nKorea and Japan Hold Vice-Ministerial Talks\n\n"
            "DATE : 2023.02.07\nHIT : 1,015\n\nKorea and Japan Hold Vice-Ministerial Talks\n\n"
            "First Vice Minister of Foreign Affairs met with the Vice-Minister for Foreign Affairs of Japan in Tokyo "
            "on February 6 and discussed bilateral relations and regional issues.\n\n"
            "※ The talks were the first of their kind in three years.\n\n"
            "The two sides agreed to keep up close communication.\n\n목록\nCopyright © all rights reserved\n")
    (doc,) = clean_bytes("x.txt", dump.encode("utf-8"))
    assert (doc.category, doc.title, doc.subtitle, doc.hits) == (
        "Press Releases", "Korea and Japan Hold Vice-Ministerial Talks", None, 1015)
    assert doc.published.isoformat() == "2023-02-07"
    sections = [p.section for p in doc.paragraphs]
    assert sections == ["title", "body", "footnote", "body"]
    assert "Copyright" not in doc.text and "바로가기" not in doc.text
