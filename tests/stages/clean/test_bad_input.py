"""Hostile and broken inputs: each ends as documents or as Rejected with a reason a person understands."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from pipeline.stages.clean import Rejected, clean_bytes
from pipeline.stages.clean.core import CleanSettings
from schemas.models import CleanDocument

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "clean"
ARTICLE = ("<h1>Korea and Peru Sign Agreement on Customs Cooperation</h1>"
           "<p>Korea and Peru signed an agreement on customs cooperation in Lima on November 14, which will make "
           "trade between the two countries faster and safer.</p>"
           "<p>The agreement provides for the exchange of information and for joint training of customs officers, "
           "and it will enter into force after the completion of domestic procedures.</p>")
RELEASE = ("Korea Hosts Seminar on Peacekeeping\n\n"
           "The Ministry of Foreign Affairs hosted a seminar on peacekeeping operations in Seoul on May 2 with "
           "experts from the region, and the participants discussed the protection of civilians.\n\n"
           "The participants also shared lessons learned from missions in Africa and the Middle East.\n")


def _reason(data: bytes, name: str = "x.txt") -> str:
    with pytest.raises(Rejected) as info:
        clean_bytes(name, data)
    assert info.value.stage == "clean"
    return info.value.reason


def test_empty_and_whitespace_only() -> None:
    assert _reason(b"") == "empty file (0 bytes)"
    assert _reason(b"  \n\t \r\n \xc2\xa0 \n") == "file contains only whitespace"


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
])
def test_binary_under_any_extension(data: bytes, kind: str) -> None:
    for name in ("release.txt", "page.html", "feed.xml"):
        reason = _reason(data + b"\x00" * 50, name)
        assert reason.startswith("binary file, not text") and kind in reason


def test_unknown_binary_with_many_nuls() -> None:
    assert _reason(bytes(range(256)) * 20).startswith("binary file, not text")
    assert "NUL" in _reason(b"\x01\x00\x00\x00abc\x00\x00" * 100)


def test_stray_nul_bytes_are_stripped() -> None:
    (doc,) = clean_bytes("n.txt", RELEASE.replace("Seoul", "Se\x00oul").encode())
    assert "\x00" not in doc.text and "in Seoul on May 2" in doc.text


def test_page_with_only_navigation() -> None:
    nav = ("바로가기\n본문 바로가기\nMinistry of Foreign Affairs REPUBLIC OF KOREA\n"
           "  1. Ministry of Foreign Affairs, Republic of Korea facebook\nSCREEN SIZE\nKOR\n")
    assert _reason(nav.encode()).startswith("no body text found")
    html = ("<html><head><title>Ministry of Foreign Affairs</title></head><body><nav><ul>"
            + "".join(f"<li><a href='/m{i}'>Menu item {i}</a></li>" for i in range(30))
            + "</ul></nav><footer>Copyright Ministry of Foreign Affairs</footer></body></html>")
    assert _reason(html.encode(), "nav.html").startswith("no body text found")


def test_html_cut_off_mid_tag() -> None:
    data = (FIX / "mofa_div_layout.html").read_bytes()
    cut = data[:data.index(b"<p>&nbsp;&nbsp;") + 3] + b'<span class="x'
    (doc,) = clean_bytes("cut.html", cut)
    assert doc.title == "Foreign Minister Holds Talks with Secretary-General of the OECD"
    assert doc.text.rstrip().endswith("shared views on the global economic outlook.")


def test_html_nested_50000_levels_deep() -> None:
    depth = 50_000
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth + ARTICLE + "</div>" * depth
            + "</body></html>")
    t0 = time.perf_counter()
    (doc,) = clean_bytes("deep.html", page.encode())
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, f"took {elapsed:.1f}s"
    assert "signed an agreement on customs cooperation in Lima" in doc.text
    assert "enter into force after the completion of domestic procedures." in doc.text


def test_html_deep_unclosed_spans_do_not_crash() -> None:
    page = "<html><body><p>" + "<span><b>" * 30_000 + ARTICLE + "</body></html>"
    out = clean_bytes("deep2.html", page.encode())
    assert "customs cooperation" in out[0].text


def test_euc_kr_without_declaration_is_detected() -> None:
    korean_nav = "외교부 본문 바로가기 검색창 열기\n"
    text = korean_nav + RELEASE.replace("Seminar", "Seminar ※")
    (doc,) = clean_bytes("k.txt", text.encode("cp949"))
    assert "외교부" not in doc.text  # short Korean chrome line dropped, not mojibake'd into the text
    assert doc.title == "Korea Hosts Seminar ※ on Peacekeeping"


def test_declared_euc_kr_page_has_no_mojibake() -> None:
    doc = clean_bytes("t.html", (FIX / "mofa_table_euckr.html").read_bytes())[0]
    assert "Ã" not in doc.text and "ì" not in doc.text and "\ufffd" not in doc.text


def test_utf16_with_bom_and_latin1() -> None:
    text = RELEASE.replace("Seoul", "Peru with Desilú León")
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
                 text.encode("latin-1"), codecs.BOM_UTF8 + text.encode("utf-8")):
        (doc,) = clean_bytes("enc.txt", data)
        assert "Desilú León" in doc.text and doc.title == "Korea Hosts Seminar on Peacekeeping"


def test_korean_release_is_read_as_korean() -> None:
    """Korean (UTF-8 or the legacy cp949) is kept with language 'ko' for the Korean path."""
    korean = ("외교부, 페루 리마에서 APEC 각료회의 참석\n\n조태열 외교부 장관은 11월 14일 페루 리마에서 개최된 "
              "제35차 아시아태평양경제협력체 각료회의에 참석하였다.\n\n장관은 역내 협력 강화를 위한 한국의 기여 방안을 "
              "설명하였다.\n")
    for data in (korean.encode("utf-8"), korean.encode("cp949")):
        (doc,) = clean_bytes("ko.txt", data)
        assert doc.language == "ko" and "장관은 역내 협력 강화를 위한" in doc.text


def test_other_language_is_not_called_english() -> None:
    sentence = ("Les deux ministres ont discuté de la coopération bilatérale dans les domaines de la sécurité, du "
                "commerce et de la culture, et ont souligné leur volonté de renforcer les échanges entre les pays. ")
    french = "Le ministre des Affaires étrangères a rencontré son homologue\n\n" + sentence * 2
    assert _reason(french.encode()).startswith("unsupported language: not English")


def test_markup_and_script_in_text_dump_stay_text() -> None:
    text = ("<script>alert(1)</script> Foreign Minister Statement\n\n"
            "The Foreign Minister said that the <b>agreement</b> was an important step for peace and security "
            "in the region and for the people of both countries.\n")
    (doc,) = clean_bytes("s.txt", text.encode())
    assert doc.input_format == "text"
    assert doc.title == "<script>alert(1)</script> Foreign Minister Statement"
    assert "the <b>agreement</b> was" in doc.text


def test_escaped_markup_in_html_title_stays_text() -> None:
    page = ("<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><article>"
            "<h1>&lt;img src=x onerror=alert(1)&gt; Talks Held</h1>" + ARTICLE[ARTICLE.index("<p>"):]
            + "<script>document.write('INJECTED')</script></article></body></html>")
    (doc,) = clean_bytes("s.html", page.encode())
    assert doc.title == "<img src=x onerror=alert(1)> Talks Held"
    assert "INJECTED" not in doc.text and "document.write" not in doc.text


def test_rss_malformed_xml() -> None:
    assert _reason(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item>', "f.xml") \
        .startswith("malformed XML in RSS feed")


def test_rss_entity_bomb_refused() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode() for p, c in zip("abcdefgh", "bcdefghi",
                                                                                             strict=True))
            + b']><rss version="2.0"><channel><title>x</title><item><title>&i;</title>'
            b"<description>Body text of the item.</description></item></channel></rss>")
    t0 = time.perf_counter()
    reason = _reason(bomb, "bomb.xml")
    assert time.perf_counter() - t0 < 2
    assert reason.startswith("RSS feed refused") and "entit" in reason


def test_rss_external_entity_never_reads_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><title>x</title><item><title>T &x;</title>'
           "<description>The Minister met the Ambassador and discussed cooperation.</description>"
           "</item></channel></rss>").encode()
    with pytest.raises(Rejected) as info:
        clean_bytes("xxe.xml", xxe)
    assert "TOP-SECRET" not in info.value.reason and info.value.reason.startswith("RSS feed refused")


def test_rss_item_without_date_is_kept_with_published_none() -> None:
    feed = (b'<rss version="2.0"><channel><title>MOFA &gt; Press Releases</title><item><title>No Date</title>'
            b"<description>The Minister met the Ambassador of Brazil and discussed cooperation in trade and "
            b"energy.</description></item></channel></rss>")
    (doc,) = clean_bytes("f.xml", feed)
    assert isinstance(doc, CleanDocument) and doc.published is None and doc.source == "f.xml#item-1"


def test_non_rss_xml_is_rejected() -> None:
    assert _reason(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
                   "a.xml").startswith("unsupported XML document")


def test_size_limit() -> None:
    big = (RELEASE + "\n\n") * 1000
    with pytest.raises(Rejected) as info:
        clean_bytes("big.txt", big.encode(), CleanSettings(max_bytes=100_000))
    assert info.value.reason.startswith("file too large")


def test_tens_of_megabytes_rejected_quickly() -> None:
    data = b"a" * 30_000_000
    t0 = time.perf_counter()
    assert _reason(data).startswith("file too large: 30.0 MB")
    assert time.perf_counter() - t0 < 1


def test_latin1_without_declaration_is_not_a_baltic_codepage() -> None:
    text = ("Korea and Côte d'Ivoire Hold Talks\n\nThe délégation of Côte d'Ivoire met officials of the Ministry "
            "in Seoul and discussed cooperation in trade and energy with the Korean side.\n")
    (doc,) = clean_bytes("l.txt", text.encode("latin-1"))
    assert doc.title == "Korea and Côte d'Ivoire Hold Talks" and "délégation" in doc.text


def test_title_with_markup_and_angle_bracket_is_not_a_breadcrumb() -> None:
    page = ("<html><head><title>MOFA</title></head><body><div><h3>Minister &lt;b&gt;Meets&lt;/b&gt; Envoy</h3>"
            "<p>Date 2025-01-02</p><p>hit 5</p><p>The Minister met the Envoy in Seoul and discussed cooperation in "
            "trade, energy and culture between the two countries.</p></div></body></html>")
    (doc,) = clean_bytes("t.html", page.encode())
    assert doc.title == "Minister <b>Meets</b> Envoy" and doc.category is None


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg"><g><title>Layer</title><path d="M0 0h9"/></g>'
    '<rect width="4" height="4"><title>a shape</title></rect></svg>',
    '<!-- icon --><svg width="16"><title>x</title><circle r="2"><title>dot</title></circle></svg>',
    '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg><title>t</title></svg>',
])
def test_svg_is_unsupported_xml_whatever_its_head(svg: str) -> None:
    assert _reason(svg.encode(), "icon.html") == ("unsupported XML document: only RSS 2.0 feeds are read "
                                                  "(root element is <svg>)")


def test_atom_feed_without_declaration_is_not_a_page() -> None:
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>A</title></entry></feed>'
    assert "root element is <feed>" in _reason(atom.encode(), "atom.txt")


def _emptied(fixture: str, body_class: str) -> str:
    import re

    page = (FIX / fixture).read_text(encoding="utf-8")
    return re.sub(rf'<div class="{body_class}">.*?</div>', f'<div class="{body_class}"></div>', page, flags=re.S)


@pytest.mark.parametrize("fixture, body_class", [("mofa_board_view_suffix.html", "detail_body"),
                                                  ("mofa_div_layout.html", "view_cont")])
def test_empty_board_view_is_an_empty_body_not_a_page_of_menus(fixture: str, body_class: str) -> None:
    page = _emptied(fixture, body_class)
    skip = ('<div id="skipNav"><a href="#contents">본문 바로가기</a> <a href="#gnb">주메뉴 바로가기</a></div>'
            "<p>본문 바로가기</p>")
    for variant in (page, page.replace("<body>", "<body>" + skip),
                    page.replace("</body>", "<div><p>바로가기 메뉴 검색창 열기 Korean site map</p></div></body>")):
        assert _reason(variant.encode(), "view.html").startswith("empty body: the board view of")


@pytest.mark.parametrize("fixture", ["mofa_board_view_suffix.html", "mofa_div_layout.html"])
def test_board_view_with_its_body_is_still_read(fixture: str) -> None:
    (doc,) = clean_bytes("view.html", (FIX / fixture).read_bytes())
    assert len(doc.text.split()) > 60 and "바로가기" not in doc.text


def test_board_view_whose_body_is_one_short_sentence_is_kept() -> None:
    page = _emptied("mofa_div_layout.html", "view_cont").replace(
        '<div class="view_cont"></div>', '<div class="view_cont"><p>The Minister will visit Chile.</p></div>')
    (doc,) = clean_bytes("view.html", page.encode())
    assert doc.text.endswith("The Minister will visit Chile.")
