"""The list crawler and the real feed addresses against a local board-system site (127.0.0.1, http.server in a
thread): list and view pages in the board system's structure, feeds at /www/brd/rss.do?brdId=302/303 served as
application/rss+xml without a charset, a changed layout, an edited release, an interrupted crawl resumed, and one
document per release whether it came from a feed item (/www/ link) or a view page (/eng/ link)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main as cli_main
from pipeline.stages.clean import clean_bytes
from pipeline.stages.crawl import Board, ListLayoutError, crawl_board, load_state, parse_list
from pipeline.stages.fetch import FetchConfig, PoliteClient

FIXTURES = Path(__file__).parent.parent / "fixtures" / "fetch"
LIST_PAGE = (FIXTURES / "list_page.html").read_text(encoding="utf-8")
VIEW_PAGE = (FIXTURES / "view_page.html").read_text(encoding="utf-8")
RSS = "application/rss+xml"  # as the site serves its feeds: no charset, the content is UTF-8


@dataclass
class BoardSite:
    """The fake site: full path (with query) -> (content type, body); every request logged."""

    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    down: bool = False  # every request after ``fail_after`` answers 503 (a crawl cut off midway)
    fail_after: int | None = None


def _handler(site: BoardSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.log.append(self.path)
            found = site.pages.get(self.path)
            if self.path == "/robots.txt":
                found = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
            elif site.fail_after is not None and len(site.log) > site.fail_after:
                found = None
                self.send_response(503)
            if found is None:
                if site.fail_after is None or len(site.log) <= site.fail_after:
                    self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", found[0])
            self.send_header("Content-Length", str(len(found[1])))
            self.end_headers()
            self.wfile.write(found[1])

        def log_message(self, *args: object) -> None:
            return None

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[BoardSite, str]]:
    s = BoardSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield s, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@dataclass(frozen=True)
class Release:
    seq: int
    title: str
    date: dt.date
    body: str


def _releases(n: int, top: int = 500, newest: dt.date = dt.date(2026, 3, 9)) -> list[Release]:
    """n releases, newest first, one every two days."""
    return [Release(top - k, f"Vice Minister Holds Consultation with Partner Number {top - k}", newest
                    - dt.timedelta(days=2 * k),
                    f"The Vice Minister of Foreign Affairs held the {top - k}th policy consultation in Seoul and "
                    "discussed ways to expand cooperation in trade, energy and development.")
            for k in range(n)]


def _row(r: Release, board: str, pinned: bool = False) -> str:
    number = '<span class="notice">Notice</span>' if pinned else str(r.seq % 1000)
    return (f'<tr><td class="num">{number}</td><td class="title"><a href="/eng/brd/{board}/view.do?seq={r.seq}'
            f'&amp;srchFr=&amp;page=1">{r.title}</a></td><td class="date">{r.date.isoformat()}</td>'
            f'<td class="hit">17</td></tr>')


def _view(r: Release, board_name: str, hits: int = 17) -> bytes:
    return VIEW_PAGE.format(board_name=board_name, title=r.title, date_dotted=r.date.strftime("%Y-%m-%d"),
                            hits=hits, body=f"<p>{r.body}</p>").encode()


def _publish(s: BoardSite, board: str, releases: list[Release], per_page: int = 3, board_name: str = "Ministry News",
             pinned: Release | None = None) -> None:
    """List pages (newest first, ``per_page`` rows, a 'no posts' row past the end) and view pages."""
    pages = [releases[i:i + per_page] for i in range(0, len(releases), per_page)]
    for n, chunk in enumerate([*pages, []], start=1):
        rows = "\n".join(([_row(pinned, board, True)] if pinned else []) + [_row(r, board) for r in chunk])
        if not chunk:
            rows = '<tr><td colspan="4" class="nodata">There are no posts.</td></tr>'
        body = LIST_PAGE.format(board_name=board_name, rows=rows).encode()
        s.pages[f"/eng/brd/{board}/list.do?page={n}"] = ("text/html;charset=UTF-8", body)
    for r in releases + ([pinned] if pinned else []):
        s.pages[f"/eng/brd/{board}/view.do?seq={r.seq}"] = ("text/html;charset=UTF-8", _view(r, board_name))


def _client() -> PoliteClient:
    return PoliteClient(FetchConfig(rate=0.0, timeout=3.0, retries=0, backoff=0.01), proxies={})


def _board(base: str, board: str = "m_5674") -> Board:
    return Board(name="ministry-news", board=board, url=f"{base}/eng/brd/{board}/list.do")


def _stored(raw: Path, board: str = "m_5674") -> list[str]:
    folder = raw / "pages" / board
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


# -- the list parser ------------------------------------------------------------------------------------------
def test_list_rows_read_from_the_board_structure():
    rels = _releases(3)
    html = LIST_PAGE.format(board_name="Ministry News", rows="\n".join(_row(r, "m_5674") for r in rels)).encode()
    rows = parse_list(html, "list 1")
    assert [(r.seq, r.date, r.pinned) for r in rows] == [(str(r.seq), r.date, False) for r in rels]
    assert rows[0].title == rels[0].title
    empty = LIST_PAGE.format(board_name="x", rows='<tr><td colspan="4">There are no posts.</td></tr>').encode()
    assert parse_list(empty, "past the end") == []


@pytest.mark.parametrize("changed", [
    LIST_PAGE.replace('class="board_list"', 'class="bbs-list"'),  # container renamed
    LIST_PAGE.replace("<tbody>", "").replace("</tbody>", "").replace("<table", "<ul").replace("</table>", "</ul>"),
    # rows still there, but links no longer lead to view.do?seq= (a new routing)
    LIST_PAGE.replace("{rows}", '<tr><td>1</td><td><a href="/eng/news/article/320101">A title</a></td>'
                                '<td>2026-03-09</td></tr>'),
])
def test_a_changed_list_layout_is_a_named_error(changed):
    html = changed.replace("{rows}", "\n".join(_row(r, "m_5674") for r in _releases(2)))
    with pytest.raises(ListLayoutError, match="layout changed"):
        parse_list(html.replace("{board_name}", "Ministry News").encode(), "list 1")


def test_changed_layout_stops_fetch_with_exit_1_and_stores_nothing(site, tmp_path):
    s, base = site
    broken = LIST_PAGE.replace('class="board_list"', 'class="news-grid"').format(
        board_name="Ministry News", rows=_row(_releases(1)[0], "m_5674")).encode()
    s.pages["/eng/brd/m_5674/list.do?page=1"] = ("text/html", broken)
    conf = _conf(tmp_path, base, feeds=False)
    raw = tmp_path / "raw"
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q"]) == 1
    assert _stored(raw) == []
    report = crawl_board(_client(), _board(base), raw)
    assert report.layout_error and report.error.startswith("ListLayoutError") and "board_list" in report.error


# -- the walk -------------------------------------------------------------------------------------------------
def test_crawl_stores_view_pages_cleaned_as_mofa_pages(site, tmp_path):
    s, base = site
    rels = _releases(5)
    _publish(s, "m_5674", rels)
    report = crawl_board(_client(), _board(base), tmp_path, since=dt.date(2000, 1, 1))
    assert report.error is None and report.list_pages == 3  # 2 pages of rows, then the 'no posts' page
    assert _stored(tmp_path) == [f"{r.seq}.html" for r in sorted(rels, key=lambda r: str(r.seq))]
    (doc,) = clean_bytes("pages/m_5674/500.html", (tmp_path / "pages/m_5674/500.html").read_bytes())
    assert doc.input_format == "mofa_html" and doc.title == rels[0].title and doc.published == rels[0].date
    assert doc.category == "Ministry News" and doc.url == f"http://127.0.0.1:{base.rsplit(':', 1)[1]}" \
        "/eng/brd/m_5674/view.do?seq=500"
    assert doc.text.endswith(rels[0].body)


def test_make_fetch_follows_list_pages_until_known_releases(site, tmp_path):
    s, base = site
    _publish(s, "m_5674", _releases(5))
    crawl_board(_client(), _board(base), tmp_path, since=dt.date(2000, 1, 1))
    assert load_state(tmp_path, "m_5674")["high_water"] == 500
    # three new releases on top, and a pinned old notice above every page (never a reason to stop)
    newer = _releases(3, top=503, newest=dt.date(2026, 3, 15))
    _publish(s, "m_5674", newer + _releases(5), pinned=Release(7, "Notice on Visa Services", dt.date(2019, 1, 1),
                                                                 "The consular section will move."))
    s.log.clear()
    report = crawl_board(_client(), _board(base), tmp_path)
    # the pinned notice is a release of the board not stored yet: kept, but it did not stop the walk
    assert sorted(report.new) == sorted(f"pages/m_5674/{n}.html" for n in (501, 502, 503, 7))
    lists = [p for p in s.log if "list.do" in p]
    assert lists == ["/eng/brd/m_5674/list.do?page=1", "/eng/brd/m_5674/list.do?page=2"]  # stopped at seq 500
    assert not any("seq=499" in p or "seq=500" in p for p in s.log)  # known releases are never downloaded
    s.log.clear()
    again = crawl_board(_client(), _board(base), tmp_path)
    assert again.new == [] and [p for p in s.log if "view.do" in p] == []


def test_backfill_since_a_date_stops_at_older_rows(site, tmp_path):
    s, base = site
    rels = _releases(9)  # 2026-03-09 back to 2026-02-21
    _publish(s, "m_5674", rels)
    report = crawl_board(_client(), _board(base), tmp_path, since=dt.date(2026, 3, 1))
    assert sorted(report.new) == sorted(f"pages/m_5674/{r.seq}.html" for r in rels if r.date >= dt.date(2026, 3, 1))
    assert "/eng/brd/m_5674/list.do?page=3" not in s.log


def test_first_crawl_without_since_is_limited_and_says_how_to_backfill(site, tmp_path):
    s, base = site
    _publish(s, "m_5674", _releases(12))
    report = crawl_board(_client(), _board(base), tmp_path, first_pages=2)
    assert len(report.new) == 6 and "--since" in (report.note or "")


def test_interrupted_backfill_resumes_without_fetching_twice(site, tmp_path):
    s, base = site
    rels = _releases(9)
    _publish(s, "m_5674", rels)
    s.fail_after = 6  # robots, list 1, 3 views, list 2, then the site stops answering
    first = crawl_board(_client(), _board(base), tmp_path, since=dt.date(2000, 1, 1))
    assert first.error is not None and len(first.new) == 3
    assert load_state(tmp_path, "m_5674")["backfill"] == {"since": "2000-01-01", "page": 2, "top": 500}
    assert load_state(tmp_path, "m_5674")["high_water"] is None  # an unfinished walk moves no mark
    s.fail_after, s.log[:] = None, []
    second = crawl_board(_client(), _board(base), tmp_path, since=dt.date(2000, 1, 1))
    assert second.error is None and len(second.new) == 6
    assert "/eng/brd/m_5674/list.do?page=1" not in s.log  # resumed at page 2
    assert _stored(tmp_path) == sorted(f"{r.seq}.html" for r in rels)
    assert load_state(tmp_path, "m_5674") == {"high_water": 500}


def test_interrupted_first_incremental_crawl_does_not_stop_at_its_own_pages(site, tmp_path):
    s, base = site
    _publish(s, "m_5674", _releases(6))
    s.fail_after = 4  # robots, list 1, two views
    crawl_board(_client(), _board(base), tmp_path, first_pages=5)
    assert _stored(tmp_path) == ["499.html", "500.html"]
    s.fail_after = None
    report = crawl_board(_client(), _board(base), tmp_path, first_pages=5)
    assert len(report.new) == 4 and report.present == 2


def test_network_down_is_named_as_such(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = crawl_board(_client(), _board(f"http://127.0.0.1:{port}"), tmp_path)
    assert report.error is not None and report.error.startswith("NetworkError: network error")
    assert "disallow" not in report.error


# -- versions and identity, through the whole pipeline ---------------------------------------------------------
def _conf(tmp_path: Path, base: str, feeds: bool = True, boards: bool = True) -> Path:
    conf = tmp_path / "fetch.toml"
    text = "[fetch]\nrate = 0.0\nretries = 0\nbackoff = 0.01\ntimeout = 3.0\n\n"
    if feeds:
        text += (f'[[feeds]]\nname = "press-releases"\nboard = "m_5676"\nurl = "{base}/www/brd/rss.do?brdId=302"\n\n'
                 f'[[feeds]]\nname = "press-briefings"\nboard = "m_5679"\nurl = "{base}/www/brd/rss.do?brdId=303"\n\n')
    if boards:
        text += f'[[boards]]\nname = "ministry-news"\nboard = "m_5674"\nurl = "{base}/eng/brd/m_5674/list.do"\n'
    conf.write_text(text, encoding="utf-8")
    return conf


def test_default_feeds_file_names_the_real_feeds_and_boards():
    from pipeline.stages.crawl import load_boards
    from pipeline.stages.fetch import DEFAULT_FEEDS, load_feeds

    feeds, _ = load_feeds(DEFAULT_FEEDS)
    boards, _ = load_boards(DEFAULT_FEEDS)
    assert [(f.board, f.url) for f in feeds] == [("m_5676", "http://www.mofa.go.kr/www/brd/rss.do?brdId=302"),
                                                 ("m_5679", "http://www.mofa.go.kr/www/brd/rss.do?brdId=303")]
    assert [b.board for b in boards] == ["m_5674", "m_5676", "m_5679", "m_4078"]
    assert boards[0].list_url(2) == "https://www.mofa.go.kr/eng/brd/m_5674/list.do?page=2"
    # The Korean briefing board lives under /www/; its view pages keep the board+seq identity of the English ones.
    assert boards[3].view_url("123") == "https://www.mofa.go.kr/www/brd/m_4078/view.do?seq=123"
    from pipeline.engine.ids import release_of
    assert release_of(boards[3].view_url("123")) == ("m_4078", "123")


def test_real_feeds_fetched_then_run_give_exact_metadata_and_a_second_fetch_stores_nothing(site, tmp_path):
    from pipeline.engine.run import run_batch

    s, base = site
    s.pages["/www/brd/rss.do?brdId=302"] = (RSS, (FIXTURES / "rss_302.xml").read_bytes())
    s.pages["/www/brd/rss.do?brdId=303"] = (RSS, (FIXTURES / "rss_303.xml").read_bytes())
    conf, raw, out = _conf(tmp_path, base, boards=False), tmp_path / "raw", tmp_path / "out"
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q"]) == 0
    stored = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*.xml"))
    assert stored == ["feeds/m_5676/320188.xml", "feeds/m_5676/320201.xml", "feeds/m_5679/320190.xml"]
    run_batch(raw, out)
    docs = pd.read_parquet(out / "documents.parquet").sort_values("source")
    got = [(d.source, d.url, d.category, d.title, str(d.published), d.input_format) for d in docs.itertuples()]
    assert got == [
        ("feeds/m_5676/320188.xml#seq-320188", "https://www.mofa.go.kr/www/brd/m_5676/view.do?seq=320188",
         "Press Releases", "Korea Contributes to UNICEF Humanitarian Assistance in Sudan", "2026-03-06", "rss_item"),
        ("feeds/m_5676/320201.xml#seq-320201", "https://www.mofa.go.kr/www/brd/m_5676/view.do?seq=320201",
         "Press Releases", "Foreign Minister Holds Talks with Foreign Minister of Peru", "2026-03-09", "rss_item"),
        ("feeds/m_5679/320190.xml#seq-320190", "https://www.mofa.go.kr/www/brd/m_5679/view.do?seq=320190",
         "Press Briefings", "Regular Press Briefing by the Spokesperson (March 5, 2026)", "2026-03-05", "rss_item"),
    ]
    briefing = docs[docs.source.str.contains("320190")].iloc[0]
    assert "Middle East" in briefing.text and "Canberra" in briefing.text  # the day's topics are one document
    before = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file())
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q"]) == 0
    assert sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()) == before


def test_feed_item_and_view_page_of_one_release_are_one_document_and_an_edit_is_a_new_version(site, tmp_path):
    from pipeline.engine.run import run_batch

    s, base = site
    s.pages["/www/brd/rss.do?brdId=302"] = (RSS, (FIXTURES / "rss_302.xml").read_bytes())
    peru = Release(320201, "Foreign Minister Holds Talks with Foreign Minister of Peru", dt.date(2026, 3, 9),
                   "The Minister of Foreign Affairs held talks with the Minister of Foreign Relations of Peru in Seoul "
                   "on March 9 and discussed ways to expand cooperation in trade, critical minerals and "
                   "infrastructure.")
    _publish(s, "m_5676", [peru], board_name="Press Releases")
    conf = tmp_path / "fetch.toml"
    conf.write_text(f'[fetch]\nrate = 0.0\nretries = 0\n\n[[feeds]]\nname = "p"\nboard = "m_5676"\n'
                    f'url = "{base}/www/brd/rss.do?brdId=302"\n\n[[boards]]\nname = "p"\nboard = "m_5676"\n'
                    f'url = "{base}/eng/brd/m_5676/list.do"\n', encoding="utf-8")
    raw, out = tmp_path / "raw", tmp_path / "out"
    # the feed first; the back-fill with --recheck then downloads the /eng/ view page of the same release
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q", "--since", "2026-01-01",
                     "--recheck"]) == 0
    assert _stored(raw, "m_5676") == ["320201.v2.html"]
    run_batch(raw, out)
    docs = pd.read_parquet(out / "documents.parquet")
    assert len(docs[docs.title == peru.title]) == 1  # /www/ feed item and /eng/ page: one release, one document
    # edited on the site: a new sentence; the hit counter alone is no edit
    s.pages["/eng/brd/m_5676/view.do?seq=320201"] = ("text/html", _view(peru, "Press Releases", hits=99))
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q", "--since", "2026-01-01",
                     "--recheck"]) == 0
    assert _stored(raw, "m_5676") == ["320201.v2.html"]
    edited = Release(peru.seq, peru.title, peru.date, peru.body + " The two sides also signed a visa agreement.")
    s.pages["/eng/brd/m_5676/view.do?seq=320201"] = ("text/html", _view(edited, "Press Releases"))
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q", "--since", "2026-01-01",
                     "--recheck"]) == 0
    assert _stored(raw, "m_5676") == ["320201.v2.html", "320201.v3.html"]
    run_batch(raw, out)
    docs = pd.read_parquet(out / "documents.parquet")
    (doc,) = docs[docs.title == peru.title].itertuples()
    assert doc.text.endswith("signed a visa agreement.") and doc.source == "pages/m_5676/320201.v3.html"
    manifest = pd.read_parquet(out / "manifest.parquet").set_index("source")
    assert manifest.loc["pages/m_5676/320201.v3.html", "status"] == "ok"
    for older, version in (("pages/m_5676/320201.v2.html", 2), ("feeds/m_5676/320201.xml", 1)):
        assert manifest.loc[older, "status"] == "duplicate"
        assert manifest.loc[older, "reason"].startswith(f"earlier version {version} of release m_5676/320201; "
                                                        "the tables show version 3")
