"""A record of the ministry's open-data site (opendata.mofa.go.kr): one release shown as a Linked Data resource.

The page is a table of the resource's properties, read by its structure, not by one record's words: a heading line
(the record's label, its URI in parentheses, the site's name), a ``Property Value`` header, then each property as a
prefixed name alone on its line (``rdfs:label``, ``skos:prefLabel``, ``bibo:abstract``, ``dcterms:issued``...) with its
values on the following ``  • `` lines; a long value runs on over indented lines, blank lines between its
paragraphs. Saved as HTML, the same table is a ``<table>`` whose header row is Property / Value and whose rows hold
a property cell and a value cell (its values as list items when there are several).

The title is the record's label (``rdfs:label``, ``dcterms:title``..., else ``skos:prefLabel`` without its
``[seq]`` prefix); the body is the value of the property holding the long text (whichever it is: the longest
value that reads as prose, labels aside), dedented, its paragraphs kept; a date property (``dcterms:issued``,
``created``, ``date``) gives the date; a value that is a known board name gives the category (no such property:
no category). The record's URI is its URL, hence its identity: the record does not name the board of the
ministry's site that holds the same release, so its doc_id cannot be the board page's (board + seq).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.lexicon import Lexicon
from pipeline.stages.clean.registry import Head, Input
from pipeline.stages.clean.text import Draft, assemble, classify, group_blocks, norm, parse_date
from schemas.models import CleanDocument

if TYPE_CHECKING:
    from lxml import etree

#: The table's header line: 'Property Value' (any spacing, a tab).
_TABLE_HEADER = re.compile(r"^\s*property\s+value\s*$", re.IGNORECASE)
#: A property as the page writes it: a prefixed name ('rdfs:label', 'dcterms:issued') or a full URI, alone on its
#: line; an inverse property is 'is <name> of'.
_NAME = r"(?:[A-Za-z][\w.-]*:[A-Za-z_][\w.-]*|<?https?://[^\s<>]+>?)"
_PROPERTY = re.compile(rf"^(?:is\s+)?(?P<name>{_NAME})(?:\s+of)?\s*$")
#: A property with its first value on the same line ('rdfs:label • ...').
_PROPERTY_VALUE = re.compile(rf"^(?:is\s+)?(?P<name>{_NAME})(?:\s+of)?\s+•\s?(?P<value>.*)$")
#: A value line: its bullet, at the indentation of the table's values.
_BULLET = re.compile(r"^([ \t]*)•[ \t]?")
#: The resource's URI as the heading shows it: '( http://... )'.
_URI = re.compile(r"\(\s*(https?://[^\s()]+)\s*\)")
#: A preferred label's '[368579] ' prefix: the record's sequence number.
_SEQ_PREFIX = re.compile(r"^\s*\[\s*\d{1,20}\s*\]\s*")
#: Local names of the properties that name the record (in order of preference for the title).
_TITLE_NAMES = ("label", "title", "name", "preflabel")
_NAMING = frozenset(("label", "title", "name", "preflabel", "altlabel", "hiddenlabel", "notation", "identifier",
                     "alternative"))
#: Local names of the properties that date the release (in order of preference).
_DATE_NAMES = ("issued", "datepublished", "created", "datecreated", "date")
#: A value reads as text when it is this long and holds a sentence end or a line break.
_MIN_TEXT = 40
_SENTENCE_END = re.compile(r"[.!?。]")
#: Words of a value that make it no text: a URI, a bare token.
_BARE = re.compile(r"^\S+$")
#: How far into the input the table's header may come (the heading and a saved page's lines above it).
_HEADER_WITHIN = 40


@dataclass
class Record:
    """A Linked Data record: its heading (the lines above the table), its URI and its properties in page order."""

    heading: str = ""
    uri: str | None = None
    properties: list[tuple[str, list[str]]] = field(default_factory=list)

    def values(self, *local_names: str) -> list[tuple[str, str]]:
        """(property, value) of the properties with one of these local names (case-insensitive), in page order."""
        wanted = {n.casefold() for n in local_names}
        return [(name, v) for name, values in self.properties if local_name(name) in wanted for v in values]


def local_name(name: str) -> str:
    """'dcterms:issued' -> 'issued'; '<http://purl.org/dc/terms/title>' -> 'title' (case folded)."""
    name = name.strip("<>")
    return re.split(r"[:/#]", name)[-1].casefold()


def _table_start(lines: list[str]) -> int | None:
    """Index of the 'Property Value' line when a property line follows it (blank lines aside)."""
    for i, line in enumerate(lines[:_HEADER_WITHIN]):
        if _TABLE_HEADER.match(line) and _is_property(next((x for x in lines[i + 1:] if x.strip()), "")):
            return i
    return None


def is_record_text(text: str) -> bool:
    """A text dump of a Linked Data record: the table's header line, then a property line."""
    return _table_start(text.split("\n")) is not None


