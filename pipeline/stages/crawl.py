"""List-page crawler for the ministry's boards without a feed (Ministry News first), and for back-filling.

The board system lists a board newest first at ``.../brd/<board>/list.do?page=N``: rows of
``div.board_list table tbody tr``, each with a title link to ``view.do?seq=N`` and the date in a cell. Each new
release's view page is stored as ``raw/pages/<board>/<seq>.html`` (a ``<link rel="canonical">`` to its view URL
added, so the clean stage knows the release's board and seq), then cleaned by the MOFA page path.

- ``make fetch``: from page 1 down to the newest release already crawled (the board's high-water seq);
  a board never crawled and holding no stored file stops after ``first_pages`` list pages.
- ``fetch --since DATE``: down to the first row older than DATE (back-filling what the feeds no longer carry).
- Resumable: each view page is stored atomically as soon as it is fetched, and ``raw/pages/<board>/.crawl.json``
  (hidden: never read as input) keeps the high-water seq, written only when a walk completes, and the list page
  a back-fill reached; an interrupted walk is taken up again without fetching stored pages twice.
- A list page that no longer has the board system's structure is :class:`ListLayoutError`, named in the report
  (and a non-zero exit), never "nothing stored".
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import tomllib
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from pipeline.engine import ids
from pipeline.engine.atomic import write_text_atomic
from pipeline.stages import read
from pipeline.stages.fetch import Disallowed, FetchError, HTTPStatusError, PoliteClient, store_release

log = logging.getLogger("pipeline.stages.crawl")

STATE_FILE = read.CRAWL_STATE
#: List pages a walk follows at most (a board of the site has a few hundred): a loop guard, not a setting.
MAX_LIST_PAGES = 5000
_DATE = re.compile(r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b")
_SEQ_CALL = re.compile(r"\(\s*['\"]?(\d{3,20})['\"]?\s*[,)]")


class ListLayoutError(Exception):
    """A list page without the board system's structure: the site's layout changed and the parser must be
    updated. Raised instead of reading the page as an empty list."""


@dataclass(frozen=True)
class Board:
    name: str
    board: str  # the /brd/<board>/ id, e.g. m_5674
    url: str  # the list page, e.g. https://www.mofa.go.kr/eng/brd/m_5674/list.do

    def list_url(self, page: int) -> str:
        parts = urllib.parse.urlsplit(self.url)
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page"] + [("page", str(page))]
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))

    def view_url(self, seq: str) -> str:
        """The release's canonical view URL (no paging or search parameters)."""
        return urllib.parse.urljoin(self.url, f"view.do?seq={seq}")


@dataclass(frozen=True)
class Row:
    seq: str
    title: str
    date: dt.date | None
    pinned: bool  # a notice pinned above the list (no running number): never a reason to stop


@dataclass
class BoardReport:
    """What crawling one board did."""

    board: str
    list_pages: int = 0
    new: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    present: int = 0
    failed: list[str] = field(default_factory=list)  # view pages that could not be fetched (retried next run)
    error: str | None = None
    layout_error: bool = False
    note: str | None = None

    def line(self) -> str:
        head = f"board {self.board}: {self.list_pages} list pages, {len(self.new)} new, {len(self.versions)} " \
               f"edited (stored as new versions), {self.present} already present, {len(self.failed)} failed"
        if self.error:
            return f"{head}; FAILED: {self.error}"
        return head + (f"; {self.note}" if self.note else "")


def load_boards(path: Path) -> tuple[list[Board], int]:
    """The [[boards]] of the fetch settings file and [crawl] first_pages (list pages of a first crawl)."""
    with open(path, "rb") as fh:
        conf = tomllib.load(fh)
    boards = [Board(name=b["name"], board=b["board"], url=b["url"]) for b in conf.get("boards", [])]
    for b in boards:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", b.board):
            raise ValueError(f"{path}: board id {b.board!r} is not a /brd/<board>/ id")
    return boards, int(conf.get("crawl", {}).get("first_pages", 3))


