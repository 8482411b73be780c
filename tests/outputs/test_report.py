"""The HTML report: built from hand-built tables (every kind of row, hostile strings) and opened in Chromium."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pipeline.outputs.publish import publish
from pipeline.outputs.report.context import doc_filename, safe_url
from pipeline.outputs.report.highlight import CLAIM, MENTION, PARAGRAPH, Span, render
from pipeline.stages.write import write_corpus
from schemas.models import (
    Claim,
    DocResult,
    Document,
    Economy,
    Event,
    Initiative,
    InitiativeLink,
    ManifestEntry,
    Mention,
    Organization,
    Person,
    Reject,
    Sentence,
)

XSS_TITLE = "<script>alert(1)</script> Minister Han Visits Valdoria"
XSS_REASON = "not a press release: <img src=x onerror=alert(3)>"


def _result(doc_id: str, paragraphs: list[tuple[str, str]], **meta) -> tuple[DocResult, str]:
    """A DocResult whose text is ``paragraphs`` (section, text) joined by blank lines, one sentence each."""
    text = "\n\n".join(p for _, p in paragraphs)
    sentences, pos = [], 0
    for i, (section, para) in enumerate(paragraphs):
        sentences.append(Sentence(doc_id=doc_id, sent_id=f"{doc_id}:s{i}", paragraph_id=i, section=section,
                                  start=pos, end=pos + len(para), text=para))
        pos += len(para) + 2
    doc = Document(doc_id=doc_id, source=f"{doc_id}.txt", sha256="0" * 64, input_format="text", language="en",
                   text=text, n_sentences=len(sentences), title=paragraphs[0][1], **meta)
    return DocResult(document=doc, sentences=sentences), text


def _at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _sent(result: DocResult, start: int) -> str:
    return next(s.sent_id for s in result.sentences if s.start <= start < s.end)


def _mention(result: DocResult, text: str, phrase: str, kind: str, entity_id: str, nth: int = 0) -> Mention:
    s, e = _at(text, phrase, nth)
    return Mention(doc_id=result.document.doc_id, sent_id=_sent(result, s), start=s, end=e, text=phrase, kind=kind,
                   entity_id=entity_id)


def hand_built_results() -> tuple[list[DocResult], list[ManifestEntry], list[Reject]]:
    """Three invented releases covering every table; one carries markup and script in its strings."""
    r1, t1 = _result("aaaa000000000001", [
        ("title", "Foreign Minister Han and Trade Minister Obi Launch the Clean Ports Initiative"),
        ("body", "Foreign Minister Han Seo-jin said that Korea and Nigeria would lead the Clean Ports Initiative "
                 "(CPI), which Canada endorsed."),
        ("body", "Trade Minister Obi urged Japan to join the Blue Shipping Compact at the 3rd Port Forum."),
        ("footnote", "* The Port Forum was held in Lagos."),
    ], category="Press Releases", published=dt.date(2025, 3, 4), hits=120,
        url="https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1")
    han, obi = "person:han-seo-jin", "person:obi"
    r1.people = [Person(person_id=han, name="Han Seo-jin", family_name="Han", given_name="Seo-jin", economy="KOR",
                        titles=["Foreign Minister"]),
                 Person(person_id=obi, name="Obi", economy="NGA", titles=["Trade Minister"])]
    r1.economies = [Economy(economy_id="KOR", name="Korea", apec_member=True),
                    Economy(economy_id="NGA", name="Nigeria", apec_member=False),
                    Economy(economy_id="CAN", name="Canada", apec_member=True),
                    Economy(economy_id="JPN", name="Japan", apec_member=True)]
    cpi, bsc = "initiative:clean-ports-initiative", "initiative:blue-shipping-compact"
    r1.initiatives = [Initiative(initiative_id=cpi, name="Clean Ports Initiative", acronym="CPI"),
                      Initiative(initiative_id=bsc, name="Blue Shipping Compact")]
    r1.events = [Event(event_id="event:aaaa000000000001:port-forum", doc_id=r1.document.doc_id, name="Port Forum",
                       ordinal=3, location="Lagos", economy_id="NGA")]
    r1.mentions = [
        _mention(r1, t1, "Foreign Minister Han", "person", han),
        _mention(r1, t1, "Trade Minister Obi", "person", obi),
        _mention(r1, t1, "Clean Ports Initiative", "initiative", cpi),
        _mention(r1, t1, "Foreign Minister Han Seo-jin", "person", han),
        _mention(r1, t1, "Korea", "economy", "KOR"),
        _mention(r1, t1, "Nigeria", "economy", "NGA"),
        _mention(r1, t1, "Clean Ports Initiative", "initiative", cpi, nth=1),
        _mention(r1, t1, "Canada", "economy", "CAN"),
        _mention(r1, t1, "Trade Minister Obi", "person", obi, nth=1),
        _mention(r1, t1, "Japan", "economy", "JPN"),
        _mention(r1, t1, "Blue Shipping Compact", "initiative", bsc),
        _mention(r1, t1, "3rd Port Forum", "event", "event:aaaa000000000001:port-forum"),
        _mention(r1, t1, "Lagos", "location", "lagos"),
    ]
    s2 = _sent(r1, _at(t1, "Korea")[0])
    r1.initiative_links = [
        InitiativeLink(doc_id=r1.document.doc_id, sent_id=s2, initiative_id=cpi, economy_id="KOR", role="lead"),
        InitiativeLink(doc_id=r1.document.doc_id, sent_id=s2, initiative_id=cpi, economy_id="NGA", role="lead"),
        InitiativeLink(doc_id=r1.document.doc_id, sent_id=s2, initiative_id=cpi, economy_id="CAN", role="endorse"),
    ]
    sp, cue, content = (_at(t1, "Foreign Minister Han Seo-jin"), _at(t1, "said"),
                        _at(t1, "Korea and Nigeria would lead the Clean Ports Initiative (CPI), which Canada endorsed"))
    sp2, cue2, content2 = (_at(t1, "Trade Minister Obi", 1), _at(t1, "urged"),
                           _at(t1, "Japan to join the Blue Shipping Compact"))
    r1.claims = [
        Claim(claim_id=f"{r1.document.doc_id}:c{cue[0]}", doc_id=r1.document.doc_id, sent_id=_sent(r1, cue[0]),
              speaker_kind="person", speaker_id=han, speaker_text="Foreign Minister Han Seo-jin", cue="say",
              claim_type="statement", content=t1[content[0]:content[1]], economy_ids=["KOR", "NGA", "CAN"],
              initiative_ids=[cpi], speaker_start=sp[0], speaker_end=sp[1], cue_start=cue[0], cue_end=cue[1],
              content_start=content[0], content_end=content[1]),
        Claim(claim_id=f"{r1.document.doc_id}:c{cue2[0]}", doc_id=r1.document.doc_id, sent_id=_sent(r1, cue2[0]),
              speaker_kind="person", speaker_id=obi, speaker_text="Trade Minister Obi", cue="urge",
              claim_type="call", content=t1[content2[0]:content2[1]], addressee_ids=["JPN"], economy_ids=["JPN"],
              initiative_ids=[bsc], speaker_start=sp2[0], speaker_end=sp2[1], cue_start=cue2[0], cue_end=cue2[1],
              content_start=content2[0], content_end=content2[1]),
    ]

    r2, t2 = _result("bbbb000000000002", [
        ("title", XSS_TITLE),
        ("body", "Korea stressed that <b>tags</b> & entities such as &amp; stay text, Minister Han said."),
    ], category="<i>Ministry News</i>", published=dt.date(2025, 4, 1), url="javascript:alert(2)")
    r2.economies = [Economy(economy_id="KOR", name="Korea", apec_member=True)]
    r2.people = [Person(person_id=han, name="Han", economy="KOR", titles=["Minister"])]
    r2.mentions = [_mention(r2, t2, "Korea", "economy", "KOR"), _mention(r2, t2, "Minister Han", "person", han),
                   _mention(r2, t2, "<b>tags</b>", "organization", "org:tags")]
    r2.organizations = [Organization(org_id="org:tags", name="<b>Tags</b> Org", acronym="TAG")]
    cue3, content3 = _at(t2, "stressed"), _at(t2, "that <b>tags</b> & entities such as &amp; stay text")
    r2.claims = [Claim(claim_id=f"{r2.document.doc_id}:c{cue3[0]}", doc_id=r2.document.doc_id,
                       sent_id=_sent(r2, cue3[0]), speaker_kind="economy", speaker_id="KOR", speaker_text="Korea",
                       cue="stress", claim_type="statement", content=t2[content3[0]:content3[1]],
                       speaker_start=t2.index("Korea"), speaker_end=t2.index("Korea") + 5, cue_start=cue3[0],
                       cue_end=cue3[1], content_start=content3[0], content_end=content3[1])]

    r3, _ = _result("cccc000000000003", [("title", "Undated Notice"), ("body", "Nothing to extract here.")],
                    category="Costs in $ and $ (not mathtext) \\ backslash")
    manifest = [ManifestEntry(source=f"{r.document.doc_id}.txt", sha256="0" * 64, status="ok",
                              doc_ids=[r.document.doc_id]) for r in (r1, r2, r3)]
    manifest.append(ManifestEntry(source="junk.bin", sha256="1" * 64, status="rejected", reason=XSS_REASON))
    rejects = [Reject(source="junk.bin", stage="read", reason=XSS_REASON)]
    return [r1, r2, r3], manifest, rejects


def write_hand_built(out: Path) -> Path:
    """Write the hand-built tables to ``out`` through the real write stage."""
    results, manifest, rejects = hand_built_results()
    write_corpus(out, results, manifest, rejects)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = write_hand_built(tmp_path_factory.mktemp("report") / "processed")
    publish(out)
    return out


# --- rendering core -------------------------------------------------------------------------------------------

def test_render_escapes_text_and_nests_crossing_spans():
    text = "<b>A</b> said B & C"
    spans = [Span(0, len(text), PARAGRAPH, "span", (("class", "para"),)),
             Span(0, 8, MENTION, "mark", (("class", "ent"),), label="PERSON"),
             Span(4, 15, CLAIM, "span", (("class", "claim"),), anchor="claim-1")]
    out = str(render(text, spans))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp; C" in out
    # the crossing mention is split, its label drawn once, at its real end; the anchor once, on the first piece
    assert out.count("PERSON") == 1 and out.count('id="claim-1"') == 1
    assert re.sub(r"<[^>]+>", "", out.replace('<span class="label">PERSON</span>', "")) == html.escape(text,
                                                                                                         quote=False)
    ElementTree.fromstring(f"<root>{out}</root>")  # well nested


def test_render_skips_empty_and_out_of_range_spans():
    out = str(render("abc", [Span(1, 1, MENTION, "mark"), Span(2, 9, MENTION, "mark"), Span(-1, 2, MENTION, "mark")]))
    assert out == "abc"


def test_safe_url_and_filenames():
    assert safe_url("https://www.mofa.go.kr/x?seq=1") == "https://www.mofa.go.kr/x?seq=1"
    assert safe_url("javascript:alert(1)") is None and safe_url(None) is None
    assert doc_filename("d0ded59f58b644dc") == "d0ded59f58b644dc.html"
    assert "/" not in doc_filename("../../etc/passwd")


# --- pages ----------------------------------------------------------------------------------------------------

def test_index_lists_corpus_aggregates(built):
    page = (built / "report" / "index.html").read_text(encoding="utf-8")
    for section in ("by-month", "economies", "people", "initiatives", "network", "documents", "rejected"):
        assert f'id="{section}"' in page
    for chart in ("documents_by_month", "economies", "people", "network"):
        assert f'src="charts/{chart}.svg"' in page
        ElementTree.parse(built / "report" / "charts" / f"{chart}.svg")  # valid XML
    assert "2025-03" in page and "2025-04" in page and "undated" in page
    # initiative row: lead Korea and Nigeria, endorsed by Canada
    row = re.search(r"<tr><td>Clean Ports Initiative</td>.*?</tr>", page, flags=re.S).group(0)
    assert "Korea, Nigeria" in row and "Canada" in row
    # people by claims: Han (1 claim, most mentions) and Obi both listed, with their claims
    assert re.search(r"<td>Han Seo-jin</td>.*?<td class=\"n\">1</td>", page, flags=re.S)
    assert 'href="doc/aaaa000000000001.html"' in page
    # readable offline: every link and image is relative (no CDN, no server)
    assert not [u for u in re.findall(r'(?:src|href)="([^"]+)"', page) if re.match(r"[a-z]+:|//", u)]
    assert "Costs in $ and $ (not" in (built / "report" / "charts" / "documents_by_month.svg").read_text()


def test_release_strings_are_escaped_everywhere(built):
    index = (built / "report" / "index.html").read_text(encoding="utf-8")
    doc = (built / "report" / "doc" / "bbbb000000000002.html").read_text(encoding="utf-8")
    for page in (index, doc):
        assert "<script>" not in page and "<img src=x" not in page and "<b>tags" not in page
        assert "<i>Ministry News</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(3)&gt;" in index
    assert "&lt;b&gt;tags&lt;/b&gt;" in doc and "&amp;amp;" in doc
    assert 'href="javascript:' not in doc and "javascript:alert(2)" in doc  # shown, not linked


def test_document_page_marks_mentions_and_claims(built):
    page = (built / "report" / "doc" / "aaaa000000000001.html").read_text(encoding="utf-8")
    assert 'href="https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1"' in page
    for kind in ("person", "economy", "organization", "initiative", "event", "location", "date"):
        assert f'class="ent-{kind}"' in page  # legend
    assert page.count('class="ent ent-economy"') == 4 and page.count('class="ent ent-person"') == 4
    assert page.count('class="claim-cue" data-claim') == 2 and 'id="claim-1"' in page and 'href="#claim-2"' in page
    assert 'class="para sec-footnote"' in page
    claims = page.split('id="claims"')[1].split("</section>")[0]
    assert "Han Seo-jin" in claims and "urge" in claims and "call" in claims and "Japan to join" in claims
    events = page.split('id="events"')[1].split("</section>")[0]
    assert "Port Forum" in events and "Lagos" in events and "Nigeria" in events
    # the text survives intact once tags are removed
    text = page.split('<div class="doc-text">')[1].split("</div>")[0]
    plain = html.unescape(re.sub(r'<span class="label">[^<]*</span>|<[^>]+>', "", text))
    assert plain.startswith("Foreign Minister Han and Trade Minister Obi Launch") and "held in Lagos." in plain


def test_report_is_deterministic_and_replaced_whole(built, tmp_path):
    other = write_hand_built(tmp_path / "again")
    (other / "report" / "doc").mkdir(parents=True)
    (other / "report" / "doc" / "stale.html").write_text("old")
    publish(other)
    assert not (other / "report" / "doc" / "stale.html").exists()
    files = sorted(p.relative_to(built / "report") for p in (built / "report").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other / "report") for p in (other / "report").rglob("*") if p.is_file())
    for rel in files:
        assert (built / "report" / rel).read_bytes() == (other / "report" / rel).read_bytes(), rel


def test_empty_tables_give_a_report(tmp_path):
    out = tmp_path / "processed"
    write_corpus(out, [], [], [])
    publish(out)
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "No documents." in page and "No economy mentioned yet." in page and "<img" not in page
    assert (out / "datapackage.json").exists() and (out / "mofa.duckdb").exists()


# --- in a browser ---------------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def _chromium(page: Path, tmp: Path, name: str) -> tuple[str, Path]:
    shot = tmp / f"{name}.png"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={tmp / ('profile-' + name)}", "--window-size=1280,1600",
           f"--screenshot={shot}", "--dump-dom", page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, shot


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: install Debian's package with "
                    "`apt-get install -y chromium` (.ci/run does this) to run the browser test")
def test_report_renders_in_headless_chromium(built, tmp_path):
    dom, shot = _chromium(built / "report" / "index.html", tmp_path, "index")
    assert '<section id="network">' in dom and 'src="charts/network.svg"' in dom
    assert "Clean Ports Initiative" in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom  # the hostile title stayed text: no script element was created
    assert shot.exists() and shot.stat().st_size > 20_000  # a real screenshot, not a blank page

    import matplotlib.image

    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[1] == 1280 and pixels[..., :3].std() > 0.05  # something is drawn

    dom, shot = _chromium(built / "report" / "doc" / "aaaa000000000001.html", tmp_path, "doc")
    assert dom.count('class="ent ent-economy"') == 4 and 'id="claim-2"' in dom and "<script" not in dom
    assert shot.stat().st_size > 20_000


# --- incremental updates --------------------------------------------------------------------------------------

def _snapshot(report: Path) -> dict[str, bytes]:
    return {str(p.relative_to(report)): p.read_bytes() for p in sorted(report.rglob("*")) if p.is_file()}


def test_update_renders_only_changed_pages_and_equals_a_full_rebuild(tmp_path):
    import json
    import os

    out = write_hand_built(tmp_path / "inc")
    publish(out)
    doc = out / "report" / "doc"
    manifest = json.loads((out / "report" / "pages.json").read_text(encoding="utf-8"))
    assert set(manifest["pages"]) == {"aaaa000000000001", "bbbb000000000002", "cccc000000000003"}
    os.utime(doc / "aaaa000000000001.html", ns=(1, 1))
    os.utime(doc / "bbbb000000000002.html", ns=(1, 1))

    # second run: the undated notice is gone and the second release shows another hit count
    results, manifest_rows, rejects = hand_built_results()
    results = results[:2]
    results[1].document = results[1].document.model_copy(update={"hits": 7})
    write_corpus(out, results, manifest_rows[:2], rejects)
    publish(out)
    assert os.stat(doc / "aaaa000000000001.html").st_mtime_ns == 1  # nothing it shows changed: not rendered
    assert os.stat(doc / "bbbb000000000002.html").st_mtime_ns != 1  # its hits changed
    assert not (doc / "cccc000000000003.html").exists()

    # an entity renamed in another document's rows re-renders every page that names it
    results[1].economies = [results[1].economies[0].model_copy(update={"name": "Republic of Korea"})]
    results[0].economies = [e for e in results[0].economies if e.economy_id != "KOR"]
    write_corpus(out, results, manifest_rows[:2], rejects)
    os.utime(doc / "aaaa000000000001.html", ns=(1, 1))
    publish(out)
    page = (doc / "aaaa000000000001.html").read_text(encoding="utf-8")
    assert os.stat(doc / "aaaa000000000001.html").st_mtime_ns != 1 and "Republic of Korea" in page

    fresh = tmp_path / "fresh"
    write_corpus(fresh, results, manifest_rows[:2], rejects)
    publish(fresh)
    assert _snapshot(out / "report") == _snapshot(fresh / "report")


def test_a_page_deleted_or_a_manifest_lost_is_rebuilt(built, tmp_path):
    out = tmp_path / "processed"
    shutil.copytree(built, out)
    (out / "report" / "doc" / "aaaa000000000001.html").unlink()
    (out / "report" / "charts" / "network.svg").write_text("tampered")
    (out / "report" / "pages.json").write_text("{not json")
    publish(out)
    assert _snapshot(out / "report") == _snapshot(built / "report")


# --- speed-minded cores: same output as the plain versions -----------------------------------------------------

def _render_reference(text: str, spans: list[Span]) -> str:
    """The plain algorithm (sort the open spans at every cut, diff with the open stack), as a reference."""
    from markupsafe import escape

    def opening(s: Span, first: bool) -> str:
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in s.attrs)
        if first and s.anchor:
            attrs += f' id="{escape(s.anchor)}"'
        return f"<{s.tag}{attrs}>"

    def closing(s: Span, final: bool) -> str:
        return (f'<span class="label">{escape(s.label)}</span>' if final and s.label else "") + f"</{s.tag}>"

    valid = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)},
                   key=lambda s: (s.layer, s.start, -s.end, s.tag, s.attrs, s.label or "", s.anchor or ""))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out, stack, opened = [], [], set()
    for a, b in itertools.pairwise(cuts):
        active = [i for i, s in enumerate(valid) if s.start <= a < s.end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        out += [closing(valid[i], valid[i].end <= a) for i in reversed(stack[keep:])]
        stack = stack[:keep]
        for i in active[keep:]:
            out.append(opening(valid[i], i not in opened))
            opened.add(i)
            stack.append(i)
        out.append(str(escape(text[a:b])))
    out += [closing(valid[i], True) for i in reversed(stack)]
    return "".join(out)


def test_render_matches_the_plain_algorithm_on_random_overlapping_spans():
    import random

    rng = random.Random(7)
    text = "Korea & <Japan> said \"it's\" fine; the Minister urged ASEAN to act. " * 3
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(-2, len(text))
            b = a + rng.randint(0, 40)
            spans.append(Span(a, b, rng.choice((PARAGRAPH, CLAIM, MENTION)), rng.choice(("span", "mark")),
                              (("class", rng.choice(("ent", "claim-cue", "para"))), ("title", "x & \"y\"")),
                              label=rng.choice((None, "PERSON", "C1")), anchor=rng.choice((None, "claim-1"))))
        assert str(render(text, spans)) == _render_reference(text, spans)


def test_escape_text_is_markupsafe_escape():
    from markupsafe import escape

    from pipeline.outputs.report.highlight import escape_text

    for s in ("", "plain", "<a href='x'>\"&amp;\"</a>", "& & <<>> ''\"\"", "Korea’s “quoted” text"):
        assert escape_text(s) == str(escape(s))


def test_charts_are_valid_svg_with_escaped_labels_and_deterministic():
    from pipeline.outputs.report import charts

    hostile = "<script>alert(1)</script> & \"Co\""
    month = charts.documents_by_month_svg([f"2024-{m:02d}" for m in range(1, 10)] + ["undated"],
                                          ["Press Releases", hostile], [[i % 3, 1] for i in range(10)])
    bars = charts.horizontal_bars_svg(["Korea", hostile, "A" * 80], [1950, 3, 0], "mentions")
    nodes = [{"kind": "economy", "id": "KOR", "name": "Korea", "mentions": 9},
             {"kind": "economy", "id": "JPN", "name": "Japan", "mentions": 2},
             {"kind": "initiative", "id": "initiative:x", "name": hostile, "mentions": 1}]
    edges = [{"a": ("economy", "JPN"), "b": ("economy", "KOR"), "weight": 3},
             {"a": ("economy", "KOR"), "b": ("initiative", "initiative:x"), "weight": 1}]
    net = charts.network_svg(nodes, edges)
    for svg in (month, bars, net):
        root = ElementTree.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<script" not in svg and "&lt;script&gt;" in svg
        assert not root.findall(".//{http://www.w3.org/2000/svg}script")
    assert charts.network_svg(nodes, edges) == net and charts.horizontal_bars_svg(
        ["Korea", hostile, "A" * 80], [1950, 3, 0], "mentions") == bars
    # every month and category is labelled, the bars carry their values, long names are cut
    assert all(f">2024-{m:02d}<" in month for m in range(1, 10)) and ">undated<" in month
    assert ">Press Releases<" in month and ">1950<" in bars and "A" * 80 not in bars and "A" * 37 + "…" in bars
    assert ">KOR<" in net and ">JPN<" in net and net.count("<circle") == 3 and net.count("<line") == 2
    assert charts.nice_ticks(1950) == [0, 500, 1000, 1500, 2000] and charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(7) == [0, 2, 4, 6, 8] and charts.nice_ticks(3) == [0, 1, 2, 3]
