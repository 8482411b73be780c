"""Layout variants seen on other releases: UI words in board names, chrome strings, datelines, date and hit
formats, two-line subtitles, feeds with HTML bodies and ISO dates. Each text here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean_bytes
from pipeline.clean.lexicon import load_lexicon
from schemas.models import CleanDocument

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "clean"
CHROME = ("There is no attached file", "Attachments", "Previous", "Next", "List", "Print", "Share", "Top",
          "Was this page helpful", "Sajik-ro", "Copyright", "Views", "view")


def _one(name: str, data: bytes) -> CleanDocument:
    (doc,) = clean_bytes(name, data)
    assert isinstance(doc, CleanDocument)
    return doc


def _sections(doc: CleanDocument) -> list[tuple[str, str]]:
    return [(p.section, doc.text[p.start:p.end]) for p in doc.paragraphs]


# -- 1. categories and chrome of saved pages ------------------------------------------------------------------
@pytest.mark.parametrize(("candidate", "category"), [
    ("Ministry News view", "Ministry News"),
    ("Ministry News view | Ministry of Foreign Affairs", "Ministry News"),
    ("Press Releases View Details", "Press Releases"),
    ("Spokesperson’s Press Briefings Board", "Spokesperson’s Press Briefings"),
    ("Home > Press > Press Releases list", "Press Releases"),
    ("Speeches and Articles detail - Ministry of Foreign Affairs, Republic of Korea", "Speeches and Articles"),
    ("Consular Notices list", "Consular Notices"),
    ("Ministry of Foreign Affairs", None),
])
def test_category_without_ui_words_and_site_names(candidate: str, category: str | None) -> None:
    assert load_lexicon().category_of(candidate) == category


def test_mofa_page_board_heading_with_view_suffix_and_chrome() -> None:
    doc = _one("page.html", (FIX / "mofa_board_view_suffix.html").read_bytes())
    assert doc.input_format == "mofa_html"
    assert doc.category == "Ministry News"
    assert doc.title == "Vice Foreign Minister Meets Delegation of the Nordic Council"
    assert doc.subtitle == "Exchange of Views on Arctic Cooperation and Green Shipping"
    assert (doc.published.isoformat(), doc.hits) == ("2023-11-15", 2048)
    secs = _sections(doc)
    assert [s for s, _ in secs] == ["title", "subtitle", "body", "body", "footnote", "body"]
    assert secs[-1][1].endswith("proposed regular exchanges between parliamentarians.")
    body = "\n".join(t for s, t in secs if s in ("body", "footnote"))
    for chrome in CHROME:
        assert chrome not in body
    assert "Chile" not in doc.text and "Yes" not in doc.text


def test_dump_board_heading_with_ui_suffix_above_metadata() -> None:
    dump = ("KOR\nSCREEN SIZE\n\nPress Releases View Details\n\nDate : 2021.04.09\nHits : 311\n\n"
            "Korea Contributes to Vaccine Access for Developing Countries\n\n"
            "The Government of the Republic of Korea decided to contribute to a global initiative for fair access "
            "to vaccines for developing countries, the Ministry said on April 9.\n\n"
            "The contribution will support the delivery of vaccines in Asia and Africa.\n\n"
            "Attachments\nresult_0409.hwp\n\nThere is no attached file.\n\nPrint\nShare\n"
            "Views 1,234\n\nWas this page helpful?\nYes\nNo\n")
    doc = _one("dump.txt", dump.encode())
    assert doc.input_format == "mofa_text"
    assert (doc.category, doc.hits, doc.published.isoformat()) == ("Press Releases", 311, "2021-04-09")
    assert doc.title == "Korea Contributes to Vaccine Access for Developing Countries"
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[-1] == "The contribution will support the delivery of vaccines in Asia and Africa."
    assert ".hwp" not in doc.text and "helpful" not in doc.text and "1,234" not in doc.text
