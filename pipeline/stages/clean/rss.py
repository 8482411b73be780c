"""RSS 2.0 feeds of the ministry: one document per <item>.

Parsed with defusedxml: a feed that declares entities (billion-laughs bombs, external entities that
would read the local disk) is refused whole, so nothing from the disk can reach the output. The
item body (content:encoded, else description) arrives as plain text whose paragraph breaks are lost,
with footnote markers (``※``) inline; paragraphs are recovered where sentences were glued together
("...14.This year") and footnotes are cut at a sentence boundary. A spokesperson's briefing opens with
a header (office, name, date, time, greeting) that is metadata (section "header"), not body.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.lexicon import Lexicon
from pipeline.stages.clean.registry import Head, Input
from pipeline.stages.clean.text import (
    SUBTITLE,
    Draft,
    assemble,
    canonical_url,
    classify,
    group_blocks,
    norm,
    parse_date,
    seq_of,
    split_briefing_header,
    split_sentences,
)
from schemas.models import CleanDocument

KST = dt.timezone(dt.timedelta(hours=9), "KST")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*/?\s*(?:p|br|div|span|strong|b|i|em|u|a|ul|ol|li|table|tr|td|h[1-6]|font|img|"
                     r"blockquote)\b[^>]*>", re.IGNORECASE)
#: Sentences glued where a paragraph break was lost: "November 14.This year".
_GLUED = re.compile(r"(?<=[a-z0-9)\]][.!?])(?=[“‘\"]?[A-Z])|(?<=[a-z0-9)\]][.!?][”’\"])(?=[A-Z])")
_ZONE_OFFSETS = {"KST": "+0900", "JST": "+0900"}
_ZONES = re.compile(r"(?<=\d)\s*\(?(KST|JST)\)?$", re.IGNORECASE)
#: A subtitle framed by dashes at the very start of a body whose paragraph breaks were lost.
_GLUED_SUBTITLE = re.compile(r"^[-–—]\s+(?P<subtitle>[^.!?]{8,250}?)\s+[-–—]\s+(?=[“\"A-Z])")
_ESCAPED_MARKUP = re.compile(r"&lt;\s*/?\s*(?:p|br|div|span)\b", re.IGNORECASE)
_INLINE_FOOTNOTE = re.compile(r"\s*※\s*|(?<=[.!?”’\"])\s+\*{1,3}\s+(?=[A-Z“])")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(el: Element, *names: str) -> str:
    """Text of the first child with one of these local names (namespaces ignored)."""
    for name in names:
        for child in el:
            if _local(child.tag) == name:
                return "".join(child.itertext())
    return ""


def safe_feed_root(xml: str | bytes) -> Element:
    """The parsed feed, refusing entity declarations and external references (DefusedXmlException) so that nothing
    from the local disk or an expansion bomb gets in; ParseError when malformed. Shared with fetch."""
    return SafeET.fromstring(xml, forbid_dtd=False, forbid_entities=True, forbid_external=True)


def feed_parts(root: Any) -> tuple[Any | None, list[Any]]:
    """The <channel> and the <item>s of a parsed feed (ElementTree or lxml elements), namespaces ignored: the one
    splitting of a feed, for this reader and for fetch (which stores each item as a one-item feed)."""
    channel = next((el for el in root.iter() if _local(el.tag) == "channel"), None)
    return channel, [el for el in root.iter() if _local(el.tag) == "item"]


def parse_pubdate(value: str) -> dt.date | None:
    """KST calendar date of an RSS pubDate (RFC 822, GMT); ISO timestamps accepted too."""
    value = value.strip()
    if not value:
        return None
    # Zone names email.utils does not know (it would take them for GMT): the site's own is KST.
    value = _ZONES.sub(lambda m: " " + _ZONE_OFFSETS[m.group(1).upper()], value)
    stamp = None
    try:
        stamp = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return parse_date(value)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(KST).date()


def _split_footnotes(paragraph: str, lex: Lexicon) -> list[tuple[str, str]]:
    """Cut inline footnotes out of one paragraph: the footnote runs to the end of its first
    sentence (and of following sentences that continue it: 'This initiative was ...')."""
    pieces = _INLINE_FOOTNOTE.split(paragraph)
    out: list[tuple[str, str]] = []
    if norm(pieces[0]):
        out.append(("body", pieces[0]))
    for piece in pieces[1:]:
        sentences = split_sentences(norm(piece), lex)
        if not sentences:
            continue
        k = 1
        while k < len(sentences) and sentences[k].startswith(tuple(c + " " for c in lex.footnote_continuations)):
            k += 1
        out.append(("footnote", " ".join(sentences[:k])))
        if sentences[k:]:
            out.append(("body", " ".join(sentences[k:])))
    return out


class RssReader:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def parse(self, text: str) -> Element:
        xml = _XML_DECL.sub("", text, count=1)  # already decoded with the declared charset
        try:
            return safe_feed_root(xml)
        except DefusedXmlException as exc:
            raise Rejected("clean", "RSS feed refused: it declares XML entities or external references "
                                    f"(entity-expansion or external-entity attack?): {type(exc).__name__}") from exc
        except ParseError as exc:
            raise Rejected("clean", f"malformed XML in RSS feed: {exc}") from exc

    def paragraphs(self, raw: str) -> list[str]:
        """Paragraphs of an item body: from the markup when it holds HTML (<p>, <br>), else from its lines."""
        if _MARKUP.search(raw):
            from pipeline.stages.clean.html import fragment_lines

            return group_blocks(fragment_lines(raw))
        return group_blocks(raw.split("\n"))

    def body(self, paragraphs: list[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for paragraph in paragraphs:
            section, text = classify(paragraph)
            if section == "footnote" and len(paragraphs) > 1:
                out.append(("footnote", text))  # paragraph breaks kept: the whole paragraph is the note
                continue
            if section == "footnote":
                text = "※ " + text
            for glued in _GLUED.split(norm(text)):
                out.extend(_split_footnotes(glued, self.lex))
        return out

    def item(self, item: Element, category: str | None) -> Draft:
        draft = Draft(title=norm(_child(item, "title")), category=category)
        link = norm(_child(item, "link")) or norm(_child(item, "guid"))
        draft.url = canonical_url(link, self.lex)
        draft.published = parse_pubdate(_child(item, "pubdate", "date", "published", "issued", "updated"))
        raw = _child(item, "encoded") or _child(item, "description")
        if not _MARKUP.search(raw) and _ESCAPED_MARKUP.search(raw):
            raw = html.unescape(raw)  # markup escaped twice by the feed's generator
        paragraphs = self.paragraphs(raw)
        # The briefing's header is metadata, not body: kept in the text as section "header".
        header, date, paragraphs = split_briefing_header(paragraphs, self.lex)
        if header is not None:
            draft.header, draft.published = header, draft.published or date
        if paragraphs:
            first = norm(paragraphs[0])
            framed = SUBTITLE.match(first)
            glued = _GLUED_SUBTITLE.match(first) if len(paragraphs) == 1 else None
            if framed and len(paragraphs) > 1:
                draft.subtitle, paragraphs = framed.group(1), paragraphs[1:]
            elif glued:
                draft.subtitle, paragraphs = glued.group("subtitle"), [first[glued.end():]]
        draft.paragraphs = self.body(paragraphs)
        return draft

    def read(self, source: str, data: bytes, text: str) -> list[CleanDocument | Rejected]:
        root = self.parse(text)
        channel, items = feed_parts(root)
        if _local(root.tag) != "rss" and channel is None:
            raise Rejected("clean", "not an RSS 2.0 feed: no <channel> element")
        channel_title = norm(_child(channel, "title")) if channel is not None else ""
        category = self.lex.category_of(re.split(r"\s*[>›»]\s*", channel_title)[-1].strip())
        if not items:
            raise Rejected("clean", "RSS feed has no <item>")
        out: list[CleanDocument | Rejected] = []
        for n, item in enumerate(items, start=1):
            link = _child(item, "link") or _child(item, "guid")
            seq = seq_of(link)
            item_source = f"{source}#seq-{seq}" if seq else f"{source}#item-{n}"
            try:
                draft = self.item(item, category)
                if not draft.paragraphs:
                    raise Rejected("clean", f"feed item {n} has no body text (empty content:encoded and "
                                            "description)")
                if not draft.title:
                    raise Rejected("clean", f"feed item {n} has no title")
                out.append(assemble(draft, source=item_source, data=data, input_format="rss_item", lex=self.lex))
            except Rejected as rejected:
                rejected.source = item_source
                out.append(rejected)
        return out


#: Root elements of XML vocabularies that are never a release page, declared or not ('<svg>' holds '<title>').
_XML_ONLY_ROOTS = frozenset({"svg", "svg:svg", "math", "feed", "opml", "urlset", "sitemapindex", "plist", "kml",
                             "gpx", "xsl:stylesheet", "schema", "xs:schema", "xsd:schema"})
_RSS_ROOTS = ("rss", "rdf:rdf")


class RssFeedReader:
    """RSS 2.0 (and RDF) feeds: one document per item. A DOCTYPE naming the feed is surest (entity declarations in
    its DTD are then refused by the parser); an undeclared <rss> root still beats the page readers."""

    name = "rss"

    def sniff(self, head: Head) -> int | None:
        if head.doctype in _RSS_ROOTS:
            return 100
        return 80 if head.root in _RSS_ROOTS else None

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        return RssReader(inp.lex).read(inp.source, inp.data, inp.text)


class OtherXmlReader:
    """XML that is not a feed (an SVG icon, a sitemap, an Atom feed): a reject naming its root element, never a
    page read from its text."""

    name = "xml"

    def sniff(self, head: Head) -> int | None:
        if head.doctype and head.declared_xml and head.doctype != "html":
            return 90
        if head.root in _XML_ONLY_ROOTS:
            return 70  # an SVG icon or an Atom feed without an XML declaration is still not a page
        if head.declared_xml and head.root and head.root not in ("head", "body"):
            return 60
        return None

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        root = Head.of(inp.text).root_tag
        raise Rejected("clean", f"unsupported XML document: only RSS 2.0 feeds are read (root element is {root})")
