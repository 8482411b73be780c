"""Fetch stage: download the ministry's RSS feeds and store each new item in raw/ as a one-item feed.

Each item lands at ``raw/feeds/<board>/<seq>.xml`` (board and seq read from the item's ``view.do?seq=``
link), so the name is stable across runs and an item already there is never downloaded into a second file.
The client is polite and robust: robots.txt honoured (and its Crawl-delay), a minimum delay between two
requests to one host, an identifying User-Agent, timeouts, and retries with exponential backoff on
connection errors, timeouts, 5xx and 429 (Retry-After honoured). Cookies set by a redirect are kept, as
the site may answer the first request with a redirect that sets a session cookie.

Feeds are parsed with defusedxml first (entity-expansion bombs and external entities refused, nothing
read from the local disk), then re-serialized per item with lxml, which keeps namespace prefixes such as
``content:encoded`` as the feed wrote them.
"""

from __future__ import annotations

import copy
import email.utils
import hashlib
import http.client
import http.cookiejar
import logging
import re
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from lxml import etree

from pipeline.engine import ids
from pipeline.engine.atomic import write_atomic
from pipeline.engine.settings import USER_AGENT, FetchConfig
from pipeline.stages.clean.rss import feed_parts, safe_feed_root

__all__ = ["USER_AGENT", "FetchConfig", "PoliteClient", "fetch_all", "load_feeds", "split_feed"]

log = logging.getLogger("pipeline.stages.fetch")

DEFAULT_FEEDS = Path(__file__).resolve().parent.parent / "fetch_feeds.toml"
#: Statuses worth asking again: the server is overloaded or briefly broken, not refusing us for good.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_BOARD = re.compile(r"/brd/([A-Za-z0-9_-]{1,64})/")


class FetchError(Exception):
    """A URL that could not be downloaded, with a reason a person can act on."""


class Disallowed(FetchError):
    """robots.txt forbids this URL to our User-Agent."""


class NetworkError(FetchError):
    """The host could not be reached (DNS, refused connection, timeout): no answer at all, so nothing is
    known about its robots.txt or its pages; try again when the network is back."""


class FeedError(Exception):
    """A downloaded feed that is not a usable RSS document."""


@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    board: str | None = None  # fallback board name for items whose link does not show one


@dataclass
class FeedReport:
    """What fetching one feed did."""

    feed: str
    items: int = 0
    new: list[str] = field(default_factory=list)  # stored paths, relative to raw/ (new releases)
    versions: list[str] = field(default_factory=list)  # stored paths of new versions of known releases
    present: int = 0
    error: str | None = None

    def line(self) -> str:
        if self.error:
            return f"feed {self.feed}: FAILED: {self.error}"
        return (f"feed {self.feed}: {self.items} items, {len(self.new)} new, {len(self.versions)} edited "
                f"(stored as new versions), {self.present} already present")


def load_feeds(path: Path) -> tuple[list[Feed], dict[str, float | int]]:
    """The feeds of a TOML settings file and its optional [fetch] defaults."""
    with open(path, "rb") as fh:
        conf = tomllib.load(fh)
    feeds = [Feed(name=f["name"], url=f["url"], board=f.get("board")) for f in conf.get("feeds", [])]
    if not feeds and not conf.get("boards"):
        raise ValueError(f"{path}: no [[feeds]] and no [[boards]] entries")
    defaults = {k: v for k, v in conf.get("fetch", {}).items() if k in FetchConfig.__dataclass_fields__}
    return feeds, defaults


