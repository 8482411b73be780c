"""Stable identifiers: derived from content or canonical names, never from run order."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: A view page of the ministry's board system (HQ /eng/ and /www/ sites, missions): .../brd/<board>/view.do?...seq=N.
_BOARD_VIEW = re.compile(r"/brd/(?P<board>[A-Za-z0-9_]{1,32})/view\.do$")
_SEQ = re.compile(r"(?:^|&)seq=(?P<seq>\d{1,20})(?:&|$)")
#: A stored release of the fetch stage: feeds/<board>/<seq>[.vN].xml or pages/<board>/<seq>[.vN].html.
_STORED = re.compile(r"^(?:feeds|pages)/(?P<board>[A-Za-z0-9_-]{1,64})/(?P<seq>\d{1,20})(?:\.v(?P<v>\d{1,6}))?"
                     r"\.(?:xml|html)$")


def slug(name: str) -> str:
    """Lower-case ASCII slug: 'Desilú León' -> 'desilu-leon'; quotes and apostrophes vanish."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub("-", folded).strip("-")


def short_hash(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def release_of(url: str | None) -> tuple[str, str] | None:
    """(board, seq) of a board-system view URL, whatever the site folder (/eng/, /www/), host spelling or
    extra query parameters: the release's identity. None for any other URL."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    board = _BOARD_VIEW.search(parts.path)
    seq = _SEQ.search(parts.query.replace("&amp;", "&"))
    if parts.scheme not in ("http", "https") or not board or not seq:
        return None
    return board.group("board"), seq.group("seq")


def doc_id(url: str | None, text: str) -> str:
    """Hash of the release's board and seq when the URL shows them (a feed item with a /www/ link and a
    saved /eng/ page of one release are one document), else of the URL, else of the cleaned text."""
    release = release_of(url)
    key = f"release:{release[0]}:{release[1]}" if release else url
    return "d" + short_hash(key if key else text, 15)


def stored_release(source: str) -> tuple[str, str, int] | None:
    """(board, seq, version) of a file the fetch stage stored (``pages/m_5674/123.v2.html`` -> version 2;
    no ``.vN`` is version 1); None for any other input."""
    m = _STORED.match(source)
    return (m.group("board"), m.group("seq"), int(m.group("v") or 1)) if m else None


def input_order(source: str) -> tuple[int, str]:
    """Order in which the run reads inputs: a later stored version first, so that it owns the release's
    doc_id and the older versions become its duplicates; otherwise by source."""
    stored = stored_release(source)
    return (-(stored[2] if stored else 1), source)


def person_id(name: str) -> str:
    return "person:" + slug(name)


def org_id(name: str) -> str:
    return "org:" + slug(name)


def initiative_id(name: str) -> str:
    return "initiative:" + slug(name)


def event_id(document_id: str, name: str) -> str:
    return f"event:{document_id}:{slug(name)}"


def sent_id(document_id: str, index: int) -> str:
    return f"{document_id}:s{index}"


def claim_id(document_id: str, cue_start: int) -> str:
    return f"{document_id}:c{cue_start}"


def superseded_reason(source: str, owners: list[str]) -> str:
    """The manifest's reason for an input whose documents another input already gave: an older stored
    version of a release says which version the tables show instead."""
    mine = stored_release(source)
    for owner in owners:
        theirs = stored_release(owner.split("#", 1)[0])
        if mine and theirs and mine[:2] == theirs[:2] and theirs[2] > mine[2]:
            return f"earlier version {mine[2]} of release {mine[0]}/{mine[1]}; the tables show version " \
                   f"{theirs[2]} ({owner})"
    return "duplicate of " + ", ".join(owners)
