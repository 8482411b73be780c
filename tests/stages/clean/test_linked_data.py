"""Linked Data records of the ministry's open-data site, as texts and pages written for the test (invented records,
seqs, dates and words, in the layout of the site): the heading with the record's URI, the 'Property Value' table of
prefixed properties with their '  • ' values, the long text in whichever property holds it."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.engine import ids
from pipeline.stages.clean import Rejected, clean_bytes
from pipeline.stages.clean.core import sniff_format
from pipeline.stages.clean.linked_data import local_name, record_of_text
from schemas.models import CleanDocument

#: The dump's whitespace-only lines and trailing spaces (part of the layout).
S7, S9, E = " " * 7, " " * 9, ""
URI = "http://opendata.example.go.kr/brief/resource/Document/900123"
RECORD = f"""[900123] 대변인 정례브리핑 (3.14) ( {URI} ) at Open Data

Property Value
rdf:type
rdfs:label
  • 대변인 정례브리핑 (3.14)
skos:prefLabel
  • [900123] 대변인 정례브리핑 (3.14)
skos:altLabel
  • 대변인정례브리핑(3.14)
mofadocu:relatedDept
  • 언론담당관실
mofadocu:relatedCountry
  • 칠레
  • 페루
dcterms:issued
  • 2031-03-14
bibo:content
  • I. 모두 발언
{S9}
       안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다. {E}
       오늘은 발표할 사항이 한 가지 있습니다. {E}
{S9}
       이서진 외교부 제2차관은 칠레 외교차관과 회담을 갖고 교역 확대 방안을 논의할 예정입니다.
         • 일시: 3월 16일(월)
         • 장소: 서울
{S9}
    II. 질의 및 응답
{S9}
    <질문> 칠레와의 협의는 언제 열립니까? (가상방송 박가상 기자)
{S9}
    <답변> 다음 달 산티아고에서 열릴 것으로 보고 있습니다. {E}
dcterms:subject
  • 칠레
