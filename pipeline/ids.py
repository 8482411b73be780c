"""Stable identifiers: derived from content or canonical names, never from run order."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """Lower-case ASCII slug: 'Desilú León' -> 'desilu-leon'; quotes and apostrophes vanish."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub("-", folded).strip("-")


def short_hash(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id(url: str | None, text: str) -> str:
    """Hash of the canonical URL when known (the same release as page and feed item is one
    document), else of the cleaned text."""
    return "d" + short_hash(url if url else text, 15)


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