# -- the pure part: a list page into rows ----------------------------------------------------------------------
def _row_seq(row: etree._Element) -> tuple[str | None, str]:
    """The seq and title of a row's view link (``view.do?seq=N``, or a script call with the seq)."""
    for a in row.iter("a"):
        href = a.get("href") or ""
        title = " ".join(a.text_content().split())
        query = urllib.parse.urlsplit(href.replace("&amp;", "&")).query
        seq = urllib.parse.parse_qs(query).get("seq", [""])[0]
        if "view.do" in href and seq.isdigit():
            return seq, title
        call = _SEQ_CALL.search(a.get("onclick") or (href if href.startswith("javascript:") else ""))
        if call:
            return call.group(1), title
    return None, ""


def parse_list(html: bytes, where: str) -> list[Row]:
    """The release rows of one list page, newest first; [] for the board's 'no posts' row past the last page.
    :class:`ListLayoutError` when the page lacks the structure (``div.board_list table tbody tr`` with a view
    link and a date in each row)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as err:
        raise ListLayoutError(f"{where}: not an HTML page ({err})") from None
    lists = [d for d in root.iter("div") if "board_list" in (d.get("class") or "").split()]
    if not lists:
        raise ListLayoutError(f"{where}: no <div class=\"board_list\"> on the list page: the site's list layout "
                              "changed, the crawler must be updated (nothing was stored)")
    trs = [tr for d in lists for table in d.iter("table") for tbody in table.iter("tbody") for tr in tbody.iter("tr")]
    if not trs:
        raise ListLayoutError(f"{where}: div.board_list holds no table tbody tr rows: the list layout changed "
                              "(nothing was stored)")
    rows, unreadable = [], 0
    for tr in trs:
        seq, title = _row_seq(tr)
        cells = [" ".join(td.text_content().split()) for td in tr.iter("td")]
        if seq is None:
            if len(cells) <= 1:
                continue  # the board's 'no posts' row
            unreadable += 1
            continue
        date = next((dt.date(int(m[1]), int(m[2]), int(m[3])) for c in cells for m in [_DATE.search(c)] if m), None)
        if date is None:
            unreadable += 1
            continue
        first = cells[0] if cells else ""
        rows.append(Row(seq=seq, title=title, date=date, pinned=not first.isdigit()))
    if unreadable and not rows:
        raise ListLayoutError(f"{where}: {unreadable} rows in div.board_list, none with a view.do?seq= link and a "
                              "date cell: the list layout changed (nothing was stored)")
    return rows


def with_canonical(html: bytes, url: str) -> bytes:
    """The view page with ``<link rel="canonical">`` to its view URL first in <head>, so the clean stage reads
    the release's board and seq from the stored file (a saved page carries no address of its own)."""
    tag = f'<link rel="canonical" href="{url}">'.encode()
    m = re.search(rb"<head\b[^>]*>", html, re.IGNORECASE)
    return html[:m.end()] + tag + html[m.end():] if m else tag + html


def page_fingerprint(data: bytes) -> str:
    """A view page's content as the tables see it (title, subtitle, date, text): the hit counter and page
    furniture change between downloads without the release being edited."""
    from pipeline.stages.clean import Rejected, clean_bytes

    try:
        docs = clean_bytes("page.html", data)
    except (Rejected, ValueError) as err:  # unreadable page: its bytes decide
        log.debug("page not cleanable (%s): compared by bytes", err)
        return ids.sha256_bytes(data)
    return ids.short_hash(json.dumps([[d.title, d.subtitle, str(d.published), d.text] for d in docs
                                      if not isinstance(d, Rejected)]), 64)


# -- state ---------------------------------------------------------------------------------------------------
def _state_path(raw_dir: Path, board: str) -> Path:
    return raw_dir / "pages" / board / STATE_FILE


def load_state(raw_dir: Path, board: str) -> dict | None:
    try:
        state = json.loads(_state_path(raw_dir, board).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def save_state(raw_dir: Path, board: str, state: dict) -> None:
    path = _state_path(raw_dir, board)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, json.dumps(state, sort_keys=True))


