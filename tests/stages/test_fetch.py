"""The fetch stage against a local HTTP server serving fixture feeds: cookies set by a redirect, timeouts,
5xx then success, 429 with Retry-After, malformed XML, robots.txt, already-present items, hostile XML."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree

from pipeline.cli import main as cli_main
from pipeline.stages.fetch import (
    USER_AGENT,
    Feed,
    FeedError,
    FetchConfig,
    PoliteClient,
    fetch_all,
    fetch_feed,
    item_identity,
    split_feed,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "fetch"
PRESS = (FIXTURES / "press.xml").read_bytes()
BRIEFINGS = (FIXTURES / "briefings.xml").read_bytes()
MALFORMED = (FIXTURES / "malformed.xml").read_bytes()
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Site:
    """Routes of the fake ministry site: path -> a function of (request count, cookie header) -> Answer."""

    routes: dict[str, Callable[[int, str], Answer]] = field(default_factory=dict)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (path, user agent, cookie)
    counts: dict[str, int] = field(default_factory=dict)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            cookie = self.headers.get("Cookie", "")
            site.log.append((path, self.headers.get("User-Agent", ""), cookie))
            site.counts[path] = site.counts.get(path, 0) + 1
            route = site.routes.get(path.split("?")[0])
            answer = route(site.counts[path], cookie) if route else Answer(404, b"not found")
            if answer.delay:
                time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                for k, v in answer.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: object) -> None:
            return None

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    s = Site()
    s.routes["/robots.txt"] = lambda n, c: Answer(body=ROBOTS)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class FakeTime:
    """Sleeps recorded, not spent; the clock moves by what was slept so the rate limit is observable."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def sleep(self, s: float) -> None:
        self.slept.append(s)
        self.now += s

    def clock(self) -> float:
        return self.now


def _client(fake: FakeTime | None = None, **cfg: float) -> PoliteClient:
    config = FetchConfig(**{"rate": 0.0, "timeout": 2.0, "retries": 2, "backoff": 0.5, **cfg})  # type: ignore[arg-type]
    fake = fake or FakeTime()
    return PoliteClient(config, proxies={}, sleep=fake.sleep, clock=fake.clock)


def _feed(base: str, path: str, name: str = "press") -> Feed:
    return Feed(name=name, url=base + path, board="m_5676")


def test_new_items_stored_under_board_and_seq_with_user_agent(site, tmp_path):
    s, base = site
    s.routes["/eng/brd/m_5676/rss.do"] = lambda n, c: Answer(body=PRESS, headers={"Content-Type": "application/xml"})
    report = fetch_feed(_client(), _feed(base, "/eng/brd/m_5676/rss.do"), tmp_path)
    assert report.error is None and report.items == 3
    assert report.new == ["feeds/m_5676/320101.xml", "feeds/m_5676/320102.xml", "feeds/m_5676/320103.xml"]
    assert all(ua == USER_AGENT for _, ua, _ in s.log)
    assert USER_AGENT.startswith("mofa-extract/")
    one = etree.fromstring((tmp_path / "feeds/m_5676/320102.xml").read_bytes())
    items = one.findall("channel/item")
    assert len(items) == 1
    assert items[0].findtext("title") == "Foreign Minister Attends G20 Foreign Ministers' Meeting"
    # the channel title (it carries the category) and the content:encoded prefix survive the split
    assert one.findtext("channel/title").endswith("> Press Releases")
    assert b"<content:encoded>" in (tmp_path / "feeds/m_5676/320102.xml").read_bytes()
    assert not list(tmp_path.rglob("*.tmp"))


def test_already_present_items_are_skipped_and_not_rewritten(site, tmp_path):
    s, base = site
    s.routes["/feed"] = lambda n, c: Answer(body=PRESS)
    assert len(fetch_feed(_client(), _feed(base, "/feed"), tmp_path).new) == 3
    existing = tmp_path / "feeds/m_5676/320101.xml"
    # the same item under another channel build date: the item's content decides, not the file's bytes
    kept = existing.read_bytes().replace(b"<language>en</language>", b"<lastBuildDate>yesterday</lastBuildDate>")
    existing.write_bytes(kept)
    again = fetch_feed(_client(), _feed(base, "/feed"), tmp_path)
    assert again.new == [] and again.versions == [] and again.present == 3
    assert existing.read_bytes() == kept
    assert sorted(p.name for p in existing.parent.iterdir()) == ["320101.xml", "320102.xml", "320103.xml"]