class PoliteClient:
    """urllib with a cookie jar, robots.txt, a per-host rate limit and retries with backoff.

    ``sleep`` and ``clock`` are injectable so tests can observe waits without spending them.
    """

    def __init__(self, config: FetchConfig, *, proxies: dict[str, str] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.jar = http.cookiejar.CookieJar()
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPCookieProcessor(self.jar)]
        if proxies is not None:
            handlers.append(urllib.request.ProxyHandler(proxies))
        self.opener = urllib.request.build_opener(*handlers)
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._unreachable: dict[str, NetworkError] = {}  # host -> why its robots.txt could not be fetched
        self.requests: list[str] = []  # every URL asked for, in order (for the log and tests)

    # -- politeness -------------------------------------------------------------------------------------
    def _delay(self, host: str) -> float:
        """The rate, or the largest Crawl-delay of the host's robots.txt files (http and https are one host)."""
        crawl = [r.crawl_delay(self.config.user_agent) for origin, r in self._robots.items()
                 if _host(origin) == host]
        return max([self.config.rate] + [float(c) for c in crawl if c])

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self._delay(host) - self.clock()
            if wait > 0:
                self.sleep(min(wait, self.config.max_wait))

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The host's robots.txt rules, fetched once. Missing (4xx) allows all; 401/403 and a server error
        (5xx) disallow all, as RFC 9309 asks. No answer at all (network down) is :class:`NetworkError`, never
        taken for a refusal: nothing is known of the rules then."""
        host = _origin(url)
        if host in self._unreachable:
            raise self._unreachable[host]
        if host not in self._robots:
            rp = urllib.robotparser.RobotFileParser(host + "/robots.txt")
            try:
                body = self._get(host + "/robots.txt")
                rp.parse(body.decode("utf-8", errors="replace").splitlines())
            except _HTTPStatus as err:
                if err.code in (401, 403):
                    rp.disallow_all = True
                else:
                    rp.allow_all = True
            except NetworkError as err:
                self._unreachable[host] = NetworkError(f"network error: cannot reach {host} ({err}); nothing was "
                                                       "fetched from it")
                raise self._unreachable[host] from None
            except FetchError as err:
                log.warning("robots.txt of %s unavailable (%s): not fetching from this host", host, err)
                rp.disallow_all = True
            self._robots[host] = rp
        return self._robots[host]

    def fetch(self, url: str) -> bytes:
        """The body of ``url`` if robots.txt allows it, else :class:`Disallowed`; :class:`FetchError` on failure."""
        if not self.robots(url).can_fetch(self.config.user_agent, url):
            raise Disallowed(f"robots.txt of {urllib.parse.urlsplit(url).netloc} disallows {url}")
        return self._get(url)

    # -- transport ----------------------------------------------------------------------------------------
    def _get(self, url: str) -> bytes:
        host = _host(url)
        cfg = self.config
        reason = "no attempt made"
        network = False  # the last failure was no answer at all (not an HTTP status)
        for attempt in range(cfg.retries + 1):
            self._wait_turn(host)
            self.requests.append(url)
            wait = cfg.backoff * 2 ** attempt
            req = urllib.request.Request(url, headers={"User-Agent": cfg.user_agent,
                                                       "Accept": "application/rss+xml, application/xml, text/xml, */*"})
            try:
                with self.opener.open(req, timeout=cfg.timeout) as resp:
                    data = resp.read(cfg.max_bytes + 1)
                if len(data) > cfg.max_bytes:
                    raise FetchError(f"{url}: answer larger than {cfg.max_bytes / 1e6:.0f} MB, refused")
                return data
            except urllib.error.HTTPError as err:
                if err.code not in RETRY_STATUSES:
                    raise _HTTPStatus(err.code, f"{url}: HTTP {err.code} {err.reason}") from None
                reason, network = f"HTTP {err.code} {err.reason}", False
                after = _retry_after(err.headers.get("Retry-After")) if err.headers else None
                if after is not None:
                    wait = after
            except urllib.error.URLError as err:
                reason, network = f"connection failed: {err.reason}", True
            except (TimeoutError, ConnectionError, http.client.HTTPException) as err:
                reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
                network = not isinstance(err, http.client.HTTPException)
                if isinstance(err, TimeoutError):
                    reason = f"timed out after {cfg.timeout:g}s"
            finally:
                self._last[host] = self.clock()
            if attempt < cfg.retries:
                log.info("%s: %s; retry %d/%d in %.1fs", url, reason, attempt + 1, cfg.retries,
                         min(wait, cfg.max_wait))
                self.sleep(min(wait, cfg.max_wait))
        error = NetworkError if network else FetchError
        raise error(f"{url}: gave up after {cfg.retries + 1} attempts ({reason})")


def _host(url: str) -> str:
    """host[:port], the unit of the rate limit (the site serves its feeds on http and its pages on https)."""
    return urllib.parse.urlsplit(url).netloc.lower()


def _origin(url: str) -> str:
    """scheme://host:port, the unit of robots.txt and of the rate limit."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _HTTPStatus(FetchError):
    """A final, non-retryable HTTP status (404, 403...)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


#: A release that answers 404 or 410 is gone from the site; the crawler skips it instead of stopping.
HTTPStatusError = _HTTPStatus


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# -- feeds ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    board: str
    name: str  # the seq, or a content hash when the link shows none
    link: str | None
    xml: bytes  # a one-item RSS document

    @property
    def relpath(self) -> str:
        return f"feeds/{self.board}/{self.name}.xml"


def _text(el: etree._Element, tag: str) -> str | None:
    child = el.find(tag)
    return child.text.strip() if child is not None and child.text and child.text.strip() else None


def item_identity(link: str | None, guid: str | None, fallback_board: str, digest_of: str) -> tuple[str, str]:
    """(board, name) for the stored file: from ``.../brd/<board>/view.do?seq=<seq>`` when the link (or
    guid) has them, else the feed's board and a content hash. Only safe characters reach the file name."""
    for url in (link, guid):
        if not url:
            continue
        parts = urllib.parse.urlsplit(url)
        seqs = urllib.parse.parse_qs(parts.query).get("seq", [])
        if seqs and seqs[0].isdigit() and len(seqs[0]) <= 20:
            m = _BOARD.search(parts.path)
            board = m.group(1) if m else fallback_board
            return board, seqs[0]
    return fallback_board, "h" + hashlib.sha256(digest_of.encode("utf-8")).hexdigest()[:16]