def stored_seqs(raw_dir: Path, board: str) -> set[int]:
    """Seqs of the board's releases stored in any form (feed item or page)."""
    seqs = set()
    for kind in ("feeds", "pages"):
        folder = raw_dir / kind / board
        if folder.is_dir():
            for path in folder.iterdir():
                stored = ids.stored_release(f"{kind}/{board}/{path.name}")
                if stored:
                    seqs.add(int(stored[1]))
    return seqs


# -- the walk ------------------------------------------------------------------------------------------------
def crawl_board(client: PoliteClient, board: Board, raw_dir: Path, *, since: dt.date | None = None,
                recheck: bool = False, first_pages: int = 3) -> BoardReport:
    """Walk one board's list pages and store its new releases; every failure ends in the report."""
    report = BoardReport(board=board.board)
    state = load_state(raw_dir, board.board)
    known = stored_seqs(raw_dir, board.board)
    high = state.get("high_water") if state is not None else (max(known) if known else None)
    state = dict(state or {}, high_water=high)
    page = 1
    backfill = state.get("backfill") or {}
    top = high or 0
    if since is not None and backfill.get("since") == since.isoformat():
        # resume an interrupted back-fill where it stopped, with the newest seq its first pages saw
        page, top = int(backfill.get("page", 1)), max(top, int(backfill.get("top", 0)))
    save_state(raw_dir, board.board, state)  # from now on high_water is only moved by a completed walk
    try:
        while page <= MAX_LIST_PAGES:
            url = board.list_url(page)
            rows = parse_list(client.fetch(url), url)
            report.list_pages += 1
            if not rows:
                break
            stop = False
            for row in rows:
                top = max(top, int(row.seq))
                older = row.date < since if since and row.date else False
                if not row.pinned and ((since is None and high is not None and int(row.seq) <= high) or older):
                    stop = True
                    break
                if older:
                    continue
                if int(row.seq) in known and not recheck:
                    report.present += 1
                    continue
                _store_view(client, board, row, raw_dir, report)
                known.add(int(row.seq))
            page += 1
            if since is not None:
                state["backfill"] = {"since": since.isoformat(), "page": page, "top": top}
                save_state(raw_dir, board.board, state)
            if stop:
                break
            if since is None and high is None and report.list_pages >= first_pages:
                report.note = (f"first crawl of this board stopped after {first_pages} list pages; back-fill older "
                               "releases with `python -m pipeline fetch --since YYYY-MM-DD`")
                break
    except ListLayoutError as err:
        report.error, report.layout_error = f"ListLayoutError: {err}", True
        return report
    except FetchError as err:
        report.error = f"{type(err).__name__}: {err}"
        return report
    state.pop("backfill", None)
    if not report.failed:  # a view that failed keeps the mark below it, so the next walk fetches it again
        state["high_water"] = max(top, high or 0) or None
    save_state(raw_dir, board.board, state)
    return report


def _store_view(client: PoliteClient, board: Board, row: Row, raw_dir: Path, report: BoardReport) -> None:
    url = board.view_url(row.seq)
    try:
        data = client.fetch(url)
    except FetchError as err:
        if not isinstance(err, Disallowed | HTTPStatusError):
            raise  # network down or the server failing (5xx after retries): stop the walk, the state resumes it
        report.failed.append(f"{url}: {err}")
        log.warning("view page %s not fetched: %s", url, err)
        return
    status, relpath = store_release(raw_dir, "pages", board.board, row.seq, with_canonical(data, url),
                                    page_fingerprint)
    if status == "present":
        report.present += 1
    else:
        (report.new if status == "new" else report.versions).append(relpath or "")


def crawl_all(boards: list[Board], raw_dir: Path, client: PoliteClient, *, since: dt.date | None = None,
              recheck: bool = False, first_pages: int = 3) -> list[BoardReport]:
    """Every board in turn, through the feeds' client (one rate limit per host)."""
    reports = []
    for board in boards:
        report = crawl_board(client, board, raw_dir, since=since, recheck=recheck, first_pages=first_pages)
        (log.error if report.error else log.info)("%s", report.line())
        reports.append(report)
    return reports