def test_edited_item_is_stored_as_a_new_version(site, tmp_path):
    s, base = site
    edited = PRESS.replace(b"clean energy.", b"clean energy and space.")
    s.routes["/feed"] = lambda n, c: Answer(body=PRESS if n == 1 else edited)
    fetch_feed(_client(), _feed(base, "/feed"), tmp_path)
    report = fetch_feed(_client(), _feed(base, "/feed"), tmp_path)
    assert report.versions == ["feeds/m_5676/320101.v2.xml"] and report.new == [] and report.present == 2
    assert b"clean energy and space." in (tmp_path / "feeds/m_5676/320101.v2.xml").read_bytes()
    assert b"and space" not in (tmp_path / "feeds/m_5676/320101.xml").read_bytes()
    assert fetch_feed(_client(), _feed(base, "/feed"), tmp_path).versions == []


def test_no_network_is_a_network_error_not_a_robots_refusal(tmp_path):
    with socket.socket() as sock:  # a port nobody listens on: connection refused, as without a network
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = fetch_feed(_client(retries=0), _feed(f"http://127.0.0.1:{port}", "/feed"), tmp_path)
    assert report.error is not None and report.error.startswith("network error")
    assert "disallow" not in report.error and "robots.txt" not in report.error.split("(")[0]


def test_redirect_that_sets_a_cookie_is_followed_with_the_cookie(site, tmp_path):
    s, base = site

    def gate(n: int, cookie: str) -> Answer:
        if "JSESSIONID=abc123" not in cookie:
            return Answer(302, headers={"Location": "/eng/brd/m_5676/rss.do",
                                        "Set-Cookie": "JSESSIONID=abc123; Path=/"})
        return Answer(body=PRESS)

    s.routes["/eng/brd/m_5676/rss.do"] = gate
    report = fetch_feed(_client(), _feed(base, "/eng/brd/m_5676/rss.do"), tmp_path)
    assert report.error is None and len(report.new) == 3
    feed_hits = [(p, c) for p, _, c in s.log if p.startswith("/eng/")]
    assert feed_hits[0][1] == "" and "JSESSIONID=abc123" in feed_hits[1][1]


def test_timeout_is_retried_then_reported(site, tmp_path):
    s, base = site
    s.routes["/slow"] = lambda n, c: Answer(body=PRESS, delay=1.5)
    fake = FakeTime()
    started = time.monotonic()
    report = fetch_feed(_client(fake, timeout=0.3, retries=1), _feed(base, "/slow"), tmp_path)
    assert report.error is not None and "timed out" in report.error and "2 attempts" in report.error
    assert time.monotonic() - started < 5
    assert fake.slept == [0.5]  # one backoff wait between the two attempts
    assert not (tmp_path / "feeds").exists()


def test_server_error_then_success_is_retried_with_exponential_backoff(site, tmp_path):
    s, base = site
    s.routes["/flaky"] = lambda n, c: Answer(500, b"oops") if n <= 2 else Answer(body=PRESS)
    fake = FakeTime()
    report = fetch_feed(_client(fake, retries=3), _feed(base, "/flaky"), tmp_path)
    assert report.error is None and len(report.new) == 3
    assert s.counts["/flaky"] == 3
    assert fake.slept == [0.5, 1.0]


def test_429_waits_as_long_as_retry_after_says(site, tmp_path):
    s, base = site
    s.routes["/busy"] = lambda n, c: Answer(429, b"slow down", {"Retry-After": "7"}) if n == 1 else Answer(body=PRESS)
    fake = FakeTime()
    report = fetch_feed(_client(fake), _feed(base, "/busy"), tmp_path)
    assert report.error is None and fake.slept == [7.0]


def test_404_is_not_retried(site, tmp_path):
    s, base = site
    report = fetch_feed(_client(), _feed(base, "/missing"), tmp_path)
    assert report.error is not None and "HTTP 404" in report.error
    assert s.counts["/missing"] == 1


def test_rate_limit_spaces_requests_to_one_host(site, tmp_path):
    s, base = site
    s.routes["/a"] = lambda n, c: Answer(body=PRESS)
    s.routes["/b"] = lambda n, c: Answer(body=BRIEFINGS)
    fake = FakeTime()
    client = _client(fake, rate=3.0)
    fetch_all([_feed(base, "/a", "a"), _feed(base, "/b", "b")], tmp_path, client.config, client)
    # robots.txt, /a, /b: the second and third requests each waited the full 3 s (the fake clock stands still)
    assert fake.slept == [3.0, 3.0]