"""


def _one(text: str, name: str = "record.txt") -> CleanDocument:
    (doc,) = clean_bytes(name, text.encode("utf-8"))
    assert isinstance(doc, CleanDocument), doc
    return doc


def _body(doc: CleanDocument) -> list[str]:
    return [doc.text[p.start:p.end] for p in doc.paragraphs if p.section == "body"]


def test_a_record_is_read_by_its_table() -> None:
    assert sniff_format(RECORD) == "linked_data"
    doc = _one(RECORD)
    assert (doc.input_format, doc.language, doc.title, doc.category, doc.published, doc.hits, doc.url) == (
        "linked_data", "ko", "대변인 정례브리핑 (3.14)", None, dt.date(2031, 3, 14), None, URI)
    body = _body(doc)
    # the briefing's leading section heading goes (as on the board pages); lines of one paragraph are joined,
    # blank lines part paragraphs, the text's own bulleted lines stay in it
    assert body[0] == "안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다. 오늘은 발표할 사항이 한 가지 있습니다."
    assert body[1].startswith("이서진 외교부 제2차관은") and "• 일시: 3월 16일(월)" in body[1]
    assert body[2:] == ["II. 질의 및 응답", "<질문> 칠레와의 협의는 언제 열립니까? (가상방송 박가상 기자)",
                        "<답변> 다음 달 산티아고에서 열릴 것으로 보고 있습니다."]
    for other in ("Property Value", "rdf:type", "skos:", "bibo:", "dcterms:", "[900123]", "대변인정례브리핑(3.14)",
                  "언론담당관실", "Open Data", "페루"):
        assert other not in doc.text


def test_the_record_uri_is_its_identity() -> None:
    """The record names no board of the ministry's site: its doc_id is its URI's, the same for every copy."""
    doc = _one(RECORD)
    assert doc.doc_id == ids.doc_id(URI, "") == _one(RECORD.replace("(3.14)\n", "(3.14)  \n", 1), "b.txt").doc_id


def test_title_from_the_preferred_label_without_its_seq_and_text_from_any_property() -> None:
    record = RECORD.replace("rdfs:label\n  • 대변인 정례브리핑 (3.14)\n", "")
    record = record.replace("bibo:content", "dcterms:abstract")
    doc = _one(record)
    assert doc.title == "대변인 정례브리핑 (3.14)"
    assert _body(doc)[-1] == "<답변> 다음 달 산티아고에서 열릴 것으로 보고 있습니다."


def test_a_value_that_names_a_board_is_the_category() -> None:
    doc = _one(RECORD.replace("dcterms:subject\n  • 칠레\n", "dcterms:type\n  • 보도자료\n"))
    assert doc.category == "보도자료"


def test_a_record_without_a_text_property_is_an_empty_body_reject() -> None:
    start = RECORD.index("bibo:content")
    record = RECORD[:start] + RECORD[RECORD.index("dcterms:subject"):]
    with pytest.raises(Rejected, match=r"empty body: the Linked Data record '대변인 정례브리핑 \(3\.14\)' has no "
                                       r"property holding text \(its properties: rdf:type, rdfs:label"):
        clean_bytes("record.txt", record.encode("utf-8"))


def test_the_page_footer_ends_the_table_and_properties_are_in_page_order() -> None:
    record = record_of_text(RECORD + "\nRaw data: RDF/XML | N-Triples | JSON\n")
    assert record is not None and record.uri == URI
    assert [local_name(n) for n, _ in record.properties] == [
        "type", "label", "preflabel", "altlabel", "relateddept", "relatedcountry", "issued", "content", "subject"]
    assert dict(record.properties)["mofadocu:relatedCountry"] == ["칠레", "페루"]
    assert dict(record.properties)["dcterms:subject"] == ["칠레"]  # the footer is no value


def test_a_text_that_only_mentions_properties_is_no_record() -> None:
    text = "Property Value\n\nThe table above lists a property and its value, e.g. the label.\n"
    assert sniff_format(text) == "text"
    assert record_of_text(RECORD.replace("Property Value", "Properties")) is None


PAGE = f"""<!DOCTYPE html>
<html><head><title>[900123] 대변인 정례브리핑 (3.14) | Open Data</title></head>
<body>
<div id="header"><h1>[900123] 대변인 정례브리핑 (3.14)</h1><div>at <a href="http://opendata.example.go.kr/">Open
Data</a></div><div class="page-resource-uri"><a href="{URI}">{URI}</a></div></div>
<table class="description">
<tr><th>Property</th><th>Value</th></tr>
<tr><td class="property"><a href="http://www.w3.org/2000/01/rdf-schema#label"><small>rdfs:</small>label</a></td>
<td><ul><li><span class="literal">대변인 정례브리핑 (3.14)</span></li></ul></td></tr>
<tr><td class="property"><small>mofadocu:</small>relatedDept</td><td><ul><li>언론담당관실</li></ul></td></tr>
<tr><td class="property"><small>dcterms:</small>issued</td><td>2031-03-14</td></tr>
<tr><td class="property"><small>bibo:</small>abstract</td><td><ul><li><span class="literal">I. 모두 발언
{S7}
   안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다.<br><br>
   이서진 외교부 제2차관은 칠레 외교차관과 회담을 갖고 교역 확대 방안을 논의할 예정입니다.

   &lt;질문&gt; 칠레와의 협의는 언제 열립니까? (가상방송 박가상 기자)</span></li></ul></td></tr>
</table>
<div id="footer">Raw data: RDF/XML</div>
</body></html>
"""


def test_the_record_saved_as_a_page_is_read_from_its_property_table() -> None:
    assert sniff_format(PAGE) == "html"
    doc = _one(PAGE, "record.html")
    assert (doc.input_format, doc.title, doc.published, doc.category, doc.url) == (
        "linked_data", "대변인 정례브리핑 (3.14)", dt.date(2031, 3, 14), None, URI)
    assert _body(doc) == ["안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다.",
                          "이서진 외교부 제2차관은 칠레 외교차관과 회담을 갖고 교역 확대 방안을 논의할 예정입니다.",
                          "<질문> 칠레와의 협의는 언제 열립니까? (가상방송 박가상 기자)"]
    assert doc.doc_id == _one(RECORD).doc_id  # the text dump and the page of one record are one document


def test_a_page_record_without_text_is_an_empty_body_reject() -> None:
    page = PAGE[:PAGE.index('<tr><td class="property"><small>bibo:')] + "</table></body></html>"
    with pytest.raises(Rejected, match=r"empty body: the Linked Data record .* no property holding text"):
        clean_bytes("record.html", page.encode("utf-8"))
