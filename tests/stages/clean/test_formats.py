"""HTML pages, RSS feeds and plain text: format decided by content, metadata and sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stages.clean import Rejected, clean_bytes
from schemas.models import CleanDocument

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "clean"


def _one(name: str, data: bytes | None = None) -> CleanDocument:
    (doc,) = clean_bytes(name, data if data is not None else (FIX / name).read_bytes())
    assert isinstance(doc, CleanDocument)
    return doc


def _sections(doc: CleanDocument) -> list[tuple[str, str]]:
    return [(p.section, doc.text[p.start:p.end]) for p in doc.paragraphs]


def test_mofa_html_div_layout() -> None:
    doc = _one("mofa_div_layout.html")
    assert doc.input_format == "mofa_html"
    assert doc.url == "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320001"
    assert doc.category == "Press Releases"
    assert doc.title == "Foreign Minister Holds Talks with Secretary-General of the OECD"
    assert doc.subtitle == "Discussion on Korea’s Contribution to Global Economic Governance"
    assert (doc.published.isoformat(), doc.hits) == ("2025-03-04", 1234)
    secs = _sections(doc)
    assert [s for s, _ in secs] == ["title", "subtitle", "body", "body", "footnote", "body"]
    assert secs[2][1].startswith("Minister of Foreign Affairs Cho Tae-yul held talks")
    assert secs[4][1] == "Korea joined the OECD in 1996 as its 29th member."
    for chrome in ("Skip to content", "About Us", "Sitemap", "Copyright", "Sajik-ro", "List", "TRACKING",
                   "alert", "color: red", "Spokesperson"):
        assert chrome not in doc.text


def test_mofa_html_table_layout_euc_kr() -> None:
    doc = _one("mofa_table_euckr.html")
    assert doc.input_format == "mofa_html"
    assert doc.title == "Results of the Korea-Viet Nam Joint Committee on Economic Cooperation"
    assert (doc.published.isoformat(), doc.hits, doc.category) == ("2019-06-12", 587, "Press Releases")
    secs = _sections(doc)
    assert ("footnote", "The Joint Committee has been held every two years since 1993.") in secs
    assert secs[-1] == ("body", "The next meeting will be held in Seoul in 2021.")
    assert "외교부" not in doc.text and "Photo News" not in doc.text and "목록" not in doc.text


def test_mofa_html_link_dense_sidebar_and_inline_meta() -> None:
    doc = _one("mofa_sidebar_density.html")
    assert doc.input_format == "mofa_html"
    assert doc.url == "https://www.mofa.go.kr/eng/brd/m_5674/view.do?seq=321777"
    assert doc.title == "Keynote Speech by the Foreign Minister at the Seoul Forum on Maritime Security"
    assert (doc.published.isoformat(), doc.hits, doc.category) == ("2024-05-20", 88, "Speeches and Articles")
    assert "Geneva" not in doc.text and "Manila" not in doc.text and "Tel." not in doc.text
    assert ("footnote", "The Forum is co-hosted by the Korea National Diplomatic Academy.") in _sections(doc)


def test_other_site_falls_back_to_trafilatura() -> None:
    doc = _one("other_site_article.html")
    assert doc.input_format == "html"
    assert doc.title == "Ports Expand Green Shipping Corridors"
    assert doc.published.isoformat() == "2025-02-10"
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("Several major ports") and body[-1].startswith("The ports plan")
    assert "Privacy" not in doc.text and "Sport" not in doc.text


def test_rss_press_feed() -> None:
    out = clean_bytes("feeds/press.xml", (FIX / "press_feed.xml").read_bytes())
    assert len(out) == 4
    first, second, empty, nolink = out
    assert isinstance(first, CleanDocument) and first.input_format == "rss_item"
    assert first.source == "feeds/press.xml#seq-330101"
    assert first.url == "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=330101"
    assert first.category == "Press Releases"
    # 16:30 GMT on March 5 is 01:30 KST on March 6.
    assert first.published.isoformat() == "2026-03-06"
    secs = _sections(first)
    assert secs[1] == ("body", "Minister of Foreign Affairs Park Ji-won held talks with Minister of Foreign Affairs "
                               "Ana Torres of Chile in Seoul on March 5.")
    assert ("footnote", "Chile is one of the world’s largest producers of copper and lithium. This makes it a key "
                        "partner for supply chains.") in secs
    assert ("footnote", "The Korea-Chile FTA entered into force in April 2004.") in secs
    assert secs[-1] == ("body", "Minister Torres expressed hope for closer exchanges between the two peoples.")
    assert "※" not in first.text
    # Markup in a title is text, never code.
    assert isinstance(second, CleanDocument)
    assert second.title == "<script>alert(1)</script> Statement on the Situation" and second.published is None
    assert isinstance(empty, Rejected) and "no body text" in empty.reason
    assert empty.source == "feeds/press.xml#seq-330103"
    assert isinstance(nolink, CleanDocument) and nolink.source == "feeds/press.xml#item-4" and nolink.url is None
    assert _sections(nolink)[-1] == ("footnote", "The delegation was led by the Director-General for Trade.")
    assert "steal" not in nolink.text


def test_rss_briefing_header_is_metadata() -> None:
    (doc,) = clean_bytes("feeds/briefings.xml", (FIX / "briefing_feed.xml").read_bytes())
    assert doc.category == "Spokesperson's Press Briefings"
    assert doc.subtitle is None
    assert ("header", "Press Briefing Spokesperson and Deputy Minister for Public Affairs Kim Min-soo "
            "July 14, 2026 14:30 KST") in _sections(doc)
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("I will begin today's briefing")
    assert "Good afternoon" not in doc.text and doc.published.isoformat() == "2026-07-14"


def test_same_release_as_page_and_feed_item_shares_doc_id() -> None:
    page = _one("mofa_div_layout.html")
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>A &gt; Press Releases</title><item>'
            b"<title>T</title><link>http://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320001&amp;page=9</link>"
            b"<description>Minister Cho met the Secretary-General of the OECD in Seoul.</description></item>"
            b"</channel></rss>")
    (item,) = clean_bytes("f.xml", feed)
    assert item.doc_id == page.doc_id


def test_plain_text_blank_line_paragraphs() -> None:
    text = ("Korea Hosts Regional Forum on Disaster Resilience\n\nMarch 3, 2025\n\n"
            "The Government of the Republic of Korea hosted a regional forum on disaster resilience in Busan on\n"
            "March 3, bringing together officials from twelve countries.\n\n"
            "* The forum is held every year.\n\n"
            "Participants shared experiences in early warning systems and recovery planning.\n")
    doc = _one("notes/forum.txt", text.encode())
    assert doc.input_format == "text" and doc.title == "Korea Hosts Regional Forum on Disaster Resilience"
    assert doc.published.isoformat() == "2025-03-03"
    assert [s for s, _ in _sections(doc)] == ["title", "body", "footnote", "body"]
    assert _sections(doc)[1][1].endswith("in Busan on March 3, bringing together officials from twelve countries.")


def test_plain_text_single_newlines_each_line_a_paragraph() -> None:
    text = "A Title Line\nFirst paragraph of the news article in English.\nSecond paragraph of the article.\n"
    doc = _one("a.txt", text.encode())
    assert [t for _, t in _sections(doc)] == ["A Title Line", "First paragraph of the news article in English.",
                                             "Second paragraph of the article."]


@pytest.mark.parametrize("name", ["seed.pdf", "seed.html", "seed.xml"])
def test_format_is_decided_by_content_not_extension(name: str) -> None:
    from tests.conftest import SEED

    (doc,) = clean_bytes(name, SEED.read_bytes())
    assert doc.input_format == "mofa_text" and doc.hits == 2162


def test_other_site_page_without_title_element_takes_its_headline() -> None:
    html = (b'<html><body><div class="nav"><a href="/">Home</a></div><h3>Korea and Chile Sign Trade Pact</h3>'
            b"<p>Korea and Chile signed an upgraded free trade agreement on Monday in Santiago, officials said. "
            b"The agreement covers digital trade and supply chains, and will take effect next year.</p></body></html>")
    (doc,) = clean_bytes("news/pact.html", html)
    assert doc.title == "Korea and Chile Sign Trade Pact"
    assert "Home" not in doc.text


def test_attachment_row_with_several_files_and_prev_next_titles_stay_out_of_the_body() -> None:
    html = b"""<html><head><title>Press Releases view</title></head><body>