def record_of_text(text: str) -> Record | None:
    """The record of a text dump, or None when the text has no property table.

    A property line is unindented; its values open with a bullet, all at one indentation (the first value's); a
    value's further lines are blank, indented (a bullet indented otherwise is the text's own list) or, when more
    properties follow, unindented too (a copy that lost its indentation). Any other line ends the table (the
    page's footer)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _table_start(lines)
    if start is None:
        return None
    heading = " ".join(norm(x) for x in lines[:start] if x.strip())
    uri = _URI.search(heading)
    record = Record(heading=heading, uri=uri.group(1) if uri else None)
    more = [False] * (len(lines) + 1)  # more[i]: a property line comes at i or later
    for i in range(len(lines) - 1, start, -1):
        more[i] = more[i + 1] or _is_property(lines[i])
    values: list[str] | None = None  # the values of the property being read
    current: list[str] | None = None  # the lines of the value being read
    indent: str | None = None  # the values' bullets' indentation
    for i in range(start + 1, len(lines)):
        line = lines[i]
        both, bullet = _PROPERTY_VALUE.match(line), _BULLET.match(line)
        named = both or _PROPERTY.match(line)
        if named:
            values, current = [], None
            record.properties.append((named.group("name"), values))
            if both:
                current = [both.group("value")]
                values.append("")
        elif values is not None and bullet and (current is None or indent is None or bullet.group(1) == indent):
            indent = bullet.group(1)
            current = [line[bullet.end():]]
            values.append("")
        elif values is not None and current is None and line.strip() and line[:1].isspace():
            current = [line]  # a value without its bullet
            values.append("")
        elif current is not None and (not line.strip() or line[:1].isspace() or more[i + 1]):
            current.append(line)
        elif not line.strip():
            continue
        else:
            break  # the page's footer
        if values is not None and current is not None:
            values[-1] = "\n".join(current).strip()
    return record


def _is_property(line: str) -> bool:
    return bool(_PROPERTY.match(line) or _PROPERTY_VALUE.match(line))


def _header_cells(row: etree._Element) -> list[str]:
    return [norm(c.text_content()).casefold() for c in row if isinstance(c.tag, str) and c.tag in ("th", "td")]


def _cell_text(el: etree._Element) -> str:
    """A value cell's text with its line breaks: <br> and block ends break lines, the literal's own newlines stay."""
    from lxml import etree as _etree

    parts: list[str] = []
    for event, node in _etree.iterwalk(el, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if event == "start":
            if tag == "br":
                parts.append("\n")
            elif tag in ("p", "div", "li"):
                parts.append("\n\n")
            if tag is not None and node.text:
                parts.append(node.text)
        else:
            if tag in ("p", "div", "li"):
                parts.append("\n\n")
            if node is not el and node.tail:
                parts.append(node.tail)
    return "".join(parts)


def record_of_html(root: etree._Element, url: str | None = None) -> Record | None:
    """The record of a saved page: the first table whose header row is Property / Value and whose rows name
    properties; None when the page has no such table. The URI is a link above the table showing its own address
    (the heading's), else ``url`` (the page's canonical address)."""
    for table in root.iter("table"):
        rows = list(table.iter("tr"))
        if len(rows) < 2 or _header_cells(rows[0])[:2] != ["property", "value"]:
            continue
        record = Record()
        for row in rows[1:]:
            cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("th", "td")]
            named = _PROPERTY.match(re.sub(r"\s*:\s*", ":", norm(cells[0].text_content()))) if len(cells) >= 2 else None
            if named is None:
                continue
            items = list(cells[1].iter("li"))
            values = [_cell_text(li) for li in items] if items else [_cell_text(cells[1])]
            record.properties.append((named.group("name"), [v.strip() for v in values if v.strip()]))
        if not record.properties:
            continue
        heading = next((norm(h.text_content()) for h in root.iter("h1", "h2") if norm(h.text_content())), "")
        title = root.find(".//title")
        record.heading = heading or (norm(title.text_content()) if title is not None else "")
        for el in root.iter():
            if el is table:
                break
            if el.tag == "a" and re.fullmatch(r"https?://\S+", norm(el.text_content())) \
                    and norm(el.text_content()) == (el.get("href") or "").strip():
                record.uri = el.get("href").strip()
                break
        record.uri = record.uri or url
        return record
    return None


def _paragraphs(value: str) -> list[str]:
    """A long value's paragraphs: each line dedented, blank lines between paragraphs kept."""
    return group_blocks([line.strip() for line in value.split("\n")])


