"""Dispatch raw bytes to the reader for their format, decided by content (never by extension).

Formats: MOFA text dump (``mofa_text``), saved HTML page (``mofa_html`` for the ministry's site,
``html`` otherwise), RSS 2.0 feed (one ``rss_item`` document per item) and plain text (``text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.clean.decode import decode_bytes
from pipeline.clean.errors import Rejected
from pipeline.clean.layout import LayoutReader
from pipeline.clean.lexicon import Lexicon, load_lexicon
from pipeline.clean.plain import read_plain
from pipeline.clean.text import assemble
from schemas.models import CleanDocument

__all__ = ["CleanSettings", "Rejected", "clean_bytes", "sniff_format"]

_XML_START = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+([\w:.-]+)[^>\[]*"
                        r"(?:\[.*?\]\s*)?>\s*)?<([\w:.-]+)", re.IGNORECASE | re.DOTALL)
_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<!DOCTYPE\s+([\w:.-]+)", re.IGNORECASE | re.DOTALL)
#: Root elements of XML vocabularies that are never a release page, declared or not ('<svg>' holds '<title>').
_XML_ONLY_ROOTS = frozenset({"svg", "svg:svg", "math", "feed", "opml", "urlset", "sitemapindex", "plist", "kml",
                             "gpx", "xsl:stylesheet", "schema", "xs:schema", "xsd:schema"})
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|main)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CleanSettings:
    """Limits of the clean stage (part of the pipeline's settings; a change invalidates cached results)."""

    max_bytes: int = 16_000_000
    #: Deeper HTML is flattened (container tags dropped, text kept) before reading.
    max_html_depth: int = 200


def sniff_format(text: str) -> str:
    """'rss', 'xml', 'html' or 'text' from the first characters of the decoded input."""
    head = text[:4096]
    doctype = _DOCTYPE.match(head)
    if doctype and doctype.group(1).lower() in ("rss", "rdf:rdf"):
        return "rss"  # entity declarations in its DTD are refused by the RSS reader
    if doctype and head.lstrip().startswith("<?xml") and doctype.group(1).lower() != "html":
        return "xml"
    m = _XML_START.match(head)
    if m:
        root = (m.group(2) or "").lower()
        doctype = (m.group(1) or "").lower()
        if root == "rss" or root == "rdf:rdf":
            return "rss"
        if root == "html" or doctype == "html":
            return "html"
        if root in _XML_ONLY_ROOTS:
            return "xml"  # an SVG icon or an Atom feed without an XML declaration is still not a page
        if head.lstrip().startswith("<?xml") and root not in ("head", "body"):
            return "xml"
    if len(_HTML_HINT.findall(head)) >= 2 or re.match(r"\s*<(?:html|!doctype html)", head, re.IGNORECASE):
        return "html"
    return "text"


def clean_bytes(source: str, data: bytes, settings: CleanSettings | None = None,
                lexicon: Lexicon | None = None) -> list[CleanDocument | Rejected]:
    """Turn one raw input into documents; per-item failures of a feed come back as Rejected.

    Raises Rejected when the whole input cannot become a document."""
    settings = settings or CleanSettings()
    lex = lexicon or load_lexicon()
    decoded = decode_bytes(data, settings.max_bytes)
    kind = sniff_format(decoded.text)
    if kind == "rss":
        from pipeline.clean.rss import read_rss

        return read_rss(source, data, decoded.text, lex)
    if kind == "xml":
        m = _XML_START.match(decoded.text[:4096])
        root = f"<{m.group(2)}>" if m else "not <rss>"
        raise Rejected("clean", f"unsupported XML document: only RSS 2.0 feeds are read (root element is {root})")
    if kind == "html":
        from pipeline.clean.html import read_html

        draft, fmt = read_html(decoded.text, lex, settings.max_html_depth)
        return [assemble(draft, source=source, data=data, input_format=fmt, lex=lex)]
    lines = decoded.text.split("\n")
    reader = LayoutReader(lex)
    draft = reader.read(lines) or reader.read_board_page(lines)
    if draft is not None and draft.title:
        return [assemble(draft, source=source, data=data, input_format="mofa_text", lex=lex)]
    return [assemble(read_plain(decoded.text, lex), source=source, data=data, input_format="text", lex=lex)]
