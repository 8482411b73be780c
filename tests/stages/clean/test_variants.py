"""Layout variants seen on other releases: UI words in board names, chrome strings, datelines, date and hit
formats, two-line subtitles, feeds with HTML bodies and ISO dates. Each text here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stages.clean import clean_bytes
from pipeline.stages.clean.lexicon import load_lexicon
from schemas.models import CleanDocument

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "clean"
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


# -- 2. news articles: datelines, bylines, stamps -------------------------------------------------------------
ARTICLE_BODY = ("the two countries agreed to resume a regular dialogue on supply chains and critical minerals, "
                "officials said after the meeting.\n\n"
                "The next round of talks is expected to take place in the autumn.\n")


@pytest.mark.parametrize(("opening", "published", "first"), [
    ("TOKYO, March 22, 2025\n\nJapan and Korea said", "2025-03-22", "Japan and Korea said"),
    ("SEOUL, Nov. 3 (Yonhap) -- South Korea and Japan said", None, "South Korea and Japan said"),
    ("WASHINGTON (AP) — U.S. and Korean officials said", None, "U.S. and Korean officials said"),
    ("Geneva, 5 June 2024 – Delegates of", "2024-06-05", "Delegates of"),
    ("NEW DELHI, Sept. 9, 2023 — Indian and Korean officials said", "2023-09-09", "Indian and Korean officials said"),
])
def test_news_dateline_is_metadata(opening: str, published: str | None, first: str) -> None:
    text = f"Partners Agree to Resume Supply Chain Dialogue\n\n{opening} {ARTICLE_BODY}"
    doc = _one("news.txt", text.encode())
    assert doc.input_format == "text"
    assert doc.title == "Partners Agree to Resume Supply Chain Dialogue"
    assert (doc.published.isoformat() if doc.published else None) == published
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith(first + " the two countries agreed")
    assert body[-1] == "The next round of talks is expected to take place in the autumn."
    for dateline in ("TOKYO", "Yonhap", "(AP)", "Geneva,", "NEW DELHI"):
        assert dateline not in doc.text


def test_news_byline_and_stamps_are_metadata() -> None:
    text = ("Ministers Meet on Maritime Safety\n"
            "By JANE KOWALSKI and Lee Min-ho, Staff Reporters\n"
            "Published: 2024.10.08 09:12 KST  Updated: 2024.10.09 17:40 KST\n\n"
            "BUSAN (Reuters) - Ministers from six coastal states met on Tuesday to discuss maritime safety.\n\n"
            "By the end of the meeting, they had agreed on a joint search-and-rescue exercise.\n\n"
            "(Reporting by Jane Kowalski; Editing by Tom Reyes)\n")
    doc = _one("n.txt", text.encode())
    assert doc.published.isoformat() == "2024-10-08"
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body == ["Ministers from six coastal states met on Tuesday to discuss maritime safety.",
                    "By the end of the meeting, they had agreed on a joint search-and-rescue exercise."]
    for meta in ("KOWALSKI", "Published", "Updated", "Reuters", "Editing"):
        assert meta not in doc.text


def test_ordinary_first_sentences_are_not_datelines() -> None:
    text = ("Korea and Japan Hold Talks\n\nKorea – Japan relations improved in 2024, the Minister said.\n\n"
            "In Seoul, March 3 – the anniversary of the movement – was marked by ceremonies.\n")
    doc = _one("t.txt", text.encode())
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("Korea – Japan relations") and body[1].startswith("In Seoul, March 3 –")
    assert doc.published is None


# -- 3. dates, hits and subtitles of text dumps and pages ------------------------------------------------------
DUMP = ("SCREEN SIZE\nKOR\n\nPress Releases\n\nKorea Signs Memorandum on Cultural Heritage with Greece\n\n{meta}\n\n"
        "Korea Signs Memorandum on Cultural Heritage with Greece\n\n{subtitle}\n\n"
        "Korea and Greece signed a memorandum of understanding on the protection of cultural heritage in Athens, "
        "opening the way to joint research and training.\n\n"
        "* The memorandum was signed during the visit of the Minister of Culture.\n\n"
        "The two sides will meet again next year.\n\n목록\n")


@pytest.mark.parametrize(("meta", "published", "hits"), [
    ("Date 2024.11.15\nhit 77", "2024-11-15", 77),
    ("Date : 2024-11-15\nHits : 1,077", "2024-11-15", 1077),
    ("Registration date\n15 November 2024\nViews\n2,301", "2024-11-15", 2301),
    ("Date Nov 15, 2024 | Views 98", "2024-11-15", 98),
    ("Views 98 | Date 2024.11.15", "2024-11-15", 98),
    ("Posted on : November 15, 2024  조회수 : 412", "2024-11-15", 412),
    ("작성일 2024.11.15  조회 5", "2024-11-15", 5),
    ("DATE: 15 Nov 2024\nHIT: 3", "2024-11-15", 3),
])
def test_dump_date_and_hit_formats(meta: str, published: str, hits: int) -> None:
    doc = _one("d.txt", DUMP.format(meta=meta, subtitle="- Joint Research on Restoration -").encode())
    assert doc.input_format == "mofa_text"
    assert (doc.published.isoformat(), doc.hits) == (published, hits)
    assert doc.title == "Korea Signs Memorandum on Cultural Heritage with Greece"
    assert doc.category == "Press Releases" and doc.subtitle == "Joint Research on Restoration"
    assert [p.section for p in doc.paragraphs] == ["title", "subtitle", "body", "footnote", "body"]


@pytest.mark.parametrize("subtitle", [
    "- Joint Research on Restoration\nand Training of Conservators -",
    "– Joint Research on Restoration and Training of Conservators –",
    "— Joint Research on Restoration and Training of Conservators —",
    "- Joint Research on Restoration\nand Training\nof Conservators -",
])
def test_dump_subtitle_two_lines_and_dash_frames(subtitle: str) -> None:
    doc = _one("d.txt", DUMP.format(meta="Date 2024.11.15\nhit 77", subtitle=subtitle).encode())
    assert doc.subtitle == "Joint Research on Restoration and Training of Conservators"
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("Korea and Greece signed")


def test_plain_subtitle_on_two_lines() -> None:
    text = ("Korea Hosts Workshop on Cyber Security\n\n- Experts from Twelve Countries\nShare Best Practices -\n\n"
            "The Ministry hosted a workshop on cyber security in Seoul on June 4 with experts from the region.\n")
    doc = _one("w.txt", text.encode())
    assert doc.subtitle == "Experts from Twelve Countries Share Best Practices"
    assert [p.section for p in doc.paragraphs] == ["title", "subtitle", "body"]


def test_mofa_page_th_td_metadata_korean_hit_label_and_two_line_subtitle() -> None:
    doc = _one("p.html", (FIX / "mofa_th_td_meta.html").read_bytes())
    assert doc.input_format == "mofa_html"
    assert doc.category == "Spokesperson's Press Briefings"
    assert doc.title == "Spokesperson Comments on the Adoption of a UN General Assembly Resolution on Oceans"
    assert doc.subtitle == "Korea Welcomes the Resolution as a Step toward Healthy Oceans"
    assert (doc.published.isoformat(), doc.hits) == ("2022-12-02", 3141)
    secs = _sections(doc)
    assert [s for s, _ in secs] == ["title", "subtitle", "body", "body", "footnote"]
    for chrome in ("attached", "Previous", "Canada", "satisfied", "Submit", "Sajik-ro", "rights", "Board"):
        assert chrome not in doc.text


def test_other_site_wire_story_dateline_byline_credits() -> None:
    doc = _one("w.html", (FIX / "other_site_wire_story.html").read_bytes())
    assert doc.input_format == "html"
    assert doc.title == "Pacific Nations Back Fisheries Monitoring Pact"
    assert doc.published.isoformat() == "2025-04-17"
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("Fourteen Pacific island states agreed on Thursday")
    assert body[-1].startswith("Officials said the centre")
    for meta in ("SUVA", "Reuters", "Aroha", "Editing", "Sport", "Privacy"):
        assert meta not in doc.text


# -- 4. feeds: HTML bodies, description only, ISO and KST dates ------------------------------------------------
def test_feed_items_with_html_bodies_and_iso_dates() -> None:
    out = clean_bytes("feeds/news.xml", (FIX / "feed_html_items.xml").read_bytes())
    assert all(isinstance(d, CleanDocument) for d in out)
    kenya, central_asia, peru, maritime, briefing = out
    assert {d.category for d in out} == {"Ministry News"}
    # 23:10 GMT on September 30 is October 1 in Korea.
    assert kenya.published.isoformat() == "2025-10-01"
    assert kenya.subtitle == "Cooperation on Digital Agriculture and Health"
    assert _sections(kenya)[2:] == [
        ("body", "Korea and Kenya held their first policy dialogue on development cooperation in Nairobi on "
                 "September 30."),
        ("body", "The two sides reviewed ongoing projects in digital agriculture and health, and agreed to explore "
                 "new projects in vocational training. They also discussed the role of the private sector."),
        ("footnote", "Kenya has been a priority partner country of Korea's development cooperation since 2011."),
        ("body", "The next dialogue will be held in Seoul.")]
    assert "<" not in kenya.text and "※" not in kenya.text
    assert central_asia.published.isoformat() == "2025-10-02" and len(central_asia.paragraphs) == 2
    assert peru.published.isoformat() == "2025-10-02"  # 18:00 KST stays on the same day
    assert [s for s, _ in _sections(peru)] == ["title", "body", "body"]
    assert maritime.published.isoformat() == "2025-10-04"  # dc:date, ISO 8601 with milliseconds
    assert [t for _, t in _sections(maritime)][1:] == [
        "Korea joined a statement of like-minded countries on the maritime order based on international law.",
        "The statement was issued in New York."]
    assert "&lt;" not in maritime.text and "<p>" not in maritime.text
    secs = _sections(briefing)
    assert secs[1] == ("header", "Press Briefing Spokesperson and Deputy Minister for Public Affairs Park Jun-ho "
                                 "October 6, 2025 15:00 KST")
    assert secs[2][1].startswith("I will begin today's briefing") and "Good afternoon" not in briefing.text


@pytest.mark.parametrize(("value", "day"), [
    ("Fri, 15 Nov 2024 16:00:00 GMT", "2024-11-16"),
    ("Fri, 15 Nov 2024 16:00:00 +0000", "2024-11-16"),
    ("Fri, 15 Nov 2024 23:00:00 KST", "2024-11-15"),
    ("2024-11-15T16:00:00Z", "2024-11-16"),
    ("2024-11-15T23:30:00+09:00", "2024-11-15"),
    ("2024-11-15T01:00:00.000-05:00", "2024-11-15"),
    ("2024-11-15", "2024-11-15"),
])
def test_pubdate_formats(value: str, day: str) -> None:
    from pipeline.stages.clean.rss import parse_pubdate

    assert parse_pubdate(value).isoformat() == day


def test_plain_feed_body_with_glued_subtitle() -> None:
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>MOFA &gt; Press &gt; Press Releases</title>"
            b"<item><title>Korea Hosts Seminar on Mine Action</title><pubDate>Tue, 04 Mar 2025 02:00:00 GMT</pubDate>"
            b"<description>- Sharing Experience of Mine Clearance in Asia - The Ministry hosted a seminar on mine "
            b"action in Seoul on March 4.The participants shared their experience.</description></item>"
            b"</channel></rss>")
    (doc,) = clean_bytes("f.xml", feed)
    assert doc.subtitle == "Sharing Experience of Mine Clearance in Asia"
    assert [t for s, t in _sections(doc) if s == "body"] == [
        "The Ministry hosted a seminar on mine action in Seoul on March 4.",
        "The participants shared their experience."]