<div class="gnb"><a href="#">Ministry News</a> <a href="#">Press Releases</a></div>
<div class="content"><table class="view"><tr><th>Title</th><td>Korea Provides Flood Relief to Pakistan</td></tr>
<tr><th>Date</th><td>2022-09-01</td><th>Hit</th><td>431</td></tr>
<tr><th>Attachments</th><td><a href="#">220901_Relief_PAK.hwp</a>
 <a href="#">220901_Relief_PAK.pdf</a></td></tr></table>
<div class="txt"><p>The Government of the Republic of Korea has decided to provide humanitarian assistance worth
USD 1 million to Pakistan, which has suffered severe floods since June.</p>
<p>The Government hopes that the assistance will help the people of Pakistan recover quickly.</p></div>
<ul class="view_pn"><li class="prev"><strong>Prev</strong> <a href="#">Korea-Chile Vice Ministerial Talks Held</a></li>
<li><strong>Next</strong> <a href="#">Minister Attends the G20 Foreign Ministers' Meeting</a></li></ul></div>
<div class="footer">COPYRIGHT MINISTRY OF FOREIGN AFFAIRS, REPUBLIC OF KOREA</div></body></html>"""
    (doc,) = clean_bytes("page.html", html)
    body = [t for s, t in _sections(doc) if s == "body"]
    assert body[0].startswith("The Government of the Republic of Korea has decided")
    assert body[-1].endswith("recover quickly.")
    assert ".hwp" not in doc.text and "Vice Ministerial Talks" not in doc.text and "G20" not in doc.text
