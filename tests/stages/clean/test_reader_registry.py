"""The reader registry: a new input format is one reader and one ``register``, and the clean stage picks it up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from pipeline.engine.cache import Cache
from pipeline.engine.run import clean_input
from pipeline.engine.settings import Settings
from pipeline.stages.clean import Rejected, clean_bytes
from pipeline.stages.clean.core import sniff_format
from pipeline.stages.clean.registry import Head, Input, Reader, readers, register, unregister
from pipeline.stages.clean.text import Draft, assemble, classify, parse_date
from schemas.models import CleanDocument

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Toy ministry news</title>
  <entry>
    <title>Foreign Minister Meets Counterpart of Norway</title>
    <link href="https://example.org/news/1"/>
    <updated>2024-11-15T09:00:00Z</updated>
    <content>Foreign Minister Cho Tae-yul met with the Foreign Minister of Norway in Seoul on November 15 and the two
ministers agreed to strengthen the cooperation between the two countries in trade, energy and climate.</content>
  </entry>
  <entry>
    <title>Second Entry on the Partnership of the Two Countries</title>
    <link href="https://example.org/news/2"/>
    <updated>2024-11-16T09:00:00Z</updated>
    <content>The Ministry of Foreign Affairs announced that it would hold a meeting with the partners of the region
in order to discuss the situation and the ways of working together for peace in the region.</content>
  </entry>
</feed>
"""
_ATOM = "{http://www.w3.org/2005/Atom}"


class ToyAtomReader:
    """An Atom feed, one document per <entry>: surer than the XML reject (70), which would refuse <feed>."""

    name = "atom"

    def sniff(self, head: Head) -> int | None:
        return 85 if head.root == "feed" and "http://www.w3.org/2005/Atom" in head.text else None

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        root = SafeET.fromstring(inp.data)
        out: list[CleanDocument | Rejected] = []
        for n, entry in enumerate(root.iter(f"{_ATOM}entry"), start=1):
            link = entry.find(f"{_ATOM}link")
            draft = Draft(title=entry.findtext(f"{_ATOM}title", ""), url=link.get("href") if link is not None else None,
                          published=parse_date(entry.findtext(f"{_ATOM}updated", "")),
                          paragraphs=[classify(entry.findtext(f"{_ATOM}content", ""))])
            out.append(assemble(draft, source=f"{inp.source}#item-{n}", data=inp.data, input_format="atom_entry",
                                lex=inp.lex))
        return out


@pytest.fixture
def atom_reader() -> Iterator[Reader]:
    reader = register(ToyAtomReader())
    yield reader
    unregister(reader)


def test_without_the_toy_reader_an_atom_feed_is_a_reject() -> None:
    assert sniff_format(ATOM) == "xml"
    with pytest.raises(Rejected, match=r"unsupported XML document.*<feed>"):
        clean_bytes("news.atom", ATOM.encode())


def test_a_registered_reader_gets_its_format_and_its_documents_come_out(atom_reader: Reader,
                                                                        tmp_path: Path) -> None:
    assert sniff_format(ATOM) == "atom" and atom_reader in readers()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "news.atom").write_text(ATOM, encoding="utf-8")
    cleaned = clean_input(raw, "news.atom", raw / "news.atom", Settings(), Cache(tmp_path / "cache", "clean"))
    assert cleaned.fatal is None and cleaned.rejects == []
    assert [(d.source, d.input_format, d.title, str(d.published)) for d in cleaned.documents] == [
        ("news.atom#item-1", "atom_entry", "Foreign Minister Meets Counterpart of Norway", "2024-11-15"),
        ("news.atom#item-2", "atom_entry", "Second Entry on the Partnership of the Two Countries", "2024-11-16"),
    ]
    assert cleaned.documents[0].url == "https://example.org/news/1"


def test_the_built_in_readers_keep_their_order_of_certainty() -> None:
    """Every built-in format still goes to its reader: RSS by DOCTYPE or root, XML that is not a page, HTML, a Linked
    Data record's property table, text."""
    cases = {
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss><channel/></rss>': "rss",
        "<rss version='2.0'><channel></channel></rss>": "rss",
        '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>': "xml",
        "<svg xmlns='http://www.w3.org/2000/svg'><title>icon</title></svg>": "xml",
        '<?xml version="1.0"?><config><title>x</title></config>': "xml",
        '<?xml version="1.0"?><html><body><p>x</p></body></html>': "html",
        "<!DOCTYPE html><p>text</p>": "html",
        "<div><p>a fragment</p></div>": "html",
        "Foreign Minister Meets Counterpart\n\nThe minister met ...": "text",
        "[1] Talks ( http://example.org/Document/1 ) at Data\n\nProperty Value\nrdfs:label\n  • Talks\n": "linked_data",
    }
    assert {text: sniff_format(text) for text in cases} == cases
