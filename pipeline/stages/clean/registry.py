"""The readers of the clean stage, in one registry: adding an input format is one reader and one ``register``.

A reader has one interface: :meth:`Reader.sniff` says how sure it is that a decoded input is its format (from
its first characters, parsed once into a :class:`Head`), :meth:`Reader.read` turns the input into documents
(per-item failures of a feed as :class:`Rejected`) or raises :class:`Rejected` for the whole input. The most sure
reader wins; ties go to the reader registered first. The built-in readers are imported on the first input only,
so a re-run with nothing new never loads lxml or defusedxml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pipeline.stages.clean.errors import Rejected
    from pipeline.stages.clean.lexicon import Lexicon
    from schemas.models import CleanDocument

__all__ = ["DEFAULT_MAX_BYTES", "CleanSettings", "Head", "Input", "Reader", "readers", "register", "sniff",
           "unregister"]

_XML_START = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+([\w:.-]+)[^>\[]*"
                        r"(?:\[.*?\]\s*)?>\s*)?<([\w:.-]+)", re.IGNORECASE | re.DOTALL)
_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<!DOCTYPE\s+([\w:.-]+)", re.IGNORECASE | re.DOTALL)
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|main)\b", re.IGNORECASE)
_HTML_START = re.compile(r"\s*<(?:html|!doctype html)", re.IGNORECASE)
#: Inputs larger than this are refused (the default of ``--max-mb``, read and clean alike).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Characters of the decoded input that sniffing looks at.
HEAD_CHARS = 4096


@dataclass(frozen=True)
class CleanSettings:
    """Limits of the clean stage, built from the run's :class:`pipeline.engine.settings.Settings` (one size limit for
    reading and cleaning; a change invalidates cached results)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    #: Deeper HTML is flattened (container tags dropped, text kept) before reading.
    max_html_depth: int = 200


@dataclass(frozen=True)
class Head:
    """What sniffing sees of an input: its first characters and their markup, parsed once for every reader."""

    text: str
    declared_xml: bool  # starts with '<?xml ...?>'
    doctype: str  # the DOCTYPE's name when one comes before any element, lowercased ('' if none)
    root: str  # the first element's name, lowercased ('' if the input does not open with markup)
    root_doctype: str  # the DOCTYPE's name as read together with the first element ('' if none)
    html_hints: int  # HTML tags among the first characters
    html_start: bool  # opens with <html> or <!doctype html>

    @classmethod
    def of(cls, text: str) -> Head:
        head = text[:HEAD_CHARS]
        doctype = _DOCTYPE.match(head)
        start = _XML_START.match(head)
        return cls(text=head, declared_xml=head.lstrip().startswith("<?xml"),
                   doctype=doctype.group(1).lower() if doctype else "",
                   root=(start.group(2) or "").lower() if start else "",
                   root_doctype=(start.group(1) or "").lower() if start else "",
                   html_hints=len(_HTML_HINT.findall(head)), html_start=bool(_HTML_START.match(head)))

    @property
    def root_tag(self) -> str:
        """The first element as written ('<svg:svg>'), for a reason naming it."""
        start = _XML_START.match(self.text)
        return f"<{start.group(2)}>" if start else "not <rss>"


@dataclass(frozen=True)
class Input:
    """One raw input as every reader receives it: its source, its bytes (hashed into the record) and its text,
    decoded once by the clean stage."""

    source: str
    data: bytes
    text: str
    lex: Lexicon
    settings: CleanSettings


class Reader(Protocol):
    """An input format: ``sniff`` is None when the input is not this format, else how sure (higher wins)."""

    name: str

    def sniff(self, head: Head) -> int | None: ...

    def read(self, inp: Input) -> list[CleanDocument | Rejected]: ...


_REGISTERED: list[Reader] = []
_BUILTIN_LOADED = False


def _load_builtins() -> None:
    """Register the project's readers once, on the first input (they import lxml, defusedxml)."""
    global _BUILTIN_LOADED
    if _BUILTIN_LOADED:
        return
    _BUILTIN_LOADED = True
    from pipeline.stages.clean.html import HtmlPageReader
    from pipeline.stages.clean.linked_data import LinkedDataReader
    from pipeline.stages.clean.plain import TextReader
    from pipeline.stages.clean.rss import OtherXmlReader, RssFeedReader

    _REGISTERED[:0] = [RssFeedReader(), OtherXmlReader(), HtmlPageReader(), LinkedDataReader(), TextReader()]


def register(reader: Reader) -> Reader:
    """Add a reader (after the built-in ones: on equal certainty they win)."""
    _load_builtins()
    _REGISTERED.append(reader)
    return reader


def unregister(reader: Reader) -> None:
    _REGISTERED.remove(reader)


def readers() -> list[Reader]:
    """The registered readers, built-in ones first."""
    _load_builtins()
    return list(_REGISTERED)


def sniff(text: str) -> Reader:
    """The reader most sure of ``text`` (the first registered among equals); the text reader takes anything."""
    head = Head.of(text)
    best: tuple[int, Reader] | None = None
    for reader in readers():
        score = reader.sniff(head)
        if score is not None and (best is None or score > best[0]):
            best = (score, reader)
    if best is None:
        raise LookupError("no reader takes this input (the text reader should take anything)")
    return best[1]