def test_robots_disallow_is_honoured(site, tmp_path):
    s, base = site
    s.routes["/private/rss.do"] = lambda n, c: Answer(body=PRESS)
    report = fetch_feed(_client(), _feed(base, "/private/rss.do"), tmp_path)
    assert report.error is not None and "robots.txt" in report.error and "disallows" in report.error
    assert "/private/rss.do" not in s.counts


def test_robots_crawl_delay_raises_the_rate(site, tmp_path):
    s, base = site
    s.routes["/robots.txt"] = lambda n, c: Answer(body=b"User-agent: *\nCrawl-delay: 10\n")
    s.routes["/a"] = lambda n, c: Answer(body=PRESS)
    fake = FakeTime()
    fetch_feed(_client(fake, rate=1.0), _feed(base, "/a"), tmp_path)
    assert fake.slept == [10.0]


def test_malformed_feed_is_an_error_and_other_feeds_are_kept(site, tmp_path):
    s, base = site
    s.routes["/bad"] = lambda n, c: Answer(body=MALFORMED)
    s.routes["/good"] = lambda n, c: Answer(body=BRIEFINGS)
    client = _client()
    reports = fetch_all([_feed(base, "/bad", "bad"), _feed(base, "/good", "good")], tmp_path, client.config, client)
    assert reports[0].error is not None and "malformed XML" in reports[0].error
    assert reports[1].new == ["feeds/m_5679/320555.xml"]
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.xml")] == ["feeds/m_5679/320555.xml"]


def test_html_error_page_with_status_200_is_not_a_feed(site, tmp_path):
    s, base = site
    s.routes["/html"] = lambda n, c: Answer(body=b"<html><body><p>Service unavailable</p></body></html>")
    report = fetch_feed(_client(), _feed(base, "/html"), tmp_path)
    assert report.error is not None and "not an RSS 2.0 feed" in report.error


def test_entity_bomb_and_external_entity_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-CONTENT")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
            + b']><rss version="2.0"><channel><title>t</title><item><title>&i;</title></item></channel></rss>')
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><title>t</title><item><title>&x;</title>'
           '<link>https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1</link></item></channel></rss>').encode()
    for data in (bomb, xxe):
        with pytest.raises(FeedError, match="refused"):
            split_feed(data, Feed("x", "http://example.invalid/"))


def test_item_names_never_leave_the_feeds_folder():
    board, name = item_identity("https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=../../etc", None, "m_5676", "x")
    assert (board, name) == ("m_5676", "h" + __import__("hashlib").sha256(b"x").hexdigest()[:16])
    board, name = item_identity("https://evil.example/brd/..%2F/view.do?seq=12", None, "fallback", "x")
    assert (board, name) == ("fallback", "12")
    assert item_identity(None, "https://www.mofa.go.kr/eng/brd/m_5679/view.do?seq=77", "b", "x") == ("m_5679", "77")


def test_cli_exit_code_nonzero_only_when_every_feed_failed(site, tmp_path):
    s, base = site
    s.routes["/good"] = lambda n, c: Answer(body=PRESS)
    s.routes["/bad"] = lambda n, c: Answer(body=MALFORMED)
    conf = tmp_path / "feeds.toml"
    conf.write_text(f'[fetch]\nrate = 0.0\nbackoff = 0.01\nretries = 0\n\n'
                    f'[[feeds]]\nname = "bad"\nurl = "{base}/bad"\n\n'
                    f'[[feeds]]\nname = "good"\nboard = "m_5676"\nurl = "{base}/good"\n')
    raw = tmp_path / "raw"
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "-q"]) == 0
    assert len(list((raw / "feeds" / "m_5676").glob("*.xml"))) == 3
    conf.write_text(f'[[feeds]]\nname = "bad"\nurl = "{base}/bad"\n')
    assert cli_main(["fetch", "--feeds", str(conf), "--raw", str(raw), "--rate", "0", "--retries", "0", "-q"]) == 1


def test_stored_item_is_read_by_the_clean_stage_as_a_feed_item(site, tmp_path):
    from pipeline.stages.clean import clean_bytes

    s, base = site
    s.routes["/feed"] = lambda n, c: Answer(body=PRESS)
    fetch_feed(_client(), _feed(base, "/feed"), tmp_path)
    path = tmp_path / "feeds/m_5676/320102.xml"
    (doc,) = clean_bytes("feeds/m_5676/320102.xml", path.read_bytes())
    assert doc.input_format == "rss_item"
    assert doc.url is not None and "seq=320102" in doc.url
    assert doc.title == "Foreign Minister Attends G20 Foreign Ministers' Meeting"
    assert doc.category == "Press Releases"