def _text_value(record: Record) -> tuple[str, str] | None:
    """(property, value) of the record's text: the longest value that reads as prose, naming properties aside."""
    best: tuple[int, str, str] | None = None
    for name, values in record.properties:
        if local_name(name) in _NAMING:
            continue
        for value in values:
            flat = norm(value)
            if _BARE.match(flat) or len(flat) < _MIN_TEXT:
                continue
            if not (_SENTENCE_END.search(flat) or len([x for x in value.split("\n") if x.strip()]) > 1):
                continue
            if best is None or len(flat) > best[0]:
                best = (len(flat), name, value)
    return (best[1], best[2]) if best else None


def _title(record: Record) -> str:
    """The record's label; a preferred label loses its '[seq] ' prefix; else the heading without URI and site."""
    for wanted in _TITLE_NAMES:
        for _, value in record.values(wanted):
            title = _SEQ_PREFIX.sub("", norm(value))
            if title:
                return title
    heading = record.heading
    uri = _URI.search(heading)
    return _SEQ_PREFIX.sub("", heading[:uri.start()] if uri else heading).strip()


def draft_of(record: Record, lex: Lexicon) -> Draft:
    """The release a record shows, or :class:`Rejected` when no property holds its text."""
    title = _title(record)
    text = _text_value(record)
    if text is None:
        names = ", ".join(name for name, _ in record.properties) or "none"
        raise Rejected("clean", f"empty body: the Linked Data record '{title[:80]}' has no property holding text "
                                f"(its properties: {names[:300]})")
    published = next((d for wanted in _DATE_NAMES for _, v in record.values(wanted) if (d := parse_date(v))), None)
    category = next((lex.category_of(norm(v)) for name, values in record.properties if name != text[0]
                     and local_name(name) not in _NAMING for v in values if lex.is_board(norm(v))), None)
    return Draft(title=title, category=category, published=published, url=record.uri,
                 paragraphs=[classify(p) for p in _paragraphs(text[1])])


class LinkedDataReader:
    """A text dump of a Linked Data record ('linked_data'): surer than the text reader, never for markup (a saved
    record page goes to the HTML reader, which hands its property table to :func:`draft_of`)."""

    name = "linked_data"

    def sniff(self, head: Head) -> int | None:
        if head.root or head.html_start:
            return None
        return 50 if is_record_text(head.text) else None

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        record = record_of_text(inp.text)
        if record is None:  # the table's header lay within the first characters only
            raise Rejected("clean", "not a Linked Data record: no property table")
        return [assemble(draft_of(record, inp.lex), source=inp.source, data=inp.data, input_format="linked_data",
                         lex=inp.lex)]