def split_feed(data: bytes, feed: Feed) -> list[Item]:
    """One-item RSS documents from a feed, or :class:`FeedError` saying why the feed is unusable."""
    try:
        safe_feed_root(data)
    except DefusedXmlException as err:
        raise FeedError(f"refused: the XML declares entities or external references ({type(err).__name__}); "
                        "nothing was read from it") from None
    except ParseError as err:
        raise FeedError(f"malformed XML ({err})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise FeedError(f"malformed XML ({err})") from None
    channel, feed_items = feed_parts(root)
    if etree.QName(root).localname != "rss" or channel is None:
        raise FeedError(f"not an RSS 2.0 feed (root element <{etree.QName(root).localname}>)")
    fallback_board = feed.board if feed.board and _SAFE_NAME.fullmatch(feed.board) else _slug(feed.name)
    items = []
    in_items = set(feed_items)
    for item in feed_items:
        link, guid = _text(item, "link"), _text(item, "guid")
        doc = etree.Element("rss", attrib=dict(root.attrib), nsmap=root.nsmap)
        out_channel = etree.SubElement(doc, "channel")
        for child in channel:
            if child not in in_items:
                out_channel.append(copy.deepcopy(child))
        out_channel.append(copy.deepcopy(item))
        xml = etree.tostring(doc, xml_declaration=True, encoding="UTF-8")
        board, name = item_identity(link, guid, fallback_board, etree.tostring(item, encoding="unicode"))
        items.append(Item(board=board, name=name, link=link, xml=xml + b"\n"))
    return items


def _slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:64]
    return s or "feed"


# -- storing releases, with versions ---------------------------------------------------------------------------
#: Where each kind of stored release lives under raw/, and its file extension.
KINDS = {"feeds": "xml", "pages": "html"}


def stored_files(raw_dir: Path, board: str, seq: str) -> list[tuple[int, str, Path]]:
    """Every stored file of one release (feed items and pages): (version, kind, path), oldest first."""
    found = []
    for kind, ext in KINDS.items():
        folder = raw_dir / kind / board
        for path in [folder / f"{seq}.{ext}", *folder.glob(f"{seq}.v*.{ext}")]:
            stored = ids.stored_release(path.relative_to(raw_dir).as_posix())
            if stored and stored[1] == seq and (path.exists() or path.is_symlink()):
                found.append((stored[2], kind, path))
    return sorted(found)


def store_release(raw_dir: Path, kind: str, board: str, seq: str, data: bytes,
                  fingerprint: Callable[[bytes], str]) -> tuple[str, str | None]:
    """Store one downloaded release: ('new', path) for a release not seen before, ('version', path) when its
    content (``fingerprint``, blind to hit counters and feed build dates) differs from the latest stored one of
    this kind, ('present', None) otherwise. A version is ``<seq>.v<N>.<ext>``, N one more than any stored file
    of the release, so the latest fetched content wins in the tables."""
    files = stored_files(raw_dir, board, seq)
    same_kind = [(v, p) for v, k, p in files if k == kind]
    if same_kind:
        try:
            latest = same_kind[-1][1].read_bytes()
        except OSError:
            latest = b""
        if fingerprint(latest) == fingerprint(data):
            return "present", None
    ext = KINDS[kind]
    name = f"{seq}.{ext}" if not files else f"{seq}.v{files[-1][0] + 1}.{ext}"
    relpath = f"{kind}/{board}/{name}"
    write_atomic(raw_dir / relpath, lambda tmp: tmp.write_bytes(data))
    return ("version" if files else "new"), relpath


def item_fingerprint(xml: bytes) -> str:
    """What makes one stored feed item's content: its <item> element's fields, without the channel (whose build
    date changes on every download)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return ids.sha256_bytes(xml)
    item = next((el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "item"), None)
    if item is None:
        return ids.sha256_bytes(xml)
    fields = sorted(f"{etree.QName(c).localname}={' '.join(''.join(c.itertext()).split())}"
                    for c in item if isinstance(c.tag, str))
    return ids.short_hash("\n".join(fields), 64)


def fetch_feed(client: PoliteClient, feed: Feed, raw_dir: Path) -> FeedReport:
    """Download one feed and store its new items (and new versions of edited ones); failures end in the
    report, never raise."""
    report = FeedReport(feed=feed.name)
    try:
        data = client.fetch(feed.url)
        items = split_feed(data, feed)
    except (FetchError, FeedError) as err:
        report.error = str(err)
        return report
    report.items = len(items)
    seen: set[str] = set()
    for item in items:
        if item.relpath in seen:
            report.present += 1  # the feed lists the same seq twice
            continue
        seen.add(item.relpath)
        if not item.name.isdigit():  # no seq in the link: named by content, so present means unchanged
            path = raw_dir / item.relpath
            if path.exists() or path.is_symlink():
                report.present += 1
                continue
            write_atomic(path, lambda tmp, xml=item.xml: tmp.write_bytes(xml))
            report.new.append(item.relpath)
            continue
        status, relpath = store_release(raw_dir, "feeds", item.board, item.name, item.xml, item_fingerprint)
        if status == "present":
            report.present += 1
        else:
            (report.new if status == "new" else report.versions).append(relpath or "")
    return report


def fetch_all(feeds: list[Feed], raw_dir: Path, config: FetchConfig,
              client: PoliteClient | None = None) -> list[FeedReport]:
    """Every feed in turn, through one client (one cookie jar, one rate limit per host)."""
    client = client or PoliteClient(config)
    reports = []
    for feed in feeds:
        report = fetch_feed(client, feed, raw_dir)
        (log.error if report.error else log.info)("%s", report.line())
        reports.append(report)
    return reports
